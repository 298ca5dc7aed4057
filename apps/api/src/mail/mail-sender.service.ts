import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, type EntityManager } from 'typeorm';
import { Case } from '../cases/case.entity';
import { CasesService } from '../cases/cases.service';
import { Requester } from '../cases/requester.entity';
import { ukToday } from '../common/dates';
import { CaseDocument } from '../letters/case-document.entity';
import { sha256 } from '../letters/letter-documents';
import { LettersService } from '../letters/letters.service';
import { MailService } from './mail.service';
import { MAIL_SETTINGS, type MailSettings, retryDelaySeconds } from './mail-settings';
import { OutboxMessage } from './outbox-message.entity';
import { OutgoingMail } from './outgoing-mail.entity';

/** Transient failures are retried this many times in all before the mail is marked failed. */
export const MAX_ATTEMPTS = 8;
/** How long a claimed mail is held for its claimant before it takes the row lock to send. */
const CLAIM_SECONDS = 15;
/** No SMTP conversation may hang the queue for longer than this. */
const SMTP_TIMEOUT_MS = 60_000;

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

interface Delivery {
  messageId: string;
  response: string;
  raw?: Buffer;
}

class PermanentFailure extends Error {}

/**
 * Sends queued mail, from any replica. A mail is claimed (SKIP LOCKED) and its attempt committed first;
 * then its row stays locked while the SMTP server is spoken to and the outcome is recorded in the same
 * transaction. A process that dies mid-send releases the lock and leaves the attempt on record, so the
 * mail is sent again with the same Message-ID: at worst a recognisable duplicate, never a silent one.
 */
@Injectable()
export class MailSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailSender.name);
  private readonly transport: Transporter;
  private handle: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly letters: LettersService,
    private readonly mail: MailService,
    @Inject(MAIL_SETTINGS) private readonly settings: MailSettings,
  ) {
    this.transport = settings.smtpUrl
      ? createTransport({
          url: settings.smtpUrl,
          connectionTimeout: SMTP_TIMEOUT_MS,
          greetingTimeout: SMTP_TIMEOUT_MS,
          socketTimeout: SMTP_TIMEOUT_MS,
        } as never)
      : // No SMTP server: nodemailer writes the message out, and it is kept in the local outbox.
        createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  get transportName(): 'smtp' | 'outbox' {
    return this.settings.smtpUrl ? 'smtp' : 'outbox';
  }

  onApplicationBootstrap(): void {
    if (this.settings.intervalMs <= 0) return;
    this.mail.onQueued = () => this.kick();
    this.handle = setInterval(() => this.kick(), this.settings.intervalMs);
    this.handle.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.handle);
    await this.running?.catch(() => undefined);
    this.transport.close();
  }

  /** Starts a round now, or another straight after the one running. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.sendDue()
      .catch((error) => {
        this.logger.error(`Sending mail failed: ${(error as Error).message}`);
        return 0;
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Sends every mail that is due; returns how many were accepted. */
  async sendDue(): Promise<number> {
    let sent = 0;
    while (!this.stopped) {
      const claimed = await this.claim();
      if (!claimed) return sent;
      if (claimed.attempts > 0 && (await this.attempt(claimed))) sent++;
    }
    return sent;
  }

  /** Takes one due mail and records the attempt before anything is sent. */
  private async claim(): Promise<{ id: string; attempts: number } | null> {
    return this.dataSource.transaction(async (manager) => {
      const [due] = await manager.query(
        `SELECT id, attempts FROM outgoing_mail WHERE status IN ('queued', 'sending') AND next_attempt_at <= now()
         ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!due) return null;
      // Attempts that never came back (the process died each time) count too: give up rather than loop.
      if (due.attempts >= MAX_ATTEMPTS) {
        await manager.query(
          `UPDATE outgoing_mail SET status = 'failed', last_error = coalesce(last_error, $2) WHERE id = $1`,
          [due.id, `No outcome after ${due.attempts} attempts.`],
        );
        return { id: due.id, attempts: -1 };
      }
      const [[row]] = await manager.query(
        `UPDATE outgoing_mail SET status = 'sending', attempts = attempts + 1, last_attempt_at = now(),
           next_attempt_at = now() + make_interval(secs => $2) WHERE id = $1 RETURNING id, attempts`,
        [due.id, CLAIM_SECONDS],
      );
      return row;
    });
  }

  /** Sends one claimed mail under its row lock and records what happened; true when it was accepted. */
  private attempt(claimed: { id: string; attempts: number }): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const mail = await manager
        .getRepository(OutgoingMail)
        .createQueryBuilder('m')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('m.id = :id AND m.status = :status AND m.attempts = :attempts', {
          id: claimed.id,
          status: 'sending',
          attempts: claimed.attempts,
        })
        .getOne();
      // Another process took it over after the claim lapsed.
      if (!mail) return false;
      let delivery: Delivery;
      try {
        delivery = await this.deliver(manager, mail);
      } catch (error) {
        await this.failed(manager, mail, error as Error);
        return false;
      }
      await this.recordSent(manager, mail, delivery);
      return true;
    });
  }

  private async deliver(manager: EntityManager, mail: OutgoingMail): Promise<Delivery> {
    const documents: CaseDocument[] = [];
    for (const id of mail.documentIds) {
      const document = await manager
        .getRepository(CaseDocument)
        .createQueryBuilder('d')
        .addSelect('d.content')
        .where('d.id = :id', { id })
        .getOneOrFail();
      if (sha256(document.content) !== document.sha256) {
        throw new PermanentFailure(`${document.filename} no longer matches the hash it was made with.`);
      }
      documents.push(document);
    }
    const info = await this.transport.sendMail({
      from: await this.mail.from(),
      to: mail.toAddress,
      subject: mail.subject,
      text: mail.body,
      messageId: mail.messageId,
      attachments: documents.map((d) => ({
        filename: d.filename,
        content: d.content,
        contentType: MIME[d.format] ?? 'application/octet-stream',
      })),
    });
    if (this.transportName === 'outbox') {
      return { messageId: info.messageId, response: 'kept in the local outbox', raw: info.message as Buffer };
    }
    return { messageId: info.messageId, response: String(info.response) };
  }

  /** A refusal the SMTP server means for good (5xx) or a broken letter fails now; anything else is retried later. */
  private async failed(manager: EntityManager, mail: OutgoingMail, error: Error): Promise<void> {
    const code = (error as { responseCode?: number }).responseCode;
    const permanent =
      error instanceof PermanentFailure ||
      (code !== undefined && code >= 500) ||
      mail.attempts >= MAX_ATTEMPTS;
    const message = (error as { response?: string }).response ?? error.message;
    await manager.query(
      `UPDATE outgoing_mail SET status = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1`,
      [mail.id, permanent ? 'failed' : 'queued', message, retryDelaySeconds(this.settings, mail.attempts)],
    );
    this.logger.warn(
      `Mail ${mail.id} attempt ${mail.attempts} ${permanent ? 'failed' : 'will be retried'}: ${message}`,
    );
  }

  /** MAIL_SENT in the history, then LETTER_SENT for each letter not yet recorded as sent (the same path as by hand). */
  private async recordSent(manager: EntityManager, mail: OutgoingMail, delivery: Delivery): Promise<void> {
    // A notice belongs to no case: its own row (and the notification pointing at it) is its record.
    if (mail.kind === 'notice' || mail.caseId === null) return this.markSent(manager, mail, delivery, null);
    const caseId = mail.caseId;
    const row = (await manager.getRepository(Case).findOneBy({ id: caseId })) as Case;
    const requester = row.requesterId
      ? await manager.getRepository(Requester).findOneBy({ id: row.requesterId })
      : null;
    const documents: CaseDocument[] = [];
    for (const id of mail.documentIds) documents.push(await this.letters.content(id, manager));
    const sequence = await this.cases.recordMailSent(manager, mail.actor, caseId, {
      mailId: mail.id,
      documentIds: mail.documentIds,
      // The address itself is personal data and stays out of the chain; its hash proves which one it was.
      to: {
        requester: requester?.email?.toLowerCase() === mail.toAddress.toLowerCase(),
        sha256: sha256(Buffer.from(mail.toAddress.toLowerCase())),
      },
      transport: this.transportName,
      messageId: delivery.messageId,
      response: delivery.response,
      attachments: documents.map((d) => ({ documentId: d.id, filename: d.filename, sha256: d.sha256 })),
    });
    for (const document of documents) {
      if (document.sentSequence !== null) continue;
      const sentOn = ukToday();
      const letterSequence = await this.cases.recordLetterSent(manager, mail.actor, caseId, document, {
        channel: 'email',
        sentOn,
      });
      await manager
        .getRepository(CaseDocument)
        .update(
          { id: document.id },
          { sentSequence: letterSequence, sentOn, sentChannel: 'email', sentTo: mail.toAddress },
        );
    }
    await this.markSent(manager, mail, delivery, sequence);
  }

  /** Keeps the message in the local outbox (when there is no SMTP server) and marks the mail sent. */
  private async markSent(
    manager: EntityManager,
    mail: OutgoingMail,
    delivery: Delivery,
    sequence: number | null,
  ): Promise<void> {
    if (delivery.raw) {
      await manager.getRepository(OutboxMessage).insert({
        outgoingMailId: mail.id,
        caseId: mail.caseId,
        toAddress: mail.toAddress,
        fromAddress: await this.mail.from(),
        subject: mail.subject,
        messageId: delivery.messageId,
        raw: delivery.raw,
      });
    }
    await manager.query(
      `UPDATE outgoing_mail SET status = 'sent', response = $2, sent_at = now(), sent_sequence = $3, last_error = NULL WHERE id = $1`,
      [mail.id, delivery.response, sequence],
    );
  }
}
