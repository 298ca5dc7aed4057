import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { history, responseLetter, waitForMail } from '../support/mail';

const OUTBOX = `query { outbox { id caseId caseReference toAddress fromAddress subject messageId text source
  attachments { filename contentType size sha256 base64 } } }`;

describe('the local outbox (no SMTP server set)', () => {
  let api: TestApi;
  let officer: string;
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi('outbox', {
      mail: { smtpUrl: undefined, from: undefined, intervalMs: 100, retrySeconds: 1 },
    });
    officer = await api.signIn(['officer']);
    admin = await api.signIn(['admin']);
  });
  afterAll(() => api?.close());

  it('keeps the whole message, which an administrator reads with its attachments', async () => {
    const saved = await api.graphql(
      'mutation($s: String!, $b: String!) { saveMailTemplate(subject: $s, body: $b) { builtIn } }',
      { s: 'Re {{reference}}', b: 'Hello {{requester.name}}, from {{authority.name}}.' },
      admin,
    );
    expect(saved.data).toEqual({ saveMailTemplate: { builtIn: false } });
    const letter = await responseLetter(api, officer);
    const queued = await api.graphql(
      'mutation($id: ID!) { emailLetter(documentId: $id) { status } }',
      { id: letter.pdf.id },
      officer,
    );
    expect(queued.data).toEqual({ emailLetter: { status: 'queued' } });
    const mail = await waitForMail(api, officer, letter.caseId, (m) => m.status === 'sent');
    expect(mail.response).toBe('kept in the local outbox');

    const outbox = await api.graphql<{
      outbox: {
        caseReference: string;
        toAddress: string;
        fromAddress: string;
        subject: string;
        messageId: string;
        text: string;
        source: string;
        attachments: { filename: string; contentType: string; sha256: string; base64: string }[];
      }[];
    }>(OUTBOX, {}, admin);
    const [message] = outbox.data?.outbox ?? [];
    expect(message).toMatchObject({
      caseReference: letter.reference,
      toAddress: 'requester@example.net',
      // No From setting: the authority's own address from its letter settings.
      fromAddress: 'foi@example.gov.uk',
      subject: `Re ${letter.reference}`,
      messageId: mail.messageId,
      text: 'Hello A. Requester, from London Borough of Example.',
    });
    expect(message?.source).toContain(`Message-ID: ${mail.messageId}`);
    expect(message?.attachments).toHaveLength(1);
    expect(message?.attachments[0]).toMatchObject({
      filename: letter.pdf.filename,
      contentType: 'application/pdf',
      sha256: letter.pdf.sha256,
    });
    expect(
      Buffer.from(message?.attachments[0]?.base64 ?? '', 'base64')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const mailSent = (await history(api, admin, letter.caseId)).filter((e) => e.type === 'MAIL_SENT');
    expect(mailSent[0]?.payload).toMatchObject({ transport: 'outbox', response: 'kept in the local outbox' });

    const officerLooks = await api.graphql(OUTBOX, {}, officer);
    expect(officerLooks.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a mail template naming a field letters do not have', async () => {
    const refused = await api.graphql(
      'mutation { saveMailTemplate(subject: "Re {{reference}}", body: "Dear {{requester.nickname}}") { builtIn } }',
      {},
      admin,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'body', message: 'names "requester.nickname", which letters do not have' }],
    });
  });
});
