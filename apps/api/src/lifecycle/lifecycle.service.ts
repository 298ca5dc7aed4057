import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isIsoDate } from '@recordflow/calendar';
import {
  CASE_CORRECTED,
  CASE_MIGRATED,
  CASE_REOPENED,
  CASE_VOIDED,
  type CaseSnapshot,
  correctReceivedOn,
  type MigrationPlan,
  migratedSnapshot,
  planMigration,
  reopenedSnapshot,
  type StateMapping,
  type WorkflowDefinition,
} from '@recordflow/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { CasesService } from '../cases/cases.service';
import { ukToday } from '../common/dates';
import { DomainError, isUuid, notFound, refusal } from '../common/errors';
import { AuditService } from '../history/audit.service';

type Problem = { field: string; message: string };

const invalid = (problems: Problem[]) =>
  refusal('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join(' '), {
    fields: problems,
  });

/** An anonymised case keeps its history but takes no correction or reopening: its personal data is gone for good. */
async function refuseAnonymised(manager: EntityManager, row: { id: string; reference: string }) {
  const [found] = await manager.query('SELECT anonymised_at FROM "case" WHERE id = $1', [row.id]);
  if (found?.anonymised_at)
    throw refusal(
      'EVENT_NOT_ALLOWED',
      `Case ${row.reference} was anonymised; it cannot be corrected or reopened.`,
      {
        allowed: [],
      },
    );
}

/** At most this many cases in one migration or disposal: each is its own transaction. */
export const MAX_CASES_AT_ONCE = 1000;

export function checkCaseIds(ids: readonly string[], field: string): void {
  if (ids.length > MAX_CASES_AT_ONCE)
    throw invalid([
      { field, message: `At most ${MAX_CASES_AT_ONCE} cases at once; ${ids.length} were given.` },
    ]);
}

/** A reason is required for every lifecycle change, and kept in the history (as a commitment). */
function checkReason(reason: string, field = 'input.reason'): string {
  const text = reason.trim();
  if (text === '') throw invalid([{ field, message: 'Say why.' }]);
  if (text.length > 2000) throw invalid([{ field, message: 'At most 2,000 characters.' }]);
  return text;
}

export interface Correction {
  caseId: string;
  expectedVersion?: number | null;
  subject?: string | null;
  receivedOn?: string | null;
  channel?: string | null;
  requester?: { name?: string | null; email?: string | null; address?: string | null } | null;
  reason: string;
}

export interface MigrationPreviewRow extends MigrationPlan {
  caseId: string;
  reference: string;
}

/** Corrections, reopening, voiding and moving cases between versions: each an event through the case engine. */
@Injectable()
export class LifecycleService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Corrects registration details; a new received date counts every deadline again from it. */
  async correct(user: Actor, input: Correction) {
    const reason = checkReason(input.reason);
    const problems: Problem[] = [];
    if (input.subject != null && input.subject.trim() === '')
      problems.push({ field: 'input.subject', message: 'The subject is empty.' });
    if (input.channel != null && input.channel.trim() === '')
      problems.push({ field: 'input.channel', message: 'Say how the request arrived.' });
    if (input.receivedOn != null && (!isIsoDate(input.receivedOn) || input.receivedOn > ukToday()))
      problems.push({ field: 'input.receivedOn', message: 'Not a date, or in the future.' });
    if (problems.length > 0) throw invalid(problems);
    return this.cases.recordLifecycle(
      user,
      input.caseId,
      input.expectedVersion,
      async (manager, row, read) => {
        if (row.status === 'void')
          throw refusal('EVENT_NOT_ALLOWED', `Case ${row.reference} was voided.`, { allowed: [] });
        const payload: Record<string, unknown> = { reason };
        const subject = input.subject?.trim();
        const channel = input.channel?.trim();
        if (subject && subject !== row.subject) payload.subject = { from: row.subject, to: subject };
        if (channel && channel !== row.channel) payload.channel = { from: row.channel, to: channel };
        let snapshot = row.snapshot as CaseSnapshot;
        let effects: ReturnType<typeof correctReceivedOn>['effects'] = [];
        if (input.receivedOn && input.receivedOn !== row.receivedOn) {
          if (row.status !== 'open')
            throw invalid([{ field: 'input.receivedOn', message: 'The case is closed: reopen it first.' }]);
          const corrected = correctReceivedOn(snapshot, input.receivedOn, read.calendar.options);
          snapshot = corrected.snapshot;
          effects = corrected.effects;
          payload.receivedOn = { from: row.receivedOn, to: input.receivedOn };
        }
        const requester = input.requester;
        if (requester && [requester.name, requester.email, requester.address].some((v) => v != null)) {
          // The requester's details stay out of the history: it records only that they were corrected.
          if (!row.requesterId) {
            const [created] = await manager.query(
              'INSERT INTO requester (name, email, address) VALUES ($1, $2, $3) RETURNING id',
              [requester.name ?? null, requester.email ?? null, requester.address ?? null],
            );
            await manager.query('UPDATE "case" SET requester_id = $2 WHERE id = $1', [row.id, created.id]);
          } else {
            await manager.query(
              'UPDATE requester SET name = coalesce($2, name), email = coalesce($3, email), address = coalesce($4, address) WHERE id = $1',
              [row.requesterId, requester.name ?? null, requester.email ?? null, requester.address ?? null],
            );
          }
          payload.requester = 'corrected';
        }
        if (Object.keys(payload).length === 1)
          throw invalid([{ field: 'input', message: 'Nothing to correct: every value is as it was.' }]);
        return {
          type: CASE_CORRECTED,
          payload,
          snapshot,
          effects,
          subject,
          channel,
          receivedOn: input.receivedOn ?? undefined,
          privateFields: ['reason', ...(payload.subject ? ['subject'] : [])],
        };
      },
    );
  }

  /** Reopens a closed case where it stood before it closed (not the workflow's late review route). */
  async reopen(user: Actor, caseId: string, reason: string, expectedVersion?: number | null) {
    const text = checkReason(reason, 'reason');
    const { record, snapshots } = await this.audit.replay(caseId);
    return this.cases.recordLifecycle(user, caseId, expectedVersion, async (manager, row, read) => {
      await refuseAnonymised(manager, row);
      if (row.status !== 'closed' || record.events.length !== row.version)
        throw refusal(
          'EVENT_NOT_ALLOWED',
          `Case ${row.reference} is not closed; only a closed case can be reopened.`,
          {
            allowed: [],
          },
        );
      const index = snapshots.findLastIndex((s) => s.status !== 'done');
      const restored = snapshots[index] as CaseSnapshot;
      const reopened = reopenedSnapshot(
        row.snapshot as CaseSnapshot,
        restored,
        read.calendar.options,
        ukToday(),
      );
      return {
        type: CASE_REOPENED,
        payload: { reason: text, restoresSequence: index + 1 },
        snapshot: reopened.snapshot,
        effects: reopened.effects,
      };
    });
  }

  /** Voids a case registered in error: out of lists and statistics, its timers cancelled, its history kept. */
  async void(user: Actor, caseId: string, reason: string, expectedVersion?: number | null) {
    const text = checkReason(reason, 'reason');
    return this.cases.recordLifecycle(user, caseId, expectedVersion, async (_manager, row) => {
      if (row.status === 'void')
        throw refusal('EVENT_NOT_ALLOWED', `Case ${row.reference} is already void.`, { allowed: [] });
      return {
        type: CASE_VOIDED,
        payload: { reason: text, statusBefore: row.status },
        status: 'void' as const,
      };
    });
  }

  private async versions(fromVersionId: string, toVersionId: string) {
    const rows: {
      id: string;
      workflow_id: string;
      version: number | null;
      status: string;
      definition: WorkflowDefinition;
    }[] = await this.dataSource.query(
      'SELECT id, workflow_id, version, status, definition FROM workflow_version WHERE id = ANY($1::uuid[])',
      [[fromVersionId, toVersionId].filter((id) => isUuid(id))],
    );
    const from = rows.find((r) => r.id === fromVersionId);
    const to = rows.find((r) => r.id === toVersionId);
    if (!from || from.status === 'draft') throw notFound('workflow version', fromVersionId);
    if (!to || to.status === 'draft') throw notFound('workflow version', toVersionId);
    if (from.workflow_id !== to.workflow_id || from.id === to.id)
      throw invalid([
        { field: 'input.toVersionId', message: 'Another published version of the same workflow.' },
      ]);
    return { from, to };
  }

  /** Which running cases of a version could move to another, where each would land, and why some cannot. */
  async previewMigration(
    fromVersionId: string,
    toVersionId: string,
    mapping: StateMapping,
    caseIds?: readonly string[] | null,
  ): Promise<MigrationPreviewRow[]> {
    if (caseIds) checkCaseIds(caseIds, 'caseIds');
    const { from, to } = await this.versions(fromVersionId, toVersionId);
    const rows: { id: string; reference: string; snapshot: CaseSnapshot }[] = await this.dataSource.query(
      `SELECT id, reference, snapshot FROM "case"
        WHERE workflow_version_id = $1 AND status <> 'void' AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
        ORDER BY reference LIMIT 1000`,
      [fromVersionId, caseIds ? caseIds.filter((id) => isUuid(id)) : null],
    );
    return rows.map((row) => ({
      caseId: row.id,
      reference: row.reference,
      ...planMigration(from.definition, to.definition, row.snapshot, mapping),
    }));
  }

  /** Moves each listed case that can move: per case one CASE_MIGRATED event; the others say why not. */
  async migrate(
    user: Actor,
    input: { fromVersionId: string; toVersionId: string; mapping: StateMapping; caseIds: readonly string[] },
  ): Promise<
    {
      caseId: string;
      reference: string | null;
      moved: boolean;
      sequence: number | null;
      problems: string[];
    }[]
  > {
    checkCaseIds(input.caseIds, 'input.caseIds');
    const { from, to } = await this.versions(input.fromVersionId, input.toVersionId);
    const results = [];
    for (const caseId of [...new Set(input.caseIds)]) {
      if (!isUuid(caseId)) {
        results.push({
          caseId,
          reference: null,
          moved: false,
          sequence: null,
          problems: [`No case has the id "${caseId}".`],
        });
        continue;
      }
      try {
        const { case: row, event } = await this.cases.recordLifecycle(
          user,
          caseId,
          undefined,
          async (_m, row) => {
            if (row.workflowVersionId !== from.id)
              throw refusal('VALIDATION_FAILED', `Case ${row.reference} is not on that version.`, {
                fields: [{ field: 'input.caseIds', message: `${row.reference} runs another version` }],
              });
            if (row.status === 'void')
              throw refusal('EVENT_NOT_ALLOWED', `Case ${row.reference} was voided.`, { allowed: [] });
            const plan = planMigration(
              from.definition,
              to.definition,
              row.snapshot as CaseSnapshot,
              input.mapping,
            );
            if (plan.problems.length > 0)
              throw refusal(
                'VALIDATION_FAILED',
                `${row.reference} cannot move: ${plan.problems.join('; ')}.`,
                {
                  fields: plan.problems.map((message) => ({ field: 'input.mapping', message })),
                },
              );
            return {
              type: CASE_MIGRATED,
              payload: {
                fromVersionId: from.id,
                toVersionId: to.id,
                fromVersion: from.version,
                toVersion: to.version,
                from: plan.from,
                to: plan.to,
                mapping: { ...input.mapping },
              },
              snapshot: migratedSnapshot(row.snapshot as CaseSnapshot, plan.to),
              definition: to.definition,
              workflowVersionId: to.id,
            };
          },
        );
        results.push({
          caseId,
          reference: row.reference,
          moved: true,
          sequence: event.sequence,
          problems: [],
        });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const problems = ((error.details as { fields?: Problem[] }).fields ?? []).map((f) => f.message);
        const message = error.message;
        results.push({
          caseId,
          reference: null,
          moved: false,
          sequence: null,
          problems: problems.length ? problems : [message],
        });
      }
    }
    return results;
  }
}
