import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import { createCase } from '../support/cases';

const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';
const CREATE_USER = `mutation($input: CreateUserInput!) {
  createUser(input: $input) { id email name roles disabled invited invitation { token expiresAt } teams { name } }
}`;
const UPDATE_USER = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { id roles disabled teams { name } } }`;
const CREATE_TEAM = `mutation($name: String!) { createTeam(input: { name: $name }) { id name } }`;
const CREATE_ROLE = `mutation($name: String!, $description: String!) { createRole(input: { name: $name, description: $description }) { name description builtIn } }`;
const ASSIGN = `mutation($input: AssignCaseInput!) { assignCase(input: $input) { id team { name } assignee { email } history { type payload } } }`;

interface User {
  id: string;
  email: string;
  roles: string[];
  disabled: boolean;
  invited: boolean;
  invitation: { token: string; expiresAt: string } | null;
  teams: { name: string }[];
}

describe('people: users, teams, roles, sessions', () => {
  let api: TestApi;
  let admin: string;
  let adminId: string;
  let auditor: string;
  let officer: string;
  const counts = async () =>
    Promise.all(
      ['user', 'team', 'user_team', 'role', 'user_audit'].map(
        async (t) => (await api.dataSource.query(`SELECT count(*)::int AS n FROM "${t}"`))[0].n as number,
      ),
    );
  /** A sign-in from a given client address (the api trusts X-Forwarded-For from loopback in this test). */
  const loginFrom = async (ip: string, email: string, password: string) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ query: LOGIN, variables: { email, password } }),
    });
    return (await response.json()) as {
      data?: { login: { token: string } };
      errors?: { message: string; extensions: { code: string; retryInSeconds?: number } }[];
    };
  };
  const createUser = async (input: Record<string, unknown>, token = admin) =>
    api.graphql<{ createUser: User }>(CREATE_USER, { input }, token);

  beforeAll(async () => {
    api = await startTestApi('people', { trustProxy: 'loopback' });
    admin = await api.signIn(['admin'], 'chief@example.org');
    auditor = await api.signIn(['auditor']);
    officer = await api.signIn(['officer']);
    adminId = (await api.graphql<{ me: { id: string } }>('{ me { id } }', {}, admin)).data?.me.id ?? '';
  });
  afterAll(() => api?.close());

  it('an administrator adds a user to a team with a defined role; they sign in; user_audit names the administrator', async () => {
    const team = await api.graphql<{ createTeam: { id: string; name: string } }>(
      CREATE_TEAM,
      { name: 'Information Governance' },
      admin,
    );
    const role = await api.graphql<{ createRole: { name: string; builtIn: boolean } }>(
      CREATE_ROLE,
      { name: 'press-office', description: 'Clears responses the press will ask about.' },
      admin,
    );
    expect(role.data?.createRole).toEqual({
      name: 'press-office',
      description: 'Clears responses the press will ask about.',
      builtIn: false,
    });
    const roles = await api.graphql<{ roles: { name: string; builtIn: boolean }[] }>(
      '{ roles { name builtIn } }',
      {},
      officer,
    );
    // approver is there from the start: the built-in workflows' approval step needs it.
    expect(roles.data?.roles.map((r) => r.name)).toEqual([
      'admin',
      'auditor',
      'contributor',
      'officer',
      'approver',
      'press-office',
    ]);

    const created = await createUser({
      email: 'Priya@Example.org',
      name: 'Priya Shah',
      roles: ['officer', 'approver'],
      password: 'a long password',
      teamIds: [team.data?.createTeam.id],
    });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createUser).toMatchObject({
      email: 'priya@example.org',
      roles: ['officer', 'approver'],
      disabled: false,
      invited: false,
      invitation: null,
      teams: [{ name: 'Information Governance' }],
    });
    const signedIn = await api.graphql(LOGIN, { email: 'priya@example.org', password: 'a long password' });
    expect(signedIn.errors).toBeUndefined();

    const audit = await api.graphql<{
      userAudit: {
        actor: { email: string } | null;
        actorLabel: string;
        action: string;
        change: Record<string, unknown>;
      }[];
    }>(
      'query($id: String) { userAudit(targetId: $id) { actor { email } actorLabel action change } }',
      { id: created.data?.createUser.id },
      auditor,
    );
    expect(audit.data?.userAudit).toEqual([
      {
        actor: { email: 'chief@example.org' },
        actorLabel: 'Test admin <chief@example.org>',
        action: 'created',
        change: {
          email: 'priya@example.org',
          name: 'Priya Shah',
          roles: ['officer', 'approver'],
          teamIds: [team.data?.createTeam.id],
          invited: false,
        },
      },
    ]);
    const everything = await api.graphql<{ userAudit: { targetId: string; action: string }[] }>(
      '{ userAudit { targetKind targetId action } }',
      {},
      admin,
    );
    expect(everything.data?.userAudit).toEqual(
      expect.arrayContaining([
        { targetKind: 'team', targetId: team.data?.createTeam.id, action: 'created' },
        { targetKind: 'role', targetId: 'press-office', action: 'created' },
      ]),
    );
  });

  it('keeps user_audit and sign_in_event append-only', async () => {
    await expect(api.dataSource.query(`UPDATE user_audit SET actor_label = 'someone else'`)).rejects.toThrow(
      /user_audit is append-only/,
    );
    await expect(api.dataSource.query('DELETE FROM sign_in_event')).rejects.toThrow(
      /sign_in_event is append-only/,
    );
  });

  it('invites a user: no password, a one-time set-password token shown once, then they sign in', async () => {
    const invited = await createUser({
      email: 'new.starter@example.org',
      name: 'New Starter',
      roles: ['officer'],
    });
    const user = invited.data?.createUser;
    expect(user).toMatchObject({ invited: true, invitation: { token: expect.any(String) } });
    const token = user?.invitation?.token ?? '';
    const before = await api.graphql(LOGIN, {
      email: 'new.starter@example.org',
      password: 'anything at all',
    });
    expect(before.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const short = await api.graphql('mutation($t: String!) { setPassword(token: $t, password: "short") }', {
      t: token,
    });
    expect(short.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const set = await api.graphql<{ setPassword: boolean }>(
      'mutation($t: String!) { setPassword(token: $t, password: "my own password") }',
      { t: token },
    );
    expect(set.data?.setPassword).toBe(true);
    const after = await api.graphql(LOGIN, { email: 'new.starter@example.org', password: 'my own password' });
    expect(after.errors).toBeUndefined();
    const again = await api.graphql(
      'mutation($t: String!) { setPassword(token: $t, password: "another password") }',
      {
        t: token,
      },
    );
    expect(again.errors?.[0]).toMatchObject({
      message:
        'token: This set-password link is unknown, used or expired: ask an administrator for a new one.',
      extensions: { code: 'VALIDATION_FAILED' },
    });
    const users = await api.graphql<{ users: User[] }>(
      '{ users { email invited invitation { token } } }',
      {},
      admin,
    );
    expect(users.data?.users.find((u) => u.email === 'new.starter@example.org')).toEqual({
      email: 'new.starter@example.org',
      invited: false,
      invitation: null,
    });
  });

  it('refuses bad input with clear codes and changes nothing', async () => {
    const before = await counts();
    const bad = await createUser({ email: 'not an e-mail', name: ' ', roles: [], password: 'short' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const fields = (bad.errors?.[0]?.extensions?.fields ?? []) as { field: string }[];
    expect(fields.map((f) => f.field)).toEqual(['email', 'name', 'password', 'roles']);
    const unknownRole = await createUser({
      email: 'x@example.org',
      name: 'X',
      roles: ['wizard'],
      password: 'long enough',
    });
    expect(unknownRole.errors?.[0]).toMatchObject({
      message:
        'Unknown role wizard: the roles are admin, auditor, contributor, officer, approver, press-office.',
      extensions: { code: 'VALIDATION_FAILED' },
    });
    const unknownTeam = await createUser({
      email: 'x@example.org',
      name: 'X',
      roles: ['officer'],
      password: 'long enough',
      teamIds: ['00000000-0000-0000-0000-000000000000'],
    });
    expect(unknownTeam.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const malformedTeam = await createUser({
      email: 'x@example.org',
      name: 'X',
      roles: ['officer'],
      teamIds: ['nope'],
    });
    expect(malformedTeam.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const taken = await createUser({
      email: 'PRIYA@example.org',
      name: 'P',
      roles: ['officer'],
      password: 'long enough',
    });
    expect(taken.errors?.[0]?.message).toBe('A user with the e-mail priya@example.org already exists.');
    const sameTeam = await api.graphql(CREATE_TEAM, { name: 'information governance' }, admin);
    expect(sameTeam.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const emptyTeam = await api.graphql(CREATE_TEAM, { name: '  ' }, admin);
    expect(emptyTeam.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    for (const name of ['Press Office', 'system', 'approver', 'x']) {
      const role = await api.graphql(CREATE_ROLE, { name, description: '' }, admin);
      expect(role.errors?.[0]?.extensions?.code, name).toBe('VALIDATION_FAILED');
    }
    const nobody = await api.graphql(
      UPDATE_USER,
      { input: { id: '00000000-0000-0000-0000-000000000000', name: 'N' } },
      admin,
    );
    expect(nobody.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const self = await api.graphql(UPDATE_USER, { input: { id: adminId, disabled: true } }, admin);
    expect(self.errors?.[0]?.message).toBe(
      'input.disabled: You cannot disable yourself; ask another administrator.',
    );
    const demote = await api.graphql(UPDATE_USER, { input: { id: adminId, roles: ['officer'] } }, admin);
    expect(demote.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const reset = await api.graphql(
      'mutation($id: ID!) { resetUserPassword(input: { userId: $id, password: "short" }) { id } }',
      { id: adminId },
      admin,
    );
    expect(reset.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const limit = await api.graphql('{ userAudit(limit: 0) { id } }', {}, admin);
    expect(limit.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(await counts()).toEqual(before);
  });

  it('refuses every people operation to roles outside its rights', async () => {
    const officerCreates = await createUser(
      { email: 'o@example.org', name: 'O', roles: ['admin'], password: 'long enough' },
      officer,
    );
    expect(officerCreates.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const query of ['{ users { id } }', 'mutation { createTeam(input: { name: "T" }) { id } }']) {
      const result = await api.graphql(query, {}, auditor);
      expect(result.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
    }
    for (const query of ['{ userAudit { id } }', '{ signInEvents { id } }', '{ users { id } }']) {
      const result = await api.graphql(query, {}, officer);
      expect(result.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
    }
  });

  it("refuses a disabled user's existing token at their next request; enabling again does not revive it", async () => {
    await createUser({
      email: 'leaver@example.org',
      name: 'Leaver',
      roles: ['officer'],
      password: TEST_PASSWORD,
    });
    const token = (
      await api.graphql<{ login: { token: string } }>(LOGIN, {
        email: 'leaver@example.org',
        password: TEST_PASSWORD,
      })
    ).data?.login.token;
    const me = await api.graphql<{ me: { id: string } }>('{ me { id } }', {}, token);
    const id = me.data?.me.id;
    const disabled = await api.graphql<{ updateUser: User }>(
      UPDATE_USER,
      { input: { id, disabled: true } },
      admin,
    );
    expect(disabled.data?.updateUser.disabled).toBe(true);
    const refused = await api.graphql('{ cases { totalCount } }', {}, token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const signIn = await api.graphql(LOGIN, { email: 'leaver@example.org', password: TEST_PASSWORD });
    expect(signIn.errors?.[0]?.message).toBe('The e-mail or password is wrong.');

    await api.graphql(UPDATE_USER, { input: { id, disabled: false } }, admin);
    expect((await api.graphql('{ me { id } }', {}, token)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await api.graphql(LOGIN, { email: 'leaver@example.org', password: TEST_PASSWORD })).errors,
    ).toBeUndefined();
    const audit = await api.graphql<{ userAudit: { action: string; change: unknown }[] }>(
      'query($id: String) { userAudit(targetId: $id) { action change } }',
      { id },
      auditor,
    );
    expect(audit.data?.userAudit.slice(0, 2)).toEqual([
      { action: 'updated', change: { before: { disabled: true }, after: { disabled: false } } },
      { action: 'updated', change: { before: { disabled: false }, after: { disabled: true } } },
    ]);
  });

  it('a change of roles takes effect at the next request, without signing in again', async () => {
    const created = await createUser({
      email: 'mover@example.org',
      name: 'Mover',
      roles: ['officer'],
      password: TEST_PASSWORD,
    });
    const token = (
      await api.graphql<{ login: { token: string } }>(LOGIN, {
        email: 'mover@example.org',
        password: TEST_PASSWORD,
      })
    ).data?.login.token;
    expect((await api.graphql('{ cases { totalCount } }', {}, token)).errors).toBeUndefined();
    await api.graphql(UPDATE_USER, { input: { id: created.data?.createUser.id, roles: ['auditor'] } }, admin);
    const asAuditor = await createCaseAttempt(api, token);
    expect(asAuditor.errors?.[0]).toMatchObject({
      message: 'Only officer users may do this; you are auditor.',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it("an administrator ends a user's sessions; the sign-in log records it with who did it", async () => {
    const created = await createUser({
      email: 'ended@example.org',
      name: 'Ended',
      roles: ['officer'],
      password: TEST_PASSWORD,
    });
    const id = created.data?.createUser.id;
    const token = (
      await api.graphql<{ login: { token: string } }>(LOGIN, {
        email: 'ended@example.org',
        password: TEST_PASSWORD,
      })
    ).data?.login.token;
    const ended = await api.graphql(
      'mutation($id: ID!) { endUserSessions(userId: $id) { id } }',
      { id },
      admin,
    );
    expect(ended.errors).toBeUndefined();
    expect((await api.graphql('{ me { id } }', {}, token)).errors?.[0]?.message).toBe(
      'Your session has ended (an administrator ended or changed it). Sign in again.',
    );
    const log = await api.graphql<{ signInEvents: { outcome: string; actorId: string | null }[] }>(
      'query($id: ID) { signInEvents(userId: $id) { outcome actorId } }',
      { id },
      auditor,
    );
    expect(log.data?.signInEvents).toEqual([
      { outcome: 'sessions-ended', actorId: adminId },
      { outcome: 'signed-in', actorId: null },
    ]);
  });

  it('resets a password to a one-time link: the old password and sessions stop working', async () => {
    const created = await createUser({
      email: 'forgot@example.org',
      name: 'Forgot',
      roles: ['officer'],
      password: TEST_PASSWORD,
    });
    const reset = await api.graphql<{ resetUserPassword: User }>(
      'mutation($id: ID!) { resetUserPassword(input: { userId: $id }) { invited invitation { token } } }',
      { id: created.data?.createUser.id },
      admin,
    );
    expect(reset.data?.resetUserPassword.invited).toBe(true);
    expect(
      (await api.graphql(LOGIN, { email: 'forgot@example.org', password: TEST_PASSWORD })).errors?.[0]
        ?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    await api.graphql('mutation($t: String!) { setPassword(token: $t, password: "remembered now") }', {
      t: reset.data?.resetUserPassword.invitation?.token,
    });
    expect(
      (await api.graphql(LOGIN, { email: 'forgot@example.org', password: 'remembered now' })).errors,
    ).toBeUndefined();
  });

  it('10 wrong passwords from one client do not lock out the right password from another; every attempt is logged', async () => {
    await createUser({
      email: 'target@example.org',
      name: 'Target',
      roles: ['admin'],
      password: TEST_PASSWORD,
    });
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) {
      const result = await loginFrom('203.0.113.9', 'target@example.org', `wrong guess ${i}`);
      codes.push(result.errors?.[0]?.extensions.code ?? 'OK');
    }
    expect(codes.slice(0, 3)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(codes.slice(3)).toEqual(Array(7).fill('TOO_MANY_REQUESTS'));
    const stranger = await loginFrom('203.0.113.9', 'target@example.org', TEST_PASSWORD);
    expect(stranger.errors?.[0]?.extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryInSeconds: expect.any(Number),
    });

    const owner = await loginFrom('198.51.100.20', 'target@example.org', TEST_PASSWORD);
    expect(owner.errors).toBeUndefined();
    expect(owner.data?.login.token).toEqual(expect.any(String));

    const log = await api.graphql<{ signInEvents: { email: string; clientIp: string; outcome: string }[] }>(
      '{ signInEvents(limit: 12) { email clientIp outcome } }',
      {},
      admin,
    );
    expect(log.data?.signInEvents.map((e) => `${e.clientIp} ${e.outcome}`)).toEqual([
      '198.51.100.20 signed-in',
      ...Array(8).fill('203.0.113.9 throttled'),
      ...Array(3).fill('203.0.113.9 failed'),
    ]);
  });

  it('assigns a case to a team and a member, records both, and the team queue shows it to members', async () => {
    const teams = await api.graphql<{ teams: { id: string; name: string }[] }>(
      '{ teams { id name } }',
      {},
      officer,
    );
    const ig = teams.data?.teams.find((t) => t.name === 'Information Governance');
    const highways = (
      await api.graphql<{ createTeam: { id: string } }>(CREATE_TEAM, { name: 'Highways' }, admin)
    ).data?.createTeam.id;
    const member = await createUser({
      email: 'ig.officer@example.org',
      name: 'IG Officer',
      roles: ['officer'],
      password: TEST_PASSWORD,
      teamIds: [ig?.id],
    });
    const memberToken = (
      await api.graphql<{ login: { token: string } }>(LOGIN, {
        email: 'ig.officer@example.org',
        password: TEST_PASSWORD,
      })
    ).data?.login.token;
    const created = await createCase(api, officer, { subject: 'Team queue case' });

    const picker = await api.graphql<{ assignees: { email: string }[] }>(
      'query($t: ID) { assignees(teamId: $t) { email } }',
      { t: ig?.id },
      officer,
    );
    expect(picker.data?.assignees.map((u) => u.email)).toEqual([
      'ig.officer@example.org',
      'priya@example.org',
    ]);

    const outsider = await api.graphql(
      ASSIGN,
      { input: { caseId: created.id, teamId: highways, assigneeId: member.data?.createUser.id } },
      officer,
    );
    expect(outsider.errors?.[0]).toMatchObject({
      message: 'The assignee is not a member of that team.',
      extensions: { code: 'VALIDATION_FAILED' },
    });
    const noTeam = await api.graphql(
      ASSIGN,
      { input: { caseId: created.id, teamId: '00000000-0000-0000-0000-000000000000' } },
      officer,
    );
    expect(noTeam.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const assigned = await api.graphql<{
      assignCase: {
        team: { name: string };
        assignee: { email: string };
        history: { type: string; payload: unknown }[];
      };
    }>(
      ASSIGN,
      { input: { caseId: created.id, teamId: ig?.id, assigneeId: member.data?.createUser.id } },
      officer,
    );
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data?.assignCase).toMatchObject({
      team: { name: 'Information Governance' },
      assignee: { email: 'ig.officer@example.org' },
    });
    expect(assigned.data?.assignCase.history.at(-1)).toEqual({
      type: 'CASE_ASSIGNED',
      payload: { assigneeId: member.data?.createUser.id, teamId: ig?.id },
    });

    const queue = (token: string | undefined) =>
      api.graphql<{ cases: { edges: { node: { subject: string } }[] } }>(
        '{ cases(filter: { teamQueue: true }) { edges { node { subject } } } }',
        {},
        token,
      );
    expect((await queue(memberToken)).data?.cases.edges.map((e) => e.node.subject)).toEqual([
      'Team queue case',
    ]);
    expect((await queue(officer)).data?.cases.edges).toEqual([]);
  });

  it('workflow transitions may name defined roles; an undefined one is an error in the draft', async () => {
    const definition = JSON.parse(readFileSync(join(__dirname, '../../workflows/foi.json'), 'utf8'));
    const transition = definition.stages.flatMap(
      (s: { transitions: { roles: string[] }[] }) => s.transitions,
    )[0];
    transition.roles = ['officer', 'approver'];
    const save = `mutation($input: SaveWorkflowDraftInput!) { saveWorkflowDraft(input: $input) { revision errors { path code message } } }`;
    const known = await api.graphql<{ saveWorkflowDraft: { errors: { code: string }[] } }>(
      save,
      { input: { workflowId: 'foi', definition } },
      admin,
    );
    expect(known.data?.saveWorkflowDraft.errors).toEqual([]);
    transition.roles = ['legal'];
    const unknown = await api.graphql<{ saveWorkflowDraft: { errors: { code: string; message: string }[] } }>(
      save,
      { input: { workflowId: 'foi', definition, baseRevision: 1 } },
      admin,
    );
    expect(unknown.data?.saveWorkflowDraft.errors.map((e) => e.code)).toEqual(['unknown-role']);
    await api.graphql(CREATE_ROLE, { name: 'legal', description: 'Legal' }, admin);
    const draft = await api.graphql<{ workflow: { draft: { errors: unknown[] } } }>(
      '{ workflow(id: "foi") { draft { errors { code } } } }',
      {},
      admin,
    );
    expect(draft.data?.workflow.draft.errors).toEqual([]);
  });
});

function createCaseAttempt(api: TestApi, token: string | undefined) {
  return api.graphql(
    'mutation { createCase(input: { workflowId: "foi", receivedOn: "2026-01-14", channel: "email", subject: "s", requestText: "t" }) { id } }',
    {},
    token,
  );
}

describe('HTTP security headers', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('headers');
  });
  afterAll(() => api?.close());

  it('sends a strict Content-Security-Policy, refuses framing and sniffing, and hides X-Powered-By', async () => {
    const response = await fetch(`${api.url}/health`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
