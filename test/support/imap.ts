import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

/** A real Dovecot IMAP server in a temporary folder, with one mailbox user. */
export interface TestImapServer {
  /** imap://user:pass@127.0.0.1:port/INBOX, as RECORDFLOW_IMAP_URL takes it. */
  url: string;
  /** Delivers a message into INBOX (IMAP APPEND, as a mail server's local delivery would), arriving at `arrived`. */
  deliver(raw: string | Buffer, arrived?: Date): Promise<void>;
  /** The UIDs in INBOX and its UIDVALIDITY. */
  inbox(): Promise<{ uidValidity: string; uids: number[] }>;
  close(): Promise<void>;
}

export const IMAP_USER = 'foi-inbox';
export const IMAP_PASSWORD = 'inbox-s3cret';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Mail processes may not run as root: as root, the mailbox belongs to Dovecot's own system user. */
function mailOwner(): { uid: number; gid: number } {
  const uid = process.getuid?.() ?? 1000;
  if (uid !== 0) return { uid, gid: process.getgid?.() ?? uid };
  return {
    uid: Number(execFileSync('id', ['-u', 'dovecot']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'dovecot']).toString().trim()),
  };
}

/** Starts Dovecot (installed by .ci/run: apt-get install dovecot-imapd) on a free loopback port. */
export async function startImapServer(): Promise<TestImapServer> {
  const dir = await mkdtemp(join(tmpdir(), 'recordflow-dovecot-'));
  const port = await freePort();
  const owner = mailOwner();
  for (const sub of ['run', 'state', 'home']) await mkdir(join(dir, sub), { recursive: true });
  await writeFile(join(dir, 'users'), `${IMAP_USER}:{PLAIN}${IMAP_PASSWORD}::::::\n`);
  await writeFile(
    join(dir, 'dovecot.conf'),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:${dir}/home/%u/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${owner.uid} gid=${owner.gid} home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
`,
  );
  await chown(join(dir, 'home'), owner.uid, owner.gid);
  await chmod(dir, 0o755);
  const child: ChildProcess = spawn('dovecot', ['-F', '-c', join(dir, 'dovecot.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const client = () =>
    new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user: IMAP_USER, pass: IMAP_PASSWORD },
      logger: false,
    });
  // Ready once a sign-in works.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const probe = client();
    try {
      await probe.connect();
      await probe.logout();
      break;
    } catch (error) {
      probe.close();
      if (Date.now() > deadline || child.exitCode !== null) {
        const log = await readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => '');
        child.kill('SIGKILL');
        throw new Error(`Dovecot did not start: ${(error as Error).message}\n${output}\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const withClient = async <T>(work: (imap: ImapFlow) => Promise<T>): Promise<T> => {
    const imap = client();
    await imap.connect();
    try {
      return await work(imap);
    } finally {
      await imap.logout();
    }
  };
  return {
    url: `imap://${IMAP_USER}:${IMAP_PASSWORD}@127.0.0.1:${port}/INBOX`,
    deliver: (raw, arrived) =>
      withClient(async (imap) => {
        await imap.append('INBOX', raw, [], arrived);
      }),
    inbox: () =>
      withClient(async (imap) => {
        const lock = await imap.getMailboxLock('INBOX');
        try {
          const uids = (await imap.search({ all: true }, { uid: true })) || [];
          const mailbox = imap.mailbox as { uidValidity: bigint };
          return { uidValidity: String(mailbox.uidValidity), uids };
        } finally {
          lock.release();
        }
      }),
    async close() {
      child.kill('SIGTERM');
      await new Promise((resolve) => {
        if (child.exitCode !== null) resolve(undefined);
        else child.once('exit', resolve);
      });
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface TestMessage {
  from: string;
  subject: string;
  text: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  date?: Date;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

/** An RFC 822 message as a requester's mail client would write it (multipart when it has attachments). */
export function composeMessage(message: TestMessage): string {
  const headers = [
    `From: ${message.from}`,
    'To: FOI Team <foi@council.example>',
    `Subject: ${message.subject}`,
    `Date: ${(message.date ?? new Date()).toUTCString().replace('GMT', '+0000')}`,
    ...(message.messageId ? [`Message-ID: ${message.messageId}`] : []),
    ...(message.inReplyTo ? [`In-Reply-To: ${message.inReplyTo}`] : []),
    ...(message.references ? [`References: ${message.references.join(' ')}`] : []),
    'MIME-Version: 1.0',
  ];
  const body = message.text.replace(/\r?\n/g, '\r\n');
  if (!message.attachments?.length) {
    return `${[...headers, 'Content-Type: text/plain; charset=utf-8'].join('\r\n')}\r\n\r\n${body}\r\n`;
  }
  const boundary = `=_boundary_${Math.random().toString(36).slice(2)}`;
  const parts = [
    `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`,
    ...message.attachments.map(
      (a) =>
        `--${boundary}\r\nContent-Type: ${a.contentType}; name="${a.filename}"\r\nContent-Disposition: attachment; filename="${a.filename}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${(
          a.content.toString('base64').match(/.{1,76}/g) ?? []
        ).join('\r\n')}\r\n`,
    ),
  ];
  return `${[...headers, `Content-Type: multipart/mixed; boundary="${boundary}"`].join('\r\n')}\r\n\r\n${parts.join('')}--${boundary}--\r\n`;
}
