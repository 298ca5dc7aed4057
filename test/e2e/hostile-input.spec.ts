import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { createCase } from '../support/cases';
import {
  committedSchema,
  hostileValues,
  type Operation,
  operationsOf,
  operationText,
  slotsOf,
  validValue,
  WRONG_TYPE_COUNT,
  withSlot,
} from '../support/schema-walk';

interface Answer {
  status: number;
  body: string;
  codes: string[];
}

/** One raw POST: the walk judges the status and body as they come, even when the body is not JSON. */
async function post(api: TestApi, query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.text();
  let codes: string[] = [];
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
    codes = (parsed.errors ?? []).map((e) => String(e.extensions?.code));
  } catch {
    codes = ['NOT_JSON'];
  }
  return { status: response.status, body, codes } satisfies Answer;
}

/** Runs the calls a few at a time: quick, without starving the server of connections. */
async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

describe('hostile input is harmless and answered clearly', () => {
  let api: TestApi;
  let officer: string;
  beforeAll(async () => {
    api = await startTestApi('hostile');
    officer = await api.signIn(['officer']);
  });
  afterAll(() => api?.close());

  it('treats SQL-looking filter text as text', async () => {
    const text = `'; DROP TABLE "case"; --`;
    const result = await api.graphql<{ cases: { totalCount: number } }>(
      'query($text: String) { cases(filter: { text: $text }) { totalCount } }',
      { text },
      officer,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.cases.totalCount).toBe(0);
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM "case"`);
    expect(n).toBe(0);
  });

  it('refuses a 10 MB request with 413 before reading it into GraphQL', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
      body: JSON.stringify({ query: `{ me { email } } #${'x'.repeat(10 * 1024 * 1024)}` }),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/too large/i);
  });

  it('refuses a 50-deep query, naming the limit', async () => {
    // Introspection types nest without end, so they make a 50-deep query without any list of ours.
    let ofType = 'name';
    for (let i = 0; i < 50; i++) ofType = `name ofType { ${ofType} }`;
    const result = await api.graphql(
      `{ __type(name: "Case") { fields { type { ${ofType} } } } }`,
      {},
      officer,
    );
    expect(result.errors?.[0]).toMatchObject({
      message: 'The query is nested 54 levels deep; the limit is 15. Ask for less at once.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(result.data).toBeUndefined();
  });

  it('refuses a query asking for too much at once (complexity)', async () => {
    const result = await api.graphql(
      '{ cases(first: 200) { edges { node { history { sequence type payload hash prevHash actorLabel recordedAt } allowedEvents { type label } } } } }',
      {},
      officer,
    );
    expect(result.errors?.[0]?.message).toMatch(
      /This query is too large \(complexity \d+, the limit is 2000\)/,
    );
    // The same text with a page size in a variable: each size is judged, however often the text comes.
    const paged =
      'query($first: Int) { cases(first: $first) { edges { node { history { sequence type payload hash prevHash actorLabel recordedAt } allowedEvents { type label } } } } }';
    expect((await api.graphql(paged, { first: 2 }, officer)).errors).toBeUndefined();
    expect((await api.graphql(paged, { first: 2 }, officer)).errors).toBeUndefined();
    expect((await api.graphql(paged, { first: 200 }, officer)).errors?.[0]?.message).toMatch(/too large/);
  });

  it('answers wrong types and unknown fields with what was wrong', async () => {
    const wrongType = await api.graphql('{ cases(first: "ten") { totalCount } }', {}, officer);
    expect(wrongType.errors?.[0]?.message).toMatch(/Int cannot represent non-integer value: "ten"/);
    const unknown = await api.graphql('{ cases { totalCount secretColumn } }', {}, officer);
    expect(unknown.errors?.[0]?.message).toMatch(
      /Cannot query field "secretColumn" on type "CaseConnection"/,
    );
    const badDate = await api.graphql(
      'mutation { createCase(input: { workflowId: "foi", receivedOn: "2026-02-30", channel: "e", subject: "s", requestText: "t" }) { id } }',
      {},
      officer,
    );
    expect(badDate.errors?.[0]?.message).toMatch(/2026-02-30/);
    expect(JSON.stringify([wrongType, unknown, badDate])).not.toMatch(/stacktrace|node_modules|SELECT /);
  });

  it('refuses an out-of-range page size and a forged cursor clearly', async () => {
    const none = await api.graphql('{ cases(first: 0) { totalCount } }', {}, officer);
    expect(none.errors?.[0]?.message).toBe('first must be between 1 and 200, not 0.');
    const big = await api.graphql('{ cases(first: 100000) { edges { cursor } } }', {}, officer);
    expect(big.errors?.[0]?.message).toMatch(/This query is too large/);
    const forged = await api.graphql(`{ cases(after: "' OR 1=1 --") { totalCount } }`, {}, officer);
    expect(forged.errors?.[0]?.message).toMatch(/is not a cursor from this list/);
  });

  it('answers a malformed id with NOT_FOUND, before any SQL', async () => {
    for (const id of ['not-a-uuid', "' OR 1=1 --", '42', 'x'.repeat(10_000)]) {
      const result = await api.graphql('query($id: ID!) { case(id: $id) { id } }', { id }, officer);
      expect(result.errors?.[0]).toMatchObject({
        message: `No case has the id "${id}".`,
        extensions: { code: 'NOT_FOUND', id },
      });
    }
    const inInput = await api.graphql(
      'mutation($input: SendCaseEventInput!) { sendCaseEvent(input: $input) { replayed } }',
      { input: { caseId: 'nope', type: 'WITHDRAW' } },
      officer,
    );
    expect(inInput.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', id: 'nope' });
  });

  it('refuses text PostgreSQL cannot store with VALIDATION_FAILED naming the field, JSON included', async () => {
    const admin = await api.signIn(['admin']);
    const settings = await api.graphql(
      'mutation($s: AuthoritySettingsInput!) { saveAuthoritySettings(settings: $s) { settings { name } } }',
      { s: { name: 'Council\u0000', team: 't', email: 'e@example.org', address: 'a' } },
      admin,
    );
    expect(settings.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'settings.name' }],
    });
    const created = await createCase(api, officer);
    const payload = await api.graphql(
      'mutation($input: SendCaseEventInput!) { sendCaseEvent(input: $input) { replayed } }',
      {
        input: {
          caseId: created.id,
          type: 'REQUEST_CLARIFICATION',
          payload: { question: ['ok', 'a\u0000b'] },
        },
      },
      officer,
    );
    expect(payload.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'input.payload' }],
    });
    let deep: unknown = 'leaf';
    for (let i = 0; i < 500; i++) deep = { deeper: deep };
    const nested = await api.graphql(
      'mutation($input: SendCaseEventInput!) { sendCaseEvent(input: $input) { replayed } }',
      { input: { caseId: created.id, type: 'REQUEST_CLARIFICATION', payload: { deep } } },
      officer,
    );
    expect(nested.errors?.[0]?.message).toBe('input.payload: nests deeper than 32 levels');
    const history = await api.graphql<{ case: { version: number } }>(
      'query($id: ID!) { case(id: $id) { version } }',
      { id: created.id },
      officer,
    );
    expect(history.data?.case.version).toBe(created.version);
  });

  it('answers a variable that does not fit its type with HTTP 400 and BAD_USER_INPUT', async () => {
    for (const first of ['x', 1.5, 2 ** 31, true]) {
      const result = await api.graphql(
        'query($first: Int) { cases(first: $first) { totalCount } }',
        { first },
        officer,
      );
      expect(result.status).toBe(400);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/^Variable "\$first" got invalid value/);
    }
    const badDate = await api.graphql(
      'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
      { input: { workflowId: 'foi', receivedOn: 'x', channel: 'e', subject: 's', requestText: 't' } },
      officer,
    );
    expect(badDate.status).toBe(400);
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooLarge = await api.graphql('{ cases(first: 100000) { edges { cursor } } }', {}, officer);
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers malformed requests with a 4xx that says what was wrong', async () => {
    const nested = (n: number) => `${'{a:'.repeat(n)}1${'}'.repeat(n)}`;
    const bodies: [string, RegExp][] = [
      [
        JSON.stringify({
          query: `mutation { sendCaseEvent(input: {caseId: "x", type: "X", payload: ${nested(5000)}}) { replayed } }`,
        }),
        /nested too deeply to read/,
      ],
      [
        JSON.stringify({ query: '{ about { version } }', operationName: 'Nope' }),
        /Unknown operation named .*Nope/,
      ],
      ['{"query":"{ about { version } }","variables":"x"}', /should be provided as an object/],
      ['{"query":42}', /must be strings/],
      ['[{"query":"{ about { version } }"}]', /batching disabled/],
      ['{"query": ', /JSON/],
      [JSON.stringify({ query: '{ about { version } }\u0000' }), /Unexpected character: U\+0000/],
    ];
    for (const [body, message] of bodies) {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
        body,
      });
      const text = await response.text();
      expect(response.status, body.slice(0, 80)).toBe(400);
      expect(text).toMatch(message);
      expect(text).not.toMatch(/INTERNAL_SERVER_ERROR|stacktrace/);
    }
  });

  it('answers every operation, with malformed and extreme values in every argument and input field, without a fault', async () => {
    const everyone = await api.signIn(['admin', 'officer', 'auditor'], 'walker@test.example.org');
    const me = await api.graphql<{ me: { id: string } }>('{ me { id } }', {}, everyone);
    const cases = [
      await createCase(api, everyone),
      await createCase(api, everyone, { workflowId: 'sar', receivedOn: '2026-02-02' }),
      await createCase(api, everyone, { workflowId: 'eir' }),
    ];
    const caseId = cases[0]?.id as string;
    const kinds = await api.graphql<{ letterTemplates: { kind: string }[] }>(
      '{ letterTemplates { kind } }',
      {},
      everyone,
    );
    const kind = kinds.data?.letterTemplates[0]?.kind as string;
    const letter = await api.graphql<{ generateLetter: { id: string }[] }>(
      'mutation($caseId: ID!, $kind: String!) { generateLetter(caseId: $caseId, kind: $kind) { id } }',
      { caseId, kind },
      everyone,
    );
    const allowed = await api.graphql<{ case: { allowedEvents: { type: string }[] } }>(
      'query($id: ID!) { case(id: $id) { allowedEvents { type } } }',
      { id: caseId },
      everyone,
    );
    const team = await api.graphql<{ createTeam: { id: string } }>(
      'mutation { createTeam(input: { name: "Walkers" }) { id } }',
      {},
      everyone,
    );
    const task = await api.graphql<{ raiseTask: { id: string } }>(
      'mutation($caseId: ID!, $me: ID!) { raiseTask(input: { caseId: $caseId, question: "q", assigneeId: $me, workingDays: 3 }) { id } }',
      { caseId, me: me.data?.me.id },
      everyone,
    );
    // Real ids and names where the api needs them, so each call's one bad value is what gets judged.
    const known: Record<string, unknown> = {
      taskId: task.data?.raiseTask.id,
      teamId: team.data?.createTeam.id,
      id: caseId,
      caseId,
      documentId: letter.data?.generateLetter[0]?.id,
      assigneeId: me.data?.me.id,
      workflowId: 'foi',
      kind,
      type: allowed.data?.case.allowedEvents[0]?.type,
      email: 'nobody@test.example.org',
      divisions: ['england-and-wales'],
      toSequence: 1,
    };
    const perOperation: Record<string, Record<string, unknown>> = { workflow: { id: 'foi' } };
    // Each single role too, with a few bad values a slot: refusals by role must be as clean.
    const singleRoles = await Promise.all([
      api.signIn(['admin'], 'walker-admin@test.example.org'),
      api.signIn(['officer'], 'walker-officer@test.example.org'),
      api.signIn(['auditor'], 'walker-auditor@test.example.org'),
      api.signIn(['contributor'], 'walker-contributor@test.example.org'),
    ]);
    const FEW = 6;

    type Call = { operation: Operation; label: string; variables: Record<string, unknown>; token?: string };
    const faults: string[] = [];
    const run = (calls: Call[]) =>
      inBatches(calls, 6, async ({ operation, label, variables, token }) => {
        const answer = await post(api, operationText(operation), variables, token);
        if (
          answer.status >= 500 ||
          answer.codes.some((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'NOT_JSON')
        ) {
          faults.push(
            `${operation.field.name}(${label}): HTTP ${answer.status} ${answer.body.slice(0, 300)}`,
          );
        }
        if (!token && answer.codes.includes('UNAUTHENTICATED')) needsSignIn.add(operation.field.name);
      });
    const needsSignIn = new Set<string>();

    const operations = operationsOf(committedSchema()).map((operation) => {
      const names = { ...known, ...perOperation[operation.field.name] };
      const baseline = Object.fromEntries(
        operation.field.args.map((arg) => [arg.name, validValue(arg.name, arg.type, names)]),
      );
      return { operation, baseline };
    });
    // Signed out first: it also tells which operations have role rules worth walking per role.
    await run(
      operations.map(({ operation, baseline }) => ({ operation, label: 'signed out', variables: baseline })),
    );

    const calls: Call[] = [];
    for (const { operation, baseline } of operations) {
      calls.push({ operation, label: 'valid values', variables: baseline, token: everyone });
      const perRole = needsSignIn.has(operation.field.name);
      for (const slot of slotsOf(operation.field.args)) {
        for (const [index, value] of hostileValues(slot.type).entries()) {
          const label = `${slot.path.join('.')} = ${JSON.stringify(value)?.slice(0, 60)}`;
          const variables = withSlot(baseline, slot.path, value);
          calls.push({ operation, label, variables, token: everyone });
          // Past the wrong types (refused before any role is checked): values that reach the resolvers.
          if (perRole && index >= WRONG_TYPE_COUNT && index < WRONG_TYPE_COUNT + FEW) {
            for (const token of singleRoles)
              calls.push({ operation, label: `${label}, one role`, variables, token });
          }
        }
      }
    }
    await run(calls);
    expect(needsSignIn.size).toBeGreaterThan(10);
    expect(calls.length).toBeGreaterThan(1000);
    // A fault shows with what the server logged for it.
    expect(faults.length === 0 ? [] : [...faults, ...api.serverErrors]).toEqual([]);

    // Still standing, and nothing it refused left a case it cannot verify.
    const after = await api.graphql<{
      about: { version: string };
      verifyAllCases: { casesChecked: number; failures: unknown[] };
    }>('{ about { version } verifyAllCases { casesChecked failures { caseId reason } } }', {}, everyone);
    expect(after.errors).toBeUndefined();
    expect(after.data?.verifyAllCases.casesChecked).toBeGreaterThanOrEqual(cases.length);
    expect(after.data?.verifyAllCases.failures).toEqual([]);
  }, 600_000); // About 30 s alone; minutes when other test files share a loaded machine.
});
