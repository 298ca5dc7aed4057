import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CASE_ASSIGNED,
  CASE_CREATED,
  type CaseSnapshot,
  DEADLINES_RECOMPUTED,
  type Effect,
  GENESIS_HASH,
  hashEvent,
  initialSnapshot,
  LETTER_SENT,
  recomputeDeadlines,
  step,
  type WorkflowDefinition,
  WorkflowError,
} from '@recordflow/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { ukToday } from '../common/dates';
import { DomainError, notFound, refusal } from '../common/errors';
import { asDomainError } from '../common/graphql-errors';
import { preparedQuery } from '../database/prepared';
import { CaseEvent } from '../history/case-event.entity';
import { type CalendarAt, calendarFromRows, HolidaysService } from '../holidays/holidays.service';
import { WorkflowVersion } from '../workflows/workflow-version.entity';
import { definitionOf } from '../workflows/workflows.service';
import { Case } from './case.entity';
import type { CreateCaseInput } from './dto/create-case.input';
import type { AssignCaseInput, SendCaseEventInput } from './dto/send-case-event.input';
import { RecentCases } from './recent-cases';
import { Requester } from './requester.entity';
import { dueDateOf, stateOf } from './snapshot-view';

/** Who sends an event: a signed-in user, or the system (timers, recomputation). */
export interface EventActor {
  id: string | null;
  label: string;
  roles: string[];
}

export const SYSTEM_ACTOR: EventActor = { id: null, label: 'system', roles: ['system'] };

export const actorOf = (user: Actor): EventActor => ({
  id: user.id,
  label: `${user.name} <${user.email}>`,
  roles: user.roles,
});

export interface EventResult {
  case: Case;
  event: CaseEvent;
  replayed: boolean;
}

/** How many times send() reads and tries again when another writer moved the case first. */
const OPTIMISTIC_ATTEMPTS = 4;

/** How many cases each process remembers as it last wrote them (about 2 kB each). */
const RECENT_CASES = 10_000;

const UNIQUE_VIOLATION = '23505';

/** What a transition reads before it writes. */
interface CaseRead {
  row: Case;
  /** The last event's hash, when the read fetched it. */
  prevHash: string | undefined;
  calendar: CalendarAt;
  /** The event already recorded under the idempotency key, if any. */
  earlierEventId: string | null;
}

/** The case row as the transition's read returns it (snake_case, dates as text). */
interface CaseReadRow {
  id: string;
  reference: string;
  regime: string;
  workflow_id: string;
  workflow_version_id: string;
  subject: string;
  request_text: string;
  channel: string;
  received_on: string;
  requester_id: string | null;
  status: Case['status'];
  stage: string;
  step: string;
  snapshot: unknown;
  version: number;
  due_on: string | null;
  assignee_id: string | null;
  outcome: string | null;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  last_hash: string | null;
  earlier_event_id: string | number | null;
  holidays: { date: string; title: string; divisions: string[]; created_at: string }[];
}

const PREFIX: Record<string, string> = { foi: 'FOI', eir: 'EIR', foisa: 'FOISA', sar: 'SAR' };

@Injectable()
export class CasesService {
  private readonly recent = new RecentCases(RECENT_CASES);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly holidays: HolidaysService,
  ) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  calendarNow(): Promise<CalendarAt> {
    return this.holidays.current(this.dataSource.manager);
  }

  requester(id: string): Promise<Requester | null> {
    return this.dataSource.getRepository(Requester).findOneBy({ id });
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Case> {
    // No join: TypeORM turns a joined findOne into two queries, and the version number is cached anyway.
    const found = await manager.getRepository(Case).findOneBy({ id });
    if (!found) throw notFound('case', id);
    return found;
  }

  history(caseId: string): Promise<CaseEvent[]> {
    return this.dataSource.getRepository(CaseEvent).find({
      where: { caseId },
      relations: { actor: true, workflowVersion: true },
      order: { sequence: 'ASC' },
    });
  }

  /** Registers a request on its workflow's published version: the clock starts at the date of receipt. */
  async create(user: Actor, input: CreateCaseInput): Promise<Case> {
    const today = ukToday();
    const problems: { field: string; message: string }[] = [];
    if (input.receivedOn > today)
      problems.push({ field: 'receivedOn', message: 'The received date is in the future.' });
    if (input.subject.trim() === '') problems.push({ field: 'subject', message: 'The subject is empty.' });
    if (input.requestText.trim() === '')
      problems.push({ field: 'requestText', message: 'The request text is empty.' });
    if (input.channel.trim() === '')
      problems.push({ field: 'channel', message: 'Say how the request arrived.' });
    if (problems.length > 0) {
      throw refusal('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join(' '), {
        fields: problems,
      });
    }
    const actor = actorOf(user);
    return this.dataSource.transaction(async (manager) => {
      const version = await manager
        .getRepository(WorkflowVersion)
        .findOneBy({ workflowId: input.workflowId, status: 'published' });
      if (!version) {
        throw refusal(
          'NOT_FOUND',
          `There is no published workflow "${input.workflowId}" to start a case on.`,
          {
            id: input.workflowId,
          },
        );
      }
      const definition = await definitionOf(manager, version.id);
      const calendar = await this.holidays.current(manager);
      const started = this.run(() =>
        initialSnapshot(definition, { receivedOn: input.receivedOn, calendar: calendar.options }),
      );
      const reference = await this.nextReference(manager, definition.regime, input.receivedOn);
      const requester = input.requester
        ? await manager.getRepository(Requester).save({
            name: input.requester.name ?? null,
            email: input.requester.email ?? null,
            address: input.requester.address ?? null,
          })
        : null;
      const state = stateOf(definition, started.snapshot);
      const row = await manager.getRepository(Case).save({
        reference,
        regime: definition.regime,
        workflowId: definition.id,
        workflowVersionId: version.id,
        subject: input.subject.trim(),
        requestText: input.requestText,
        channel: input.channel.trim(),
        receivedOn: input.receivedOn,
        requesterId: requester?.id ?? null,
        status: state.final ? 'closed' : 'open',
        stage: state.stage,
        step: state.step,
        snapshot: started.snapshot,
        version: 0,
        dueOn: dueDateOf(started.snapshot),
        assigneeId: null,
        outcome: null,
        closedAt: null,
      });
      // Personal data stays out of the chained payload: the requester is referenced by the case row only.
      const payload = {
        workflowId: definition.id,
        regime: definition.regime,
        receivedOn: input.receivedOn,
        channel: row.channel,
      };
      const event = await this.append(manager, row, {
        type: CASE_CREATED,
        payload,
        effectiveOn: input.receivedOn,
        actor,
        calendar,
        snapshot: started.snapshot,
        definition,
        effects: started.effects,
      });
      if (!event) throw new Error(`Case ${row.reference} changed while it was being created`);
      return row;
    });
  }

  /**
   * One transition, one transaction: lock the case, check version and idempotency, step the workflow,
   * append the hash-chained event, store the snapshot, set or cancel timers.
   */
  async send(actor: EventActor, input: SendCaseEventInput): Promise<EventResult> {
    if (input.type.startsWith('CASE_') || input.type === DEADLINES_RECOMPUTED || input.type === LETTER_SENT) {
      throw refusal(
        'EVENT_NOT_ALLOWED',
        `"${input.type}" is recorded by Recordflow itself and cannot be sent.`,
      );
    }
    const manager = this.dataSource.manager;
    // The case as this process last wrote it, if it did: one round trip when nobody moved it since.
    const recent = this.recent.take(input.caseId);
    if (recent) {
      try {
        const read = {
          row: recent.row,
          prevHash: recent.lastHash,
          calendar: recent.calendar,
          earlierEventId: null,
        };
        const result = await this.transition(manager, actor, input, read, { commitsItself: true });
        if (result) return result;
      } catch (error) {
        // A refusal or a reused idempotency key, judged on a copy that may be stale: read and judge again.
        if (!(error instanceof DomainError) && (error as { code?: string }).code !== UNIQUE_VIOLATION)
          throw error;
      }
    }
    // Optimistic: read, step, then one statement that writes only if nobody moved the case
    // meanwhile (two round trips, no transaction held open). A miss reads again and re-checks.
    for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
      const read = await this.readForTransition(manager, input.caseId, {
        lock: false,
        idempotencyKey: input.idempotencyKey,
      });
      const result = await this.transition(manager, actor, input, read, { commitsItself: true });
      if (result) return result;
    }
    // Still contended: queue on the row lock instead, which cannot miss.
    return this.dataSource.transaction(async (locked) => this.sendWithin(locked, actor, input));
  }

  /**
   * The transition inside the caller's transaction, on the locked case (timers claim their row in the
   * same one: locking it again here costs nothing, and reads the hash, holidays and key with it).
   */
  async sendWithin(
    manager: EntityManager,
    actor: EventActor,
    input: SendCaseEventInput,
    options: { today?: string } = {},
  ): Promise<EventResult> {
    const read = await this.readForTransition(manager, input.caseId, {
      lock: true,
      idempotencyKey: input.idempotencyKey,
    });
    const result = await this.transition(manager, actor, input, read, { today: options.today });
    if (!result) throw new Error(`Case ${read.row.reference} moved while locked`);
    return result;
  }

  /** Checks and applies one event to the case as read; null when the case moved since (optimistic miss). */
  private async transition(
    manager: EntityManager,
    actor: EventActor,
    input: SendCaseEventInput,
    read: CaseRead,
    options: { today?: string; commitsItself?: boolean } = {},
  ): Promise<EventResult | null> {
    const { row, calendar } = read;
    const today = options.today ?? ukToday();
    if (input.idempotencyKey) {
      const earlier = read.earlierEventId
        ? await manager.getRepository(CaseEvent).findOneBy({ id: read.earlierEventId })
        : null;
      if (earlier) {
        if (earlier.type !== input.type) {
          throw refusal(
            'VALIDATION_FAILED',
            `The idempotency key "${input.idempotencyKey}" was already used for a ${earlier.type} event on this case; use a new key for a new event.`,
          );
        }
        return { case: row, event: earlier, replayed: true };
      }
    }
    this.checkVersion(row, input.expectedVersion);
    const effectiveOn = input.effectiveOn ?? today;
    if (effectiveOn > today) {
      throw refusal(
        'VALIDATION_FAILED',
        `effectiveOn ${effectiveOn} is in the future; events record what has happened.`,
        {
          fields: [{ field: 'effectiveOn', message: 'in the future' }],
        },
      );
    }
    if (effectiveOn < row.receivedOn) {
      throw refusal(
        'VALIDATION_FAILED',
        `effectiveOn ${effectiveOn} is before the request was received (${row.receivedOn}).`,
        {
          fields: [{ field: 'effectiveOn', message: 'before the date of receipt' }],
        },
      );
    }
    if (row.status === 'closed') {
      throw refusal('EVENT_NOT_ALLOWED', `Case ${row.reference} is closed; it accepts no more events.`, {
        allowed: [],
      });
    }
    const definition = await definitionOf(manager, row.workflowVersionId);
    const next = this.run(() =>
      step(
        definition,
        row.snapshot as CaseSnapshot,
        { type: input.type, payload: input.payload ?? {}, at: effectiveOn },
        effectiveOn,
        { calendar: calendar.options, roles: actor.roles },
      ),
    );
    const event = await this.append(manager, row, {
      type: input.type,
      payload: input.payload ?? {},
      effectiveOn,
      actor,
      calendar,
      snapshot: next.snapshot,
      definition,
      idempotencyKey: input.idempotencyKey,
      prevHash: read.prevHash,
      effects: next.effects,
      commitsItself: options.commitsItself,
    });
    return event ? { case: row, event, replayed: false } : null;
  }

  /**
   * Recomputes the deadlines of every open case with the calendar as it now stands (a holiday was
   * added); each case whose deadlines moved gets a DEADLINES_RECOMPUTED event naming the changes.
   */
  async recomputeOpenDeadlines(user: Actor): Promise<number> {
    const ids: { id: string }[] = await this.dataSource.query(`SELECT id FROM "case" WHERE status = 'open'`);
    let changed = 0;
    for (const { id } of ids) {
      const moved = await this.dataSource.transaction(async (manager) => {
        const row = await this.lock(manager, id);
        if (row.status !== 'open') return false;
        const definition = await definitionOf(manager, row.workflowVersionId);
        const calendar = await this.holidays.current(manager);
        const result = recomputeDeadlines(definition, row.snapshot as CaseSnapshot, calendar.options);
        if (result.changes.length === 0) return false;
        await this.append(manager, row, {
          type: DEADLINES_RECOMPUTED,
          payload: { changes: result.changes },
          effectiveOn: ukToday(),
          actor: actorOf(user),
          calendar,
          snapshot: result.snapshot,
          definition,
        });
        return true;
      });
      if (moved) changed++;
    }
    return changed;
  }

  /** Records in the case's history that a letter went out, with its document's hash. */
  async recordLetterSent(
    user: Actor,
    caseId: string,
    document: { id: string; template: string; format: string; sha256: string },
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const { row, prevHash, calendar } = await this.readForTransition(manager, caseId, { lock: true });
      const definition = await definitionOf(manager, row.workflowVersionId);
      const event = await this.append(manager, row, {
        type: LETTER_SENT,
        payload: {
          documentId: document.id,
          template: document.template,
          format: document.format,
          sha256: document.sha256,
        },
        effectiveOn: ukToday(),
        actor: actorOf(user),
        calendar,
        snapshot: row.snapshot as CaseSnapshot,
        definition,
        prevHash,
      });
      if (!event) throw new Error(`Case ${row.reference} moved while locked`);
      return event.sequence;
    });
  }

  /** Assignment is recorded in the history too, so every action on a case is attributable. */
  async assign(user: Actor, input: AssignCaseInput): Promise<Case> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lock(manager, input.caseId);
      this.checkVersion(row, input.expectedVersion);
      if (input.assigneeId) {
        const [assignee] = await manager.query(`SELECT roles, disabled FROM "user" WHERE id = $1`, [
          input.assigneeId,
        ]);
        if (!assignee || assignee.disabled) throw notFound('user', input.assigneeId);
        if (!(assignee.roles as string[]).includes('officer')) {
          throw refusal('VALIDATION_FAILED', 'Cases can only be assigned to officers.', {
            fields: [{ field: 'assigneeId', message: 'not an officer' }],
          });
        }
      }
      row.assigneeId = input.assigneeId ?? null;
      const definition = await definitionOf(manager, row.workflowVersionId);
      await this.append(manager, row, {
        type: CASE_ASSIGNED,
        payload: { assigneeId: row.assigneeId },
        effectiveOn: ukToday(),
        actor: actorOf(user),
        calendar: await this.holidays.current(manager),
        snapshot: row.snapshot as CaseSnapshot,
        definition,
      });
      return row;
    });
  }

  /**
   * Reads (and with lock: true, locks) the case with, in the same round trip, its last event's hash,
   * the run-time holidays and any event already recorded under the idempotency key: everything a
   * transition reads before it writes.
   */
  async readForTransition(
    manager: EntityManager,
    caseId: string,
    options: { lock: boolean; idempotencyKey?: string | null },
  ): Promise<CaseRead> {
    if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw notFound('case', caseId);
    const [found] = await preparedQuery<CaseReadRow>(
      manager,
      options.lock ? 'recordflow_lock_case' : 'recordflow_read_case',
      `SELECT c.id, c.reference, c.regime, c.workflow_id, c.workflow_version_id, c.subject, c.request_text, c.channel,
              to_char(c.received_on, 'YYYY-MM-DD') AS received_on, c.requester_id, c.status, c.stage, c.step, c.snapshot,
              c.version, to_char(c.due_on, 'YYYY-MM-DD') AS due_on, c.assignee_id, c.outcome, c.created_at, c.updated_at,
              c.closed_at, e.hash AS last_hash, h.holidays, k.id AS earlier_event_id
         FROM "case" c
         LEFT JOIN case_event e ON e.case_id = c.id AND e.sequence = c.version
         LEFT JOIN case_event k ON k.case_id = c.id AND k.idempotency_key = $2
         CROSS JOIN LATERAL (
           SELECT coalesce(json_agg(json_build_object('date', to_char(date, 'YYYY-MM-DD'), 'title', title,
                  'divisions', divisions, 'created_at', created_at) ORDER BY created_at, id), '[]') AS holidays
             FROM holiday) h
        WHERE c.id = $1${options.lock ? '\n        FOR UPDATE OF c' : ''}`,
      [caseId, options.idempotencyKey ?? null],
    );
    if (!found) throw notFound('case', caseId);
    const row = manager.getRepository(Case).create({
      id: found.id,
      reference: found.reference,
      regime: found.regime,
      workflowId: found.workflow_id,
      workflowVersionId: found.workflow_version_id,
      subject: found.subject,
      requestText: found.request_text,
      channel: found.channel,
      receivedOn: found.received_on,
      requesterId: found.requester_id,
      status: found.status,
      stage: found.stage,
      step: found.step,
      snapshot: found.snapshot,
      version: found.version,
      dueOn: found.due_on,
      assigneeId: found.assignee_id,
      outcome: found.outcome,
      createdAt: found.created_at,
      updatedAt: found.updated_at,
      closedAt: found.closed_at,
    });
    const holidays = (
      found.holidays as { date: string; title: string; divisions: string[]; created_at: string }[]
    ).map((h) => ({ ...h, created_at: new Date(h.created_at) }));
    return {
      row,
      prevHash: found.last_hash ?? undefined,
      calendar: calendarFromRows(holidays as never),
      earlierEventId: found.earlier_event_id === null ? null : String(found.earlier_event_id),
    };
  }

  async lock(manager: EntityManager, caseId: string): Promise<Case> {
    if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw notFound('case', caseId);
    const row = await manager
      .getRepository(Case)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :caseId', { caseId })
      .getOne();
    if (!row) throw notFound('case', caseId);
    return row;
  }

  private checkVersion(row: Case, expectedVersion: number | null | undefined): void {
    if (expectedVersion != null && expectedVersion !== row.version) {
      throw refusal(
        'VERSION_CONFLICT',
        `Someone else changed case ${row.reference} (it is now at version ${row.version}, you expected ${expectedVersion}). Reload it and try again.`,
        { currentVersion: row.version },
      );
    }
  }

  /**
   * Appends the next event with its hash, stores the case's new snapshot and version, and sets or
   * cancels its timers: one statement, written only if the case is still at the version read
   * (always so under a lock). Null when another writer moved it first; nothing is written then.
   */
  private async append(
    manager: EntityManager,
    row: Case,
    event: {
      type: string;
      payload: unknown;
      effectiveOn: string;
      actor: EventActor;
      calendar: CalendarAt;
      snapshot: CaseSnapshot;
      definition: WorkflowDefinition;
      idempotencyKey?: string;
      /** The last event's hash when the read already fetched it. */
      prevHash?: string;
      effects?: readonly Effect[];
      /**
       * The statement is its own transaction (no caller's transaction around it): it then also checks
       * that the holidays are still those the step used, and what it wrote may be remembered.
       */
      commitsItself?: boolean;
    },
  ): Promise<CaseEvent | null> {
    const readVersion = row.version;
    const sequence = readVersion + 1;
    const prevHash =
      readVersion === 0
        ? GENESIS_HASH
        : (event.prevHash ??
          ((
            await manager.query('SELECT hash FROM case_event WHERE case_id = $1 AND sequence = $2', [
              row.id,
              readVersion,
            ])
          )[0]?.hash as string));
    const state = stateOf(event.definition, event.snapshot);
    const recordedAt = new Date();
    const fields = {
      caseId: row.id,
      sequence,
      type: event.type,
      payload: event.payload,
      actorId: event.actor.id,
      recordedAt: recordedAt.toISOString(),
      effectiveOn: event.effectiveOn,
      workflowVersionId: row.workflowVersionId,
      holidaysAsOf: event.calendar.asOf?.toISOString() ?? null,
      stageAfter: state.stage,
      prevHash,
    };
    const hash = hashEvent(fields);
    row.snapshot = event.snapshot;
    row.version = sequence;
    row.stage = state.stage;
    row.step = state.step;
    row.dueOn = state.final ? null : dueDateOf(event.snapshot);
    if (state.final && row.status === 'open') {
      row.status = 'closed';
      row.closedAt = recordedAt;
      row.outcome = state.outcome ?? null;
    }
    const effects = event.effects ?? [];
    const armed = effects.flatMap((e) =>
      e.type === 'timer.set' ? [{ name: e.name, event: e.event, fire_on: e.fireOn }] : [],
    );
    const closing = row.status === 'closed';
    const [written] = await preparedQuery<{ id: string | null }>(
      manager,
      'recordflow_append_event',
      // The case row first: its version check (which waits for, then re-reads, a concurrent writer)
      // gates every other write. Timers are cancelled before new ones are armed under the same name.
      `WITH moved AS (
         UPDATE "case" SET snapshot = $15, version = $2, stage = $11, step = $16, due_on = $17, status = $18,
                           closed_at = $19, outcome = $20, assignee_id = $21, updated_at = now()
          WHERE id = $1::uuid AND version = $2::int - 1
            AND (NOT $26::boolean OR $10::timestamptz IS NOT DISTINCT FROM
                 (SELECT date_trunc('milliseconds', max(created_at)) FROM holiday))
          RETURNING id
       ), event AS (
         INSERT INTO case_event (case_id, sequence, type, payload, actor_id, actor_label, recorded_at, effective_on,
                                 workflow_version_id, holidays_as_of, stage_after, idempotency_key, prev_hash, hash)
         SELECT $1::uuid, $2::int, $3::text, $4::jsonb, $5::uuid, $6::text, $7::timestamptz, $8::date, $9::uuid,
                $10::timestamptz, $11::text, $12::text, $13::text, $14::text
           FROM moved
         RETURNING id
       ), cancelled AS (
         UPDATE timer SET status = 'cancelled', done_at = now(),
                          note = CASE WHEN $22::boolean THEN 'case closed'
                                      WHEN name = ANY($24::text[]) THEN 'replaced at event ' || $2::int
                                      ELSE 'cancelled at event ' || $2::int END
          WHERE case_id = $1 AND status = 'pending' AND EXISTS (SELECT 1 FROM moved)
            AND ($22::boolean OR name = ANY($23::text[]) OR name = ANY($24::text[]))
          RETURNING id
       ), armed AS (
         INSERT INTO timer (case_id, name, event, fire_on, status)
         SELECT $1::uuid, t.name, t.event, t.fire_on, 'pending'
           FROM jsonb_to_recordset($25::jsonb) AS t(name text, event text, fire_on date)
          WHERE EXISTS (SELECT 1 FROM moved) AND NOT $22::boolean AND (SELECT count(*) FROM cancelled) >= 0
         RETURNING id
       )
       SELECT (SELECT id FROM event) AS id`,
      [
        row.id,
        sequence,
        event.type,
        JSON.stringify(event.payload),
        event.actor.id,
        event.actor.label,
        recordedAt,
        event.effectiveOn,
        row.workflowVersionId,
        event.calendar.asOf,
        state.stage,
        event.idempotencyKey ?? null,
        prevHash,
        hash,
        JSON.stringify(row.snapshot),
        row.step,
        row.dueOn,
        row.status,
        row.closedAt,
        row.outcome,
        row.assigneeId,
        closing,
        effects.flatMap((e) => (e.type === 'timer.cancel' ? [e.name] : [])),
        armed.map((t) => t.name),
        JSON.stringify(armed),
        event.commitsItself === true,
      ],
    );
    if (written?.id == null) return null;
    if (event.commitsItself) this.recent.remember(row, hash, event.calendar);
    // Inside a transaction it may yet roll back: what this process knew of the case is void.
    else this.recent.forget(row.id);
    return manager.getRepository(CaseEvent).create({
      ...fields,
      id: String(written.id),
      recordedAt,
      holidaysAsOf: event.calendar.asOf,
      actorLabel: event.actor.label,
      idempotencyKey: event.idempotencyKey ?? null,
      hash,
    });
  }

  private async nextReference(manager: EntityManager, regime: string, receivedOn: string): Promise<string> {
    const prefix = PREFIX[regime] ?? regime.toUpperCase();
    const year = Number(receivedOn.slice(0, 4));
    const [{ last }] = await manager.query(
      `INSERT INTO reference_counter (prefix, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (prefix, year) DO UPDATE SET last = reference_counter.last + 1 RETURNING last`,
      [prefix, year],
    );
    return `${prefix}-${year}-${String(last).padStart(6, '0')}`;
  }

  /** Runs the pure workflow code, turning its refusals into domain errors with stable codes. */
  private run<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof WorkflowError) throw workflowRefusal(error);
      throw error;
    }
  }
}

export function workflowRefusal(error: WorkflowError): DomainError {
  return asDomainError(error) as DomainError;
}
