import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CASE_ANONYMISED,
  type CaseSnapshot,
  ERASED_TEXT,
  erasePayload,
  isErased,
  privateFieldsOf,
  type RecordedEvent,
  replayEvents,
} from '@recordflow/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { CasesService } from '../cases/cases.service';
import { DomainError, isUuid, notFound, refusal } from '../common/errors';
import type { BlobStore } from '../documents/blob-store';
import { BLOB_STORE } from '../documents/documents.service';
import { AuditService } from '../history/audit.service';
import { TEXT_EVENTS } from '../tasks/stored-texts';
import { checkCaseIds } from './lifecycle.service';
import { RetentionRule } from './retention-rule.entity';

/** Text keys of engine events recorded before commitments: erased as the workflows' free-text inputs are. */
const LEGACY_TEXT_KEYS = ['reason', 'summary', 'filename', 'note', 'changesRequested'];

export interface DueCase {
  caseId: string;
  reference: string;
  regime: string;
  outcome: string | null;
  closedAt: Date | null;
  dueOn: string;
  ruleId: string;
  rule: string;
}

const ruleLabel = (r: { regime: string; outcome: string | null; months_after_closure: number }) =>
  `${r.regime.toUpperCase()}, ${r.outcome ?? 'any outcome'}: ${r.months_after_closure} months after closure`;

/** The rows of an UPDATE … RETURNING (TypeORM hands back [rows, count] for updates). */
async function updated<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result = await manager.query(sql, params);
  return (Array.isArray(result[0]) ? result[0] : result) as T[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What one anonymisation erased, as its result reports it. */
export interface AnonymisationCounts {
  sequence: number;
  erasedEvents: number;
  erasedDocuments: number;
  erasedNotes: number;
  erasedTaskTexts: number;
}

/** Retention rules, the queue of cases due for disposal, and anonymisation (the one path both use). */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(BLOB_STORE) private readonly blobs?: BlobStore,
  ) {}

  rules(): Promise<RetentionRule[]> {
    return this.dataSource.getRepository(RetentionRule).find({ order: { regime: 'ASC', outcome: 'ASC' } });
  }

  /** Sets the rule for a regime and outcome (null: any outcome without its own rule). */
  async saveRule(
    user: Actor,
    input: { regime: string; outcome?: string | null; monthsAfterClosure: number },
  ): Promise<RetentionRule> {
    const fields: { field: string; message: string }[] = [];
    const regimes: { regime: string }[] = await this.dataSource.query('SELECT DISTINCT regime FROM workflow');
    if (!regimes.some((r) => r.regime === input.regime))
      fields.push({ field: 'input.regime', message: `no workflow runs ${input.regime}` });
    if (
      !Number.isInteger(input.monthsAfterClosure) ||
      input.monthsAfterClosure < 0 ||
      input.monthsAfterClosure > 1200
    )
      fields.push({ field: 'input.monthsAfterClosure', message: 'between 0 and 1200 months' });
    const outcome = input.outcome?.trim() || null;
    if (outcome && outcome.length > 100)
      fields.push({ field: 'input.outcome', message: 'at most 100 characters' });
    if (fields.length > 0)
      throw refusal('VALIDATION_FAILED', fields.map((f) => `${f.field}: ${f.message}`).join(' '), { fields });
    const [row] = await this.dataSource.query(
      `INSERT INTO retention_rule (regime, outcome, months_after_closure, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (regime, coalesce(outcome, '')) DO UPDATE
         SET months_after_closure = EXCLUDED.months_after_closure, updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING id`,
      [input.regime, outcome, input.monthsAfterClosure, user.id],
    );
    return this.dataSource.getRepository(RetentionRule).findOneByOrFail({ id: row.id });
  }

  async deleteRule(id: string): Promise<boolean> {
    if (!isUuid(id)) throw notFound('retention rule', id);
    const [, count] = await this.dataSource.query('DELETE FROM retention_rule WHERE id = $1', [id]);
    if (!count) throw notFound('retention rule', id);
    return true;
  }

  /** Closed (or voided) cases past their rule's period whose personal data is still held. */
  async queue(caseIds?: readonly string[]): Promise<DueCase[]> {
    const rows: {
      id: string;
      reference: string;
      regime: string;
      outcome: string | null;
      closed_at: Date | null;
      due_on: string;
      rule_id: string;
      rule_outcome: string | null;
      months_after_closure: number;
    }[] = await this.dataSource.query(
      `SELECT c.id, c.reference, c.regime, c.outcome, c.closed_at, r.id AS rule_id, r.outcome AS rule_outcome,
              r.months_after_closure,
              to_char(coalesce(c.closed_at, c.updated_at) + make_interval(months => r.months_after_closure), 'YYYY-MM-DD') AS due_on
         FROM "case" c
         JOIN LATERAL (SELECT * FROM retention_rule r
                        WHERE r.regime = c.regime AND (r.outcome = c.outcome OR r.outcome IS NULL)
                        ORDER BY r.outcome NULLS LAST LIMIT 1) r ON true
        WHERE c.status IN ('closed', 'void') AND c.anonymised_at IS NULL
          AND coalesce(c.closed_at, c.updated_at) + make_interval(months => r.months_after_closure) <= now()
          AND ($1::uuid[] IS NULL OR c.id = ANY($1::uuid[]))
        ORDER BY 9, c.reference LIMIT 500`,
      [caseIds ? caseIds.filter(isUuid) : null],
    );
    return rows.map((r) => ({
      caseId: r.id,
      reference: r.reference,
      regime: r.regime,
      outcome: r.outcome,
      closedAt: r.closed_at,
      dueOn: r.due_on,
      ruleId: r.rule_id,
      rule: ruleLabel({
        regime: r.regime,
        outcome: r.rule_outcome,
        months_after_closure: r.months_after_closure,
      }),
    }));
  }

  /** Anonymises each approved case that is due under its rule; per case the outcome. */
  async approveDisposal(user: Actor, caseIds: readonly string[]) {
    checkCaseIds(caseIds, 'caseIds');
    const due = new Map((await this.queue(caseIds)).map((d) => [d.caseId, d]));
    const results = [];
    for (const caseId of [...new Set(caseIds)]) {
      const entry = due.get(caseId);
      if (!entry) {
        results.push({ caseId, ok: false, message: 'Not due for disposal under any retention rule.' });
        continue;
      }
      try {
        await this.anonymise(user, caseId, 'Retention period ended; disposal approved.', entry);
        results.push({ caseId, ok: true, message: `Anonymised under ${entry.rule}.` });
      } catch (error) {
        results.push({ caseId, ok: false, message: (error as Error).message });
      }
    }
    return results;
  }

  /**
   * Erases the requester's personal data from a closed or voided case: the requester's details, the
   * request text, free text in the history (hashed as commitments, so the chain still verifies), the texts
   * of its notes and tasks, mail and notices, and the bytes of its documents and letters. Records the
   * erasure as an event and in case_erasure.
   */
  async anonymise(
    user: Actor,
    caseId: string,
    reason: string,
    rule?: { ruleId: string; rule: string },
  ): Promise<AnonymisationCounts> {
    const why = reason.trim();
    if (why === '' || why.length > 2000)
      throw refusal('VALIDATION_FAILED', 'reason: say why, in at most 2,000 characters.', {
        fields: [{ field: 'reason', message: 'empty or too long' }],
      });
    // The history is read before the case is locked: an event appended in between (mail going out) means reading again.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.anonymiseOnce(user, caseId, why, rule);
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'VERSION_CONFLICT') || attempt >= 5) throw error;
      }
    }
  }

  private async anonymiseOnce(
    user: Actor,
    caseId: string,
    why: string,
    rule?: { ruleId: string; rule: string },
  ): Promise<AnonymisationCounts> {
    const ruleText = rule?.rule ?? 'on request';
    const { record } = await this.audit.replay(caseId);
    const blobs: string[] = [];
    let counts = { events: 0, documents: 0, letters: 0, mail: 0, notes: 0, taskTexts: 0, notices: 0 };
    const { event } = await this.cases.recordLifecycle(user, caseId, undefined, async (manager, row) => {
      if (row.version !== record.events.length)
        throw refusal('VERSION_CONFLICT', `Case ${row.reference} changed meanwhile; try again.`, {
          currentVersion: row.version,
        });
      if (row.status === 'open')
        throw refusal(
          'EVENT_NOT_ALLOWED',
          `Case ${row.reference} is open: close or void it before erasing its personal data.`,
          {
            allowed: [],
          },
        );
      const [{ anonymised_at }] = await manager.query('SELECT anonymised_at FROM "case" WHERE id = $1', [
        row.id,
      ]);
      if (anonymised_at)
        throw refusal('EVENT_NOT_ALLOWED', `Case ${row.reference} was already anonymised.`, { allowed: [] });
      // An open task would take an answer after its question was erased: it is settled first.
      const [{ open }] = await manager.query(
        `SELECT count(*)::int AS open FROM case_task WHERE case_id = $1 AND status = 'open'`,
        [row.id],
      );
      if (open > 0)
        throw refusal(
          'EVENT_NOT_ALLOWED',
          `Case ${row.reference} has ${open === 1 ? 'an open task' : `${open} open tasks`}: answer or cancel ${open === 1 ? 'it' : 'them'} before erasing its personal data.`,
          { allowed: [] },
        );
      const erasedAt = new Date().toISOString();
      // Each event's free text: replaced by its commitment (or, on events hashed with the text, by nothing).
      const events: RecordedEvent[] = [];
      for (const e of record.events) {
        const payload = (e.payload ?? {}) as Record<string, unknown>;
        const definition = record.definitions[e.workflowVersionId];
        const fields = (
          e.privateFields ?? [
            ...(definition ? privateFieldsOf(definition, e.type, payload) : []),
            ...LEGACY_TEXT_KEYS.filter((k) => typeof payload[k] === 'string'),
          ]
        ).filter((f) => f in payload && !isErased(payload[f]));
        if (fields.length === 0) {
          events.push(e);
          continue;
        }
        const erasure = { fields, rule: ruleText, erasedAt };
        const erased = erasePayload(payload, fields, e.payloadSalt ?? null, Boolean(e.privateFields));
        await manager.query(
          `UPDATE case_event SET payload = $3, payload_salt = NULL, erasure = $4 WHERE case_id = $1 AND sequence = $2`,
          [row.id, e.sequence, JSON.stringify(erased), JSON.stringify(erasure)],
        );
        events.push({ ...e, payload: erased, payloadSalt: null, erasure });
        counts.events++;
      }
      const snapshot = replayEvents({ ...record, events }).at(-1) as CaseSnapshot;
      const [requester] = row.requesterId
        ? await manager.query('SELECT name, email FROM requester WHERE id = $1', [row.requesterId])
        : [];
      await manager.query(
        'UPDATE requester SET name = NULL, email = NULL, address = NULL, erased_at = now() WHERE id = $1',
        [row.requesterId],
      );
      // The subject stays (it names the topic) without the requester's name or address in it.
      let subject = row.subject;
      for (const term of [requester?.name, requester?.email].filter((t): t is string => Boolean(t?.trim()))) {
        subject = subject.replace(new RegExp(escapeRegExp(term.trim()), 'gi'), ERASED_TEXT);
      }
      await manager.query(`UPDATE "case" SET request_text = $2, anonymised_at = now() WHERE id = $1`, [
        row.id,
        ERASED_TEXT,
      ]);
      const attachments = await updated<{ sha256: string }>(
        manager,
        `UPDATE attachment SET erased_at = now(), filename = 'erased-' || version || '.' || coalesce(substring(filename from '\\.([A-Za-z0-9]{1,8})$'), 'bin')
          WHERE case_id = $1 AND erased_at IS NULL RETURNING sha256`,
        [row.id],
      );
      blobs.push(...attachments.map((a) => a.sha256));
      await manager.query(
        `UPDATE redaction SET text = NULL, reason = $2 WHERE attachment_id IN (SELECT id FROM attachment WHERE case_id = $1)`,
        [row.id, ERASED_TEXT],
      );
      const letters = await updated<{ id: string }>(
        manager,
        `UPDATE case_document SET content = ''::bytea, filename = 'erased.' || format, erased_at = now(), sent_to = NULL
          WHERE case_id = $1 AND erased_at IS NULL RETURNING id`,
        [row.id],
      );
      // E-mails received on the case: the sender, their words and the message itself.
      await manager.query(
        `UPDATE incoming_mail SET from_address = $2, from_name = NULL, subject = $2, text = $2, raw = ''::bytea,
                attachments = '[]'::jsonb
          WHERE case_id = $1`,
        [row.id, ERASED_TEXT],
      );
      const mail = await updated<{ id: string }>(
        manager,
        `UPDATE outgoing_mail SET to_address = $2, subject = $2, body = $2, response = CASE WHEN response IS NULL THEN NULL ELSE $2 END,
                -- Mail not yet sent is not sent at all: its recipient is gone.
                status = CASE WHEN status IN ('queued', 'sending') THEN 'failed' ELSE status END,
                last_error = CASE WHEN last_error IS NULL AND status = 'sent' THEN NULL ELSE 'personal data erased' END
          WHERE case_id = $1 RETURNING id`,
        [row.id, ERASED_TEXT],
      );
      await manager.query(
        `UPDATE outbox_message SET to_address = $2, subject = $2, raw = ''::bytea WHERE case_id = $1`,
        [row.id, ERASED_TEXT],
      );
      const texts = await this.eraseNotesAndTasks(manager, row.id);
      const notices = await this.eraseNotices(
        manager,
        row,
        [requester?.name, requester?.email].filter((t): t is string => Boolean(t?.trim())),
      );
      counts = {
        ...counts,
        documents: attachments.length,
        letters: letters.length,
        mail: mail.length,
        ...texts,
        notices,
      };
      await manager.query(
        `INSERT INTO case_erasure (case_id, rule, rule_id, reason, actor_id, actor_label, erased_at, event_sequence, erased)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          row.id,
          ruleText,
          rule?.ruleId ?? null,
          why,
          user.id,
          `${user.name} <${user.email}>`,
          erasedAt,
          row.version + 1,
          counts,
        ],
      );
      return {
        type: CASE_ANONYMISED,
        payload: {
          rule: ruleText,
          reason: why,
          erasedEvents: events.filter((e) => e.erasure?.erasedAt === erasedAt).map((e) => e.sequence),
          documents: attachments.length,
          letters: letters.length,
          mail: mail.length,
          notes: counts.notes,
          taskTexts: counts.taskTexts,
          notices,
          // The events whose kept texts (notes, tasks) were erased: verification accepts those, and only those, as erased.
          erasedTexts: record.events.filter((e) => e.type in TEXT_EVENTS).map((e) => e.sequence),
        },
        snapshot,
        subject,
      };
    });
    await this.removeBlobs(blobs);
    return {
      sequence: event.sequence,
      erasedEvents: counts.events,
      erasedDocuments: counts.documents,
      erasedNotes: counts.notes,
      erasedTaskTexts: counts.taskTexts,
    };
  }

  /**
   * Erases the texts of the case's notes and tasks (officers' and service areas' free text may name
   * anyone): each becomes [erased] and loses its salt, the one change the tables' triggers allow, and
   * only once the case is anonymised. Who, when, kinds and deadlines stay. The case's search words are
   * recomputed by the notes' trigger. Returns the notes and the task texts erased.
   */
  private async eraseNotesAndTasks(
    manager: EntityManager,
    caseId: string,
  ): Promise<{ notes: number; taskTexts: number }> {
    const notes = await updated<{ id: string }>(
      manager,
      `UPDATE case_note SET text = $2, text_salt = NULL, erased_at = now()
        WHERE case_id = $1 AND erased_at IS NULL RETURNING id`,
      [caseId, ERASED_TEXT],
    );
    const tasks = await updated<{ texts: number }>(
      manager,
      `UPDATE case_task SET question = $2, answer = CASE WHEN answer IS NULL THEN NULL ELSE $2 END,
              cancel_reason = CASE WHEN cancel_reason IS NULL THEN NULL ELSE $2 END, text_salt = NULL, erased_at = now()
        WHERE case_id = $1 AND erased_at IS NULL
        RETURNING 1 + (answer IS NOT NULL)::int + (cancel_reason IS NOT NULL)::int AS texts`,
      [caseId, ERASED_TEXT],
    );
    // Chasers' words, and the names of files added (the files themselves are erased as documents).
    const logged = await updated<{ kind: string }>(
      manager,
      `UPDATE case_task_event SET message = $2, message_salt = NULL, erased_at = now()
        WHERE task_id IN (SELECT id FROM case_task WHERE case_id = $1) AND message IS NOT NULL AND erased_at IS NULL
        RETURNING kind`,
      [caseId, ERASED_TEXT],
    );
    return {
      notes: notes.length,
      taskTexts:
        tasks.reduce((sum, t) => sum + t.texts, 0) + logged.filter((e) => e.kind === 'chased').length,
    };
  }

  /**
   * Notices quote a case's subject and its tasks' questions, and were e-mailed: the case's own notices
   * (and their mail) are erased, and the requester's name and e-mail are taken out of the digests that
   * listed the case (their stored message, which may be encoded, is emptied). Returns the notices changed.
   */
  private async eraseNotices(
    manager: EntityManager,
    row: { id: string; reference: string; createdAt: Date },
    terms: string[],
  ): Promise<number> {
    const own = await updated<{ outgoing_mail_id: string | null }>(
      manager,
      `UPDATE notification SET title = $2 || ': ' || $3, body = $3 WHERE case_id = $1 RETURNING outgoing_mail_id`,
      [row.id, row.reference, ERASED_TEXT],
    );
    const ownMail = own.flatMap((n) => (n.outgoing_mail_id ? [n.outgoing_mail_id] : []));
    await manager.query(
      `UPDATE outgoing_mail SET subject = $2, body = $2,
              status = CASE WHEN status IN ('queued', 'sending') THEN 'failed' ELSE status END,
              last_error = CASE WHEN status IN ('queued', 'sending') THEN 'personal data erased' ELSE last_error END
        WHERE id = ANY($1::uuid[])`,
      [ownMail, ERASED_TEXT],
    );
    const digests = new Map<string, string | null>();
    for (const term of terms) {
      // The term as a whole word: a short name is not cut out of other words.
      const pattern = `(?<![[:alnum:]_])${escapeRegExp(term.trim())}(?![[:alnum:]_])`;
      // Digests list open cases, so only those made since the case was registered and naming it can hold it.
      const changed = await updated<{ id: string; outgoing_mail_id: string | null }>(
        manager,
        `UPDATE notification SET title = regexp_replace(title, $1, $2, 'gi'), body = regexp_replace(body, $1, $2, 'gi')
          WHERE case_id IS NULL AND created_at >= $3 AND position($4 in body) > 0 AND (title ~* $1 OR body ~* $1)
          RETURNING id, outgoing_mail_id`,
        [pattern, ERASED_TEXT, row.createdAt, row.reference],
      );
      for (const n of changed) digests.set(n.id, n.outgoing_mail_id);
      await manager.query(
        `UPDATE outgoing_mail SET subject = regexp_replace(subject, $2, $3, 'gi'), body = regexp_replace(body, $2, $3, 'gi')
          WHERE id = ANY($1::uuid[])`,
        [[...digests.values()].filter(Boolean), pattern, ERASED_TEXT],
      );
    }
    await manager.query(
      `UPDATE outbox_message m SET subject = o.subject, raw = ''::bytea FROM outgoing_mail o
        WHERE o.id = m.outgoing_mail_id AND m.outgoing_mail_id = ANY($1::uuid[])`,
      [[...ownMail, ...[...digests.values()].filter(Boolean)]],
    );
    return own.length + digests.size;
  }

  /** Deletes the stored bytes no other case's live document still uses (blobs are shared by hash). */
  private async removeBlobs(hashes: string[]): Promise<void> {
    if (!this.blobs || hashes.length === 0) return;
    const inUse: { sha256: string }[] = await this.dataSource.query(
      'SELECT DISTINCT sha256 FROM attachment WHERE sha256 = ANY($1::text[]) AND erased_at IS NULL',
      [hashes],
    );
    const keep = new Set(inUse.map((r) => r.sha256));
    for (const sha256 of new Set(hashes)) {
      if (keep.has(sha256)) continue;
      await this.blobs
        .remove(sha256)
        .catch((error) => this.logger.error(`Could not delete blob ${sha256}: ${error}`));
    }
  }
}
