import { availableParallelism } from 'node:os';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CaseBundle,
  type CaseSnapshot,
  type CaseToVerify,
  createVerifier,
  type RecordedCalendarSetting,
  type RecordedEvent,
  type RecordedHoliday,
  replayEvents,
  type VerificationResult,
  verifyHistory,
  type WorkflowDefinition,
} from '@recordflow/workflow';
import { DataSource, In } from 'typeorm';
import { Case } from '../cases/case.entity';
import { CaseEvent } from '../cases/case-event.entity';
import { Requester } from '../cases/requester.entity';
import { notFound, refusal } from '../common/errors';
import type { BlobStore } from '../documents/blob-store';
import { BLOB_STORE } from '../documents/documents.service';
import { checkStoredDocuments } from '../documents/stored-check';
import { withoutRequester } from '../tasks/request-text';
import { checkStoredTexts } from '../tasks/stored-texts';
import { WorkflowVersion } from '../workflows/workflow-version.entity';
import { VerifierPool } from './verifier-pool';

export interface CaseRecord {
  row: Case;
  events: RecordedEvent[];
  definitions: Record<string, WorkflowDefinition>;
  versions: WorkflowVersion[];
  holidays: RecordedHoliday[];
  calendarSettings: RecordedCalendarSetting[];
}

export const toRecorded = (event: CaseEvent): RecordedEvent => ({
  caseId: event.caseId,
  sequence: event.sequence,
  type: event.type,
  payload: event.payload,
  actorId: event.actorId,
  recordedAt: event.recordedAt.toISOString(),
  effectiveOn: event.effectiveOn,
  workflowVersionId: event.workflowVersionId,
  holidaysAsOf: event.holidaysAsOf?.toISOString() ?? null,
  stageAfter: event.stageAfter,
  prevHash: event.prevHash,
  hash: event.hash,
  ...(event.privateFields ? { privateFields: event.privateFields, payloadSalt: event.payloadSalt } : {}),
  ...(event.erasure ? { erasure: event.erasure } : {}),
});

/** Auditors' reads: a case's record as stored, its replay, its verification and its bundle. */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(BLOB_STORE) private readonly blobs?: BlobStore,
  ) {}

  /** The events of several cases, oldest first, with their actors and workflow versions (for a list of cases). */
  eventsOf(caseIds: readonly string[]): Promise<CaseEvent[]> {
    return this.dataSource.getRepository(CaseEvent).find({
      where: { caseId: In([...caseIds]) },
      relations: { actor: true, workflowVersion: true },
      order: { caseId: 'ASC', sequence: 'ASC' },
    });
  }

  /** One event of a case, with its actor and workflow version. */
  event(caseId: string, sequence: number): Promise<CaseEvent> {
    return this.dataSource.getRepository(CaseEvent).findOneOrFail({
      where: { caseId, sequence },
      relations: { actor: true, workflowVersion: true },
    });
  }

  async record(caseId: string): Promise<CaseRecord> {
    if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw notFound('case', caseId);
    const row = await this.dataSource.getRepository(Case).findOneBy({ id: caseId });
    if (!row) throw notFound('case', caseId);
    const events = (
      await this.dataSource.getRepository(CaseEvent).find({ where: { caseId }, order: { sequence: 'ASC' } })
    ).map(toRecorded);
    const versionIds = [...new Set([row.workflowVersionId, ...events.map((e) => e.workflowVersionId)])];
    const versions = await this.dataSource.getRepository(WorkflowVersion).findBy({ id: In(versionIds) });
    const [holidays, calendarSettings] = await Promise.all([this.holidays(), this.calendarSettings()]);
    const definitions = Object.fromEntries(versions.map((v) => [v.id, v.definition as WorkflowDefinition]));
    return { row, events, definitions, versions, holidays, calendarSettings };
  }

  /** Every run-time holiday change (added or removed) with the moment it was made. */
  private async holidays(): Promise<RecordedHoliday[]> {
    const rows: {
      date: string;
      title: string;
      divisions: RecordedHoliday['divisions'];
      removed: boolean;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, title, divisions, removed, created_at FROM holiday ORDER BY created_at, id`,
    );
    return rows.map((h) => ({
      date: h.date,
      title: h.title,
      divisions: h.divisions,
      ...(h.removed ? { removed: true } : {}),
      createdAt: h.created_at.toISOString(),
    }));
  }

  /** The calendar settings' history (nation, sector, receipt rule), oldest first. */
  private async calendarSettings(): Promise<RecordedCalendarSetting[]> {
    const rows: {
      nation: RecordedCalendarSetting['nation'];
      sector: string | null;
      receipt_rule: RecordedCalendarSetting['receiptRule'];
      created_at: Date;
    }[] = await this.dataSource.query(
      'SELECT nation, sector, receipt_rule, created_at FROM calendar_setting ORDER BY created_at, id',
    );
    return rows.map((s) => ({
      nation: s.nation,
      sector: s.sector,
      receiptRule: s.receipt_rule,
      createdAt: s.created_at.toISOString(),
    }));
  }

  /** The snapshot after each event, recomputed with effects off. */
  async replay(
    caseId: string,
    toSequence?: number,
  ): Promise<{ record: CaseRecord; snapshots: CaseSnapshot[] }> {
    const record = await this.record(caseId);
    const last = record.events.at(-1)?.sequence ?? 0;
    if (toSequence !== undefined && (toSequence < 1 || toSequence > last)) {
      throw refusal(
        'BAD_USER_INPUT',
        `toSequence must be between 1 and ${last}, the case's last event; not ${toSequence}.`,
      );
    }
    return { record, snapshots: replayEvents(record, toSequence) };
  }

  /** The history's hash chain and replay, then the notes' and tasks' texts and each stored document's bytes hashed again. */
  async verify(caseId: string): Promise<VerificationResult> {
    const record = await this.record(caseId);
    const result = verifyHistory({ ...record, storedSnapshot: record.row.snapshot as CaseSnapshot });
    if (!result.ok) return result;
    const texts = await checkStoredTexts(this.dataSource, caseId, record.events);
    if (texts) return { ...result, ok: false, firstBadSequence: texts.sequence, reason: texts.reason };
    if (!this.blobs) return result;
    const changed = await checkStoredDocuments(this.dataSource, this.blobs, caseId, record.events);
    return changed
      ? { ...result, ok: false, firstBadSequence: changed.sequence, reason: changed.reason }
      : result;
  }

  async bundle(caseId: string): Promise<CaseBundle> {
    const record = await this.record(caseId);
    const requester = record.row.requesterId
      ? await this.dataSource.getRepository(Requester).findOneBy({ id: record.row.requesterId })
      : null;
    return {
      format: 'recordflow-case-bundle/1',
      exportedAt: new Date().toISOString(),
      case: {
        id: record.row.id,
        reference: record.row.reference,
        regime: record.row.regime,
        workflowId: record.row.workflowId,
        // What was asked, for the auditor to judge the answer by; never who asked.
        subject: requester ? withoutRequester(record.row.subject, requester) : record.row.subject,
        requestText: requester ? withoutRequester(record.row.requestText, requester) : record.row.requestText,
      },
      events: record.events,
      definitions: Object.fromEntries(
        record.versions.map((v) => [
          v.id,
          {
            workflowId: v.workflowId,
            version: v.version ?? 0,
            definitionHash: v.definitionHash,
            definition: v.definition as WorkflowDefinition,
          },
        ]),
      ),
      holidays: record.holidays,
      calendarSettings: record.calendarSettings,
      snapshot: record.row.snapshot as CaseSnapshot,
    };
  }

  /**
   * Every case checked, in case-id order, a batch at a time: each batch read in two queries and
   * verified on a worker thread (one per core) while the next is read. Returns the failures, by
   * reference. `onProgress` is called in case-id order, so its last case id is a point to resume
   * `after`.
   */
  async verifyAll(options: VerifyAllOptions = {}): Promise<{
    casesChecked: number;
    failures: CaseVerificationFailure[];
  }> {
    const batchSize = options.batchSize ?? 250;
    const [holidays, calendarSettings] = await Promise.all([this.holidays(), this.calendarSettings()]);
    const definitions: Record<string, WorkflowDefinition> = {};
    const failures: CaseVerificationFailure[] = [];
    const progress: VerifyAllProgress = { casesChecked: 0, eventsChecked: 0, failed: 0, lastCaseId: null };
    const inline = createVerifier();
    let pool: VerifierPool | undefined;
    let poolSize = 0;
    // Batches being verified, oldest first: results are taken in order, so progress is a true checkpoint.
    const inFlight: Promise<{ batch: CaseBatch; results: VerificationResult[] }>[] = [];
    const settle = async () => {
      const { batch, results } = await (inFlight.shift() as (typeof inFlight)[number]);
      await this.checkBatchTexts(batch, results);
      await this.checkBatchDocuments(batch, results);
      results.forEach((result, i) => {
        const row = batch.rows[i] as CaseBatch['rows'][number];
        progress.eventsChecked += result.eventsChecked;
        if (!result.ok) failures.push({ ...result, caseId: row.id, reference: row.reference });
      });
      progress.casesChecked += batch.rows.length;
      progress.failed = failures.length;
      progress.lastCaseId = batch.rows.at(-1)?.id ?? progress.lastCaseId;
      options.onProgress?.({ ...progress }, failures);
    };
    // The next batch is read while this one is verified.
    let next = this.caseBatch(options.after ?? null, batchSize, definitions);
    try {
      for (;;) {
        const batch = await next;
        const last = batch.rows.at(-1);
        if (!last) break;
        next = this.caseBatch(last.id, batchSize, definitions);
        // Workers pay off once there is more than one batch; a small database is checked here.
        if (!pool && batch.rows.length === batchSize && options.workers !== 0) {
          poolSize = options.workers ?? availableParallelism();
          pool = new VerifierPool(poolSize, holidays, calendarSettings);
        }
        inFlight.push(
          (pool
            ? pool.verify(batch.cases, definitions)
            : Promise.resolve(inline({ cases: batch.cases, definitions, holidays, calendarSettings }))
          ).then((results) => ({ batch, results })),
        );
        while (inFlight.length > poolSize) await settle();
      }
      while (inFlight.length > 0) await settle();
    } finally {
      await Promise.allSettled([next, ...inFlight]);
      await pool?.close();
    }
    failures.sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0));
    return { casesChecked: progress.casesChecked, failures };
  }

  /** Hashes again the notes' and tasks' texts of the batch's cases whose history verified (one query finds them). */
  private async checkBatchTexts(batch: CaseBatch, results: VerificationResult[]): Promise<void> {
    const withTexts: { case_id: string }[] = await this.dataSource.query(
      `SELECT case_id FROM case_note WHERE case_id = ANY($1::uuid[])
       UNION SELECT case_id FROM case_task WHERE case_id = ANY($1::uuid[])`,
      [batch.rows.map((r) => r.id)],
    );
    const ids = new Set(withTexts.map((r) => r.case_id));
    for (const [i, row] of batch.rows.entries()) {
      const result = results[i];
      const events = batch.cases[i]?.events;
      if (!result?.ok || !events || !ids.has(row.id)) continue;
      const changed = await checkStoredTexts(this.dataSource, row.id, events);
      if (changed)
        results[i] = { ...result, ok: false, firstBadSequence: changed.sequence, reason: changed.reason };
    }
  }

  /** Hashes again the stored documents of the batch's cases whose history verified (one query finds them). */
  private async checkBatchDocuments(batch: CaseBatch, results: VerificationResult[]): Promise<void> {
    if (!this.blobs) return;
    const withFiles: { case_id: string }[] = await this.dataSource.query(
      'SELECT DISTINCT case_id FROM attachment WHERE case_id = ANY($1::uuid[])',
      [batch.rows.map((r) => r.id)],
    );
    const ids = new Set(withFiles.map((r) => r.case_id));
    for (const [i, row] of batch.rows.entries()) {
      const result = results[i];
      const events = batch.cases[i]?.events;
      if (!result?.ok || !events || !ids.has(row.id)) continue;
      const changed = await checkStoredDocuments(this.dataSource, this.blobs, row.id, events);
      if (changed)
        results[i] = { ...result, ok: false, firstBadSequence: changed.sequence, reason: changed.reason };
    }
  }

  /** The next cases after `after` (by id) with their events; loads the definitions they name not yet in `definitions`. */
  private async caseBatch(
    after: string | null,
    size: number,
    definitions: Record<string, WorkflowDefinition>,
  ): Promise<CaseBatch> {
    const rows: CaseBatch['rows'] = await this.dataSource.query(
      'SELECT id, reference, snapshot FROM "case" WHERE $1::uuid IS NULL OR id > $1::uuid ORDER BY id LIMIT $2',
      [after, size],
    );
    if (rows.length === 0) return { rows, cases: [] };
    const eventRows: EventRow[] = await this.dataSource.query(
      `SELECT case_id, sequence, type, payload, actor_id, recorded_at, to_char(effective_on, 'YYYY-MM-DD') AS effective_on,
              workflow_version_id, holidays_as_of, stage_after, prev_hash, hash, private_fields, payload_salt, erasure
         FROM case_event WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, sequence`,
      [rows.map((r) => r.id)],
    );
    const byCase = new Map<string, RecordedEvent[]>(rows.map((r) => [r.id, []]));
    const versionIds = new Set<string>();
    for (const e of eventRows) {
      versionIds.add(e.workflow_version_id);
      byCase.get(e.case_id)?.push({
        caseId: e.case_id,
        sequence: e.sequence,
        type: e.type,
        payload: e.payload,
        actorId: e.actor_id,
        recordedAt: e.recorded_at.toISOString(),
        effectiveOn: e.effective_on,
        workflowVersionId: e.workflow_version_id,
        holidaysAsOf: e.holidays_as_of?.toISOString() ?? null,
        stageAfter: e.stage_after,
        prevHash: e.prev_hash,
        hash: e.hash,
        ...(e.private_fields ? { privateFields: e.private_fields, payloadSalt: e.payload_salt } : {}),
        ...(e.erasure ? { erasure: e.erasure } : {}),
      });
    }
    const missing = [...versionIds].filter((id) => !definitions[id]);
    if (missing.length > 0) {
      const versions: { id: string; definition: WorkflowDefinition }[] = await this.dataSource.query(
        'SELECT id, definition FROM workflow_version WHERE id = ANY($1::uuid[])',
        [missing],
      );
      for (const version of versions) definitions[version.id] = version.definition;
    }
    return {
      rows,
      cases: rows.map((r) => ({ events: byCase.get(r.id) ?? [], snapshot: r.snapshot as CaseSnapshot })),
    };
  }
}

export type CaseVerificationFailure = VerificationResult & { caseId: string; reference: string };

export interface VerifyAllProgress {
  casesChecked: number;
  eventsChecked: number;
  failed: number;
  /** Every case up to this id (in id order) has been checked. */
  lastCaseId: string | null;
}

export interface VerifyAllOptions {
  /** Start after this case id, as a progress report named it: resumes an interrupted run. */
  after?: string;
  /** Worker threads to verify on; 0 verifies on this thread. One per core unless given. */
  workers?: number;
  batchSize?: number;
  onProgress?: (progress: VerifyAllProgress, failures: readonly CaseVerificationFailure[]) => void;
}

interface CaseBatch {
  rows: { id: string; reference: string; snapshot: unknown }[];
  cases: CaseToVerify[];
}

interface EventRow {
  case_id: string;
  sequence: number;
  type: string;
  payload: unknown;
  actor_id: string | null;
  recorded_at: Date;
  effective_on: string;
  workflow_version_id: string;
  holidays_as_of: Date | null;
  stage_after: string;
  prev_hash: string;
  hash: string;
  private_fields: string[] | null;
  payload_salt: string | null;
  erasure: RecordedEvent['erasure'];
}
