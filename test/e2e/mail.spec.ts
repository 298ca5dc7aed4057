import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { caseMails, history, type Letter, responseLetter, waitForMail } from '../support/mail';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';

const EMAIL =
  'mutation($id: ID!, $to: String, $docx: Boolean) { emailLetter(documentId: $id, to: $to, withDocx: $docx) { id status messageId toAddress } }';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('e-mailing letters through an SMTP server', () => {
  let smtp: TestSmtpServer;
  let api: TestApi;
  let officer: string;
  let auditor: string;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    api = await startTestApi('mail', {
      mail: { smtpUrl: smtp.url, from: 'foi@council.example', intervalMs: 100, retrySeconds: 1 },
    });
    officer = await api.signIn(['officer']);
    auditor = await api.signIn(['auditor']);
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  it('sends the response letter to the requester, and the history holds what the server accepted', async () => {
    const letter = await responseLetter(api, officer);
    const queued = await api.graphql<{
      emailLetter: { status: string; toAddress: string; messageId: string };
    }>(EMAIL, { id: letter.pdf.id, docx: true }, officer);
    expect(queued.data?.emailLetter).toMatchObject({ status: 'queued', toAddress: 'requester@example.net' });
    const again = await api.graphql(EMAIL, { id: letter.pdf.id }, officer);
    // Unless the first is already out, the same letter is not queued twice.
    if (smtp.received.length === 0) expect(again.errors?.[0]?.message).toMatch(/already queued/);

    const mail = await waitForMail(api, officer, letter.caseId, (m) => m.status === 'sent');
    // One Message-ID per mail, fixed when queued, in the From address's domain.
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@council\.example>$/);
    expect(smtp.received.map((r) => r.parsed.messageId)).toContain(mail.messageId);
    const received = smtp.received.find((r) => r.parsed.messageId === mail.messageId);
    const { parsed, attachmentHashes } = received as NonNullable<typeof received>;
    expect(parsed.to && 'text' in parsed.to ? parsed.to.text : '').toBe('requester@example.net');
    expect(parsed.from?.text).toBe('foi@council.example');
    expect(parsed.subject).toBe(`${letter.reference}: our letter about your request`);
    expect(parsed.text).toContain('Dear A. Requester');
    expect(parsed.text).toContain(`our reference ${letter.reference}`);
    expect(parsed.attachments.map((a) => a.filename)).toEqual([letter.pdf.filename, letter.docx.filename]);
    expect(attachmentHashes).toEqual([letter.pdf.sha256, letter.docx.sha256]);
    expect(smtp.deliveries.get(mail.messageId)).toBe(1);

    const events = await history(api, auditor, letter.caseId);
    const mailSent = events.filter((e) => e.type === 'MAIL_SENT');
    expect(mailSent).toHaveLength(1);
    expect(mailSent[0]?.sequence).toBe(mail.sentSequence);
    expect(mailSent[0]?.payload).toMatchObject({
      documentIds: [letter.pdf.id, letter.docx.id],
      to: { requester: true, sha256: sha('requester@example.net') },
      transport: 'smtp',
      messageId: mail.messageId,
      response: `250 Accepted as ${mail.messageId}`,
      attachments: [
        { documentId: letter.pdf.id, filename: letter.pdf.filename, sha256: attachmentHashes[0] },
        { documentId: letter.docx.id, filename: letter.docx.filename, sha256: attachmentHashes[1] },
      ],
    });
    // The letters count as sent, each once, by the same path as "record as sent".
    const letterSent = events.filter((e) => e.type === 'LETTER_SENT');
    expect(letterSent.map((e) => e.payload.documentId)).toEqual([letter.pdf.id, letter.docx.id]);
    const recordByHand = await api.graphql(
      'mutation($id: ID!) { sendLetter(documentId: $id) { sentSequence } }',
      { id: letter.pdf.id },
      officer,
    );
    expect(recordByHand.errors?.[0]?.message).toMatch(/already recorded as sent/);
    const verified = await api.graphql<{ verifyCaseHistory: { ok: boolean } }>(
      'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok } }',
      { id: letter.caseId },
      auditor,
    );
    expect(verified.data?.verifyCaseHistory.ok).toBe(true);
  });

  it('refuses MAIL_SENT from a client, a bad address, and a document that does not exist, changing nothing', async () => {
    const letter = await responseLetter(api, officer);
    const forged = await api.graphql(
      'mutation($input: SendCaseEventInput!) { sendCaseEvent(input: $input) { replayed } }',
      { input: { caseId: letter.caseId, type: 'MAIL_SENT', payload: {} } },
      officer,
    );
    expect(forged.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
    const badAddress = await api.graphql(
      EMAIL,
      { id: letter.pdf.id, to: 'x@y.org\r\nBcc: z@y.org' },
      officer,
    );
    expect(badAddress.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'to', message: 'is not an e-mail address' }],
    });
    const missing = await api.graphql(EMAIL, { id: '00000000-0000-4000-8000-000000000000' }, officer);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await caseMails(api, officer, letter.caseId)).toEqual([]);
  });

  it('retries a mail the server puts off (451) with growing waits, then sends it once', async () => {
    const letter = await responseLetter(api, officer);
    const start = smtp.dataAttempts;
    smtp.mode = (attempt) => (attempt <= start + 2 ? 'refuse-451' : 'accept');
    try {
      await api.graphql(EMAIL, { id: letter.pdf.id, to: 'someone.else@example.org' }, officer);
      const deferred = await waitForMail(
        api,
        officer,
        letter.caseId,
        (m) => m.attempts === 1 && m.status === 'queued',
      );
      expect(deferred.lastError).toMatch(/451/);
      const first = new Date(deferred.nextAttemptAt).getTime();
      const second = await waitForMail(
        api,
        officer,
        letter.caseId,
        (m) => m.attempts === 2 && m.status === 'queued',
      );
      expect(new Date(second.nextAttemptAt).getTime() - first).toBeGreaterThanOrEqual(1000);
      const sent = await waitForMail(api, officer, letter.caseId, (m) => m.status === 'sent');
      expect(sent.attempts).toBe(3);
      expect(sent.lastError).toBeNull();
      expect(smtp.deliveries.get(sent.messageId)).toBe(1);
      const received = smtp.received.find((r) => r.parsed.messageId === sent.messageId);
      expect(received?.parsed.attachments.map((a) => a.filename)).toEqual([letter.pdf.filename]);
      const events = await history(api, auditor, letter.caseId);
      const mailSent = events.filter((e) => e.type === 'MAIL_SENT');
      expect(mailSent).toHaveLength(1);
      expect(mailSent[0]?.payload.to).toEqual({ requester: false, sha256: sha('someone.else@example.org') });
    } finally {
      smtp.mode = () => 'accept';
    }
  });

  it('marks a mail the server refuses for good (550) as failed, with the reason, and records nothing', async () => {
    const letter: Letter = await responseLetter(api, officer);
    const start = smtp.dataAttempts;
    smtp.mode = (attempt) => (attempt === start + 1 ? 'refuse-550' : 'accept');
    try {
      await api.graphql(EMAIL, { id: letter.pdf.id }, officer);
      const failed = await waitForMail(api, officer, letter.caseId, (m) => m.status === 'failed');
      expect(failed.attempts).toBe(1);
      expect(failed.lastError).toMatch(/550/);
      const events = await history(api, auditor, letter.caseId);
      expect(events.filter((e) => e.type === 'MAIL_SENT' || e.type === 'LETTER_SENT')).toEqual([]);
    } finally {
      smtp.mode = () => 'accept';
    }
  });
});
