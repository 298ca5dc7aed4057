import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  parsed: ParsedMail;
  /** SHA-256 of each attachment, in order. */
  attachmentHashes: string[];
}

/** What the server does with the next message's DATA. */
export type DataMode = 'accept' | 'refuse-451' | 'refuse-550' | 'stall';

/** A real SMTP server in this process (with sign-in) that keeps what it accepts and counts it by Message-ID. */
export interface TestSmtpServer {
  url: string;
  received: ReceivedMail[];
  /** Accepted deliveries per Message-ID. */
  deliveries: Map<string, number>;
  /** DATA phases begun (accepted, refused or stalled). */
  dataAttempts: number;
  /** Decides each DATA phase by its number (1-based). */
  mode: (attempt: number) => DataMode;
  /** Resolves when a DATA phase has begun this many times. */
  dataStarted(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const waiters: { count: number; resolve: () => void }[] = [];
  const state: TestSmtpServer = {
    url: '',
    received: [],
    deliveries: new Map(),
    dataAttempts: 0,
    mode: () => 'accept',
    dataStarted: (count) =>
      new Promise((resolve) => {
        if (state.dataAttempts >= count) resolve();
        else waiters.push({ count, resolve });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'recordflow' && auth.password === 's3cret')
        callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, _session, callback) {
      const attempt = ++state.dataAttempts;
      for (const waiter of waiters.filter((w) => w.count <= attempt)) waiter.resolve();
      const mode = state.mode(attempt);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if (mode === 'stall') return;
        if (mode !== 'accept') {
          const error = Object.assign(
            new Error(mode === 'refuse-451' ? 'Try again later' : 'Mailbox unavailable'),
            {
              responseCode: mode === 'refuse-451' ? 451 : 550,
            },
          );
          callback(error);
          return;
        }
        const parsed = await simpleParser(Buffer.concat(chunks));
        const messageId = parsed.messageId ?? '';
        state.deliveries.set(messageId, (state.deliveries.get(messageId) ?? 0) + 1);
        state.received.push({
          parsed,
          attachmentHashes: parsed.attachments.map((a) =>
            createHash('sha256').update(a.content).digest('hex'),
          ),
        });
        callback(null, `Accepted as ${messageId}`);
      });
    },
  });
  // A client killed mid-conversation resets its connection: expected here, not a test failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  state.url = `smtp://recordflow:s3cret@127.0.0.1:${port}`;
  return state;
}
