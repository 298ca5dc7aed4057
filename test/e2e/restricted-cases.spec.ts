import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SubjectAccessRestricted1764000001200,
  UPGRADE_LABEL,
} from '../../apps/api/src/database/migrations/1764000001200-subject-access-restricted';
import { startTestApi, type TestApi } from '../support/api';
import { type CreatedCase, createCase, handlesSars, sendEvent } from '../support/cases';

const SET_ACCESS = `mutation($input: SetWorkflowAccessInput!) {
  setWorkflowAccess(input: $input) { workflowId restricted teams { name } }
}`;
const LIST = `{ cases(filter: { status: "all" }, first: 200) { edges { node { reference } } count { value } } }`;
const OPEN = `query($id: ID!) { case(id: $id) { reference requester { name email } } }`;
const READS = `query($caseId: ID) { personalDataReads(caseId: $caseId) { actorId actorLabel caseReference fieldGroup } }`;

describe('restricted workflows: subject access requests only for the Data Protection team', () => {
  let api: TestApi;
  let admin: string;
  let member: string;
  let memberId: string;
  let outsider: string;
  let auditor: string;
  let dataProtection: string;
  let sar: CreatedCase;
  let foi: CreatedCase;
  let early: CreatedCase;
  const references = async (token: string) => {
    const result = await api.graphql<{
      cases: { edges: { node: { reference: string } }[]; count: { value: number } };
    }>(LIST, {}, token);
    expect(result.errors).toBeUndefined();
    const list = result.data?.cases.edges.map((e) => e.node.reference) ?? [];
    expect(result.data?.cases.count.value).toBe(list.length);
    return list;
  };
  const search = async (text: string, token: string) => {
    const result = await api.graphql<{ cases: { edges: { node: { reference: string } }[] } }>(
      'query($text: String) { cases(filter: { status: "all", text: $text }) { edges { node { reference } } } }',
      { text },
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data?.cases.edges.map((e) => e.node.reference) ?? [];
  };
  const reads = async () =>
    (await api.dataSource.query('SELECT count(*)::int AS n FROM personal_data_read'))[0].n as number;

  beforeAll(async () => {
    api = await startTestApi('restricted_cases');
    admin = await api.signIn(['admin'], 'dana.admin@example.org');
    member = await api.signIn(['officer'], 'priya.dp@example.org');
    outsider = await api.signIn(['officer'], 'hal.highways@example.org');
    auditor = await api.signIn(['auditor'], 'aud.auditor@example.org');
    const team = await api.graphql<{ createTeam: { id: string } }>(
      'mutation { createTeam(input: { name: "Data Protection" }) { id } }',
      {},
      admin,
    );
    dataProtection = team.data?.createTeam.id ?? '';
    [{ id: memberId }] = await api.dataSource.query(
      `SELECT id FROM "user" WHERE email = 'priya.dp@example.org'`,
    );
    const joined = await api.graphql(
      'mutation($id: ID!, $teams: [ID!]) { updateUser(input: { id: $id, teamIds: $teams }) { id } }',
      { id: memberId, teams: [dataProtection] },
      admin,
    );
    expect(joined.errors).toBeUndefined();
  });
  afterAll(() => api?.close());

  it('on a fresh install subject access requests are restricted, to no team yet: administrators alone see them', async () => {
    const shown = await api.graphql<{
      workflows: { id: string; restricted: boolean; accessTeams: unknown[] }[];
    }>('{ workflows { id restricted accessTeams { name } } }', {}, admin);
    expect(shown.data?.workflows.filter((w) => w.restricted)).toEqual([
      { id: 'sar', restricted: true, accessTeams: [] },
    ]);
    const [audit] = await api.dataSource.query(
      `SELECT actor_id, actor_label, action, change FROM user_audit WHERE target_kind = 'workflow' AND target_id = 'sar'`,
    );
    expect(audit).toEqual({
      actor_id: null,
      actor_label: 'built-in workflows',
      action: 'access-set',
      change: {
        before: { restricted: false, teamIds: [] },
        after: { restricted: true, teamIds: [] },
        reason: 'Subject access requests are restricted from the start.',
      },
    });

    // No officer may register one until an administrator names the team that handles them.
    const refused = await api.graphql(
      `mutation { createCase(input: { workflowId: "sar", receivedOn: "2026-01-14", channel: "email",
        subject: "s", requestText: "r", requester: { name: "N" } }) { id } }`,
      {},
      member,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toBe(
      'Cases of the workflow "sar" are restricted and no team handles them yet; ask an administrator to name the team that does and add you to it.',
    );

    // An administrator who is also an officer registers one (from the post, say): only administrators see it.
    const adminOfficer = await api.signIn(['admin', 'officer'], 'ola.admin@example.org');
    early = await createCase(api, adminOfficer, {
      workflowId: 'sar',
      subject: 'Subject access: my council tax file',
    });
    expect(await references(admin)).toEqual([early.reference]);
    expect(await search('council tax', admin)).toEqual([early.reference]);
    for (const token of [member, outsider]) {
      expect(await references(token)).toEqual([]);
      expect(await search('council tax', token)).toEqual([]);
      const opened = await api.graphql(OPEN, { id: early.id }, token);
      expect(opened.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const verify = await api.graphql(
      'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok } }',
      { id: early.id },
      auditor,
    );
    expect(verify.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses bad access settings with clear codes and changes nothing', async () => {
    const noTeams = await api.graphql(
      SET_ACCESS,
      { input: { workflowId: 'sar', restricted: true, teamIds: [] } },
      admin,
    );
    expect(noTeams.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'input.teamIds', message: 'Name at least one team that handles these cases.' }],
    });
    const unknownTeam = await api.graphql(
      SET_ACCESS,
      { input: { workflowId: 'sar', restricted: true, teamIds: ['00000000-0000-0000-0000-000000000000'] } },
      admin,
    );
    expect(unknownTeam.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const unknownWorkflow = await api.graphql(
      SET_ACCESS,
      { input: { workflowId: 'nope', restricted: true, teamIds: [dataProtection] } },
      admin,
    );
    expect(unknownWorkflow.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const byOfficer = await api.graphql(
      SET_ACCESS,
      { input: { workflowId: 'sar', restricted: true, teamIds: [dataProtection] } },
      member,
    );
    expect(byOfficer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await api.dataSource.query(`SELECT restricted FROM workflow WHERE id = 'sar'`)).toEqual([
      { restricted: true },
    ]);
    expect(await api.dataSource.query('SELECT count(*)::int AS n FROM workflow_team')).toEqual([{ n: 0 }]);
  });

  it('an administrator names Data Protection as the team that handles subject access requests; user_audit names them', async () => {
    const result = await api.graphql(
      SET_ACCESS,
      { input: { workflowId: 'sar', restricted: true, teamIds: [dataProtection] } },
      admin,
    );
    expect(result.data).toEqual({
      setWorkflowAccess: { workflowId: 'sar', restricted: true, teams: [{ name: 'Data Protection' }] },
    });
    const shown = await api.graphql<{ workflow: { restricted: boolean; accessTeams: { name: string }[] } }>(
      '{ workflow(id: "sar") { restricted accessTeams { name } } }',
      {},
      outsider,
    );
    expect(shown.data?.workflow).toEqual({ restricted: true, accessTeams: [{ name: 'Data Protection' }] });
    const [audit] = await api.dataSource.query(
      `SELECT actor_label, action, change FROM user_audit WHERE target_kind = 'workflow' AND target_id = 'sar'
        ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({
      actor_label: 'Test admin <dana.admin@example.org>',
      action: 'access-set',
      change: {
        before: { restricted: true, teamIds: [] },
        after: { restricted: true, teamIds: [dataProtection] },
      },
    });
    // The member now sees the SAR registered before the team was named.
    expect(await references(member)).toEqual([early.reference]);
    expect(await search('council tax', member)).toEqual([early.reference]);
  });

  it('a member registers a SAR; an officer outside the team may not register one', async () => {
    sar = await createCase(api, member, { workflowId: 'sar', subject: 'Subject access: my housing file' });
    foi = await createCase(api, outsider, { subject: 'Pothole repairs in 2025' });
    const refused = await api.graphql(
      `mutation { createCase(input: { workflowId: "sar", receivedOn: "2026-01-14", channel: "email",
        subject: "s", requestText: "r", requester: { name: "N" } }) { id } }`,
      {},
      outsider,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toContain('restricted to its teams');
  });

  it('an officer outside the team cannot list or open the SAR: NOT_FOUND, as for an id nobody has', async () => {
    expect(await references(outsider)).toEqual([foi.reference]);
    expect(await search('housing', outsider)).toEqual([]);
    expect(await search(sar.reference, outsider)).toEqual([]);
    const readsBefore = await reads();

    const opened = await api.graphql(OPEN, { id: sar.id }, outsider);
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const unknown = await api.graphql(OPEN, { id: unknownId }, outsider);
    expect(opened.data).toBeNull();
    expect(opened.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The same answer as an unknown id: nothing says the case exists.
    expect(opened.errors?.[0]?.message.replace(sar.id, 'ID')).toBe(
      unknown.errors?.[0]?.message.replace(unknownId, 'ID'),
    );

    for (const [query, variables] of [
      ['query($id: ID!) { caseAttachments(caseId: $id) { createdAt } }', { id: sar.id }],
      ['query($id: ID!) { caseDocuments(caseId: $id) { filename } }', { id: sar.id }],
      ['query($id: ID!) { caseMails(caseId: $id) { caseId } }', { id: sar.id }],
      ['query($id: ID!) { previewLetter(caseId: $id, kind: "acknowledgement", body: null) }', { id: sar.id }],
      ['mutation($id: ID!) { assignCase(input: { caseId: $id, assigneeId: null }) { id } }', { id: sar.id }],
    ] as const) {
      const result = await api.graphql(query, variables, outsider);
      expect(result.errors?.[0]?.extensions?.code, query).toBe('NOT_FOUND');
    }
    const moved = await sendEvent(api, outsider, { caseId: sar.id, type: 'START_RESPONSE' });
    expect(moved.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const upload = await fetch(`${api.url}/api/cases/${sar.id}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${outsider}` },
    });
    expect(upload.status).toBe(404);

    // An auditor outside the team: the replay and verification are refused the same way.
    const verify = await api.graphql(
      'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok } }',
      { id: sar.id },
      auditor,
    );
    expect(verify.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Nothing moved, and nothing was read.
    const [row] = await api.dataSource.query('SELECT version, assignee_id FROM "case" WHERE id = $1', [
      sar.id,
    ]);
    expect(row).toEqual({ version: 1, assignee_id: null });
    expect(await reads()).toBe(readsBefore);
  });

  it("a member lists and opens the SAR; each read of the requester's data is recorded", async () => {
    expect((await references(member)).sort()).toEqual([early.reference, foi.reference, sar.reference].sort());
    expect(await search('housing', member)).toEqual([sar.reference]);
    const before = await reads();
    const opened = await api.graphql<{ case: { reference: string; requester: { name: string } } }>(
      OPEN,
      { id: sar.id },
      member,
    );
    expect(opened.data?.case.requester).toEqual({ name: 'A. Requester', email: 'requester@example.net' });
    // An unrestricted case's requester is not logged; the SAR's is, once per read.
    await api.graphql(OPEN, { id: foi.id }, member);
    await api.graphql(OPEN, { id: sar.id }, member);
    expect(await reads()).toBe(before + 2);

    const [logged] = await api.dataSource.query(
      'SELECT actor_id, case_id, field_group FROM personal_data_read ORDER BY id DESC LIMIT 1',
    );
    expect(logged).toEqual({ actor_id: memberId, case_id: sar.id, field_group: 'requester' });
    // The read list: one request for the whole list, one row per restricted case in it.
    const listed = await api.graphql(
      '{ cases(filter: { status: "all" }) { edges { node { requester { name } } } } }',
      {},
      member,
    );
    expect(listed.errors).toBeUndefined();
    expect(await reads()).toBe(before + 4);
  });

  it('auditors and administrators list the reads of the cases they may see; officers may not', async () => {
    const listed = await api.graphql<{ personalDataReads: Record<string, string>[] }>(
      READS,
      { caseId: sar.id },
      admin,
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.personalDataReads).toHaveLength(3);
    expect(listed.data?.personalDataReads[0]).toEqual({
      actorId: memberId,
      actorLabel: 'Test officer <priya.dp@example.org>',
      caseReference: sar.reference,
      fieldGroup: 'requester',
    });
    expect((await api.graphql(READS, {}, admin)).errors).toBeUndefined();
    // An auditor outside the team: the SAR is NOT_FOUND, as an unknown case, and its reads are not in their list.
    const hidden = await api.graphql(READS, { caseId: sar.id }, auditor);
    expect(hidden.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', id: sar.id });
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const unknown = await api.graphql(READS, { caseId: unknownId }, auditor);
    expect(unknown.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', id: unknownId });
    expect(await api.graphql(READS, {}, auditor)).toMatchObject({ data: { personalDataReads: [] } });
    expect((await api.graphql(READS, {}, member)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tampered = api.dataSource.query('DELETE FROM personal_data_read');
    await expect(tampered).rejects.toThrow('personal_data_read is append-only');
  });

  it('tasks on a SAR: an officer outside the team neither lists, opens nor raises them; the service area asked answers', async () => {
    const contributor = await api.signIn(['contributor'], 'hana.hr@example.org');
    const [{ id: hr }] = await api.dataSource.query(`INSERT INTO team (name) VALUES ('HR') RETURNING id`);
    await api.dataSource.query(
      `INSERT INTO user_team (user_id, team_id) SELECT id, $1 FROM "user" WHERE email = 'hana.hr@example.org'`,
      [hr],
    );
    await api.sessionsSettled();
    const raise = `mutation($caseId: ID!, $teamId: ID) {
      raiseTask(input: { caseId: $caseId, question: "Emails about the requester in March?", teamId: $teamId, workingDays: 5 }) { id } }`;
    const raised = await api.graphql<{ raiseTask: { id: string } }>(
      raise,
      { caseId: sar.id, teamId: hr },
      member,
    );
    expect(raised.errors).toBeUndefined();
    const taskId = raised.data?.raiseTask.id as string;
    const listed = async (token: string) =>
      (
        await api.graphql<{ tasks: { id: string; case: { reference: string } }[] }>(
          '{ tasks(filter: { status: ALL }) { id case { reference } } }',
          {},
          token,
        )
      ).data?.tasks.map((t) => t.case.reference);
    expect(await listed(member)).toEqual([sar.reference]);
    expect(await listed(contributor)).toEqual([sar.reference]);
    expect(await listed(outsider)).toEqual([]);
    const opened = await api.graphql('query($id: ID!) { task(id: $id) { id } }', { id: taskId }, outsider);
    expect(opened.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', id: taskId });
    const chased = await api.graphql(
      'mutation($id: ID!) { chaseTask(input: { taskId: $id }) { id } }',
      { id: taskId },
      outsider,
    );
    expect(chased.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const byOutsider = await api.graphql(raise, { caseId: sar.id, teamId: hr }, outsider);
    expect(byOutsider.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const answered = await api.graphql<{ answerTask: { status: string } }>(
      'mutation($id: ID!) { answerTask(input: { taskId: $id, answer: "Three emails, attached." }) { status } }',
      { id: taskId },
      contributor,
    );
    expect(answered.data?.answerTask.status).toBe('answered');
    expect(await api.dataSource.query('SELECT count(*)::int AS n FROM case_task')).toEqual([{ n: 1 }]);
  });

  it('an administrator sees every case; deliberately opening the workflow to all shows the SARs to the outsider', async () => {
    expect((await references(admin)).sort()).toEqual([early.reference, foi.reference, sar.reference].sort());
    const opened = await api.graphql(
      SET_ACCESS,
      { input: { workflowId: 'sar', restricted: false, teamIds: [] } },
      admin,
    );
    expect(opened.errors).toBeUndefined();
    expect((await references(outsider)).sort()).toEqual(
      [early.reference, foi.reference, sar.reference].sort(),
    );
    expect(await api.dataSource.query(`SELECT restricted FROM workflow WHERE id = 'sar'`)).toEqual([
      { restricted: false },
    ]);
  });
});

describe('an officer outside the team can neither act on a restricted case nor reach it through another', () => {
  let api: TestApi;
  let admin: string;
  let member: string;
  let outsider: string;
  let outsiderId: string;
  let dataProtection: string;
  let sar: CreatedCase;
  let foi: CreatedCase;
  const unknownId = '00000000-0000-4000-8000-000000000000';
  const requester = { name: 'Morgan Lee', email: 'morgan.lee@example.net' };
  /** The refusal as the outsider reads it, the id named replaced: the same for the SAR as for an unknown case. */
  const refusalOf = (
    result: { errors?: { message: string; extensions?: Record<string, unknown> }[] },
    id: string,
  ) => result.errors?.map((e) => ({ code: e.extensions?.code, message: e.message.replace(id, '<id>') }));
  const sarRow = async () =>
    (
      await api.dataSource.query(
        'SELECT version, status, subject, assignee_id, (SELECT count(*)::int FROM case_event WHERE case_id = $1) AS events FROM "case" WHERE id = $1',
        [sar.id],
      )
    )[0];

  beforeAll(async () => {
    api = await startTestApi('restricted_gaps');
    admin = await api.signIn(['admin'], 'dana.admin@example.org');
    member = await api.signIn(['officer'], 'priya.dp@example.org');
    outsider = await api.signIn(['officer'], 'hal.highways@example.org');
    dataProtection = await handlesSars(api, member);
    [{ id: outsiderId }] = await api.dataSource.query(
      `SELECT id FROM "user" WHERE email = 'hal.highways@example.org'`,
    );
    sar = await createCase(api, member, {
      workflowId: 'sar',
      subject: 'Subject access: my housing file',
      requester,
    });
    // The same person asks the council an FOI question: a case the outsider handles, alike by its requester.
    foi = await createCase(api, outsider, { subject: 'Housing repairs budget', requester });
  });
  afterAll(() => api?.close());

  it('notes: the outsider adds none to the SAR, refused as for an unknown case; a member adds one', async () => {
    const NOTE =
      'mutation($id: ID!) { addCaseNote(input: { caseId: $id, text: "Called the requester." }) { id } }';
    const before = await sarRow();
    const refused = await api.graphql(NOTE, { id: sar.id }, outsider);
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', id: sar.id });
    expect(refusalOf(refused, sar.id)).toEqual(
      refusalOf(await api.graphql(NOTE, { id: unknownId }, outsider), unknownId),
    );
    expect(await api.dataSource.query('SELECT count(*)::int AS n FROM case_note')).toEqual([{ n: 0 }]);
    expect(await sarRow()).toEqual(before);
    expect((await api.graphql(NOTE, { id: sar.id }, member)).errors).toBeUndefined();
  });

  it('links: the SAR is never suggested, shown as linked, linked either way or unlinked by the outsider', async () => {
    const LINKS = `query($id: ID!) { case(id: $id) {
      links { id other { reference } } linkSuggestions { case { reference } reasons } } }`;
    type Links = {
      case: {
        links: { id: string; other: { reference: string } }[];
        linkSuggestions: { case: { reference: string } }[];
      };
    };
    // The member is offered the SAR beside the FOI request (same requester); the outsider is not.
    const forMember = await api.graphql<Links>(LINKS, { id: foi.id }, member);
    expect(forMember.data?.case.linkSuggestions.map((s) => s.case.reference)).toContain(sar.reference);
    const forOutsider = await api.graphql<Links>(LINKS, { id: foi.id }, outsider);
    expect(forOutsider.errors).toBeUndefined();
    expect(JSON.stringify(forOutsider.data)).not.toContain(sar.reference);

    const LINK = `mutation($input: LinkCasesInput!) { linkCases(input: $input) { id other { reference } } }`;
    const before = await api.dataSource.query('SELECT count(*)::int AS n FROM case_link');
    for (const input of [
      { caseId: foi.id, otherCaseId: sar.id, kind: 'SAME_REQUESTER' },
      { caseId: sar.id, otherCaseId: foi.id, kind: 'SAME_REQUESTER' },
    ]) {
      const refused = await api.graphql(LINK, { input }, outsider);
      expect(refused.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', id: sar.id });
      const asUnknown = JSON.parse(JSON.stringify(input).replace(sar.id, unknownId));
      expect(refusalOf(refused, sar.id)).toEqual(
        refusalOf(await api.graphql(LINK, { input: asUnknown }, outsider), unknownId),
      );
    }
    expect(await api.dataSource.query('SELECT count(*)::int AS n FROM case_link')).toEqual(before);

    // The member links them: the FOI case shows the link to the member only.
    const linked = await api.graphql<{ linkCases: { id: string } }>(
      LINK,
      { input: { caseId: sar.id, otherCaseId: foi.id, kind: 'SAME_REQUESTER' } },
      member,
    );
    expect(linked.errors).toBeUndefined();
    const linkId = linked.data?.linkCases.id as string;
    expect((await api.graphql<Links>(LINKS, { id: foi.id }, member)).data?.case.links).toEqual([
      { id: linkId, other: { reference: sar.reference } },
    ]);
    const seen = await api.graphql<Links>(LINKS, { id: foi.id }, outsider);
    expect(seen.data?.case.links).toEqual([]);
    expect(JSON.stringify(seen.data)).not.toContain(sar.reference);
    const unlink = await api.graphql(
      'mutation($id: ID!) { unlinkCases(input: { linkId: $id }) { id } }',
      { id: linkId },
      outsider,
    );
    expect(unlink.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', id: linkId });
    expect(await api.dataSource.query('SELECT removed_at FROM case_link WHERE id = $1', [linkId])).toEqual([
      { removed_at: null },
    ]);
  });

  it('correcting and reopening the SAR: NOT_FOUND for the outsider, nothing recorded; the member does both', async () => {
    const CORRECT = `mutation($input: CorrectCaseInput!) { correctCase(input: $input) { version } }`;
    const correction = { subject: 'Corrected by someone outside', reason: 'Typo in the subject.' };
    const before = await sarRow();
    const corrected = await api.graphql(CORRECT, { input: { caseId: sar.id, ...correction } }, outsider);
    expect(corrected.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', id: sar.id });
    expect(refusalOf(corrected, sar.id)).toEqual(
      refusalOf(
        await api.graphql(CORRECT, { input: { caseId: unknownId, ...correction } }, outsider),
        unknownId,
      ),
    );
    expect(await sarRow()).toEqual(before);

    const withdrawn = await sendEvent(api, member, { caseId: sar.id, type: 'WITHDRAW' });
    expect(withdrawn.data?.sendCaseEvent.case.status).toBe('closed');
    const REOPEN =
      'mutation($id: ID!) { reopenCase(caseId: $id, reason: "Withdrawn by mistake.") { status } }';
    const closed = await sarRow();
    const reopened = await api.graphql(REOPEN, { id: sar.id }, outsider);
    expect(reopened.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', id: sar.id });
    expect(refusalOf(reopened, sar.id)).toEqual(
      refusalOf(await api.graphql(REOPEN, { id: unknownId }, outsider), unknownId),
    );
    expect(await sarRow()).toEqual(closed);
    expect(await api.graphql(REOPEN, { id: sar.id }, member)).toMatchObject({
      data: { reopenCase: { status: 'open' } },
    });
    expect(
      await api.graphql(CORRECT, { input: { caseId: sar.id, ...correction } }, member),
    ).not.toHaveProperty('errors');
  });

  it('bulk: a selection naming the SAR is refused NOT_FOUND as an unknown case is, acting on none; a filter leaves it out', async () => {
    const START = 'mutation($input: BulkActionInput!) { startBulkAction(input: $input) { id total } }';
    const PREVIEW =
      'query($input: BulkActionInput!) { previewBulkAction(input: $input) { items { reference } } }';
    const assign = (caseIds: string[]) => ({ action: 'ASSIGN', assigneeId: outsiderId, caseIds });
    const before = await sarRow();
    for (const operation of [START, PREVIEW]) {
      const refused = await api.graphql(operation, { input: assign([foi.id, sar.id]) }, outsider);
      expect(refused.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', id: sar.id });
      expect(refusalOf(refused, sar.id)).toEqual(
        refusalOf(await api.graphql(operation, { input: assign([foi.id, unknownId]) }, outsider), unknownId),
      );
    }
    expect(await api.dataSource.query('SELECT count(*)::int AS n FROM bulk_job')).toEqual([{ n: 0 }]);
    expect(await sarRow()).toEqual(before);
    const [{ assignee_id: foiAssignee }] = await api.dataSource.query(
      'SELECT assignee_id FROM "case" WHERE id = $1',
      [foi.id],
    );
    expect(foiAssignee).toBeNull();

    const filtered = await api.graphql<{ previewBulkAction: { items: { reference: string }[] } }>(
      PREVIEW,
      { input: { action: 'ASSIGN', assigneeId: outsiderId, filter: { status: 'all' } } },
      outsider,
    );
    expect(filtered.data?.previewBulkAction.items.map((i) => i.reference)).toEqual([foi.reference]);
  });

  it("bulk: a case restricted while a job runs is reported NOT_FOUND in the job's results and left as it was", async () => {
    const open = async (restricted: boolean) => {
      const result = await api.graphql(
        SET_ACCESS,
        { input: { workflowId: 'sar', restricted, teamIds: restricted ? [dataProtection] : [] } },
        admin,
      );
      expect(result.errors).toBeUndefined();
    };
    await open(false);
    // Holding the FOI case keeps the job at its first case while the workflow is restricted again (the job's
    // own rows may still name it: no key lock is taken).
    const runner = api.dataSource.createQueryRunner();
    await runner.startTransaction();
    await runner.query('SELECT 1 FROM "case" WHERE id = $1 FOR NO KEY UPDATE', [foi.id]);
    const before = await sarRow();
    const started = await api.graphql<{ startBulkAction: { id: string; total: number } }>(
      'mutation($input: BulkActionInput!) { startBulkAction(input: $input) { id total } }',
      { input: { action: 'ASSIGN', assigneeId: outsiderId, caseIds: [foi.id, sar.id] } },
      outsider,
    );
    expect(started.data?.startBulkAction.total).toBe(2);
    await open(true);
    await runner.commitTransaction();
    await runner.release();
    const jobId = started.data?.startBulkAction.id as string;
    for (let i = 0; i < 200; i++) {
      const [job] = await api.dataSource.query('SELECT status FROM bulk_job WHERE id = $1', [jobId]);
      if (job.status === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const items = await api.dataSource.query(
      `SELECT c.reference, i.status, i.code FROM bulk_job_item i JOIN "case" c ON c.id = i.case_id
        WHERE i.job_id = $1 ORDER BY i.position`,
      [jobId],
    );
    expect(items).toEqual([
      { reference: foi.reference, status: 'done', code: null },
      { reference: sar.reference, status: 'failed', code: 'NOT_FOUND' },
    ]);
    expect(await sarRow()).toEqual(before);
    // Reading the job back, the outsider sees their FOI case only.
    const read = await api.graphql<{
      bulkJob: { failed: number; items: { items: { reference: string }[] } };
    }>(
      'query($id: ID!) { bulkJob(id: $id) { failed items { items { reference } } } }',
      { id: jobId },
      outsider,
    );
    expect(read.data?.bulkJob).toEqual({ failed: 1, items: { items: [{ reference: foi.reference }] } });
  });
});

describe('upgrading an installation whose subject access requests were open to every officer', () => {
  let api: TestApi;
  let admin: string;
  let ana: string;
  let ben: string;
  let cat: string;
  let auditor: string;
  const teams: Record<string, string> = {};
  const sars: CreatedCase[] = [];
  const migration = new SubjectAccessRestricted1764000001200();
  const migrate = async (direction: 'up' | 'down') => {
    const runner = api.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await migration[direction](runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    await api.sessionsSettled();
  };
  const access = async (id: string) =>
    (
      await api.graphql<{ workflow: { restricted: boolean; accessTeams: { name: string }[] } }>(
        'query($id: ID!) { workflow(id: $id) { restricted accessTeams { name } } }',
        { id },
        admin,
      )
    ).data?.workflow;
  const seen = async (token: string) =>
    (
      await api.graphql<{ cases: { edges: { node: { reference: string } }[] } }>(
        '{ cases(filter: { status: "all", regime: "sar" }) { edges { node { reference } } } }',
        {},
        token,
      )
    ).data?.cases.edges
      .map((e) => e.node.reference)
      .sort();
  const all = () => sars.map((c) => c.reference).sort();

  beforeAll(async () => {
    api = await startTestApi('sar_upgrade');
    // An administrator who is also an officer registers and assigns the SARs.
    admin = await api.signIn(['admin', 'officer'], 'ada.admin@example.org');
    ana = await api.signIn(['officer'], 'ana.casework@example.org');
    ben = await api.signIn(['officer'], 'ben.records@example.org');
    cat = await api.signIn(['officer'], 'cat.highways@example.org');
    auditor = await api.signIn(['auditor'], 'aud.auditor@example.org');
    for (const [name, email] of [
      ['Casework', 'ana.casework@example.org'],
      ['Records', 'ben.records@example.org'],
      ['Archive', null],
    ] as const) {
      const [team] = await api.dataSource.query('INSERT INTO team (name) VALUES ($1) RETURNING id', [name]);
      teams[name] = team.id;
      if (email)
        await api.dataSource.query(
          `INSERT INTO user_team (user_id, team_id) SELECT id, $2 FROM "user" WHERE email = $1`,
          [email, team.id],
        );
    }
    // Before the upgrade, SAR workflows started open: an administrator made another one from the built-in.
    const copied = await api.graphql(
      'mutation { createWorkflow(input: { id: "sar-schools", name: "SAR for schools", regime: "sar", copyFrom: "sar" }) { id } }',
      {},
      admin,
    );
    expect(copied.errors).toBeUndefined();
    await api.dataSource.query(`UPDATE workflow SET restricted = false WHERE regime = 'sar'`);
    await api.sessionsSettled();
    const userId = async (email: string) =>
      (await api.dataSource.query('SELECT id FROM "user" WHERE email = $1', [email]))[0].id as string;
    const assign = async (caseId: string, assigneeId: string | null, teamId: string | null) => {
      const result = await api.graphql(
        'mutation($input: AssignCaseInput!) { assignCase(input: $input) { id } }',
        { input: { caseId, assigneeId, teamId } },
        admin,
      );
      expect(result.errors).toBeUndefined();
    };
    const register = async (subject: string) => {
      const created = await createCase(api, admin, { workflowId: 'sar', subject });
      sars.push(created);
      return created;
    };
    // Open, in Casework's queue with Ana on it; open, with Ben (in Records) on it; open, with nobody yet;
    // and closed, in Archive's queue, which is not a team that handles SARs now.
    await assign(
      (await register('My housing file')).id,
      await userId('ana.casework@example.org'),
      teams.Casework as string,
    );
    await assign((await register('My parking fines')).id, await userId('ben.records@example.org'), null);
    await register('My school admission');
    const closed = await register('My old complaint');
    await assign(closed.id, null, teams.Archive as string);
    expect((await sendEvent(api, admin, { caseId: closed.id, type: 'WITHDRAW' })).errors).toBeUndefined();
    expect(await seen(cat)).toEqual(all());
  });
  afterAll(() => api?.close());

  it('restricts each SAR workflow to the teams holding its open cases or whose officers are on them', async () => {
    await migrate('up');
    expect(await access('sar')).toEqual({
      restricted: true,
      accessTeams: [{ name: 'Casework' }, { name: 'Records' }],
    });
    // No open case of the copy has a team: administrators alone, until one is named (the Teams page says so).
    expect(await access('sar-schools')).toEqual({ restricted: true, accessTeams: [] });
    const audit = await api.dataSource.query(
      `SELECT target_id, actor_id, change FROM user_audit WHERE actor_label = $1 ORDER BY target_id`,
      [UPGRADE_LABEL],
    );
    expect(audit).toEqual([
      {
        target_id: 'sar',
        actor_id: null,
        change: {
          before: { restricted: false, teamIds: [] },
          after: { restricted: true, teamIds: [teams.Casework, teams.Records].sort() },
          reason:
            'Subject access requests are restricted: to the teams that hold its open cases or whose officers are assigned to them.',
        },
      },
      {
        target_id: 'sar-schools',
        actor_id: null,
        change: {
          before: { restricted: false, teamIds: [] },
          after: { restricted: true, teamIds: [] },
          reason:
            'Subject access requests are restricted: no team holds its open cases yet, so only administrators see them until an administrator names the teams.',
        },
      },
    ]);
    // Those working on SARs keep every one of them; anyone else no longer sees them.
    expect(await seen(ana)).toEqual(all());
    expect(await seen(ben)).toEqual(all());
    expect(await seen(admin)).toEqual(all());
    expect(await seen(cat)).toEqual([]);
    const opened = await api.graphql(
      'query($id: ID!) { case(id: $id) { reference } }',
      { id: sars[0]?.id },
      cat,
    );
    expect(opened.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const verify = await api.graphql(
      'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok } }',
      { id: sars[0]?.id },
      auditor,
    );
    expect(verify.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('is undone by its revert, which puts back only what it changed, and applies again', async () => {
    await migrate('down');
    expect(await access('sar')).toEqual({ restricted: false, accessTeams: [] });
    expect(await access('sar-schools')).toEqual({ restricted: false, accessTeams: [] });
    expect(await seen(cat)).toEqual(all());
    await migrate('up');
    expect(await access('sar')).toEqual({
      restricted: true,
      accessTeams: [{ name: 'Casework' }, { name: 'Records' }],
    });
    expect(await seen(cat)).toEqual([]);
  });

  it("keeps an administrator's own decision: a workflow they opened stays open, and is not reverted", async () => {
    const opened = await api.graphql(
      SET_ACCESS,
      { input: { workflowId: 'sar', restricted: false, teamIds: [] } },
      admin,
    );
    expect(opened.errors).toBeUndefined();
    await migrate('down');
    await migrate('up');
    expect(await access('sar')).toEqual({ restricted: false, accessTeams: [] });
    expect(await seen(cat)).toEqual(all());
  });
});
