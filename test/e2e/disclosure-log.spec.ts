import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { approvedAndSent, handlesSars, play, sendEvent } from '../support/cases';
import { fixturePdf, uploadFile } from '../support/documents';

const PUBLISH = `mutation($caseId: ID!, $summary: String, $documentIds: [ID!]) {
  publishToDisclosureLog(caseId: $caseId, summary: $summary, documentIds: $documentIds) { caseId sequence published }
}`;
const WITHDRAW = `mutation($caseId: ID!, $reason: String!) {
  withdrawFromDisclosureLog(caseId: $caseId, reason: $reason) { caseId sequence published }
}`;
const REQUESTER = {
  name: 'Priya Hollingsworth',
  email: 'priya.h@example.net',
  address: '14 Larch Row, Kendal',
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface PublicDocument {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  url: string;
}

describe('the disclosure log', () => {
  let api: TestApi;
  let officer: string;
  let admin: string;
  let auditor: string;
  let answered: string;
  let answeredReference: string;
  let unanswered: string;
  let dataDir: string;
  /** The answered case's documents, by what they are. */
  const docs = {} as Record<
    'reportV1' | 'reportV2' | 'named' | 'gathered' | 'bundle' | 'otherCase',
    { id: string; sha256: string }
  >;
  let reportBytes: Buffer;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'recordflow-disclosure-'));
    process.env.RECORDFLOW_DATA_DIR = dataDir;
    api = await startTestApi('disclosure-log');
    officer = await api.signIn(['officer']);
    admin = await api.signIn(['admin']);
    auditor = await api.signIn(['auditor']);
    const create = async (subject: string, requestText = 'How many potholes were repaired in 2025?') =>
      (
        await api.graphql<{ createCase: { id: string } }>(
          `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
          {
            input: {
              workflowId: 'foi',
              receivedOn: '2026-01-14',
              channel: 'email',
              subject,
              requestText,
              requester: REQUESTER,
            },
          },
          officer,
        )
      ).data?.createCase.id as string;
    // The requester wrote their own name and e-mail into the subject and the request: the log takes them out.
    answered = await create(
      'Pothole repairs in 2025, for Priya Hollingsworth',
      'How many potholes were repaired in 2025? Please reply to priya.h@example.net. Regards, Priya Hollingsworth',
    );
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
    const upload = async (caseId: string, name: string, bytes: Buffer, kind: string) => {
      const { status, body } = await uploadFile(api.url, caseId, officer, { name, bytes, kind });
      if (status !== 201 && status !== 200) throw new Error(`upload ${name}: ${JSON.stringify(body)}`);
      return { id: body.id as string, sha256: body.sha256 as string };
    };
    docs.reportV1 = await upload(
      answered,
      'report.pdf',
      await fixturePdf(['Pothole report, draft']),
      'for-release',
    );
    reportBytes = await fixturePdf(['Pothole report: 1,204 repaired']);
    docs.reportV2 = await upload(answered, 'report.pdf', reportBytes, 'for-release');
    docs.named = await upload(
      answered,
      'Letter to Priya Hollingsworth.pdf',
      await fixturePdf(['Repairs by ward']),
      'for-release',
    );
    docs.gathered = await upload(answered, 'internal.txt', Buffer.from('Internal notes only.'), 'gathered');
    docs.otherCase = await upload(unanswered, 'lighting.pdf', await fixturePdf(['Lamps']), 'for-release');
    const bundle = await api.graphql<{ buildReleaseBundle: { id: string; sha256: string } }>(
      'mutation($id: ID!) { buildReleaseBundle(caseId: $id) { id sha256 } }',
      { id: answered },
      officer,
    );
    if (!bundle.data) throw new Error(`buildReleaseBundle: ${JSON.stringify(bundle.errors)}`);
    docs.bundle = bundle.data.buildReleaseBundle;
    const [row] = await api.dataSource.query('SELECT reference FROM "case" WHERE id = $1', [answered]);
    answeredReference = row.reference;
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    delete process.env.RECORDFLOW_DATA_DIR;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const historyOf = async (caseId: string) =>
    (
      await api.graphql<{ case: { history: { type: string; payload: Record<string, unknown> }[] } }>(
        'query($id: ID!) { case(id: $id) { history { type payload } } }',
        { id: caseId },
        auditor,
      )
    ).data?.case.history ?? [];
  const publicJson = async () =>
    (await (await fetch(`${api.url}/disclosure-log.json`)).json()) as {
      entries: { reference: string; subject: string; requestText: string; documents: PublicDocument[] }[];
    };

  it('lists the answered responses an administrator may publish, to administrators only', async () => {
    const CANDIDATES =
      '{ disclosureCandidates { reference subject outcome respondedOn documents { id filename version } } }';
    const listed = await api.graphql<{ disclosureCandidates: { subject: string }[] }>(CANDIDATES, {}, admin);
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.disclosureCandidates).toEqual([
      expect.objectContaining({
        subject: 'Pothole repairs in 2025, for Priya Hollingsworth',
        outcome: 'granted-in-full',
        respondedOn: '2026-01-16',
        // Only the latest versions of for-release documents: not version 1, the gathered file or the bundle.
        documents: [
          { id: docs.reportV2.id, filename: 'report.pdf', version: 2 },
          { id: docs.named.id, filename: 'Letter to Priya Hollingsworth.pdf', version: 1 },
        ],
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

  it('refuses a document that may not be published, saying which may, and changes nothing', async () => {
    const before = (await historyOf(answered)).length;
    const refusals: [string, string[], RegExp][] = [
      [
        'gathered',
        [docs.gathered.id],
        /internal\.txt is a gathered document: only the latest version of a for-release document/,
      ],
      ['older version', [docs.reportV1.id], /report\.pdf version 1 is not its latest version \(2\)/],
      ['other case', [docs.otherCase.id], /is not a document of FOI-/],
      ['unknown', [randomUUID()], /is not a document of FOI-/],
      ['bundle', [docs.bundle.id], /is the release bundle.*never published/],
      ['too many', Array.from({ length: 51 }, () => randomUUID()), /at most 50 documents/],
      // One bad id among good ones refuses the whole publication.
      ['one bad among good', [docs.reportV2.id, docs.gathered.id], /internal\.txt is a gathered document/],
    ];
    for (const [what, documentIds, message] of refusals) {
      const refused = await api.graphql(PUBLISH, { caseId: answered, documentIds }, admin);
      expect(refused.errors?.[0]?.extensions?.code, what).toBe('VALIDATION_FAILED');
      expect(refused.errors?.[0]?.message, what).toMatch(message);
      expect(refused.errors?.[0]?.extensions?.fields, what).toEqual([
        expect.objectContaining({ field: 'documentIds' }),
      ]);
    }
    // As every ID argument: one that is not a UUID names nothing.
    const notAnId = await api.graphql(PUBLISH, { caseId: answered, documentIds: ['report.pdf'] }, admin);
    expect(notAnId.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await historyOf(answered)).length).toBe(before);
    expect((await publicJson()).entries).toEqual([]);
  });

  it('publishes a response as an event in its history, for administrators only', async () => {
    const asOfficer = await api.graphql(PUBLISH, { caseId: answered }, officer);
    expect(asOfficer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const early = await api.graphql(PUBLISH, { caseId: unanswered }, admin);
    expect(early.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
    const published = await api.graphql<{ publishToDisclosureLog: { published: boolean; sequence: number } }>(
      PUBLISH,
      {
        caseId: answered,
        summary: 'Pothole repair numbers for 2025.',
        // A repeat counts once; the order chosen is kept.
        documentIds: [docs.reportV2.id, docs.named.id, docs.reportV2.id],
      },
      admin,
    );
    expect(published.errors).toBeUndefined();
    expect(published.data?.publishToDisclosureLog.published).toBe(true);
    const event = (await historyOf(answered)).at(-1);
    expect(event).toEqual({
      type: 'DISCLOSURE_PUBLISHED',
      payload: {
        summary: 'Pothole repair numbers for 2025.',
        documents: [
          { attachmentId: docs.reportV2.id, sha256: docs.reportV2.sha256 },
          { attachmentId: docs.named.id, sha256: docs.named.sha256 },
        ],
      },
    });
    const verified = await api.graphql<{ verifyCaseHistory: { ok: boolean; reason: string | null } }>(
      'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok reason } }',
      { id: answered },
      auditor,
    );
    expect(verified.data?.verifyCaseHistory).toEqual({ ok: true, reason: null });
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
    expect(html).toContain('Pothole repairs in 2025, for [the requester]');
    expect(html).toContain('How many potholes were repaired in 2025? Please reply to [the requester].');
    expect(html).toContain('1,204 potholes were repaired.');
    expect(html).toContain('Information provided in full');
    expect(html).not.toContain('Street lighting');
    const json = (await (await fetch(`${api.url}/disclosure-log.json`)).json()) as {
      entries: {
        reference: string;
        outcome: string;
        respondedOn: string;
        responseText: string | null;
        documents: PublicDocument[];
      }[];
    };
    expect(json.entries).toHaveLength(1);
    expect(json.entries[0]).toMatchObject({ outcome: 'granted-in-full', respondedOn: '2026-01-16' });
    expect(json.entries[0]?.responseText).toContain('Dear Requester');
    const url = (id: string) => `/disclosure-log/${answeredReference}/documents/${id}`;
    const documents = [
      {
        id: docs.reportV2.id,
        filename: 'report.pdf',
        mimeType: 'application/pdf',
        size: reportBytes.length,
        sha256: docs.reportV2.sha256,
        url: url(docs.reportV2.id),
      },
      {
        id: docs.named.id,
        filename: 'Letter to [the requester].pdf',
        mimeType: 'application/pdf',
        size: expect.any(Number),
        sha256: docs.named.sha256,
        url: url(docs.named.id),
      },
    ];
    expect(json.entries[0]?.documents).toEqual(documents);
    const graphql = await api.graphql<{ disclosureLog: { subject: string; documents: PublicDocument[] }[] }>(
      '{ disclosureLog { subject documents { id filename mimeType size sha256 url } } }',
    );
    expect(graphql.data?.disclosureLog).toEqual([
      { subject: 'Pothole repairs in 2025, for [the requester]', documents },
    ]);
    expect(html).toContain(`<a href="${url(docs.reportV2.id)}" download>report.pdf</a>`);
    expect(html).toContain(`<a href="${url(docs.named.id)}" download>Letter to [the requester].pdf</a>`);
    const rss = await fetch(`${api.url}/disclosure-log.rss`);
    expect(rss.headers.get('content-type')).toContain('application/rss+xml');
    const feed = await rss.text();
    expect(feed).toContain('<rss version="2.0">');
    expect(feed).toContain(json.entries[0]?.reference ?? 'no entry');
    // Links in the item's description (escaped HTML), absolute so a feed reader can follow them.
    expect(feed).toContain(
      `&lt;a href=&quot;${api.url}${url(docs.reportV2.id)}&quot; download&gt;report.pdf&lt;/a&gt;`,
    );
    for (const text of [html, JSON.stringify(json), feed, JSON.stringify(graphql.data)])
      for (const personal of ['Priya', 'Hollingsworth', 'priya.h@example.net', 'Larch Row', 'Kendal'])
        expect(text).not.toContain(personal);
  });

  it('serves each published document to anyone, the bytes recorded, and nothing else', async () => {
    const fetched = await fetch(
      `${api.url}/disclosure-log/${answeredReference}/documents/${docs.reportV2.id}`,
    );
    expect(fetched.status).toBe(200);
    const bytes = Buffer.from(await fetched.arrayBuffer());
    expect(sha256(bytes)).toBe(docs.reportV2.sha256);
    expect(bytes.equals(reportBytes)).toBe(true);
    expect(fetched.headers.get('content-type')).toBe('application/pdf');
    expect(fetched.headers.get('cache-control')).toBe('no-store');
    expect(fetched.headers.get('x-content-type-options')).toBe('nosniff');
    expect(fetched.headers.get('content-disposition')).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
    const named = await fetch(`${api.url}/disclosure-log/${answeredReference}/documents/${docs.named.id}`);
    expect(named.status).toBe(200);
    expect(sha256(Buffer.from(await named.arrayBuffer()))).toBe(docs.named.sha256);
    expect(named.headers.get('content-disposition')).toContain('filename="Letter to [the requester].pdf"');
    expect(named.headers.get('content-disposition')).not.toMatch(/Priya|Hollingsworth/);

    const [other] = await api.dataSource.query('SELECT reference FROM "case" WHERE id = $1', [unanswered]);
    const missing = [
      // On the case but not published: an older version, a gathered file, the bundle.
      `${answeredReference}/documents/${docs.reportV1.id}`,
      `${answeredReference}/documents/${docs.gathered.id}`,
      `${answeredReference}/documents/${docs.bundle.id}`,
      // Another case's file, through this case or its own (unpublished) one; a published file through another case.
      `${answeredReference}/documents/${docs.otherCase.id}`,
      `${other.reference}/documents/${docs.otherCase.id}`,
      `${other.reference}/documents/${docs.reportV2.id}`,
      `FOI-1999-000001/documents/${docs.reportV2.id}`,
      `${answeredReference}/documents/${randomUUID()}`,
      `${answeredReference}/documents/not-an-id`,
      `${encodeURIComponent('FOI\u0000')}/documents/${docs.reportV2.id}`,
    ];
    for (const path of missing) {
      const refused = await fetch(`${api.url}/disclosure-log/${path}`);
      expect(refused.status, path).toBe(404);
      expect(refused.headers.get('cache-control'), path).toBe('no-store');
      expect(await refused.text(), path).toBe('Not found\n');
    }
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
    const gone = await fetch(`${api.url}/disclosure-log/${answeredReference}/documents/${docs.reportV2.id}`);
    expect(gone.status).toBe(404);
  });

  it('serves only what the standing publication records once a response is published again', async () => {
    const again = await api.graphql(PUBLISH, { caseId: answered, documentIds: [docs.named.id] }, admin);
    expect(again.errors).toBeUndefined();
    expect((await publicJson()).entries[0]?.documents.map((d) => d.id)).toEqual([docs.named.id]);
    const base = `${api.url}/disclosure-log/${answeredReference}/documents`;
    expect((await fetch(`${base}/${docs.named.id}`)).status).toBe(200);
    expect((await fetch(`${base}/${docs.reportV2.id}`)).status).toBe(404);
  });
});
