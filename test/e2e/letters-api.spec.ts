import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { approverToken, createCase, sendEvent } from '../support/cases';
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
    const approved = await sendEvent(api, await approverToken(api), {
      caseId: created.id,
      type: 'APPROVE_RESPONSE',
      effectiveOn: '2026-01-16',
    });
    expect(approved.data?.sendCaseEvent.case).toMatchObject({ stage: 'response', step: 'approved' });

    const generated = await api.graphql<{
      generateLetter: { id: string; format: string; filename: string; sha256: string; datedOn: string }[];
    }>(
      'mutation($id: ID!) { generateLetter(caseId: $id, kind: "response", dated: "2026-01-16") { id format filename sha256 datedOn } }',
      { id: created.id },
      officer,
    );
    const documents = generated.data?.generateLetter ?? [];
    expect(documents.map((d) => d.format)).toEqual(['pdf', 'docx']);
    expect(documents[0]?.filename).toBe(`${created.reference}-response.pdf`);
    expect(documents[0]?.datedOn).toBe('2026-01-16');
    const pdf = documents[0] as { id: string; sha256: string };

    // A letter carries the date it is sent: recording it as sent on another day is refused.
    const otherDay = await api.graphql(
      'mutation($id: ID!) { sendLetter(documentId: $id, sentOn: "2026-01-19", channel: "post") { sentSequence } }',
      { id: pdf.id },
      officer,
    );
    expect(otherDay.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'sentOn', message: 'the letter is dated 2026-01-16' }],
    });
    const sent = await api.graphql<{
      sendLetter: { sentSequence: number; sentOn: string; sentChannel: string; sentTo: string };
    }>(
      'mutation($id: ID!) { sendLetter(documentId: $id, sentOn: "2026-01-16", channel: "post", recipient: "1 Any Street, Barnet") { sentSequence sentOn sentChannel sentTo } }',
      { id: pdf.id },
      officer,
    );
    expect(sent.data?.sendLetter).toEqual({
      sentSequence: 5,
      sentOn: '2026-01-16',
      sentChannel: 'post',
      sentTo: '1 Any Street, Barnet',
    });
    const again = await api.graphql(
      'mutation($id: ID!) { sendLetter(documentId: $id) { sentSequence } }',
      { id: pdf.id },
      officer,
    );
    expect(again.errors?.[0]?.message).toMatch(/was already recorded as sent \(event 5\)/);

    const history = await api.graphql<{
      case: {
        stage: string;
        state: { context: { record: Record<string, unknown> } };
        history: { type: string; effectiveOn: string; payload: Record<string, unknown> }[];
      };
    }>(
      'query($id: ID!) { case(id: $id) { stage state history { type effectiveOn payload } } }',
      { id: created.id },
      auditor,
    );
    // Sending the approved letter is what sends the response, on the day it went: in time.
    expect(history.data?.case.history.slice(-2)).toMatchObject([
      { type: 'LETTER_SENT', effectiveOn: '2026-01-16', payload: { sha256: pdf.sha256, channel: 'post' } },
      { type: 'RESPONSE_SENT', effectiveOn: '2026-01-16', payload: { letter: 'response', channel: 'post' } },
    ]);
    expect(JSON.stringify(history.data?.case.history)).not.toContain('Any Street');
    expect(history.data?.case.stage).toBe('review-window');
    expect(history.data?.case.state.context.record.timeliness).toBe('in-time');
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

  it('refuses approval by the drafter, explains why, and keeps the clock running until the letter is sent', async () => {
    // The drafter holds the approver role too: separation of duties still refuses.
    const drafter = await api.signIn(['officer', 'approver'], 'drafter@test.example.org');
    const created = await createCase(api, drafter, { requestText: EXAMPLE_REQUEST });
    await sendEvent(api, drafter, { caseId: created.id, type: 'START_RESPONSE', effectiveOn: '2026-01-16' });
    await sendEvent(api, drafter, {
      caseId: created.id,
      type: 'SUBMIT_FOR_APPROVAL',
      effectiveOn: '2026-01-16',
      payload: EXAMPLE_RESPONSE,
    });
    const ALLOWED = 'query($id: ID!) { case(id: $id) { version allowedEvents { type unavailableReason } } }';
    const asDrafter = await api.graphql<{
      case: { version: number; allowedEvents: { type: string; unavailableReason: string | null }[] };
    }>(ALLOWED, { id: created.id }, drafter);
    expect(asDrafter.data?.case.allowedEvents.find((e) => e.type === 'APPROVE_RESPONSE')).toEqual({
      type: 'APPROVE_RESPONSE',
      unavailableReason:
        'you drafted or last changed this response, and separation of duties needs someone else to approve it.',
    });
    const refused = await sendEvent(api, drafter, { caseId: created.id, type: 'APPROVE_RESPONSE' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
    expect(refused.errors?.[0]?.message).toMatch(/separation of duties/);
    const unchanged = await api.graphql<{ case: { version: number } }>(ALLOWED, { id: created.id }, drafter);
    expect(unchanged.data?.case.version).toBe(asDrafter.data?.case.version);
    // An officer without the approver role may not approve at all.
    const plain = await sendEvent(api, officer, { caseId: created.id, type: 'APPROVE_RESPONSE' });
    expect(plain.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // No one may send the response as an event: only sending its letter does.
    const direct = await sendEvent(api, drafter, {
      caseId: created.id,
      type: 'RESPONSE_SENT',
      payload: { letter: 'response', channel: 'email' },
    });
    expect(direct.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');

    // The approver sees the draft letter before approving, and sends it back with comments.
    const approver = await approverToken(api);
    const draft = await api.graphql<{ previewLetter: string }>(
      'query($id: ID!) { previewLetter(caseId: $id, kind: "response", dated: "2026-01-16") }',
      { id: created.id },
      approver,
    );
    expect(draft.data?.previewLetter.split('\n')[0]).toBe('16 January 2026');
    const back = await sendEvent(api, approver, {
      caseId: created.id,
      type: 'REQUEST_CHANGES',
      payload: { changesRequested: 'Link to the camera list.' },
    });
    expect(back.data?.sendCaseEvent.case.step).toBe('drafting');
    await sendEvent(api, drafter, {
      caseId: created.id,
      type: 'SUBMIT_FOR_APPROVAL',
      payload: EXAMPLE_RESPONSE,
    });
    const approved = await sendEvent(api, approver, { caseId: created.id, type: 'APPROVE_RESPONSE' });
    expect(approved.data?.sendCaseEvent.case).toMatchObject({ step: 'approved', status: 'open' });
    expect(approved.data?.sendCaseEvent.case.dueDate).toBe('2026-02-11');
    // Approved but not sent: it can still be amended, and needs approving again.
    const amended = await sendEvent(api, drafter, {
      caseId: created.id,
      type: 'AMEND_RESPONSE',
      payload: { amendmentReason: 'A figure was wrong.' },
    });
    expect(amended.data?.sendCaseEvent.case.step).toBe('drafting');
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
    // The draft the approver sees, dated the day it is to be sent: the council's letter of 16 January.
    const preview = await api.graphql<{ previewLetter: string }>(
      'query($id: ID!) { previewLetter(caseId: $id, kind: "response", dated: "2026-01-16") }',
      { id: created.id },
      officer,
    );
    const text = preview.data?.previewLetter ?? '';
    const [dated, ...rest] = text.split('\n');
    expect(dated).toBe('16 January 2026');
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
