import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';

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
});
