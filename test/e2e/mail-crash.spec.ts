import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { history, responseLetter, waitForMail } from '../support/mail';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';

// The built api with its mail queue running (no HTTP needed): the process that gets killed.
const SENDER_SCRIPT = `
const { createApp, DatabaseMode, loadMailSettings } = require(${JSON.stringify(join(__dirname, '../../apps/api/dist/index.js'))});
(async () => {
  const { app } = await createApp({ databaseUrl: process.env.DB, database: DatabaseMode.SERVER, demo: false, timerIntervalMs: 0, mail: loadMailSettings(process.env) });
  await app.init();
  process.stdout.write('ready\\n');
})();
`;

describe('an api process killed while sending mail', () => {
  let smtp: TestSmtpServer;
  let api: TestApi;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    smtp = await startSmtpServer();
    // This process only queues; the child processes send.
    api = await startTestApi('mail-crash', {
      mail: { smtpUrl: smtp.url, from: 'foi@council.example', intervalMs: 0, retrySeconds: 1 },
    });
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await api?.close();
    await smtp?.close();
  });

  const sender = () => {
    const child = spawn(process.execPath, ['-e', SENDER_SCRIPT], {
      env: {
        ...process.env,
        DB: api.databaseUrl,
        RECORDFLOW_SMTP_URL: smtp.url,
        RECORDFLOW_MAIL_FROM: 'foi@council.example',
        RECORDFLOW_MAIL_INTERVAL_MS: '200',
        RECORDFLOW_MAIL_RETRY_SECONDS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return child;
  };

  it('delivers the message once after a restart', async () => {
    const officer = await api.signIn(['officer']);
    const letter = await responseLetter(api, officer);
    // The first DATA phase never gets an answer: the sender is mid-send when it is killed.
    smtp.mode = (attempt) => (attempt === 1 ? 'stall' : 'accept');
    const queued = await api.graphql<{ emailLetter: { messageId: string } }>(
      'mutation($id: ID!) { emailLetter(documentId: $id) { messageId } }',
      { id: letter.pdf.id },
      officer,
    );
    const messageId = queued.data?.emailLetter.messageId as string;
    const first = sender();
    await smtp.dataStarted(1);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const interrupted = await waitForMail(api, officer, letter.caseId, () => true);
    expect(interrupted).toMatchObject({ status: 'sending', attempts: 1, sentSequence: null });
    expect(smtp.deliveries.get(messageId)).toBeUndefined();

    sender();
    // The attempt's claim lapses (15 s), then the restarted process sends it again, with the same Message-ID.
    const sent = await waitForMail(api, officer, letter.caseId, (m) => m.status === 'sent', 90_000);
    expect(sent.attempts).toBe(2);
    expect(smtp.dataAttempts).toBe(2);
    expect(smtp.deliveries.get(messageId)).toBe(1);
    expect(smtp.received.map((r) => r.parsed.messageId)).toEqual([messageId]);
    const events = await history(api, officer, letter.caseId);
    expect(events.filter((e) => e.type === 'MAIL_SENT')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'LETTER_SENT')).toHaveLength(1);
  }, 150_000);
});
