import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { createCase } from '../support/cases';
import { composeMessage, startImapServer, type TestImapServer } from '../support/imap';

// The built api polling the intake mailbox (no HTTP needed): the process that gets killed.
const POLLER_SCRIPT = `
const { createApp, DatabaseMode, loadMailSettings } = require(${JSON.stringify(join(__dirname, '../../apps/api/dist/index.js'))});
(async () => {
  const { app } = await createApp({ databaseUrl: process.env.DB, database: DatabaseMode.SERVER, demo: false, timerIntervalMs: 0, mail: loadMailSettings(process.env) });
  await app.init();
  process.stdout.write('ready\\n');
})();
`;

const REQUESTS = 20;
const REPLIES = 20;
const PDF = (n: number) => Buffer.from(`%PDF-1.4\n% reply ${n}\n${'x'.repeat(20_000)}\n%%EOF\n`);

describe('an api process killed while polling the intake mailbox', () => {
  let imap: TestImapServer;
  let api: TestApi;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    imap = await startImapServer();
    // This process only reads the database; the child processes poll.
    api = await startTestApi('mail-intake-crash', {
      mail: { smtpUrl: undefined, from: undefined, intervalMs: 0, retrySeconds: 1, imapIntervalMs: 0 },
    });
  }, 120_000);
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await api?.close();
    await imap?.close();
  });

  const poller = () => {
    const child = spawn(process.execPath, ['-e', POLLER_SCRIPT], {
      env: {
        ...process.env,
        DB: api.databaseUrl,
        RECORDFLOW_IMAP_URL: imap.url,
        RECORDFLOW_IMAP_INTERVAL_MS: '200',
        RECORDFLOW_MAIL_INTERVAL_MS: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return child;
  };
  const stored = async () =>
    Number((await api.dataSource.query('SELECT count(*) AS n FROM incoming_mail'))[0].n);

  it('after a restart every message is stored once, and every reply is on its case exactly once', async () => {
    const officer = await api.signIn(['officer']);
    const target = await createCase(api, officer, { receivedOn: '2026-11-02' });
    const messageIds: string[] = [];
    for (let n = 0; n < REQUESTS + REPLIES; n++) {
      const reply = n % 2 === 1;
      const messageId = `<crash-${n}@example.net>`;
      messageIds.push(messageId);
      const raw = composeMessage({
        from: `person${n}@example.net`,
        subject: reply ? `Re: ${target.reference} more detail ${n}` : `Request number ${n}`,
        text: `Message ${n}`,
        messageId,
        attachments: reply
          ? [{ filename: `reply-${n}.pdf`, contentType: 'application/pdf', content: PDF(n) }]
          : [],
      });
      await imap.deliver(raw);
      // Every fifth message is delivered twice (a mail server retrying its delivery).
      if (n % 5 === 0) await imap.deliver(raw);
    }

    const first = poller();
    const until = Date.now() + 90_000;
    while ((await stored()) < 3) {
      if (Date.now() > until) throw new Error('the poller never stored a message');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const before = await stored();
    // Killed mid-poll: some stored, not all.
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(REQUESTS + REPLIES);

    poller();
    const done = Date.now() + 120_000;
    while ((await stored()) < REQUESTS + REPLIES) {
      if (Date.now() > done) throw new Error(`only ${await stored()} messages stored after the restart`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // One more poll round finds nothing new to store.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const rows: { message_id: string; status: string; case_id: string | null }[] = await api.dataSource.query(
      'SELECT message_id, status, case_id FROM incoming_mail',
    );
    expect(rows.map((r) => r.message_id).sort()).toEqual([...messageIds].sort());
    const replies = rows.filter((r) => r.status === 'threaded');
    expect(replies).toHaveLength(REPLIES);
    expect(replies.every((r) => r.case_id === target.id)).toBe(true);
    expect(rows.filter((r) => r.status === 'draft')).toHaveLength(REQUESTS);

    const events: { type: string; message_id: string | null; n: string }[] = await api.dataSource.query(
      `SELECT type, payload->>'messageId' AS message_id, count(*) AS n FROM case_event WHERE case_id = $1
        GROUP BY type, payload->>'messageId' ORDER BY type`,
      [target.id],
    );
    const received = events.filter((e) => e.type === 'MAIL_RECEIVED');
    expect(received).toHaveLength(REPLIES);
    expect(received.every((e) => Number(e.n) === 1)).toBe(true);
    const documents = events.filter((e) => e.type === 'DOCUMENT_ADDED');
    expect(documents.reduce((sum, e) => sum + Number(e.n), 0)).toBe(REPLIES);
    const [files] = await api.dataSource.query('SELECT count(*) AS n FROM attachment WHERE case_id = $1', [
      target.id,
    ]);
    expect(Number(files.n)).toBe(REPLIES);

    const { uids } = await imap.inbox();
    const [cursor] = await api.dataSource.query('SELECT last_uid FROM imap_cursor');
    expect(Number(cursor.last_uid)).toBe(Math.max(...uids));
    const auditor = await api.signIn(['auditor']);
    const verified = await api.graphql<{ verifyCaseHistory: { ok: boolean } }>(
      'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok } }',
      { id: target.id },
      auditor,
    );
    expect(verified.data?.verifyCaseHistory.ok).toBe(true);
  }, 300_000);
});
