import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { simpleParser } from 'mailparser';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { Case } from '../cases/case.entity';
import { Requester } from '../cases/requester.entity';
import { invalid, isUuid, notFound, refusal } from '../common/errors';
import { CaseDocument } from '../letters/case-document.entity';
import { sha256 } from '../letters/letter-documents';
import { fillTemplate } from '../letters/letter-template';
import { LettersService } from '../letters/letters.service';
import { MAIL_SETTINGS, type MailSettings } from './mail-settings';
import { BUILT_IN_MAIL_TEMPLATE, checkMailTemplate, type MailTemplate } from './mail-template';
import { OutboxMessage } from './outbox-message.entity';
import { OutgoingMail } from './outgoing-mail.entity';

const TEMPLATE_KEY = 'mail-template';
/** One address, no display name, nothing that could smuggle a header in. */
const ADDRESS = /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+\.[^\s@<>(),;:"\\[\]]+$/;

export interface ParsedOutboxMessage {
  text: string;
  source: string;
  attachments: { filename: string; contentType: string; size: number; sha256: string; base64: string }[];
}

/** Queues letters to e-mail, shows each mail's progress on its case, and reads the local outbox. */
@Injectable()
export class MailService {
  /** Called after a mail is queued, so it goes now rather than at the next poll. */
  onQueued: () => void = () => undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly letters: LettersService,
    @Inject(MAIL_SETTINGS) private readonly settings: MailSettings,
  ) {}

  async template(): Promise<MailTemplate & { builtIn: boolean }> {
    const [row] = await this.dataSource.query('SELECT value FROM setting WHERE key = $1', [TEMPLATE_KEY]);
    return row
      ? { ...BUILT_IN_MAIL_TEMPLATE, ...row.value, builtIn: false }
      : { ...BUILT_IN_MAIL_TEMPLATE, builtIn: true };
  }

  async saveTemplate(template: MailTemplate): Promise<MailTemplate & { builtIn: boolean }> {
    checkMailTemplate(template);
    await this.dataSource.query(
      `INSERT INTO setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = $2, updated_at = now()`,
      [TEMPLATE_KEY, JSON.stringify({ subject: template.subject, body: template.body })],
    );
    return { subject: template.subject, body: template.body, builtIn: false };
  }

  /** The From address: the setting, else the authority's own address from its letter settings. */
  async from(): Promise<string> {
    return this.settings.from ?? (await this.letters.authority()).email;
  }

  /**
   * Queues a generated letter to be e-mailed (to the requester unless `to` is given); with `withDocx`,
   * a PDF goes with its DOCX. Refused while the same letter is already on its way.
   */
  async queue(user: Actor, documentId: string, to: string | null, withDocx = false): Promise<OutgoingMail> {
    if (!isUuid(documentId)) throw notFound('document', documentId);
    const address = to?.trim() || null;
    if (address !== null && (address.length > 254 || !ADDRESS.test(address))) {
      throw invalid('to', 'is not an e-mail address', `"${to}" is not an e-mail address.`);
    }
    const documents = this.dataSource.getRepository(CaseDocument);
    const document = await documents.findOneBy({ id: documentId });
    if (!document) throw notFound('document', documentId);
    const attached = [document];
    if (withDocx && document.format === 'pdf') {
      // Generated together: the same case, kind and moment (compared in SQL, at full precision).
      const [twin] = await this.dataSource.query(
        `SELECT docx.id FROM case_document pdf JOIN case_document docx ON docx.case_id = pdf.case_id
           AND docx.template = pdf.template AND docx.created_at = pdf.created_at AND docx.format = 'docx'
         WHERE pdf.id = $1`,
        [document.id],
      );
      const docx = twin ? await documents.findOneBy({ id: twin.id }) : null;
      if (docx) attached.push(docx);
    }
    const row = (await this.dataSource.getRepository(Case).findOneBy({ id: document.caseId })) as Case;
    const requester = row.requesterId
      ? await this.dataSource.getRepository(Requester).findOneBy({ id: row.requesterId })
      : null;
    const recipient = address ?? requester?.email ?? null;
    if (!recipient) {
      throw invalid(
        'to',
        'is needed',
        'The requester has no e-mail address on the case: give one to send to.',
      );
    }
    const [pending] = await this.dataSource.query(
      `SELECT id FROM outgoing_mail WHERE document_ids && $1::uuid[] AND status IN ('queued', 'sending') LIMIT 1`,
      [attached.map((d) => d.id)],
    );
    if (pending) {
      throw refusal('VALIDATION_FAILED', `${document.filename} is already queued to be e-mailed.`, {
        fields: [{ field: 'documentId', message: 'already queued' }],
      });
    }
    const template = await this.template();
    const data = await this.letters.dataFor(document.caseId);
    const from = await this.from();
    const id = randomUUID();
    const mail = this.dataSource.getRepository(OutgoingMail).create({
      id,
      caseId: document.caseId,
      documentIds: attached.map((d) => d.id),
      toAddress: recipient,
      subject: fillTemplate(template.subject, data).replace(/\s+/g, ' '),
      body: fillTemplate(template.body, data),
      // Fixed per mail row: every attempt carries the same Message-ID, so a resend after a crash is recognisable.
      messageId: `<${id}@${/@([^\s>]+)/.exec(from)?.[1] ?? 'recordflow.invalid'}>`,
      actor: { id: user.id, name: user.name, email: user.email, roles: user.roles },
    });
    const saved = await this.dataSource.getRepository(OutgoingMail).save(mail);
    this.onQueued();
    return saved;
  }

  /**
   * Queues a notice (a reminder or digest) to one address, in the caller's transaction: the notice
   * and its mail are stored together or not at all, and the queue sends it as it sends letters.
   */
  async queueNotice(
    manager: EntityManager,
    notice: { to: string; subject: string; body: string; actor: Actor },
  ): Promise<string> {
    const from = await this.from();
    const id = randomUUID();
    await manager.getRepository(OutgoingMail).insert({
      id,
      kind: 'notice',
      caseId: null,
      documentIds: [],
      toAddress: notice.to,
      subject: notice.subject.replace(/\s+/g, ' '),
      body: notice.body,
      messageId: `<${id}@${/@([^\s>]+)/.exec(from)?.[1] ?? 'recordflow.invalid'}>`,
      actor: notice.actor,
    });
    return id;
  }

  forCase(caseId: string): Promise<OutgoingMail[]> {
    if (!isUuid(caseId)) throw notFound('case', caseId);
    return this.dataSource
      .getRepository(OutgoingMail)
      .find({ where: { caseId }, order: { createdAt: 'DESC' } });
  }

  /** The newest messages in the local outbox first. */
  outbox(): Promise<OutboxMessage[]> {
    return this.dataSource.getRepository(OutboxMessage).find({ order: { createdAt: 'DESC' }, take: 200 });
  }

  async outboxMessage(id: string): Promise<OutboxMessage> {
    const message = isUuid(id) ? await this.dataSource.getRepository(OutboxMessage).findOneBy({ id }) : null;
    if (!message) throw notFound('outbox message', id);
    return message;
  }

  async caseReference(caseId: string | null): Promise<string> {
    if (!caseId) return '';
    return (await this.dataSource.getRepository(Case).findOneBy({ id: caseId }))?.reference ?? '';
  }

  /** One outbox message read back from its source: body, attachments and the source itself. */
  async parsed(id: string): Promise<ParsedOutboxMessage> {
    const row = await this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .addSelect('m.raw')
      .where('m.id = :id', { id })
      .getOneOrFail();
    const parsed = await simpleParser(row.raw);
    return {
      text: parsed.text ?? '',
      source: row.raw.toString('utf8'),
      attachments: parsed.attachments.map((a) => ({
        filename: a.filename ?? 'attachment',
        contentType: a.contentType,
        size: a.size,
        sha256: sha256(a.content),
        base64: a.content.toString('base64'),
      })),
    };
  }
}
