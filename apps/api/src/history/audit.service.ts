import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CaseBundle,
  type CaseSnapshot,
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
import { notFound, refusal } from '../common/errors';
import { WorkflowVersion } from '../workflows/workflow-version.entity';

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
});

/** Auditors' reads: a case's record as stored, its replay, its verification and its bundle. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    const holidays: RecordedHoliday[] = (
      await this.dataSource.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, title, divisions, removed, created_at FROM holiday ORDER BY created_at, id`,
      )
    ).map(
      (h: {
        date: string;
        title: string;
        divisions: RecordedHoliday['divisions'];
        removed: boolean;
        created_at: Date;
      }) => ({
        date: h.date,
        title: h.title,
        divisions: h.divisions,
        ...(h.removed ? { removed: true } : {}),
        createdAt: h.created_at.toISOString(),
      }),
    );
    const calendarSettings: RecordedCalendarSetting[] = (
      await this.dataSource.query(
        'SELECT nation, sector, receipt_rule, created_at FROM calendar_setting ORDER BY created_at, id',
      )
    ).map(
      (s: {
        nation: RecordedCalendarSetting['nation'];
        sector: string | null;
        receipt_rule: string;
        created_at: Date;
      }) => ({
        nation: s.nation,
        sector: s.sector,
        receiptRule: s.receipt_rule as RecordedCalendarSetting['receiptRule'],
        createdAt: s.created_at.toISOString(),
      }),
    );
    const definitions = Object.fromEntries(versions.map((v) => [v.id, v.definition as WorkflowDefinition]));
    return { row, events, definitions, versions, holidays, calendarSettings };
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

  async verify(caseId: string): Promise<VerificationResult> {
    const record = await this.record(caseId);
    return verifyHistory({ ...record, storedSnapshot: record.row.snapshot as CaseSnapshot });
  }

  async bundle(caseId: string): Promise<CaseBundle> {
    const record = await this.record(caseId);
    return {
      format: 'recordflow-case-bundle/1',
      exportedAt: new Date().toISOString(),
      case: {
        id: record.row.id,
        reference: record.row.reference,
        regime: record.row.regime,
        workflowId: record.row.workflowId,
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

  /** Every case checked, a page of ids at a time; returns the failures. */
  async verifyAll(): Promise<{
    casesChecked: number;
    failures: (VerificationResult & { caseId: string; reference: string })[];
  }> {
    const failures: (VerificationResult & { caseId: string; reference: string })[] = [];
    let casesChecked = 0;
    let after = '';
    for (;;) {
      const page: { id: string; reference: string }[] = await this.dataSource.query(
        'SELECT id, reference FROM "case" WHERE reference > $1 ORDER BY reference LIMIT 500',
        [after],
      );
      if (page.length === 0) break;
      for (const { id, reference } of page) {
        const result = await this.verify(id).catch((error: Error) => ({
          ok: false,
          eventsChecked: 0,
          firstBadSequence: null,
          reason: error.message,
        }));
        casesChecked++;
        if (!result.ok) failures.push({ ...result, caseId: id, reference });
      }
      after = page.at(-1)?.reference ?? after;
    }
    return { casesChecked, failures };
  }
}
