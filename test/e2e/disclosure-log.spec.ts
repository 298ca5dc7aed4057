import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { approvedAndSent, handlesSars, play, sendEvent } from '../support/cases';

const PUBLISH = `mutation($caseId: ID!, $summary: String) {
  publishToDisclosureLog(caseId: $caseId, summary: $summary) { caseId sequence published }
}`;
const WITHDRAW = `mutation($caseId: ID!, $reason: String!) {
  withdrawFromDisclosureLog(caseId: $caseId, reason: $reason) { caseId sequence published }
}`;
const REQUESTER = {
  name: 'Priya Hollingsworth',
  email: 'priya.h@example.net',
  address: '14 Larch Row, Kendal',
};

describe('the disclosure log', () => {
  let api: TestApi;
  let officer: string;
  let admin: string;
  let answered: string;
  let unanswered: string;
  beforeAll(async () => {
    api = await startTestApi('disclosure-log');
    officer = await api.signIn(['officer']);
    admin = await api.signIn(['admin']);
    const create = async (subject: string) =>
      (
        await api.graphql<{ createCase: { id: string } }>(
          `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
          {
            input: {
              workflowId: 'foi',
              receivedOn: '2026-01-14',
              channel: 'email',
              subject,
              requestText: 'How many potholes were repaired in 2025?',
              requester: REQUESTER,
            },
          },
          officer,
        )
      ).data?.createCase.id as string;
    answered = await create('Pothole repairs in 2025');
    unanswered = await create('Street lighting');
    for (const step of [
      { type: 'START_RESPONSE', effectiveOn: '2026-01-15' },
      {
        type: 'SUBMIT_FOR_APPROVAL',
        effectiveOn: '2026-01-16',
        payload: {
          outcome: 'granted-in-full',
          answers: [{ question: 'The request', answer: '1,204 potholes were repaired.' }],
          held: true,
        },
      },
      ...approvedAndSent('2026-01-16'),
    ]) {
      await play(api, officer, answered, [step]);
    }
  }, 120_000);
  afterAll(() => api?.close());

  it('lists the answered responses an administrator may publish, to administrators only', async () => {
    const CANDIDATES = '{ disclosureCandidates { reference subject outcome respondedOn } }';
    const listed = await api.graphql<{ disclosureCandidates: { subject: string }[] }>(CANDIDATES, {}, admin);
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.disclosureCandidates).toEqual([
      expect.objectContaining({
        subject: 'Pothole repairs in 2025',
        outcome: 'granted-in-full',
        respondedOn: '2026-01-16',
      }),
    ]);
    const asOfficer = await api.graphql(CANDIDATES, {}, officer);
    expect(asOfficer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("never publishes a subject access request: its response is the requester's personal data", async () => {
    await handlesSars(api, officer);
    const sar = await api.graphql<{ createCase: { id: string } }>(
      `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
      {
        input: {
          workflowId: 'sar',
          receivedOn: '2026-01-14',
          channel: 'email',
          subject: 'My records',
          requestText: 'Please send me a copy of my personal data.',
          requester: REQUESTER,
        },
      },
      officer,
    );
    expect(sar.errors).toBeUndefined();
    const refused = await api.graphql(PUBLISH, { caseId: sar.data?.createCase.id }, admin);
    expect(refused.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
    expect(refused.errors?.[0]?.message).toContain('subject access request');
  });

  it('publishes a response as an event in its history, for administrators only', async () => {
    const asOfficer = await api.graphql(PUBLISH, { caseId: answered }, officer);
    expect(asOfficer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const early = await api.graphql(PUBLISH, { caseId: unanswered }, admin);
    expect(early.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
    const published = await api.graphql<{ publishToDisclosureLog: { published: boolean; sequence: number } }>(
      PUBLISH,
      { caseId: answered, summary: 'Pothole repair numbers for 2025.' },
      admin,
    );
    expect(published.errors).toBeUndefined();
    expect(published.data?.publishToDisclosureLog.published).toBe(true);
    const again = await api.graphql(PUBLISH, { caseId: answered }, admin);
    expect(again.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
    const history = await api.graphql<{ case: { history: { type: string; actorLabel: string }[] } }>(
      'query($id: ID!) { case(id: $id) { history { type actorLabel } } }',
      { id: answered },
      officer,
    );
    expect(history.data?.case.history.at(-1)?.type).toBe('DISCLOSURE_PUBLISHED');
  });

  it('refuses the disclosure events when a client sends them as case events', async () => {
    for (const type of ['DISCLOSURE_PUBLISHED', 'DISCLOSURE_WITHDRAWN']) {
      const sent = await sendEvent(api, officer, { caseId: answered, type });
      expect(sent.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
    }
  });

  it('shows the published response without signing in, and never the requester', async () => {
    const page = await fetch(`${api.url}/disclosure-log`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('Pothole repairs in 2025');
    expect(html).toContain('How many potholes were repaired in 2025?');
    expect(html).toContain('1,204 potholes were repaired.');
    expect(html).toContain('Information provided in full');
    expect(html).not.toContain('Street lighting');
    const json = (await (await fetch(`${api.url}/disclosure-log.json`)).json()) as {
      entries: { reference: string; outcome: string; respondedOn: string; responseText: string | null }[];
    };
    expect(json.entries).toHaveLength(1);
    expect(json.entries[0]).toMatchObject({ outcome: 'granted-in-full', respondedOn: '2026-01-16' });
    expect(json.entries[0]?.responseText).toContain('Dear Requester');
    const rss = await fetch(`${api.url}/disclosure-log.rss`);
    expect(rss.headers.get('content-type')).toContain('application/rss+xml');
    const feed = await rss.text();
    expect(feed).toContain('<rss version="2.0">');
    expect(feed).toContain(json.entries[0]?.reference ?? 'no entry');
    for (const text of [html, JSON.stringify(json), feed])
      for (const personal of ['Priya', 'Hollingsworth', 'priya.h@example.net', 'Larch Row', 'Kendal'])
        expect(text).not.toContain(personal);
  });

  it('withdraws a response, saying why', async () => {
    const blank = await api.graphql(WITHDRAW, { caseId: answered, reason: ' ' }, admin);
    expect(blank.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const withdrawn = await api.graphql<{ withdrawFromDisclosureLog: { published: boolean } }>(
      WITHDRAW,
      { caseId: answered, reason: 'Published by mistake.' },
      admin,
    );
    expect(withdrawn.data?.withdrawFromDisclosureLog.published).toBe(false);
    const json = (await (await fetch(`${api.url}/disclosure-log.json`)).json()) as { entries: unknown[] };
    expect(json.entries).toEqual([]);
  });
});
