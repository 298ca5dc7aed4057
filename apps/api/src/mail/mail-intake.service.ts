import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ImapFlow } from 'imapflow';
import { DataSource } from 'typeorm';
import { ukToday } from '../common/dates';
import { IncomingMail } from './incoming-mail.entity';
import { IncomingMailService, MAIL_INTAKE_ACTOR, readMessage } from './incoming-mail.service';
import { MAIL_SETTINGS, type MailSettings } from './mail-settings';

/** Messages fetched per round trip: a large backlog is taken in steps, each committed as it goes. */
const BATCH = 25;
const IMAP_TIMEOUT_MS = 60_000;

/** What one poll did. */
export interface PollResult {
  /** New messages stored (drafts and threaded replies). */
  taken: number;
  /** Messages whose Message-ID was already stored: a second delivery, ignored. */
  duplicates: number;
}

interface Mailbox {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  path: string;
}

/** imaps://user:pass@host:993/INBOX → where to connect and which folder to read. */
export function parseImapUrl(url: string): Mailbox {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'imaps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(parsed.username),
    pass: decodeURIComponent(parsed.password),
    path: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'INBOX',
  };
}

/**
 * Takes mail in from the intake mailbox (RECORDFLOW_IMAP_URL), read-only: nothing on the server is
 * changed. Each message is stored in its own transaction together with the mailbox cursor (the last
 * UID under the mailbox's UIDVALIDITY), so a crash before the commit fetches it again and a crash
 * after never does; the Message-ID's unique constraint ignores a second delivery, and the cursor row's
 * lock lets any number of replicas poll the same mailbox.
 */
@Injectable()
export class MailIntake implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailIntake.name);
  private handle: NodeJS.Timeout | undefined;
  private running: Promise<PollResult> | undefined;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incoming: IncomingMailService,
    @Inject(MAIL_SETTINGS) private readonly settings: MailSettings,
  ) {}

  get configured(): boolean {
    return Boolean(this.settings.imapUrl);
  }

  onApplicationBootstrap(): void {
    const interval = this.settings.imapIntervalMs ?? 0;
    if (!this.settings.imapUrl || interval <= 0) return;
    const tick = () => {
      if (this.stopped || this.running) return;
      this.running = this.poll()
        .catch((error) => {
          this.logger.error(`Polling the intake mailbox failed: ${(error as Error).message}`);
          return { taken: 0, duplicates: 0 };
        })
        .finally(() => {
          this.running = undefined;
        });
    };
    this.handle = setInterval(tick, interval);
    this.handle.unref();
    tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.handle);
    await this.running?.catch(() => undefined);
  }

  /** Reads every message after the cursor; returns what was stored and what was a duplicate. */
  async poll(): Promise<PollResult> {
    if (!this.settings.imapUrl) return { taken: 0, duplicates: 0 };
    const box = parseImapUrl(this.settings.imapUrl);
    const client = new ImapFlow({
      host: box.host,
      port: box.port,
      secure: box.secure,
      auth: { user: box.user, pass: box.pass },
      logger: false,
      connectionTimeout: IMAP_TIMEOUT_MS,
      greetingTimeout: IMAP_TIMEOUT_MS,
      socketTimeout: IMAP_TIMEOUT_MS,
    });
    client.on('error', (error: Error) => this.logger.warn(`IMAP: ${error.message}`));
    const result: PollResult = { taken: 0, duplicates: 0 };
    await client.connect();
    try {
      const lock = await client.getMailboxLock(box.path, { readOnly: true });
      try {
        const mailbox = client.mailbox as { uidValidity: bigint; uidNext: number };
        const uidValidity = String(mailbox.uidValidity);
        let from = (await this.cursor(box.path, uidValidity)) + 1;
        const uidNext = Number(mailbox.uidNext);
        while (from < uidNext && !this.stopped) {
          const to = Math.min(from + BATCH - 1, uidNext - 1);
          const batch: { uid: number; source: Buffer; internalDate: Date | null }[] = [];
          for await (const message of client.fetch(
            `${from}:${to}`,
            { uid: true, source: true, internalDate: true },
            { uid: true },
          )) {
            if (message.uid >= from && message.source) {
              const internalDate = message.internalDate ? new Date(message.internalDate) : null;
              batch.push({ uid: message.uid, source: message.source, internalDate });
            }
          }
          batch.sort((a, b) => a.uid - b.uid);
          for (const message of batch) {
            const outcome = await this.ingest(box.path, uidValidity, message);
            if (outcome === 'taken') result.taken++;
            if (outcome === 'duplicate') result.duplicates++;
          }
          from = to + 1;
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
    if (result.taken + result.duplicates > 0) {
      this.logger.log(`Intake: ${result.taken} new, ${result.duplicates} duplicate`);
    }
    return result;
  }

  /**
   * The last UID committed for this mailbox. A new UIDVALIDITY means the server renumbered the
   * folder: the cursor starts again from 0, and the Message-IDs already stored keep anything doubling.
   */
  private async cursor(mailbox: string, uidValidity: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `INSERT INTO imap_cursor (mailbox, uid_validity, last_uid) VALUES ($1, $2, 0)
       ON CONFLICT (mailbox) DO UPDATE SET
         last_uid = CASE WHEN imap_cursor.uid_validity = $2 THEN imap_cursor.last_uid ELSE 0 END,
         uid_validity = $2, updated_at = now()
       RETURNING last_uid`,
      [mailbox, uidValidity],
    );
    return Number(row.last_uid);
  }

  /** Stores one message and moves the cursor past it, in one transaction. */
  private async ingest(
    mailbox: string,
    uidValidity: string,
    fetched: { uid: number; source: Buffer; internalDate: Date | null },
  ): Promise<'taken' | 'duplicate' | 'skipped'> {
    const message = await readMessage(fetched.source);
    const arrivedAt = fetched.internalDate ?? message.sentAt ?? new Date();
    return this.dataSource.transaction(async (manager) => {
      // The cursor's row lock orders replicas polling the same mailbox; one that is behind skips.
      const [cursor] = await manager.query(
        'SELECT uid_validity, last_uid FROM imap_cursor WHERE mailbox = $1 FOR UPDATE',
        [mailbox],
      );
      if (!cursor || String(cursor.uid_validity) !== uidValidity || Number(cursor.last_uid) >= fetched.uid) {
        return 'skipped';
      }
      await manager.query('UPDATE imap_cursor SET last_uid = $2, updated_at = now() WHERE mailbox = $1', [
        mailbox,
        fetched.uid,
      ]);
      const thread = await this.incoming.threadOf(manager, message);
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO incoming_mail (message_id, mailbox, uid_validity, uid, from_address, from_name, subject, text,
           sent_at, arrived_at, received_on, in_reply_to, "references", raw, status, case_id, threaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         ON CONFLICT DO NOTHING RETURNING id`,
        [
          message.messageId,
          mailbox,
          uidValidity,
          fetched.uid,
          message.fromAddress,
          message.fromName,
          message.subject,
          message.text,
          message.sentAt,
          arrivedAt,
          // The date of receipt is the UK day the message reached the authority's mailbox.
          ukToday(arrivedAt),
          message.inReplyTo,
          message.references,
          fetched.source,
          thread ? 'threaded' : 'draft',
          thread?.caseId ?? null,
          thread?.by ?? null,
        ],
      );
      if (inserted.length === 0) return 'duplicate';
      if (thread) {
        const mail = await manager.getRepository(IncomingMail).findOneByOrFail({ id: inserted[0]?.id });
        const kept = await this.incoming.keepOnCase(manager, MAIL_INTAKE_ACTOR, mail, message, thread.caseId);
        const offered = await this.incoming.offerFor(manager, thread.caseId);
        await manager.getRepository(IncomingMail).update(
          { id: mail.id },
          {
            eventSequence: kept.sequence,
            attachments: kept.attachments,
            offeredEvent: offered,
            offerStatus: offered ? 'offered' : null,
          },
        );
      } else {
        await manager
          .getRepository(IncomingMail)
          .update({ id: inserted[0]?.id }, { attachments: await this.incoming.describeAttachments(message) });
      }
      return 'taken';
    });
  }
}
