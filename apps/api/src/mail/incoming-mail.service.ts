import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { allowedEvents, type CaseSnapshot, MAIL_RECEIVED } from '@recordflow/workflow';
import { type ParsedMail, simpleParser } from 'mailparser';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { Case } from '../cases/case.entity';
import { actorOf, CasesService, type EventActor } from '../cases/cases.service';
import type { CreateCaseInput } from '../cases/dto/create-case.input';
import { Requester } from '../cases/requester.entity';
import { ukToday } from '../common/dates';
import { isUuid, notFound, refusal } from '../common/errors';
import { DocumentsService } from '../documents/documents.service';
import { typeOf } from '../documents/file-types';
import { type IncomingAttachment, IncomingMail, type IncomingMailStatus } from './incoming-mail.entity';

/** Who records what the intake mailbox brings in by itself (a reply threaded onto its case). */
export const MAIL_INTAKE_ACTOR: EventActor = { id: null, label: 'mail intake', roles: ['system'] };

/** Replies that look like the event a case is waiting for, in the order they are offered. */
const OFFERABLE_EVENTS = ['CLARIFICATION_RECEIVED', 'FEE_PAID'];

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A case reference anywhere in a subject, e.g. "Re: FOI-2026-000042: our letter". */
const REFERENCE = /\b(FOI|EIR|FOISA|EISR|SAR)-(\d{4})-(\d{6})\b/i;

/** What a message says, read once from its source. */
export interface ReadMessage {
  messageId: string;
  fromAddress: string;
  fromName: string | null;
  subject: string;
  text: string;
  sentAt: Date | null;
  inReplyTo: string | null;
  references: string[];
  parsed: ParsedMail;
}

/** Text PostgreSQL can store: NUL characters (which no honest mail carries) are dropped. */
const storable = (text: string) => text.replaceAll('\u0000', '');

export async function readMessage(raw: Buffer): Promise<ReadMessage> {
  const parsed = await simpleParser(raw);
  const messageId = storable(parsed.messageId?.trim() ?? '');
  const from = parsed.from?.value[0];
  const references = parsed.references
    ? Array.isArray(parsed.references)
      ? parsed.references
      : [parsed.references]
    : [];
  return {
    // A message without a Message-ID is known by its source's hash: a second delivery of it is still the same.
    // One with an absurd Message-ID (beyond what an index holds) is known by its hash too: it can never block the intake.
    messageId: messageId && messageId.length <= 500 ? messageId : `<${sha256(raw)}@recordflow.invalid>`,
    fromAddress: storable(from?.address?.toLowerCase() ?? ''),
    fromName: storable(from?.name?.trim() ?? '') || null,
    subject: storable(parsed.subject ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
    text: storable(parsed.text ?? '').trim(),
    sentAt: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    inReplyTo: storable(parsed.inReplyTo?.trim() ?? '') || null,
    references: references.map(storable),
    parsed,
  };
}

/** Incoming mail as officers see it: drafts to confirm or discard, replies with an event on offer. */
@Injectable()
export class IncomingMailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly documents: DocumentsService,
  ) {}

  /** The newest first: drafts and replies with an offer when `open`, else everything, at most 200; none on a case of the hidden workflows. */
  list(open: boolean, hiddenWorkflows: readonly string[] = []): Promise<IncomingMail[]> {
    const query = this.dataSource
      .getRepository(IncomingMail)
      .createQueryBuilder('m')
      .orderBy('m.created_at', 'DESC')
      .take(200);
    if (open) query.where(`(m.status = 'draft' OR m.offer_status = 'offered')`);
    if (hiddenWorkflows.length > 0)
      query.andWhere(
        `NOT EXISTS (SELECT 1 FROM "case" c WHERE c.id = m.case_id AND c.workflow_id = ANY(:hidden))`,
        { hidden: hiddenWorkflows },
      );
    return query.getMany();
  }

  async get(id: string): Promise<IncomingMail> {
    const row = isUuid(id) ? await this.dataSource.getRepository(IncomingMail).findOneBy({ id }) : null;
    if (!row) throw notFound('incoming mail', id);
    return row;
  }

  forCase(caseId: string): Promise<IncomingMail[]> {
    if (!isUuid(caseId)) throw notFound('case', caseId);
    return this.dataSource
      .getRepository(IncomingMail)
      .find({ where: { caseId }, order: { createdAt: 'DESC' } });
  }

  async references(caseIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.dataSource.getRepository(Case).findBy({ id: In([...caseIds]) });
    return new Map(rows.map((r) => [r.id, r.reference]));
  }

  /** Finds the case a reply belongs to: a sent (or threaded) Message-ID it answers, else a reference in its subject. */
  async threadOf(
    manager: EntityManager,
    message: Pick<ReadMessage, 'inReplyTo' | 'references' | 'subject'>,
  ): Promise<{ caseId: string; by: 'message-id' | 'reference' } | null> {
    const answered = [message.inReplyTo, ...message.references].filter((id): id is string => Boolean(id));
    if (answered.length > 0) {
      const [hit] = await manager.query(
        `SELECT case_id FROM outgoing_mail WHERE message_id = ANY($1::text[])
         UNION ALL
         SELECT case_id FROM incoming_mail WHERE message_id = ANY($1::text[]) AND case_id IS NOT NULL
         LIMIT 1`,
        [answered],
      );
      if (hit) return { caseId: hit.case_id, by: 'message-id' };
    }
    const reference = REFERENCE.exec(message.subject);
    if (reference) {
      const [hit] = await manager.query('SELECT id FROM "case" WHERE reference = $1', [
        `${reference[1]?.toUpperCase()}-${reference[2]}-${reference[3]}`,
      ]);
      if (hit) return { caseId: hit.id, by: 'reference' };
    }
    return null;
  }

  /**
   * Keeps the message with its case, in the caller's transaction (the case locked by the first fact):
   * each attachment of an accepted type as a correspondence document (DOCUMENT_ADDED), then
   * MAIL_RECEIVED naming the message and the attachments' hashes (the sender's address only hashed).
   */
  async keepOnCase(
    manager: EntityManager,
    actor: Actor | EventActor,
    mail: IncomingMail,
    message: ReadMessage,
    caseId: string,
  ): Promise<{ sequence: number; attachments: IncomingAttachment[] }> {
    const attachments: IncomingAttachment[] = [];
    for (const [i, part] of message.parsed.attachments.entries()) {
      const filename = safeFilename(part.filename, i);
      const kept = await this.documents.addBytes(manager, actor, caseId, 'correspondence', {
        filename,
        content: part.content,
      });
      attachments.push({
        filename,
        mimeType: kept?.mimeType ?? part.contentType,
        size: part.content.length,
        sha256: sha256(part.content),
        accepted: kept !== null,
        ...(kept ? { attachmentId: kept.id } : {}),
      });
    }
    const row = (await manager.getRepository(Case).findOneBy({ id: caseId })) as Case;
    const requester = row.requesterId
      ? await manager.getRepository(Requester).findOneBy({ id: row.requesterId })
      : null;
    const sequence = await this.cases.recordFact(manager, actor, caseId, MAIL_RECEIVED, {
      incomingMailId: mail.id,
      messageId: mail.messageId,
      receivedOn: mail.receivedOn,
      arrivedAt: mail.arrivedAt.toISOString(),
      threadedBy: mail.threadedBy,
      // The address is personal data and stays out of the chain; its hash proves which one it was.
      from: {
        requester: requester?.email?.toLowerCase() === mail.fromAddress,
        sha256: sha256(mail.fromAddress),
      },
      attachments: attachments.map((a) => ({
        attachmentId: a.attachmentId ?? null,
        filename: a.filename,
        sha256: a.sha256,
      })),
    });
    return { sequence, attachments };
  }

  /** A draft's attachments as they will be kept when it is confirmed. */
  describeAttachments(message: ReadMessage): IncomingAttachment[] {
    return message.parsed.attachments.map((part, i) => {
      const filename = safeFilename(part.filename, i);
      const type = typeOf(filename);
      return {
        filename,
        mimeType: type?.mimeType ?? part.contentType,
        size: part.content.length,
        sha256: sha256(part.content),
        accepted: Boolean(type?.matches(part.content.subarray(0, 4096))),
      };
    });
  }

  /** The event a reply may stand for, when its case is waiting for one (awaiting clarification, or a fee). */
  async offerFor(manager: EntityManager, caseId: string): Promise<string | null> {
    const row = (await manager.getRepository(Case).findOneBy({ id: caseId })) as Case;
    if (row.status !== 'open') return null;
    const definition = await this.cases.definition(row.workflowVersionId);
    const allowed = new Set(allowedEvents(definition, row.snapshot as CaseSnapshot).map((e) => e.type));
    return OFFERABLE_EVENTS.find((type) => allowed.has(type)) ?? null;
  }

  /** Registers a draft as a case through the normal create path, and keeps the message and its attachments with it. */
  async confirm(
    user: Actor,
    id: string,
    input: CreateCaseInput,
  ): Promise<{ mail: IncomingMail; caseId: string }> {
    return this.dataSource.transaction(async (manager) => {
      const mail = await this.lockDraft(manager, id);
      const created = await this.cases.createWithin(manager, user, {
        ...input,
        channel: input.channel || 'email',
      });
      const message = await readMessage(await this.raw(manager, mail.id));
      const kept = await this.keepOnCase(manager, user, mail, message, created.id);
      await manager.getRepository(IncomingMail).update(
        { id: mail.id },
        {
          status: 'registered',
          caseId: created.id,
          eventSequence: kept.sequence,
          attachments: kept.attachments,
          decidedBy: user.id,
          decidedAt: new Date(),
        },
      );
      return {
        mail: await manager.getRepository(IncomingMail).findOneByOrFail({ id: mail.id }),
        caseId: created.id,
      };
    });
  }

  /** Sets a draft aside (not a request: spam, or sent to the wrong authority); who did it is kept on the row. */
  discard(user: Actor, id: string): Promise<IncomingMail> {
    return this.dataSource.transaction(async (manager) => {
      const mail = await this.lockDraft(manager, id);
      await manager
        .getRepository(IncomingMail)
        .update({ id: mail.id }, { status: 'discarded', decidedBy: user.id, decidedAt: new Date() });
      return manager.getRepository(IncomingMail).findOneByOrFail({ id: mail.id });
    });
  }

  /**
   * Records the event a reply was recognised as, on the reply's date of receipt, through the normal
   * transition (so the workflow checks it); the incoming mail's id is the idempotency key.
   */
  recordOffer(user: Actor, id: string, payload: Record<string, unknown> | null): Promise<IncomingMail> {
    return this.dataSource.transaction(async (manager) => {
      const mail = await this.lockOffer(manager, id);
      const result = await this.cases.sendWithin(manager, actorOf(user), {
        caseId: mail.caseId as string,
        type: mail.offeredEvent as string,
        payload: payload ?? {},
        // A message dated ahead by a server's clock still records no future event.
        effectiveOn: [mail.receivedOn, ukToday()].sort()[0],
        idempotencyKey: `incoming-mail:${mail.id}`,
      });
      await manager.getRepository(IncomingMail).update(
        { id: mail.id },
        {
          offerStatus: 'recorded',
          offerSequence: result.event.sequence,
          decidedBy: user.id,
          decidedAt: new Date(),
        },
      );
      return manager.getRepository(IncomingMail).findOneByOrFail({ id: mail.id });
    });
  }

  /** The reply is kept on its case, but is not the event it looked like. */
  dismissOffer(user: Actor, id: string): Promise<IncomingMail> {
    return this.dataSource.transaction(async (manager) => {
      const mail = await this.lockOffer(manager, id);
      await manager
        .getRepository(IncomingMail)
        .update({ id: mail.id }, { offerStatus: 'dismissed', decidedBy: user.id, decidedAt: new Date() });
      return manager.getRepository(IncomingMail).findOneByOrFail({ id: mail.id });
    });
  }

  /** The message's source as received. */
  async raw(manager: EntityManager, id: string): Promise<Buffer> {
    const row = await manager
      .getRepository(IncomingMail)
      .createQueryBuilder('m')
      .addSelect('m.raw')
      .where('m.id = :id', { id })
      .getOneOrFail();
    return row.raw;
  }

  private async lock(manager: EntityManager, id: string): Promise<IncomingMail> {
    const row = isUuid(id)
      ? await manager
          .getRepository(IncomingMail)
          .createQueryBuilder('m')
          .setLock('pessimistic_write')
          .where('m.id = :id', { id })
          .getOne()
      : null;
    if (!row) throw notFound('incoming mail', id);
    return row;
  }

  private async lockDraft(manager: EntityManager, id: string): Promise<IncomingMail> {
    const mail = await this.lock(manager, id);
    if (mail.status !== 'draft') {
      throw refusal('VALIDATION_FAILED', `This e-mail is already ${describe(mail.status)}.`, {
        fields: [{ field: 'id', message: `already ${mail.status}` }],
      });
    }
    return mail;
  }

  private async lockOffer(manager: EntityManager, id: string): Promise<IncomingMail> {
    const mail = await this.lock(manager, id);
    if (mail.offerStatus !== 'offered') {
      throw refusal('VALIDATION_FAILED', 'This e-mail has no event on offer.', {
        fields: [
          {
            field: 'id',
            message: mail.offerStatus ? `offer already ${mail.offerStatus}` : 'nothing offered',
          },
        ],
      });
    }
    return mail;
  }
}

const describe = (status: IncomingMailStatus) =>
  ({ registered: 'registered as a case', discarded: 'discarded', threaded: 'on its case', draft: 'a draft' })[
    status
  ];

/** A file name fit to store: no folders, no control characters, never empty. */
function safeFilename(name: string | undefined, index: number): string {
  const base = (name ?? '')
    .replace(/^.*[\\/]/, '')
    .replace(/\p{Cc}/gu, '')
    .trim();
  return base.slice(-200) || `attachment-${index + 1}.bin`;
}
