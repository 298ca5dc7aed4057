import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseAccess } from '../access/case-access.service';
import type { Actor } from '../auth/current-user';
import { CasesQuery } from '../cases/cases.query';
import { actorOf, CasesService } from '../cases/cases.service';
import { DomainError, invalidBecause as invalid, isUuid, notFound, refusal } from '../common/errors';
import { type BulkActionInput, BulkActionKind } from './bulk.model';
import { BulkJob, type BulkJobItem } from './bulk-job.entity';

/** The most cases one bulk action takes: past it, narrow the filter. */
export const MAX_BULK_CASES = 10_000;

export interface Chosen {
  caseId: string;
  reference: string;
  version: number;
}

export interface PreviewItem {
  caseId: string;
  reference: string;
  allowed: boolean;
  code: string | null;
  message: string | null;
}

export interface ItemRow
  extends Pick<BulkJobItem, 'position' | 'caseId' | 'status' | 'code' | 'message' | 'sequence'> {
  reference: string;
}

/**
 * Bulk actions: assign or send an event to many cases, each through the case engine's own path (its own
 * event, its own version check), one transaction per case holding the item it records. Items are
 * claimed with SKIP LOCKED, so a job survives its process: any process resumes it at start.
 */
@Injectable()
export class BulkService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;
  private readonly logger = new Logger(BulkService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly casesService: CasesService,
    private readonly query: CasesQuery,
    private readonly access: CaseAccess,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Jobs a stopped process left unfinished carry on here.
    const jobs: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM bulk_job WHERE status = 'running'`,
    );
    for (const job of jobs) this.kick(job.id);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running.values()]);
  }

  /** What the action would do to each case, judged as the real one is; nothing is written. */
  async preview(user: Actor, input: BulkActionInput): Promise<PreviewItem[]> {
    const chosen = await this.choose(user, input);
    const action = this.checkAction(input);
    const assigneeProblem = action === BulkActionKind.ASSIGN ? await this.assigneeProblem(input) : null;
    const items: PreviewItem[] = [];
    for (const [i, one] of chosen.entries()) {
      const expectedVersion = input.expectedVersions?.[i] ?? one.version;
      try {
        if (assigneeProblem) throw assigneeProblem;
        if (expectedVersion !== one.version) {
          throw refusal(
            'VERSION_CONFLICT',
            `Someone else changed case ${one.reference} (it is now at version ${one.version}, you expected ${expectedVersion}).`,
            { currentVersion: one.version },
          );
        }
        let message: string;
        if (action === BulkActionKind.EVENT) {
          const after = await this.casesService.previewEvent(
            actorOf(user),
            this.eventInput(input, one, expectedVersion, null),
          );
          message = `${input.eventType}: moves to ${after.stageLabel}.`;
        } else {
          message = input.assigneeId || input.teamId ? 'Assigned.' : 'Unassigned.';
        }
        items.push({ caseId: one.caseId, reference: one.reference, allowed: true, code: null, message });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        items.push({
          caseId: one.caseId,
          reference: one.reference,
          allowed: false,
          code: error.code,
          message: error.message,
        });
      }
    }
    return items;
  }

  /** Records the job and its cases (with the versions they are expected at), then runs it in the background. */
  async start(user: Actor, input: BulkActionInput): Promise<BulkJob> {
    const action = this.checkAction(input);
    if (action === BulkActionKind.ASSIGN) {
      const problem = await this.assigneeProblem(input);
      if (problem) throw problem;
    }
    const chosen = await this.choose(user, input);
    const params =
      action === BulkActionKind.ASSIGN
        ? { assigneeId: input.assigneeId ?? null, teamId: input.teamId ?? null }
        : { type: input.eventType, payload: input.payload ?? {}, effectiveOn: input.effectiveOn ?? null };
    const job = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(BulkJob).save({
        kind: action,
        params,
        createdBy: user.id,
        actor: { id: user.id, email: user.email, name: user.name, roles: user.roles },
        status: 'running' as const,
        total: chosen.length,
        succeeded: 0,
        failed: 0,
        finishedAt: null,
      });
      await manager.query(
        `INSERT INTO bulk_job_item (job_id, position, case_id, expected_version)
         SELECT $1, t.position, t.case_id, t.expected_version
           FROM unnest($2::uuid[], $3::int[]) WITH ORDINALITY AS t(case_id, expected_version, position)`,
        [
          saved.id,
          chosen.map((c) => c.caseId),
          chosen.map((c, i) => input.expectedVersions?.[i] ?? c.version),
        ],
      );
      return saved;
    });
    this.kick(job.id);
    return job;
  }

  async job(id: string): Promise<BulkJob> {
    if (!isUuid(id)) throw notFound('bulk job', id);
    const job = await this.dataSource.getRepository(BulkJob).findOneBy({ id });
    if (!job) throw notFound('bulk job', id);
    return job;
  }

  /** A page of the job's items in order, optionally only those with a status; none on a case of the hidden workflows. */
  async items(
    jobId: string,
    first: number,
    after: string | null,
    status: string | null,
    hiddenWorkflows: readonly string[] = [],
  ): Promise<ItemRow[]> {
    if (!Number.isInteger(first) || first < 1 || first > 500)
      throw refusal('BAD_USER_INPUT', `first must be between 1 and 500, not ${first}.`);
    const from = after === null ? 0 : Number(after);
    if (!/^\d{1,9}$/.test(after ?? '0') || !Number.isSafeInteger(from))
      throw refusal(
        'BAD_USER_INPUT',
        `"${after}" is not a cursor from this list; pass an endCursor you were given.`,
      );
    if (status !== null && !['pending', 'done', 'failed'].includes(status))
      throw refusal('BAD_USER_INPUT', `status must be pending, done or failed, not "${status}".`);
    return this.dataSource.query(
      `SELECT i.position, i.case_id AS "caseId", c.reference, i.status, i.code, i.message, i.sequence
         FROM bulk_job_item i JOIN "case" c ON c.id = i.case_id
        WHERE i.job_id = $1 AND i.position > $2 AND ($4::text IS NULL OR i.status = $4)
          AND c.workflow_id <> ALL($5::text[])
        ORDER BY i.position LIMIT $3`,
      [jobId, from, first, status, [...hiddenWorkflows]],
    );
  }

  /** Runs the job in this process unless it already does; resolves when no item is left or the process stops. */
  kick(jobId: string): Promise<void> {
    const existing = this.running.get(jobId);
    if (existing) return existing;
    const run = this.run(jobId)
      .catch((error) => this.logger.error(`Bulk job ${jobId} stopped: ${(error as Error).stack}`))
      .finally(() => this.running.delete(jobId));
    this.running.set(jobId, run);
    return run;
  }

  private async run(jobId: string): Promise<void> {
    const job = await this.job(jobId);
    let position = 0;
    while (!this.stopping) {
      const [next]: { position: number }[] = await this.dataSource.query(
        `SELECT position FROM bulk_job_item WHERE job_id = $1 AND status = 'pending' AND position > $2 ORDER BY position LIMIT 1`,
        [jobId, position],
      );
      if (!next) break;
      position = next.position;
      await this.runItem(job, position);
    }
    if (this.stopping) return;
    await this.dataSource.query(
      `UPDATE bulk_job SET status = 'done', finished_at = now()
        WHERE id = $1 AND status = 'running' AND NOT EXISTS (SELECT 1 FROM bulk_job_item WHERE job_id = $1 AND status = 'pending')`,
      [jobId],
    );
  }

  /** One case: its change and the item's outcome in one transaction; a refusal is recorded on the item. */
  private async runItem(job: BulkJob, position: number): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const [item]: BulkJobItemRaw[] = await manager.query(
          `SELECT case_id, expected_version FROM bulk_job_item
            WHERE job_id = $1 AND position = $2 AND status = 'pending' FOR UPDATE SKIP LOCKED`,
          [job.id, position],
        );
        // Another process has it, or it is done.
        if (!item) return;
        const sequence = await this.apply(manager, job, item);
        await manager.query(
          `UPDATE bulk_job_item SET status = 'done', sequence = $3, done_at = now() WHERE job_id = $1 AND position = $2`,
          [job.id, position, sequence],
        );
        await manager.query('UPDATE bulk_job SET succeeded = succeeded + 1 WHERE id = $1', [job.id]);
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // The case's change rolled back with the claim; record the refusal (once, if still pending).
      await this.dataSource.transaction(async (manager) => {
        const [{ count }] = await manager.query(
          `WITH failed AS (
             UPDATE bulk_job_item SET status = 'failed', code = $3, message = $4, done_at = now()
              WHERE job_id = $1 AND position = $2 AND status = 'pending' RETURNING 1
           ) SELECT count(*)::int AS count FROM failed`,
          [job.id, position, error.code, error.message],
        );
        if (count > 0) await manager.query('UPDATE bulk_job SET failed = failed + 1 WHERE id = $1', [job.id]);
      });
    }
  }

  /** The case's change through the engine's own path, in this transaction; the event's sequence. */
  private async apply(manager: EntityManager, job: BulkJob, item: BulkJobItemRaw): Promise<number> {
    // Checked again as each case runs (a fresh actor: what is hidden is read now, not when the job began):
    // a case hidden from the job's officer since it started fails NOT_FOUND and is left as it is.
    await this.access.checkCases({ ...job.actor }, [item.case_id]);
    const params = job.params as {
      assigneeId?: string | null;
      teamId?: string | null;
      type?: string;
      payload?: Record<string, unknown>;
      effectiveOn?: string | null;
    };
    if (job.kind === BulkActionKind.ASSIGN) {
      const row = await this.casesService.assignWithin(manager, job.actor, {
        caseId: item.case_id,
        assigneeId: params.assigneeId ?? undefined,
        teamId: params.teamId ?? undefined,
        expectedVersion: item.expected_version ?? undefined,
      });
      return row.version;
    }
    const result = await this.casesService.sendWithin(manager, actorOf(job.actor), {
      caseId: item.case_id,
      type: params.type as string,
      payload: params.payload ?? {},
      effectiveOn: params.effectiveOn ?? undefined,
      expectedVersion: item.expected_version ?? undefined,
      // A job applies its event to a case once, whatever happens to the process running it.
      idempotencyKey: `bulk:${job.id}`,
    });
    return result.event.sequence;
  }

  private eventInput(input: BulkActionInput, one: Chosen, expectedVersion: number, key: string | null) {
    return {
      caseId: one.caseId,
      type: input.eventType as string,
      payload: input.payload ?? {},
      effectiveOn: input.effectiveOn,
      expectedVersion,
      idempotencyKey: key ?? undefined,
    };
  }

  private checkAction(input: BulkActionInput): BulkActionKind {
    if (input.action === BulkActionKind.EVENT && !input.eventType?.trim())
      throw invalid('input.eventType', 'Say which event to send (e.g. WITHDRAW).');
    if (input.action === BulkActionKind.ASSIGN && input.eventType)
      throw invalid('input.eventType', 'An assignment sends no event; leave eventType out.');
    return input.action;
  }

  /** The assignee and team checked once for the whole action (each case checks them again as it changes). */
  private async assigneeProblem(input: BulkActionInput): Promise<DomainError | null> {
    if (input.teamId && !isUuid(input.teamId)) return notFound('team', input.teamId);
    if (input.assigneeId && !isUuid(input.assigneeId)) return notFound('user', input.assigneeId);
    if (input.teamId) {
      const [team] = await this.dataSource.query('SELECT 1 FROM team WHERE id = $1', [input.teamId]);
      if (!team) return notFound('team', input.teamId);
    }
    if (input.assigneeId) {
      const [user] = await this.dataSource.query(
        `SELECT roles, disabled, EXISTS (SELECT 1 FROM user_team m WHERE m.user_id = u.id AND m.team_id = $2) AS in_team
           FROM "user" u WHERE id = $1`,
        [input.assigneeId, input.teamId ?? null],
      );
      if (!user || user.disabled) return notFound('user', input.assigneeId);
      if (!user.roles.includes('officer'))
        return invalid('input.assigneeId', 'Cases can only be assigned to officers.');
      if (input.teamId && !user.in_team)
        return invalid('input.assigneeId', 'The assignee is not a member of that team.');
    }
    return null;
  }

  /** The cases chosen: the selection as given, or every case the filter matches (page by page), with their versions now. */
  private async choose(user: Actor, input: BulkActionInput): Promise<Chosen[]> {
    const hasIds = input.caseIds !== undefined && input.caseIds !== null;
    if (hasIds === Boolean(input.filter))
      throw invalid('input.caseIds', 'Give either caseIds (a selection) or filter, not both or neither.');
    if (hasIds) {
      const ids = input.caseIds as string[];
      if (ids.length === 0) throw invalid('input.caseIds', 'Select at least one case.');
      if (ids.length > MAX_BULK_CASES)
        throw invalid('input.caseIds', `At most ${MAX_BULK_CASES.toLocaleString('en-GB')} cases at once.`);
      if (new Set(ids.map((id) => id.toLowerCase())).size !== ids.length)
        throw invalid('input.caseIds', 'A case is selected twice.');
      if (input.expectedVersions && input.expectedVersions.length !== ids.length)
        throw invalid(
          'input.expectedVersions',
          'Give one expected version per selected case, in the same order.',
        );
      const bad = ids.find((id) => !isUuid(id));
      if (bad) throw notFound('case', bad);
      const rows: { id: string; reference: string; version: number }[] = await this.dataSource.query(
        'SELECT id, reference, version FROM "case" WHERE id = ANY($1::uuid[])',
        [ids],
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => {
        const row = byId.get(id.toLowerCase());
        if (!row) throw notFound('case', id);
        return { caseId: row.id, reference: row.reference, version: row.version };
      });
    }
    if (input.expectedVersions)
      throw invalid(
        'input.expectedVersions',
        'Expected versions go with a selection (caseIds), not a filter.',
      );
    const chosen: Chosen[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await this.query.page(
        user,
        input.filter as NonNullable<BulkActionInput['filter']>,
        200,
        after,
      );
      for (const row of page.rows)
        chosen.push({ caseId: row.id, reference: row.reference, version: row.version });
      if (chosen.length > MAX_BULK_CASES)
        throw invalid(
          'input.filter',
          `The filter matches more than ${MAX_BULK_CASES.toLocaleString('en-GB')} cases; narrow it.`,
        );
      if (!page.hasNextPage) break;
      after = page.cursors.at(-1) ?? null;
    }
    if (chosen.length === 0) throw invalid('input.filter', 'The filter matches no case.');
    return chosen;
  }
}

interface BulkJobItemRaw {
  case_id: string;
  expected_version: number | null;
}
