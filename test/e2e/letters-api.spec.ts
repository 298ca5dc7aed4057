import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { createCase, sendEvent } from '../support/cases';
import {
  BARNET,
  EXAMPLE_LETTER_SECTIONS,
  EXAMPLE_REQUEST,
  EXAMPLE_RESPONSE,
} from '../support/example-letter';
import { expectSections } from '../support/letter-sections';

describe('letters over GraphQL', () => {
  let api: TestApi;
  let officer: string;
  let admin: string;
  let auditor: string;
  beforeAll(async () => {
    api = await startTestApi('letters');
    officer = await api.signIn(['officer']);
    admin = await api.signIn(['admin']);
    auditor = await api.signIn(['auditor']);
  });
  afterAll(() => api?.close());

  it('generates the response as PDF and DOCX, records the sent letter’s hash in the history, and the history still verifies', async () => {
    const created = await createCase(api, officer, { requestText: EXAMPLE_REQUEST });
    await sendEvent(api, officer, { caseId: created.id, type: 'START_RESPONSE', effectiveOn: '2026-01-16' });
    await sendEvent(api, officer, {
      caseId: created.id,
      type: 'SUBMIT_FOR_APPROVAL',
      effectiveOn: '2026-01-16',
      payload: EXAMPLE_RESPONSE,
    });
    await sendEvent(api, officer, {
      caseId: created.id,
      type: 'APPROVE_AND_SEND',
      effectiveOn: '2026-01-16',
    });

    const generated = await api.graphql<{
      generateLetter: { id: string; format: string; filename: string; sha256: string }[];
    }>(
      'mutation($id: ID!) { generateLetter(caseId: $id, kind: "response") { id format filename sha256 } }',
      { id: created.id },
      officer,
    );
    const documents = generated.data?.generateLetter ?? [];
    expect(documents.map((d) => d.format)).toEqual(['pdf', 'docx']);
    expect(documents[0]?.filename).toBe(`${created.reference}-response.pdf`);
    const pdf = documents[0] as { id: string; sha256: string };

    const sent = await api.graphql<{ sendLetter: { sentSequence: number } }>(
      'mutation($id: ID!) { sendLetter(documentId: $id) { sentSequence } }',
      { id: pdf.id },
      officer,
    );
    expect(sent.data?.sendLetter.sentSequence).toBe(5);
    const again = await api.graphql(
      'mutation($id: ID!) { sendLetter(documentId: $id) { sentSequence } }',
      { id: pdf.id },
      officer,
    );
    expect(again.errors?.[0]?.message).toMatch(/was already recorded as sent \(event 5\)/);

    const history = await api.graphql<{ case: { history: { type: string; payload: { sha256: string } }[] } }>(
      'query($id: ID!) { case(id: $id) { history { type payload } } }',
      { id: created.id },
      auditor,
    );
    expect(history.data?.case.history.at(-1)).toMatchObject({
      type: 'LETTER_SENT',
      payload: { sha256: pdf.sha256 },
    });
    const file = await api.graphql<{ documentFile: { base64: string; mimeType: string } }>(
      'query($id: ID!) { documentFile(documentId: $id) { base64 mimeType } }',
      { id: pdf.id },
      auditor,
    );
    const { createHash } = await import('node:crypto');
    const bytes = Buffer.from(file.data?.documentFile.base64 ?? '', 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(pdf.sha256);
    const verified = await api.graphql<{ verifyCaseHistory: { ok: boolean } }>(
      'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok } }',
      { id: created.id },
      auditor,
    );
    expect(verified.data?.verifyCaseHistory.ok).toBe(true);
  });

  it('writes the council’s real response letter from the case, section by section', async () => {
    await api.graphql(
      'mutation($settings: AuthoritySettingsInput!) { saveAuthoritySettings(settings: $settings) { settings { name } } }',
      { settings: BARNET },
      admin,
    );
    const created = await createCase(api, officer, { requestText: EXAMPLE_REQUEST });
    await sendEvent(api, officer, { caseId: created.id, type: 'START_RESPONSE', effectiveOn: '2026-01-16' });
    await sendEvent(api, officer, {
      caseId: created.id,
      type: 'SUBMIT_FOR_APPROVAL',
      effectiveOn: '2026-01-16',
      payload: EXAMPLE_RESPONSE,
    });
    await sendEvent(api, officer, {
      caseId: created.id,
      type: 'APPROVE_AND_SEND',
      effectiveOn: '2026-01-16',
    });
    const preview = await api.graphql<{ previewLetter: string }>(
      'query($id: ID!) { previewLetter(caseId: $id, kind: "response") }',
      { id: created.id },
      officer,
    );
    const text = preview.data?.previewLetter ?? '';
    // The letter is dated the day it is written; everything else is the council's letter of 16 January.
    const [dated, ...rest] = text.split('\n');
    expect(dated).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    const [opening, ...sections] = EXAMPLE_LETTER_SECTIONS;
    expectSections(rest.join('\n'), [
      {
        heading: null,
        paragraphs: (opening?.paragraphs ?? [])
          .slice(1)
          .map((p) => (p === 'Our ref: 16336160' ? `Our ref: ${created.reference}` : p)),
      },
      ...sections,
    ]);
  });

  it('records a letter raced by two sendLetter calls as sent exactly once', async () => {
    const created = await createCase(api, officer);
    const generated = await api.graphql<{ generateLetter: { id: string }[] }>(
      'mutation($id: ID!) { generateLetter(caseId: $id, kind: "acknowledgement") { id } }',
      { id: created.id },
      officer,
    );
    const documents = generated.data?.generateLetter ?? [];
    expect(documents).toHaveLength(2);
    for (const document of documents) {
      const send = () =>
        api.graphql<{ sendLetter: { sentSequence: number } }>(
          'mutation($id: ID!) { sendLetter(documentId: $id) { sentSequence } }',
          { id: document.id },
          officer,
        );
      const results = await Promise.all([send(), send()]);
      expect(results.filter((r) => r.data?.sendLetter).length).toBe(1);
      const refused = results.find((r) => r.errors);
      expect(refused?.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect(refused?.errors?.[0]?.message).toMatch(/was already recorded as sent/);
    }
    const history = await api.graphql<{
      case: { history: { type: string; payload: { documentId: string } }[] };
    }>('query($id: ID!) { case(id: $id) { history { type payload } } }', { id: created.id }, auditor);
    const sent = (history.data?.case.history ?? []).filter((e) => e.type === 'LETTER_SENT');
    expect(sent.map((e) => e.payload.documentId).sort()).toEqual(documents.map((d) => d.id).sort());
  });

  it('lets an administrator edit a template with a live preview, and refuses an unknown field by name', async () => {
    const created = await createCase(api, officer);
    const preview = await api.graphql<{ previewLetter: string }>(
      'query($id: ID!, $body: String) { previewLetter(caseId: $id, kind: "acknowledgement", body: $body) }',
      { id: created.id, body: 'Dear {{requester.name}}, we will reply by {{dueDate}}.' },
      admin,
    );
    expect(preview.data?.previewLetter).toBe('Dear A. Requester, we will reply by 11 February 2026.');
    const refused = await api.graphql(
      'mutation { saveLetterTemplate(kind: "acknowledgement", body: "Dear {{requester.nickname}}") { kind } }',
      {},
      admin,
    );
    expect(refused.errors?.[0]).toMatchObject({
      extensions: {
        code: 'VALIDATION_FAILED',
        fields: [{ field: 'body', message: 'names "requester.nickname", which letters do not have' }],
      },
    });
    expect(refused.errors?.[0]?.message).toMatch(
      /^The template uses "requester\.nickname", which letters do not have\./,
    );
    const saved = await api.graphql<{ saveLetterTemplate: { builtIn: boolean } }>(
      'mutation { saveLetterTemplate(kind: "acknowledgement", body: "Dear {{requester.name}}, thank you.") { builtIn } }',
      {},
      admin,
    );
    expect(saved.data?.saveLetterTemplate.builtIn).toBe(false);
  });
});
