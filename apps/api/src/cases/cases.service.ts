import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CalendarOptions } from '@recordflow/calendar';
import {
  allowedEvents,
  CASE_ASSIGNED,
  CASE_CAUGHT_UP,
  CASE_CREATED,
  type CaseSnapshot,
  DEADLINES_RECOMPUTED,
  DISCLOSURE_PUBLISHED,
  DISCLOSURE_WITHDRAWN,
  type Effect,
  initialSnapshot,
  LETTER_SENT,
  MAIL_SENT,
  privateFieldsOf,
  RECORD_ONLY_EVENTS,
  RESPONSE_SENT,
  recomputeDeadlines,
  step,
  type WorkflowDefinition,
} from '@recordflow/workflow';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { ukToday } from '../common/dates';
import { notFound, refusal } from '../common/errors';
import { asDomainError } from '../common/graphql-errors';
import { definitionOf, versionNumberOf } from '../workflows/workflows.service';
import type { CalendarAt } from './calendar-at';
import type { Case } from './case.entity';
import type { CaseRead, Registration } from './case.repository';
import { CaseRepository } from './case.repository';
import type { CaseEvent } from './case-event.entity';
import type { CreateCaseInput } from './dto/create-case.input';
import type { AssignCaseInput, SendCaseEventInput } from './dto/send-case-event.input';
import type { Requester } from './requester.entity';
import { dueDateOf, stateOf } from './snapshot-view';
import { NEEDS_LOCK, TransitionPolicy } from './transition-policy';

/** Who sends an event: a signed-in user (an officer, or the administrator whose holiday moved deadlines), or the system (timers). */
export interface EventActor {
  id: string | null;
  label: string;
  roles: string[];
  /** Restricted workflows whose cases this person may not see: such a case is refused as unknown, in the transition's own read. */
  hiddenWorkflows?: readonly string[];
}

export const SYSTEM_ACTOR: EventActor = { id: null, label: 'system', roles: ['system'] };

export const actorOf = (user: Actor): EventActor => ({
  id: user.id,
  label: `${user.name} <${user.email}>`,
  roles: user.roles,
});

/** An open case whose deadlines a calendar change would move. */
export interface DeadlinePreview {
  caseId: string;
  reference: string;
  changes: { name: string; label: string; from: string | null; to: string | null }[];
}

export interface EventResult {
  case: Case;
  event: CaseEvent;
  replayed: boolean;
}

/** What a command records: the event and the case's snapshot after it. */
interface Recorded {
  type: string;
  payload: unknown;
  effectiveOn: string;
  actor: EventActor;
  calendar: CalendarAt;
  snapshot: CaseSnapshot;
  definition: WorkflowDefinition;
  idempotencyKey?: string;
  prevHash?: string;
  effects?: readonly Effect[];
  commitsItself?: boolean;
  /** Payload fields to hash as commitments; by default the workflow's free-text inputs and the engine's text keys. */
  privateFields?: string[];
  /** A new case's first event: the case is stored with it. */
  registration?: Registration;
}

/** Free-text keys of the engine's own payloads (a reason, a summary, a file's name): hashed as commitments. */
const ENGINE_PRIVATE_KEYS = ['reason', 'summary', 'filename', 'subject', 'note'];

/** What a lifecycle command (correction, reopening, voiding, a move, an erasure) records on the locked case. */
export interface LifecycleChange {
  type: string;
  payload: Record<string, unknown>;
  /** The snapshot after it (default: unchanged). */
  snapshot?: CaseSnapshot;
  effects?: readonly Effect[];
  /** The definition the event is recorded on (a move names the new version). */
  definition?: WorkflowDefinition;
  workflowVersionId?: string;
  status?: Case['status'];
  subject?: string;
  channel?: string;
  receivedOn?: string;
  privateFields?: string[];
}

/** A case that has just closed (or been voided), handed to the modules that end their open work on it. */
export interface CaseClosing {
  caseId: string;
  /** Who closed it: the officer, or the system for a timer. */
  actor: EventActor;
  /** Why that work ends, in words: "The case was closed." */
  reason: string;
  /** Appends a record-only event to the case as `actor`, after the closing event; its sequence. */
  recordFact(type: string, payload: Record<string, unknown>): Promise<number>;
}

/** Work another module does in the transaction that closes a case, after the event that closed it. */
export type WhenClosed = (manager: EntityManager, closing: CaseClosing) => Promise<void>;

/** The case engine's commands: create, send, assign, record a letter sent, recompute deadlines. */
@Injectable()
export class CasesService {
  /** Registered by the modules built on the engine (tasks): the engine imports none of them. */
  private readonly whenClosedHooks: WhenClosed[] = [];

  constructor(
    private readonly cases: CaseRepository,
    private readonly policy: TransitionPolicy,
  ) {}

  /** Runs `hook` in the transaction of every closure and voiding, after the event that did it. */
  whenClosed(hook: WhenClosed): void {
    this.whenClosedHooks.push(hook);
  }

  get(id: string): Promise<Case> {
    return this.cases.get(id);
  }

  /** The case with its team and requester, refused as unknown when its workflow is hidden from the reader. */
  getShown(id: string, hiddenWorkflows: readonly string[]): Promise<Case> {
    return this.cases.getShown(id, hiddenWorkflows);
  }

  /** The parsed workflow a case runs on (cached per process: published versions never change). */
  definition(workflowVersionId: string): Promise<WorkflowDefinition> {
    return definitionOf(this.cases.manager, workflowVersionId);
  }

  /** The version number (1, 2 …) of a workflow version. */
  versionNumber(workflowVersionId: string): Promise<number> {
    return versionNumberOf(this.cases.manager, workflowVersionId);
  }

  /** Requesters by id, for a page of cases at once. */
  requesters(ids: readonly string[]): Promise<Requester[]> {
    return this.cases.requesters(ids);
  }

  calendarNow(manager?: EntityManager): Promise<CalendarAt> {
    return this.cases.calendar(manager);
  }

  /** Registers a request on its workflow's published version: the clock starts at the date of receipt. */
  create(user: Actor, input: CreateCaseInput): Promise<Case> {
    // No transaction: the one write is a single statement, which commits (and frees the reference counter) itself.
    return this.createWithin(this.cases.manager, user, input);
  }

  /** Registers a request inside the caller's transaction (an incoming e-mail confirmed as a case uses it too). */
  async createWithin(manager: EntityManager, user: Actor, input: CreateCaseInput): Promise<Case> {
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
    const { versionId, calendar } = await this.cases.publishedVersionAndCalendar(manager, input.workflowId);
    if (!versionId) {
      throw refusal('NOT_FOUND', `There is no published workflow "${input.workflowId}" to start a case on.`, {
        id: input.workflowId,
      });
    }
    const definition = await definitionOf(manager, versionId);
    checkValidRequest(definition.regime, input);
    const started = run(() =>
      initialSnapshot(definition, { receivedOn: input.receivedOn, calendar: calendar.options }),
    );
    const state = stateOf(definition, started.snapshot);
    // Stored with its first event (the reference, requester and timers too) in one statement.
    const row = this.cases.newCase({
      id: randomUUID(),
      reference: '',
      regime: definition.regime,
      workflowId: definition.id,
      workflowVersionId: versionId,
      subject: input.subject.trim(),
      requestText: input.requestText,
      channel: input.channel.trim(),
      receivedOn: input.receivedOn,
      requesterId: null,
      status: state.final ? 'closed' : 'open',
      stage: state.stage,
      step: state.step,
      snapshot: started.snapshot,
      version: 0,
      dueOn: dueDateOf(started.snapshot),
      assigneeId: null,
      outcome: null,
      closedAt: null,
      catchingUp: input.catchingUp === true,
    });
    // Personal data stays out of the chained payload: the requester is referenced by the case row only.
    const payload = {
      workflowId: definition.id,
      regime: definition.regime,
      receivedOn: input.receivedOn,
      channel: row.channel,
      ...(row.catchingUp ? { catchingUp: true } : {}),
    };
    const event = await this.record(manager, row, {
      type: CASE_CREATED,
      payload,
      effectiveOn: input.receivedOn,
      actor,
      calendar,
      snapshot: started.snapshot,
      definition,
      effects: started.effects,
      registration: {
        requester: input.requester
          ? {
              name: input.requester.name ?? null,
              email: input.requester.email ?? null,
              address: input.requester.address ?? null,
            }
          : null,
      },
    });
    if (!event) throw new Error(`Case ${row.id} could not be registered`);
    return row;
  }

  /**
   * One transition: check version and idempotency, step the workflow, append the hash-chained event,
   * store the snapshot, set or cancel timers (how it reaches the database: TransitionPolicy).
   */
  async send(actor: EventActor, input: SendCaseEventInput): Promise<EventResult> {
    this.refuseEngineEvents(input.type);
    return this.policy.run(input.caseId, input.idempotencyKey, (manager, read, commitsItself) =>
      this.transition(manager, actor, input, read, { commitsItself }),
    );
  }

  private refuseEngineEvents(type: string): void {
    if (
      type.startsWith('CASE_') ||
      type === DEADLINES_RECOMPUTED ||
      type === RESPONSE_SENT ||
      RECORD_ONLY_EVENTS.includes(type)
    ) {
      throw refusal('EVENT_NOT_ALLOWED', `"${type}" is recorded by Recordflow itself and cannot be sent.`);
    }
  }

  /**
   * The transition inside the caller's transaction, on the locked case (timers claim their row in the
   * same one: locking it again here costs nothing, and reads the hash, holidays and key with it).
   */
  sendWithin(
    manager: EntityManager,
    actor: EventActor,
    input: SendCaseEventInput,
    options: { today?: string } = {},
  ): Promise<EventResult> {
    return this.policy.runLocked(manager, input.caseId, input.idempotencyKey, (locked, read) =>
      this.transition(locked, actor, input, read, { today: options.today }),
    );
  }

  /** Checks and applies one event to the case as read; null when the case moved since (optimistic miss). */
  private async transition(
    manager: EntityManager,
    actor: EventActor,
    input: SendCaseEventInput,
    read: CaseRead,
    options: { today?: string; commitsItself?: boolean } = {},
  ): Promise<EventResult | null | typeof NEEDS_LOCK> {
    const { row, calendar } = read;
    if (actor.hiddenWorkflows?.includes(row.workflowId)) throw notFound('case', input.caseId);
    const today = options.today ?? ukToday();
    if (input.idempotencyKey) {
      const earlier = read.earlierEventId ? await this.cases.event(manager, read.earlierEventId) : null;
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
    const { definition, next, effectiveOn, payload } = await this.judge(manager, actor, input, read, today);
    const closes = row.status === 'open' && stateOf(definition, next.snapshot).final;
    // A closure cancels the case's open tasks in its own transaction: never the single-statement write.
    if (closes && options.commitsItself) return NEEDS_LOCK;
    const event = await this.record(manager, row, {
      type: input.type,
      payload,
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
    if (event && closes) await this.closed(manager, row, event, { actor, calendar, definition });
    return event ? { case: row, event, replayed: false } : null;
  }

  /** The checks of a transition and the pure step: the snapshot after the event, or the refusal thrown. */
  private async judge(
    manager: EntityManager,
    actor: EventActor,
    input: SendCaseEventInput,
    read: CaseRead,
    today: string,
  ) {
    const { row, calendar } = read;
    checkVersion(row, input.expectedVersion);
    if (row.status === 'void') throw voided(row);
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
    const definition = await definitionOf(manager, row.workflowVersionId);
    const payload = await this.withAggregatedHours(manager, row.id, definition, input);
    const next = run(() =>
      step(
        definition,
        row.snapshot as CaseSnapshot,
        { type: input.type, payload, at: effectiveOn },
        effectiveOn,
        { calendar: calendar.options, roles: actor.roles, actor: actor.id },
      ),
    );
    return { definition, next, effectiveOn, payload };
  }

  /**
   * An event whose transition declares the aggregatedHours input gets it from the case's links, never
   * from the officer: the hours of the requests aggregated with this one for s.12.
   */
  private async withAggregatedHours(
    manager: EntityManager,
    caseId: string,
    definition: WorkflowDefinition,
    input: SendCaseEventInput,
  ): Promise<Record<string, unknown>> {
    const payload = { ...(input.payload ?? {}) };
    delete payload.aggregatedHours;
    const declares = definition.stages.some((stage) =>
      stage.transitions.some(
        (t) => t.event === input.type && t.inputs.some((i) => i.name === 'aggregatedHours'),
      ),
    );
    if (!declares) return payload;
    const hours = await this.cases.aggregatedHours(manager, caseId);
    return hours > 0 ? { ...payload, aggregatedHours: hours } : payload;
  }

  /**
   * Recomputes the deadlines of every open case with the calendar as it now stands (a holiday was
   * added, removed or moved, or the nation changed); each case whose deadlines moved gets a DEADLINES_RECOMPUTED event naming the changes.
   */
  async recomputeOpenDeadlines(user: Actor): Promise<number> {
    let changed = 0;
    for (const id of await this.cases.openCaseIds()) {
      const moved = await this.cases.transaction(async (manager) => {
        const row = await this.cases.lock(manager, id);
        if (row.status !== 'open') return false;
        const definition = await definitionOf(manager, row.workflowVersionId);
        const calendar = await this.cases.calendar(manager);
        const result = recomputeDeadlines(definition, row.snapshot as CaseSnapshot, calendar.options);
        if (result.changes.length === 0) return false;
        await this.record(manager, row, {
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

  /**
   * What recomputeOpenDeadlines would change with these calendar options instead of the current ones:
   * each open case whose deadlines would move, with the moves. Nothing is written.
   */
  async previewOpenDeadlines(calendar: CalendarOptions): Promise<DeadlinePreview[]> {
    const rows: { id: string; reference: string; workflow_version_id: string; snapshot: CaseSnapshot }[] =
      await this.cases.manager.query(
        `SELECT id, reference, workflow_version_id, snapshot FROM "case" WHERE status = 'open' ORDER BY reference`,
      );
    const previews: DeadlinePreview[] = [];
    for (const row of rows) {
      const definition = await definitionOf(this.cases.manager, row.workflow_version_id);
      const { changes } = recomputeDeadlines(definition, row.snapshot, calendar);
      if (changes.length > 0) previews.push({ caseId: row.id, reference: row.reference, changes });
    }
    return previews;
  }

  /**
   * Records in the case's history that a letter went out, with its document's hash: inside the
   * caller's transaction (which holds the document), on the case locked. When the case waits for
   * that letter (its workflow accepts RESPONSE_SENT for it now), the response is sent too, on the
   * day the letter went: that is what stops the clock. Returns the LETTER_SENT event's sequence.
   */
  async recordLetterSent(
    manager: EntityManager,
    user: Actor,
    caseId: string,
    document: { id: string; template: string; format: string; sha256: string },
    sending: { channel: string; sentOn: string },
  ): Promise<number> {
    const sequence = await this.recordFact(
      manager,
      user,
      caseId,
      LETTER_SENT,
      {
        documentId: document.id,
        template: document.template,
        format: document.format,
        sha256: document.sha256,
        channel: sending.channel,
      },
      sending.sentOn,
    );
    const row = await this.cases.lock(manager, caseId);
    const definition = await definitionOf(manager, row.workflowVersionId);
    const waiting = allowedEvents(definition, row.snapshot as CaseSnapshot, ['system']).some(
      (e) => e.type === RESPONSE_SENT,
    );
    if (!waiting) return sequence;
    // Sent as the officer who sent the letter, with the engine's right to send it.
    const actor: EventActor = { ...actorOf(user), roles: ['system'] };
    try {
      await this.sendWithin(manager, actor, {
        caseId,
        type: RESPONSE_SENT,
        payload: { letter: document.template, channel: sending.channel },
        effectiveOn: sending.sentOn,
      });
    } catch (error) {
      // Another letter (not the one the workflow waits for): recorded as sent, the response still waits.
      if (asDomainError(error)?.code !== 'EVENT_NOT_ALLOWED') throw error;
    }
    return sequence;
  }

  /** The officer has recorded what already happened on a late-registered case: its timers run from now. */
  async finishCatchingUp(user: Actor, caseId: string, expectedVersion?: number | null): Promise<Case> {
    return this.cases.transaction(async (manager) => {
      const row = await this.cases.lock(manager, caseId);
      checkVersion(row, expectedVersion);
      if (!row.catchingUp) {
        throw refusal(
          'VALIDATION_FAILED',
          `Case ${row.reference} is not catching up; its timers already run.`,
          {
            fields: [{ field: 'caseId', message: 'not catching up' }],
          },
        );
      }
      await this.recordFact(manager, user, caseId, CASE_CAUGHT_UP, {});
      await this.cases.setCatchingUp(manager, caseId, false);
      return this.cases.lock(manager, caseId);
    });
  }

  /** Records that letters went out by e-mail (the payload: what, the SMTP server's word, the hashes). */
  recordMailSent(manager: EntityManager, user: Actor, caseId: string, payload: object): Promise<number> {
    return this.recordFact(manager, user, caseId, MAIL_SENT, payload as Record<string, unknown>);
  }

  /**
   * Appends an event that records a fact beside the workflow (a letter sent, a document added or
   * redacted, a bundle built) on the locked case, in the caller's transaction; the stage is unchanged.
   */
  async recordFact(
    manager: EntityManager,
    user: Actor | EventActor,
    caseId: string,
    type: string,
    payload: Record<string, unknown>,
    effectiveOn: string = ukToday(),
  ): Promise<number> {
    if (!RECORD_ONLY_EVENTS.includes(type)) throw new Error(`${type} is not a record-only event`);
    const { row, prevHash, calendar } = await this.cases.readForTransition(manager, caseId, { lock: true });
    if (row.status === 'void') throw voided(row);
    const definition = await definitionOf(manager, row.workflowVersionId);
    const event = await this.record(manager, row, {
      type,
      payload,
      effectiveOn,
      // The system (mail intake) records facts too: it comes as an EventActor already.
      actor: 'label' in user ? user : actorOf(user),
      calendar,
      snapshot: row.snapshot as CaseSnapshot,
      definition,
      prevHash,
    });
    if (!event) throw new Error(`Case ${row.reference} moved while locked`);
    return event.sequence;
  }

  /** The team of each case that has one. */
  async teamsOfCases(caseIds: readonly string[]): Promise<Map<string, { id: string; name: string }>> {
    const rows = await this.cases.manager.query<{ case_id: string; id: string; name: string }[]>(
      `SELECT c.id AS case_id, t.id, t.name FROM "case" c JOIN team t ON t.id = c.team_id WHERE c.id = ANY($1::uuid[])`,
      [[...caseIds]],
    );
    return new Map(rows.map((r) => [r.case_id, { id: r.id, name: r.name }]));
  }

  /** Publishing a response in the disclosure log, or withdrawing it: an event on the case, locked. */
  async recordDisclosure(
    user: Actor,
    caseId: string,
    type: typeof DISCLOSURE_PUBLISHED | typeof DISCLOSURE_WITHDRAWN,
    payload: Record<string, unknown>,
    check: (manager: EntityManager, row: Case) => Promise<Record<string, unknown> | undefined>,
  ): Promise<number> {
    return this.cases.transaction(async (manager) => {
      const { row, prevHash, calendar } = await this.cases.readForTransition(manager, caseId, { lock: true });
      // The check may add to the payload what it read under the lock (the published documents' hashes).
      const checked = await check(manager, row);
      const event = await this.record(manager, row, {
        type,
        payload: { ...payload, ...checked },
        effectiveOn: ukToday(),
        actor: actorOf(user),
        calendar,
        snapshot: row.snapshot as CaseSnapshot,
        definition: await definitionOf(manager, row.workflowVersionId),
        prevHash,
      });
      if (!event) throw new Error(`Case ${row.reference} moved while locked`);
      return event.sequence;
    });
  }

  /** Assignment is recorded in the history too, so every action on a case is attributable. */
  assign(user: Actor, input: AssignCaseInput): Promise<Case> {
    return this.cases.transaction((manager) => this.assignWithin(manager, user, input));
  }

  /** The assignment inside the caller's transaction (a bulk action's item), on the case locked. */
  async assignWithin(manager: EntityManager, user: Actor, input: AssignCaseInput): Promise<Case> {
    const row = await this.cases.lock(manager, input.caseId);
    checkVersion(row, input.expectedVersion);
    if (row.status === 'void') throw voided(row);
    const teamId = input.teamId ?? null;
    if (teamId && !(await this.cases.teamExists(manager, teamId))) throw notFound('team', teamId);
    if (input.assigneeId) {
      const assignee = await this.cases.assignee(manager, input.assigneeId, teamId);
      if (!assignee || assignee.disabled) throw notFound('user', input.assigneeId);
      if (!assignee.roles.includes('officer')) {
        throw refusal('VALIDATION_FAILED', 'Cases can only be assigned to officers.', {
          fields: [{ field: 'assigneeId', message: 'not an officer' }],
        });
      }
      if (teamId && !assignee.in_team) {
        throw refusal('VALIDATION_FAILED', 'The assignee is not a member of that team.', {
          fields: [{ field: 'assigneeId', message: 'not a member of the team' }],
        });
      }
    }
    row.assigneeId = input.assigneeId ?? null;
    row.teamId = teamId;
    await this.cases.setTeam(manager, row.id, teamId);
    const definition = await definitionOf(manager, row.workflowVersionId);
    await this.record(manager, row, {
      type: CASE_ASSIGNED,
      payload: { assigneeId: row.assigneeId, teamId },
      effectiveOn: ukToday(),
      actor: actorOf(user),
      calendar: await this.cases.calendar(manager),
      snapshot: row.snapshot as CaseSnapshot,
      definition,
    });
    return row;
  }

  /**
   * Whether the event would be accepted now, judged as send() judges it (version, dates, the pure step
   * with the actor's roles) on the case as it stands; nothing is written. The stage and step it would
   * reach, or the refusal thrown.
   */
  async previewEvent(
    actor: EventActor,
    input: SendCaseEventInput,
  ): Promise<{ stage: string; stageLabel: string }> {
    this.refuseEngineEvents(input.type);
    const read = await this.cases.readForTransition(this.cases.manager, input.caseId, { lock: false });
    const { definition, next } = await this.judge(this.cases.manager, actor, input, read, ukToday());
    const state = stateOf(definition, next.snapshot);
    return { stage: state.stage, stageLabel: state.stageLabel };
  }

  /**
   * A lifecycle command in its own transaction on the locked case: `build` decides what to record
   * from the case as it stands; the event goes through the same append as every other.
   */
  async recordLifecycle(
    user: Actor,
    caseId: string,
    expectedVersion: number | null | undefined,
    build: (
      manager: EntityManager,
      row: Case,
      read: { definition: WorkflowDefinition; calendar: CalendarAt; prevHash: string | undefined },
    ) => Promise<LifecycleChange>,
  ): Promise<{ case: Case; event: CaseEvent }> {
    return this.cases.transaction(async (manager) => {
      const { row, prevHash, calendar } = await this.cases.readForTransition(manager, caseId, { lock: true });
      checkVersion(row, expectedVersion);
      const wasOpen = row.status === 'open';
      const definition = await definitionOf(manager, row.workflowVersionId);
      const change = await build(manager, row, { definition, calendar, prevHash }).catch((error: unknown) => {
        throw asDomainError(error) ?? error;
      });
      row.workflowVersionId = change.workflowVersionId ?? row.workflowVersionId;
      row.status = change.status ?? row.status;
      row.subject = change.subject ?? row.subject;
      row.channel = change.channel ?? row.channel;
      row.receivedOn = change.receivedOn ?? row.receivedOn;
      const event = await this.record(manager, row, {
        type: change.type,
        payload: change.payload,
        effectiveOn: ukToday(),
        actor: actorOf(user),
        calendar,
        snapshot: change.snapshot ?? (row.snapshot as CaseSnapshot),
        definition: change.definition ?? definition,
        prevHash,
        effects: change.effects,
        privateFields: change.privateFields,
      });
      if (!event) throw new Error(`Case ${row.reference} moved while locked`);
      // Voided, or moved onto a closed stage: its open work ends with it.
      if (wasOpen && row.status !== 'open')
        await this.closed(manager, row, event, {
          actor: actorOf(user),
          calendar,
          definition: change.definition ?? definition,
        });
      await this.cases.updateRegistration(manager, row.id, row);
      return { case: row, event };
    });
  }

  /**
   * After the event that closed or voided the case (in its transaction, the case locked): each module
   * registered with whenClosed ends its open work, recording what it did after that event.
   */
  private async closed(
    manager: EntityManager,
    row: Case,
    closedBy: CaseEvent,
    on: { actor: EventActor; calendar: CalendarAt; definition: WorkflowDefinition },
  ): Promise<void> {
    let prevHash = closedBy.hash;
    // Never dated before the closure (a timer fires on its own day), nor before today (a late closure recorded now).
    const effectiveOn = [closedBy.effectiveOn, ukToday()].sort()[1] as string;
    const closing: CaseClosing = {
      caseId: row.id,
      actor: on.actor,
      reason: row.status === 'void' ? 'The case was voided.' : 'The case was closed.',
      recordFact: async (type, payload) => {
        if (!RECORD_ONLY_EVENTS.includes(type)) throw new Error(`${type} is not a record-only event`);
        const event = await this.record(manager, row, {
          type,
          payload,
          effectiveOn,
          actor: on.actor,
          calendar: on.calendar,
          snapshot: row.snapshot as CaseSnapshot,
          definition: on.definition,
          prevHash,
        });
        if (!event) throw new Error(`Case ${row.reference} moved while locked`);
        prevHash = event.hash;
        return event.sequence;
      },
    };
    for (const hook of this.whenClosedHooks) await hook(manager, closing);
  }

  /** Moves the row to the event's version and snapshot, then appends; null on an optimistic miss. */
  private record(manager: EntityManager, row: Case, event: Recorded): Promise<CaseEvent | null> {
    const state = stateOf(event.definition, event.snapshot);
    const recordedAt = new Date();
    row.snapshot = event.snapshot;
    row.version = row.version + 1;
    row.stage = state.stage;
    row.step = state.step;
    row.dueOn = state.final ? null : dueDateOf(event.snapshot);
    if (state.final && row.status === 'open') {
      row.status = 'closed';
      row.closedAt = recordedAt;
      row.outcome = state.outcome ?? null;
    }
    // A late review request or complaint (the workflow's reopenOn) reopened a closed case; its history keeps the closure.
    if (!state.final && row.status === 'closed') {
      row.status = 'open';
      row.closedAt = null;
      row.outcome = null;
    }
    const effects = event.effects ?? [];
    const payload = (event.payload ?? {}) as Record<string, unknown>;
    const privateFields =
      event.privateFields ??
      [
        ...privateFieldsOf(event.definition, event.type, payload),
        ...ENGINE_PRIVATE_KEYS.filter((key) => typeof payload[key] === 'string'),
      ].filter((key, i, all) => all.indexOf(key) === i);
    return this.policy.append(manager, row, {
      privateFields,
      payloadSalt: privateFields.length > 0 ? randomBytes(32).toString('hex') : null,
      type: event.type,
      payload: event.payload,
      effectiveOn: event.effectiveOn,
      actor: event.actor,
      calendar: event.calendar,
      recordedAt,
      stage: state.stage,
      idempotencyKey: event.idempotencyKey,
      prevHash: event.prevHash,
      cancel: effects.flatMap((e) => (e.type === 'timer.cancel' ? [e.name] : [])),
      arm: effects.flatMap((e) =>
        e.type === 'timer.set' ? [{ name: e.name, event: e.event, fire_on: e.fireOn }] : [],
      ),
      commitsItself: event.commitsItself === true,
      registration: event.registration,
    });
  }
}

function voided(row: Case) {
  return refusal(
    'EVENT_NOT_ALLOWED',
    `Case ${row.reference} was voided (registered in error); it takes no more events.`,
    {
      allowed: [],
    },
  );
}

/** Regimes whose requests must give a name and an address for correspondence (FOIA s.8, FOISA s.8, EIR/EISR as the authority's practice). */
const NEEDS_NAME_AND_ADDRESS = ['foi', 'foisa', 'eir', 'eisr'];

/** A valid request: a name and somewhere to send the answer, e-mail or post. */
function checkValidRequest(regime: string, input: CreateCaseInput): void {
  const problems: { field: string; message: string }[] = [];
  const email = input.requester?.email?.trim() ?? '';
  if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    problems.push({ field: 'requester.email', message: 'This is not an e-mail address.' });
  if (NEEDS_NAME_AND_ADDRESS.includes(regime)) {
    if ((input.requester?.name?.trim() ?? '') === '')
      problems.push({ field: 'requester.name', message: "A valid request gives the requester's name." });
    if (email === '' && (input.requester?.address?.trim() ?? '') === '')
      problems.push({
        field: 'requester',
        message: 'A valid request gives an address for correspondence: an e-mail or a postal address.',
      });
  }
  if (problems.length > 0) {
    throw refusal('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join(' '), {
      fields: problems,
    });
  }
}

function checkVersion(row: Case, expectedVersion: number | null | undefined): void {
  if (expectedVersion != null && expectedVersion !== row.version) {
    throw refusal(
      'VERSION_CONFLICT',
      `Someone else changed case ${row.reference} (it is now at version ${row.version}, you expected ${expectedVersion}). Reload it and try again.`,
      { currentVersion: row.version },
    );
  }
}

/** Runs the pure workflow code, turning its refusals into domain errors with stable codes. */
function run<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw asDomainError(error) ?? error;
  }
}
