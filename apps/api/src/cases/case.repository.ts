import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GENESIS_HASH, hashEvent } from '@recordflow/workflow';
import { DataSource, type EntityManager, In } from 'typeorm';
import { notFound } from '../common/errors';
import { preparedQuery } from '../database/prepared';
import { CALENDAR_AS_OF_SQL, CALENDAR_COLUMNS, type CalendarAt, calendarFromJson } from './calendar-at';
import { Case } from './case.entity';
import { CaseEvent } from './case-event.entity';
import { Requester } from './requester.entity';

/** What a transition reads before it writes. */
export interface CaseRead {
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
  holidays: Parameters<typeof calendarFromJson>[0];
  calendar_setting: Parameters<typeof calendarFromJson>[1];
}

/** One event to append; the case row passed with it already stands as after it (its version is the event's). */
export interface NewEvent {
  type: string;
  payload: unknown;
  effectiveOn: string;
  actor: { id: string | null; label: string };
  calendar: CalendarAt;
  recordedAt: Date;
  stage: string;
  idempotencyKey?: string;
  /** The last event's hash when the read already fetched it. */
  prevHash?: string;
  /** Payload fields hashed as salted commitments (free text), and their salt. */
  privateFields?: string[];
  payloadSalt?: string | null;
  /** Timers to cancel and to arm by name (the workflow's effects). */
  cancel: string[];
  arm: { name: string; event: string; fire_on: string }[];
  /**
   * The statement is its own transaction (no caller's transaction around it): it then also checks
   * that the holidays and calendar settings are still those the step used.
   */
  commitsItself: boolean;
  /** A new case's first event: the case is inserted with it (see CaseRepository.register). */
  registration?: Registration;
}

/** What registering a case writes besides its row (whose regime and date received key its reference counter). */
export interface Registration {
  requester: { name: string | null; email: string | null; address: string | null } | null;
}

const isCaseId = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

/** Every SQL statement of the case engine: reads for a transition, the append, references, holidays. */
@Injectable()
export class CaseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The pool's manager: each statement on it is its own transaction. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * One case as its page shows it, with its team and requester, in one statement: NOT_FOUND when no case
   * has the id or its workflow is one of hiddenWorkflows (the access check, in the same read).
   */
  async getShown(id: string, hiddenWorkflows: readonly string[]): Promise<Case> {
    if (!isCaseId(id)) throw notFound('case', id);
    const query = this.manager
      .getRepository(Case)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.team', 'team')
      .leftJoinAndSelect('c.requester', 'requester')
      .where('c.id = :id', { id });
    if (hiddenWorkflows.length > 0)
      query.andWhere('c.workflow_id <> ALL(:hidden)', { hidden: [...hiddenWorkflows] });
    const found = await query.getOne();
    if (!found) throw notFound('case', id);
    return found;
  }

  async get(id: string, manager: EntityManager = this.manager): Promise<Case> {
    if (!isCaseId(id)) throw notFound('case', id);
    // No join: TypeORM turns a joined findOne into two queries, and the workflow version's number is cached anyway.
    const found = await manager.getRepository(Case).findOneBy({ id });
    if (!found) throw notFound('case', id);
    return found;
  }

  /** Requesters by id, for a page of cases at once. */
  requesters(ids: readonly string[]): Promise<Requester[]> {
    return this.dataSource.getRepository(Requester).findBy({ id: In([...ids]) });
  }

  event(manager: EntityManager, id: string): Promise<CaseEvent | null> {
    return manager.getRepository(CaseEvent).findOneBy({ id });
  }

  /**
   * The estimated hours recorded on the cases linked to this one as aggregated for s.12 (Fees
   * Regulations reg 5 / FOISA reg 7): they count towards this request's appropriate limit.
   */
  async aggregatedHours(manager: EntityManager, caseId: string): Promise<number> {
    const [row] = await manager.query(
      `SELECT COALESCE(SUM((c.snapshot->'context'->'record'->>'estimatedHours')::numeric), 0) AS hours
         FROM case_link l
         JOIN "case" c ON c.id = CASE WHEN l.case_id = $1 THEN l.other_case_id ELSE l.case_id END
        WHERE $1 IN (l.case_id, l.other_case_id) AND l.kind = 'aggregated-s12' AND l.removed_at IS NULL
          AND jsonb_typeof(c.snapshot->'context'->'record'->'estimatedHours') = 'number'`,
      [caseId],
    );
    return Number(row?.hours ?? 0);
  }

  openCaseIds(): Promise<string[]> {
    return this.dataSource
      .query(`SELECT id FROM "case" WHERE status = 'open'`)
      .then((rows: { id: string }[]) => rows.map((r) => r.id));
  }

  /** A workflow's published version (null without one) and the calendar as it stands, in one round trip. */
  async publishedVersionAndCalendar(
    manager: EntityManager,
    workflowId: string,
  ): Promise<{ versionId: string | null; calendar: CalendarAt }> {
    const [row] = await manager.query(
      `SELECT (SELECT id FROM workflow_version WHERE workflow_id = $1 AND status = 'published') AS version_id,
              ${CALENDAR_COLUMNS}`,
      [workflowId],
    );
    return { versionId: row.version_id, calendar: calendarFromJson(row.holidays, row.calendar_setting) };
  }

  /** Roles and state of a would-be assignee, and whether they are in the team (when one is named); null when there is no such user. */
  async assignee(
    manager: EntityManager,
    userId: string,
    teamId: string | null,
  ): Promise<{ roles: string[]; disabled: boolean; in_team: boolean } | null> {
    const [user] = await manager.query(
      `SELECT roles, disabled,
              EXISTS (SELECT 1 FROM user_team m WHERE m.user_id = u.id AND m.team_id = $2) AS in_team
         FROM "user" u WHERE id = $1`,
      [userId, teamId],
    );
    return user ?? null;
  }

  /** Whether a team exists. */
  async teamExists(manager: EntityManager, teamId: string): Promise<boolean> {
    const [team] = await manager.query('SELECT 1 FROM team WHERE id = $1', [teamId]);
    return Boolean(team);
  }

  /** Puts the case in a team's queue (or none), in the caller's transaction. */
  async setTeam(manager: EntityManager, caseId: string, teamId: string | null): Promise<void> {
    await manager.query('UPDATE "case" SET team_id = $2 WHERE id = $1', [caseId, teamId]);
  }

  /** Sets or clears a case's catching-up mark (its timers wait while it is set). */
  async setCatchingUp(manager: EntityManager, caseId: string, catchingUp: boolean): Promise<void> {
    await manager.query(`UPDATE "case" SET catching_up = $2 WHERE id = $1`, [caseId, catchingUp]);
  }

  /** The run-time holidays and calendar settings as they stand now, read inside the caller's transaction (the tables are tiny). */
  async calendar(manager: EntityManager = this.manager): Promise<CalendarAt> {
    const [row] = await manager.query(`SELECT ${CALENDAR_COLUMNS}`);
    return calendarFromJson(row.holidays, row.calendar_setting);
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
    if (!isCaseId(caseId)) throw notFound('case', caseId);
    const [found] = await preparedQuery<CaseReadRow>(
      manager,
      options.lock ? 'recordflow_lock_case' : 'recordflow_read_case',
      `SELECT c.id, c.reference, c.regime, c.workflow_id, c.workflow_version_id, c.subject, c.request_text, c.channel,
              to_char(c.received_on, 'YYYY-MM-DD') AS received_on, c.requester_id, c.status, c.stage, c.step, c.snapshot,
              c.version, to_char(c.due_on, 'YYYY-MM-DD') AS due_on, c.assignee_id, c.outcome, c.created_at, c.updated_at,
              c.closed_at, e.hash AS last_hash, k.id AS earlier_event_id, ${CALENDAR_COLUMNS}
         FROM "case" c
         LEFT JOIN case_event e ON e.case_id = c.id AND e.sequence = c.version
         LEFT JOIN case_event k ON k.case_id = c.id AND k.idempotency_key = $2
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
    return {
      row,
      prevHash: found.last_hash ?? undefined,
      calendar: calendarFromJson(found.holidays, found.calendar_setting),
      earlierEventId: found.earlier_event_id === null ? null : String(found.earlier_event_id),
    };
  }

  /** Locks the case row in the caller's transaction. */
  async lock(manager: EntityManager, caseId: string): Promise<Case> {
    if (!isCaseId(caseId)) throw notFound('case', caseId);
    const row = await manager
      .getRepository(Case)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :caseId', { caseId })
      .getOne();
    if (!row) throw notFound('case', caseId);
    return row;
  }

  /**
   * Appends the next event with its hash, stores the case row (already moved to the event's version)
   * and sets or cancels its timers: one statement, written only if the case is still at the version
   * before (always so under a lock). Null when another writer moved it first; nothing is written then.
   */
  async append(manager: EntityManager, row: Case, event: NewEvent): Promise<CaseEvent | null> {
    const sequence = row.version;
    const readVersion = sequence - 1;
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
    const { recordedAt } = event;
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
      stageAfter: event.stage,
      prevHash,
      privateFields: event.privateFields ?? [],
      payloadSalt: event.payloadSalt ?? null,
    };
    const hash = hashEvent(fields);
    if (event.registration)
      return this.register(manager, row, event, event.registration.requester, fields, hash);
    // A closed or voided case keeps no pending timer.
    const closing = row.status !== 'open';
    const [written] = await preparedQuery<{ id: string | null }>(
      manager,
      'recordflow_append_event',
      // The case row first: its version check (which waits for, then re-reads, a concurrent writer)
      // gates every other write. Timers are cancelled before new ones are armed under the same name.
      `WITH moved AS (
         UPDATE "case" SET snapshot = $15, version = $2, stage = $11, step = $16, due_on = $17, status = $18,
                           closed_at = $19, outcome = $20, assignee_id = $21, updated_at = now()
          WHERE id = $1::uuid AND version = $2::int - 1
            AND (NOT $26::boolean OR $10::timestamptz IS NOT DISTINCT FROM ${CALENDAR_AS_OF_SQL})
          RETURNING id
       ), event AS (
         INSERT INTO case_event (case_id, sequence, type, payload, actor_id, actor_label, recorded_at, effective_on,
                                 workflow_version_id, holidays_as_of, stage_after, idempotency_key, prev_hash, hash,
                                 private_fields, payload_salt)
         SELECT $1::uuid, $2::int, $3::text, $4::jsonb, $5::uuid, $6::text, $7::timestamptz, $8::date, $9::uuid,
                $10::timestamptz, $11::text, $12::text, $13::text, $14::text, $27::text[], $28::text
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
        event.stage,
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
        event.cancel,
        event.arm.map((t) => t.name),
        JSON.stringify(event.arm),
        event.commitsItself,
        fields.privateFields,
        fields.payloadSalt,
      ],
    );
    if (written?.id == null) return null;
    return this.eventOf(manager, String(written.id), event, fields, hash);
  }

  /** The event as stored, from what was written (nothing is read back). */
  private eventOf(
    manager: EntityManager,
    id: string,
    event: NewEvent,
    fields: Omit<Parameters<typeof hashEvent>[0], 'recordedAt'>,
    hash: string,
  ): CaseEvent {
    return manager.getRepository(CaseEvent).create({
      ...fields,
      id,
      recordedAt: event.recordedAt,
      holidaysAsOf: event.calendar.asOf,
      actorLabel: event.actor.label,
      idempotencyKey: event.idempotencyKey ?? null,
      hash,
      erasure: null,
    });
  }

  /**
   * A new case with its first event, in one statement: the reference counter's next number, the
   * requester, the case row (id chosen by the caller, so the event was hashed before) as the event
   * leaves it, the event and the timers it arms. The counter's row, which every registration of the
   * same prefix and year waits on, is locked for this one statement (or to the caller's commit).
   */
  private async register(
    manager: EntityManager,
    row: Case,
    event: NewEvent,
    requester: Registration['requester'],
    fields: Omit<Parameters<typeof hashEvent>[0], 'recordedAt'>,
    hash: string,
  ): Promise<CaseEvent> {
    // A counter per prefix and year received; the regime's name is its prefix (FOI, EIR, FOISA, EISR, SAR).
    const prefix = row.regime.toUpperCase();
    const year = Number(row.receivedOn.slice(0, 4));
    const [written] = await preparedQuery<{
      event_id: string;
      reference: string;
      requester_id: string | null;
      created_at: Date;
      updated_at: Date;
    }>(
      manager,
      'recordflow_register_case',
      `WITH counter AS (
         INSERT INTO reference_counter (prefix, year, last) VALUES ($2, $3, 1)
         ON CONFLICT (prefix, year) DO UPDATE SET last = reference_counter.last + 1 RETURNING last
       ), requester AS (
         INSERT INTO requester (name, email, address) SELECT $5, $6, $7 WHERE $4::boolean RETURNING id
       ), created AS (
         INSERT INTO "case" (id, reference, regime, workflow_id, workflow_version_id, subject, request_text, channel,
                             received_on, requester_id, status, stage, step, snapshot, version, due_on, assignee_id,
                             outcome, closed_at, catching_up)
         SELECT $1::uuid, $2 || '-' || $3 || '-' || lpad(last::text, greatest(6, length(last::text)), '0'), $8, $9,
                $10::uuid, $11, $12, $13, $14::date, (SELECT id FROM requester), $15, $16, $17, $18::jsonb, $19::int,
                $20::date, $21::uuid, $22, $23::timestamptz, $24::boolean
           FROM counter
         RETURNING id, reference, requester_id, created_at, updated_at
       ), event AS (
         INSERT INTO case_event (case_id, sequence, type, payload, actor_id, actor_label, recorded_at, effective_on,
                                 workflow_version_id, holidays_as_of, stage_after, idempotency_key, prev_hash, hash,
                                 private_fields, payload_salt)
         SELECT id, $19::int, $25, $26::jsonb, $27::uuid, $28, $29::timestamptz, $30::date, $10::uuid,
                $31::timestamptz, $32, $33, $34, $35, $36::text[], $37
           FROM created
         RETURNING id
       ), armed AS (
         INSERT INTO timer (case_id, name, event, fire_on, status)
         SELECT $1::uuid, t.name, t.event, t.fire_on, 'pending'
           FROM jsonb_to_recordset($38::jsonb) AS t(name text, event text, fire_on date)
          WHERE EXISTS (SELECT 1 FROM created) AND NOT $39::boolean
         RETURNING id
       )
       SELECT (SELECT id FROM event) AS event_id, c.reference, c.requester_id, c.created_at, c.updated_at
         FROM created c`,
      [
        row.id,
        prefix,
        year,
        requester !== null,
        requester?.name ?? null,
        requester?.email ?? null,
        requester?.address ?? null,
        row.regime,
        row.workflowId,
        row.workflowVersionId,
        row.subject,
        row.requestText,
        row.channel,
        row.receivedOn,
        row.status,
        row.stage,
        row.step,
        JSON.stringify(row.snapshot),
        row.version,
        row.dueOn,
        row.assigneeId,
        row.outcome,
        row.closedAt,
        row.catchingUp,
        event.type,
        JSON.stringify(event.payload),
        event.actor.id,
        event.actor.label,
        event.recordedAt,
        event.effectiveOn,
        event.calendar.asOf,
        event.stage,
        event.idempotencyKey ?? null,
        fields.prevHash,
        hash,
        fields.privateFields,
        fields.payloadSalt,
        JSON.stringify(event.arm),
        row.status !== 'open',
      ],
    );
    if (!written) throw new Error(`Case ${row.id} could not be registered`);
    row.reference = written.reference;
    row.requesterId = written.requester_id;
    row.createdAt = written.created_at;
    row.updatedAt = written.updated_at;
    return this.eventOf(manager, String(written.event_id), event, fields, hash);
  }

  /** A new case's row, not yet stored: register() stores it with its first event. */
  newCase(fields: Partial<Case>): Case {
    return this.manager.getRepository(Case).create(fields);
  }

  /** Registration details and the workflow version, which the append's statement leaves as they are (caller's transaction, case locked). */
  async updateRegistration(
    manager: EntityManager,
    caseId: string,
    columns: { subject: string; channel: string; receivedOn: string; workflowVersionId: string },
  ): Promise<void> {
    await manager.query(
      'UPDATE "case" SET subject = $2, channel = $3, received_on = $4, workflow_version_id = $5 WHERE id = $1',
      [caseId, columns.subject, columns.channel, columns.receivedOn, columns.workflowVersionId],
    );
  }
}
