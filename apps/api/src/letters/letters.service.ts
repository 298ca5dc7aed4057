import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Regime } from '@recordflow/calendar';
import { type CaseSnapshot, LETTER_TEMPLATES } from '@recordflow/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { Case } from '../cases/case.entity';
import { CasesService } from '../cases/cases.service';
import { Requester } from '../cases/requester.entity';
import { ukToday } from '../common/dates';
import { notFound, refusal } from '../common/errors';
import { CaseDocument } from './case-document.entity';
import { type AuthoritySettings, FULL_REFUSALS, letterData } from './letter-data';
import { letterDocx, letterPdf, sha256 } from './letter-documents';
import { builtInTemplate, checkLetterRegime, checkTemplate, fillTemplate } from './letter-template';
import { LetterTemplate } from './letter-template.entity';

const AUTHORITY_KEY = 'authority';
export const DEFAULT_AUTHORITY: AuthoritySettings = {
  name: 'London Borough of Example',
  team: 'Information Management Team',
  email: 'foi@example.gov.uk',
  address: 'Information Management Team, Town Hall, 1 High Street, Example, EX1 1AA',
};

/** The stage and step of a snapshot's state value ({ stage: step }, or a final stage's id). */
const stageAndStep = (value: CaseSnapshot['value']) => {
  const [stage, step] = typeof value === 'string' ? [value, undefined] : (Object.entries(value)[0] ?? []);
  return { stage, step };
};

@Injectable()
export class LettersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
  ) {}

  private checkKind(kind: string): void {
    if (!(LETTER_TEMPLATES as readonly string[]).includes(kind)) {
      throw refusal(
        'NOT_FOUND',
        `There is no letter kind "${kind}". Kinds: ${LETTER_TEMPLATES.join(', ')}.`,
        {
          id: kind,
        },
      );
    }
  }

  async template(kind: string): Promise<{ kind: string; body: string; builtIn: boolean }> {
    this.checkKind(kind);
    const saved = await this.dataSource.getRepository(LetterTemplate).findOneBy({ kind });
    return saved
      ? { kind, body: saved.body, builtIn: false }
      : { kind, body: builtInTemplate(kind), builtIn: true };
  }

  templates() {
    return Promise.all(LETTER_TEMPLATES.map((kind) => this.template(kind)));
  }

  async saveTemplate(user: Actor, kind: string, body: string) {
    this.checkKind(kind);
    checkTemplate(body);
    await this.dataSource.getRepository(LetterTemplate).save({ kind, body, updatedBy: user.id });
    return { kind, body, builtIn: false };
  }

  async authority(): Promise<AuthoritySettings> {
    const [row] = await this.dataSource.query('SELECT value FROM setting WHERE key = $1', [AUTHORITY_KEY]);
    return { ...DEFAULT_AUTHORITY, ...(row?.value ?? {}) };
  }

  /** The letter's text for a case, from the given template body or the kind's current template, dated `dated` (today). */
  async preview(caseId: string, kind: string, body?: string | null, dated?: string | null): Promise<string> {
    this.checkKind(kind);
    const row = await this.dataSource.getRepository(Case).findOneBy({ id: caseId });
    if (!row) throw notFound('case', caseId);
    if (dated) checkDate('dated', dated, row);
    checkLetterRegime(kind, row.regime as Regime);
    // A full refusal is a refusal notice, whichever letter the workflow queued for the response.
    const outcome = String((row.snapshot as CaseSnapshot).context.record.outcome ?? '');
    const letterKind = kind === 'response' && FULL_REFUSALS.includes(outcome) ? 'refusal-notice' : kind;
    const template = body ?? (await this.template(letterKind)).body;
    return fillTemplate(template, await this.dataFor(caseId, row, dated ?? undefined));
  }

  /** The fields letter (and e-mail) templates fill in, for one case. */
  async dataFor(caseId: string, found?: Case, dated: string = ukToday()) {
    const row = found ?? (await this.dataSource.getRepository(Case).findOneBy({ id: caseId }));
    if (!row) throw notFound('case', caseId);
    const snapshot = row.snapshot as CaseSnapshot;
    const requester = row.requesterId
      ? await this.dataSource.getRepository(Requester).findOneBy({ id: row.requesterId })
      : null;
    return letterData(
      {
        reference: row.reference,
        regime: row.regime as Regime,
        requestText: row.requestText,
        requesterName: requester?.name ?? null,
        // A request by post (or with no e-mail) is answered by post: its letters carry the address.
        requesterAddress:
          requester?.address && (row.channel.toLowerCase() === 'post' || !requester.email)
            ? requester.address
            : null,
        context: snapshot.context,
        ...stageAndStep(snapshot.value),
      },
      await this.authority(),
      dated,
    );
  }

  /**
   * Renders the letter as PDF and DOCX, dated `dated` (today by default: the day it will be sent), and
   * keeps both with the case.
   */
  async generate(user: Actor, caseId: string, kind: string, dated?: string | null): Promise<CaseDocument[]> {
    const datedOn = dated ?? ukToday();
    const row = await this.dataSource.getRepository(Case).findOneBy({ id: caseId });
    if (!row) throw notFound('case', caseId);
    checkDate('dated', datedOn, row);
    const text = await this.preview(caseId, kind, null, datedOn);
    const name = `${row.reference}-${kind}`;
    const [pdf, docx] = await Promise.all([letterPdf(text, name), letterDocx(text)]);
    const repository = this.dataSource.getRepository(CaseDocument);
    const saved = await repository.save([
      {
        caseId,
        template: kind,
        format: 'pdf',
        filename: `${name}.pdf`,
        content: pdf,
        sha256: sha256(pdf),
        createdBy: user.id,
        datedOn,
      },
      {
        caseId,
        template: kind,
        format: 'docx',
        filename: `${name}.docx`,
        content: docx,
        sha256: sha256(docx),
        createdBy: user.id,
        datedOn,
      },
    ]);
    return saved.map(({ content: _content, ...rest }) => rest as CaseDocument);
  }

  documents(caseId: string): Promise<CaseDocument[]> {
    return this.dataSource
      .getRepository(CaseDocument)
      .find({ where: { caseId }, order: { createdAt: 'ASC', format: 'ASC' } });
  }

  /** A document with its file; with `manager`, locked in that transaction. */
  async content(documentId: string, manager?: EntityManager): Promise<CaseDocument> {
    if (!/^[0-9a-f-]{36}$/i.test(documentId)) throw notFound('document', documentId);
    const query = (manager ?? this.dataSource.manager)
      .getRepository(CaseDocument)
      .createQueryBuilder('d')
      .addSelect('d.content')
      .where('d.id = :id', { id: documentId });
    const document = await (manager ? query.setLock('pessimistic_write') : query).getOne();
    if (!document) throw notFound('document', documentId);
    return document;
  }

  /**
   * Marks a document as sent: its SHA-256 goes into the case history, so anyone can prove which letter
   * went out. One transaction holding the document row: of two racing sends, the second finds it sent.
   * A letter is sent on the date it carries; sending the response letter sends the response.
   */
  async send(user: Actor, documentId: string, sending: LetterSending = {}): Promise<CaseDocument> {
    return this.dataSource.transaction(async (manager) => {
      const document = await this.content(documentId, manager);
      if (document.sentSequence !== null) {
        throw refusal(
          'VALIDATION_FAILED',
          `${document.filename} was already recorded as sent (event ${document.sentSequence}).`,
        );
      }
      if (sha256(document.content) !== document.sha256) {
        throw refusal(
          'VALIDATION_FAILED',
          `${document.filename} no longer matches the hash it was made with; generate it again.`,
        );
      }
      const sentOn = sending.sentOn ?? document.datedOn ?? ukToday();
      const row = (await manager.getRepository(Case).findOneBy({ id: document.caseId })) as Case;
      checkDate('sentOn', sentOn, row);
      if (document.datedOn && document.datedOn !== sentOn) {
        throw refusal(
          'VALIDATION_FAILED',
          `${document.filename} is dated ${document.datedOn}; a letter carries the date it is sent, so generate it dated ${sentOn} to record it as sent then.`,
          { fields: [{ field: 'sentOn', message: `the letter is dated ${document.datedOn}` }] },
        );
      }
      const channel = sending.channel ?? 'other';
      if (!SEND_CHANNELS.includes(channel)) {
        throw refusal('VALIDATION_FAILED', `How it went must be one of ${SEND_CHANNELS.join(', ')}.`, {
          fields: [{ field: 'channel', message: 'unknown channel' }],
        });
      }
      const sentTo = sending.recipient?.trim() || null;
      if (sentTo && sentTo.length > 1000) {
        throw refusal('VALIDATION_FAILED', 'The recipient is longer than 1000 characters.', {
          fields: [{ field: 'recipient', message: 'too long' }],
        });
      }
      const sequence = await this.cases.recordLetterSent(manager, user, document.caseId, document, {
        channel,
        sentOn,
      });
      const recorded = { sentSequence: sequence, sentOn, sentChannel: channel, sentTo };
      await manager.getRepository(CaseDocument).update({ id: documentId }, recorded);
      const { content: _content, ...rest } = document;
      return { ...rest, ...recorded } as CaseDocument;
    });
  }
}

/** How a letter went out. */
export const SEND_CHANNELS = ['email', 'post', 'hand', 'other'];

export interface LetterSending {
  sentOn?: string | null;
  channel?: string | null;
  recipient?: string | null;
}

/** A letter's date: not in the future, not before the request was received. */
function checkDate(field: string, date: string, row: Case): void {
  if (date > ukToday())
    throw refusal('VALIDATION_FAILED', `${field} ${date} is in the future.`, {
      fields: [{ field, message: 'in the future' }],
    });
  if (date < row.receivedOn)
    throw refusal(
      'VALIDATION_FAILED',
      `${field} ${date} is before the request was received (${row.receivedOn}).`,
      {
        fields: [{ field, message: 'before the date of receipt' }],
      },
    );
}
