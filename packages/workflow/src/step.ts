import { type CalendarOptions, describeRegime, type IsoDate } from '@recordflow/calendar';
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { compileWorkflow, initialState, nextState, runActions, withRuntime } from './compile';
import type { CaseContext, StepRuntime } from './context';
import { checkPayload, payloadJsonSchema } from './inputs';
import { GUARDS, type GuardSpec, refreshDeadlines } from './registry';
import type {
  InputDefinition,
  Reference,
  ReopenDefinition,
  RoleName,
  StageDefinition,
  TransitionDefinition,
  WorkflowDefinition,
} from './schema';

/** A case's workflow state as stored (jsonb) and replayed: plain JSON. */
export interface CaseSnapshot {
  /** XState's state value: { stage: step }, or the final stage's id. */
  value: string | Record<string, string>;
  context: CaseContext;
  /** 'done' once the case reached a final stage. */
  status: 'active' | 'done';
}

export type Effect =
  | { type: 'timer.set'; name: string; fireOn: IsoDate; event: string }
  | { type: 'timer.cancel'; name: string }
  | { type: 'letter.queue'; template: string }
  | { type: 'deadline.changed'; name: string; label: string; due: IsoDate | null; previous: IsoDate | null }
  | { type: 'case.closed'; outcome: string | null };

export interface StepResult {
  snapshot: CaseSnapshot;
  effects: Effect[];
}

export type WorkflowErrorCode = 'EVENT_NOT_ALLOWED' | 'VALIDATION_FAILED' | 'FORBIDDEN';

/** A refusal of an event, with a stable code and what the caller needs to correct it. */
export class WorkflowError extends Error {
  override name = 'WorkflowError';
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
    readonly allowed?: string[],
    readonly fields?: { field: string; message: string }[],
  ) {
    super(message);
  }
}

export interface CaseEventInput {
  type: string;
  payload?: Record<string, unknown>;
  /** The day it took effect in law; defaults to `now`. */
  at?: IsoDate;
}

export interface StepOptions {
  calendar?: CalendarOptions;
  /** The sender's roles; when given, an event none of them may send is FORBIDDEN. */
  roles?: readonly string[];
  /** The sender's user id (null: the system), for guards such as actor.notDrafter. */
  actor?: string | null;
}

const toIso = (now: IsoDate | Date): IsoDate =>
  typeof now === 'string' ? now : now.toISOString().slice(0, 10);

export interface StateDescription {
  stage: string;
  stageLabel: string;
  step: string;
  stepLabel: string;
  final: boolean;
}

function stageOf(definition: WorkflowDefinition, id: string): StageDefinition {
  const stage = definition.stages.find((s) => s.id === id);
  if (!stage)
    throw new Error(`The snapshot names stage "${id}", which definition "${definition.id}" does not have.`);
  return stage;
}

/** Where the case stands, in the definition's own words. */
export function describeState(definition: WorkflowDefinition, snapshot: CaseSnapshot): StateDescription {
  const [stageId, stepId] =
    typeof snapshot.value === 'string'
      ? [snapshot.value, snapshot.value]
      : (Object.entries(snapshot.value)[0] ?? ['', '']);
  const stage = stageOf(definition, stageId);
  const step = stage.steps.find((s) => s.id === stepId);
  return {
    stage: stage.id,
    stageLabel: stage.label,
    step: step?.id ?? stage.id,
    stepLabel: step?.label ?? stage.label,
    final: snapshot.status === 'done' || stage.final,
  };
}

function candidates(definition: WorkflowDefinition, snapshot: CaseSnapshot): TransitionDefinition[] {
  if (snapshot.status === 'done') return [];
  const state = describeState(definition, snapshot);
  return stageOf(definition, state.stage).transitions.filter((t) => t.from === state.step || t.from === '*');
}

export interface AllowedEvent {
  type: string;
  label: string;
  roles: RoleName[];
  inputs: InputDefinition[];
  inputSchema: Readonly<Record<string, unknown>>;
}

/**
 * The events the case accepts now, with their inputs. Events only the system sends (timers) are left
 * out unless `roles` includes "system".
 */
export function allowedEvents(
  definition: WorkflowDefinition,
  snapshot: CaseSnapshot,
  roles?: readonly string[],
): AllowedEvent[] {
  const offered: { transition: TransitionDefinition; label: string }[] =
    snapshot.status === 'done'
      ? openReopenRoutes(definition, snapshot).flatMap((route) =>
          handlersOf(definition, route).map((t) => ({ transition: t, label: route.label ?? t.label })),
        )
      : candidates(definition, snapshot).map((t) => ({ transition: t, label: t.label }));
  const byType = new Map<string, AllowedEvent>();
  for (const { transition: t, label } of offered) {
    const senders = roles ? t.roles.filter((r) => roles.includes(r)) : t.roles.filter((r) => r !== 'system');
    if (senders.length === 0) continue;
    const known = byType.get(t.event);
    if (known) {
      known.roles = [...new Set([...known.roles, ...t.roles])];
      continue;
    }
    byType.set(t.event, {
      type: t.event,
      label,
      roles: [...t.roles],
      inputs: t.inputs,
      inputSchema: payloadJsonSchema(t.inputs, definition.regime),
    });
  }
  return [...byType.values()];
}

/** The transitions of a reopen route's stage, from its first step, that handle the route's event. */
function handlersOf(definition: WorkflowDefinition, route: ReopenDefinition): TransitionDefinition[] {
  const stage = definition.stages.find((s) => s.id === route.to);
  if (!stage) return [];
  const first = firstStepOf(stage);
  return stage.transitions.filter((t) => t.event === route.event && (t.from === first || t.from === '*'));
}

const firstStepOf = (stage: StageDefinition) => stage.initialStep ?? stage.steps[0]?.id;

function guardPasses(reference: Reference | undefined, context: CaseContext, runtime: StepRuntime): boolean {
  if (!reference) return true;
  const spec = (GUARDS as unknown as Record<string, GuardSpec<unknown>>)[reference.name];
  if (!spec) throw new Error(`Unknown guard "${reference.name}": validate the definition before using it.`);
  return spec.test(context, spec.params.parse(reference.params ?? {}), runtime);
}

/** The reopen routes a closed case accepts as it stands (their guards test the case, not an event). */
function openReopenRoutes(definition: WorkflowDefinition, snapshot: CaseSnapshot): ReopenDefinition[] {
  const runtime: StepRuntime = { at: snapshot.context.now, calendar: {}, payload: {} };
  return (definition.reopenOn ?? []).filter((route) => guardPasses(route.guard, snapshot.context, runtime));
}

/**
 * A closed case re-entered at the route's stage (the route's actions, then the stage's onEntry),
 * ready for the stage to handle the event; the closing date no longer applies.
 */
function reenter(
  definition: WorkflowDefinition,
  snapshot: CaseSnapshot,
  route: ReopenDefinition,
  runtime: StepRuntime,
): CaseSnapshot {
  const stage = stageOf(definition, route.to);
  const { closedOn: _closedOn, ...record } = snapshot.context.record;
  const reopened = runActions(route.actions, { ...snapshot.context, record }, runtime);
  const context = runActions(stage.onEntry, reopened, runtime);
  return { value: { [stage.id]: firstStepOf(stage) as string }, context, status: 'active' };
}

/** Applies an event to a closed case through the definition's reopenOn routes. */
function reopen(
  definition: WorkflowDefinition,
  snapshot: CaseSnapshot,
  event: CaseEventInput,
  now: IsoDate | Date,
  options: StepOptions,
  checkInputs: boolean,
): CaseSnapshot {
  const at = event.at ?? toIso(now);
  const routes = (definition.reopenOn ?? []).filter((route) => route.event === event.type);
  const allowed = () => allowedEvents(definition, snapshot, options.roles).map((e) => e.type);
  const runtime: StepRuntime = {
    at,
    calendar: options.calendar ?? {},
    payload: event.payload ?? {},
    actor: options.actor ?? null,
  };
  const route = routes.find((r) => guardPasses(r.guard, snapshot.context, runtime));
  if (!route) {
    const reasons = explanations(routes, snapshot.context, runtime);
    throw new WorkflowError(
      'EVENT_NOT_ALLOWED',
      `"${event.type}" is not allowed: the case is closed${reasons.length > 0 ? ` and ${reasons.join(' ')}` : '.'} ${
        allowed().length > 0 ? `Allowed now: ${allowed().join(', ')}.` : 'No event is allowed now.'
      }`,
      allowed(),
    );
  }
  const entered = reenter(definition, snapshot, route, runtime);
  return advance(definition, entered, event, now, options, checkInputs);
}

function emptyContext(definition: WorkflowDefinition, receivedOn: IsoDate): CaseContext {
  return {
    regime: definition.regime,
    receivedOn,
    now: receivedOn,
    clock: { events: [], limit: describeRegime(definition.regime).defaultLimit, label: 'Response due' },
    deadlines: {},
    record: {},
    timers: {},
    letters: [],
  };
}

/**
 * The machine state each snapshot this module returned stands for, by machine: the next step() on that
 * very object (a replay, or the service's memory of a case) starts from it instead of resolving the
 * state from the plain snapshot again. The same state nodes, value and status, with the snapshot's own
 * context: what resolveState would give. Snapshots read from elsewhere are resolved as before.
 */
const resolved = new WeakMap<CaseSnapshot, { machine: AnyStateMachine; state: AnyMachineSnapshot }>();

function machineStateOf(machine: AnyStateMachine, snapshot: CaseSnapshot): AnyMachineSnapshot {
  const known = resolved.get(snapshot);
  if (
    known?.machine === machine &&
    known.state.context === snapshot.context &&
    known.state.value === snapshot.value
  )
    return known.state;
  return machine.resolveState({ value: snapshot.value, context: snapshot.context });
}

function persist(next: AnyMachineSnapshot, runtime: StepRuntime, machine: AnyStateMachine): CaseSnapshot {
  const context = refreshDeadlines({ ...next.context, now: runtime.at }, runtime);
  const snapshot: CaseSnapshot = {
    value: next.value as CaseSnapshot['value'],
    context,
    status: next.status === 'done' ? 'done' : 'active',
  };
  // Only an active state is kept: a closed case's next step goes through reopen(), which builds its own.
  if (snapshot.status === 'active') resolved.set(snapshot, { machine, state: { ...next, context } });
  return snapshot;
}

/** What the engine must do because the context changed: timers, letters, deadline moves, closure. */
export function transitionEffects(before: CaseSnapshot | null, after: CaseSnapshot): Effect[] {
  return effectsBetween(before, after);
}

function effectsBetween(before: CaseSnapshot | null, after: CaseSnapshot): Effect[] {
  const effects: Effect[] = [];
  const previous = before?.context;
  const next = after.context;
  for (const [name, timer] of Object.entries(next.timers)) {
    const old = previous?.timers[name];
    if (timer.fireOn && (old?.fireOn !== timer.fireOn || old.event !== timer.event)) {
      effects.push({ type: 'timer.set', name, fireOn: timer.fireOn, event: timer.event });
    }
  }
  for (const [name, timer] of Object.entries(previous?.timers ?? {})) {
    if (timer.fireOn && !next.timers[name]?.fireOn) effects.push({ type: 'timer.cancel', name });
  }
  for (const letter of next.letters.slice(previous?.letters.length ?? 0)) {
    effects.push({ type: 'letter.queue', template: letter.template });
  }
  const names = new Set([...Object.keys(previous?.deadlines ?? {}), ...Object.keys(next.deadlines)]);
  for (const name of names) {
    const was = previous?.deadlines[name]?.due ?? null;
    const now = next.deadlines[name]?.due ?? null;
    if (was !== now) {
      const label = next.deadlines[name]?.label ?? previous?.deadlines[name]?.label ?? name;
      effects.push({ type: 'deadline.changed', name, label, due: now, previous: was });
    }
  }
  if (after.status === 'done' && before?.status !== 'done') {
    effects.push({ type: 'case.closed', outcome: (next.record.outcome as string | undefined) ?? null });
  }
  return effects;
}

/** A new case on this definition: its initial stage entered, the clock started on the date of receipt. */
export function initialSnapshot(
  definition: WorkflowDefinition,
  options: { receivedOn: IsoDate; calendar?: CalendarOptions },
): StepResult {
  const runtime: StepRuntime = { at: options.receivedOn, calendar: options.calendar ?? {}, payload: {} };
  const machine = compileWorkflow(definition);
  const created = runActions(definition.onCreate, emptyContext(definition, options.receivedOn), runtime);
  const first = withRuntime(runtime, () => initialState(machine, { context: created }));
  const snapshot = persist(first, runtime, machine);
  return { snapshot, effects: effectsBetween(null, snapshot) };
}

/**
 * Applies one event: pure and deterministic (no clock, no I/O). A closed case accepts only its
 * definition's reopenOn events. Refuses with a WorkflowError an event the stage does not allow, one the sender's roles may not send, and a payload that does not fit.
 */
export function step(
  definition: WorkflowDefinition,
  snapshot: CaseSnapshot,
  event: CaseEventInput,
  now: IsoDate | Date,
  options: StepOptions = {},
): StepResult {
  const after = advance(definition, snapshot, event, now, options, true);
  return { snapshot: after, effects: effectsBetween(snapshot, after) };
}

/**
 * step() for a replay of a recorded event whose hash was checked: the same snapshot, without checking
 * the payload against the event's inputs again (the engine checked it before recording it, and the hash
 * shows it is what was recorded) and without working out effects (a replay schedules and sends nothing).
 * Every other refusal stands: an event the case does not allow, a guard that fails, a date out of order.
 */
export function replayStep(
  definition: WorkflowDefinition,
  snapshot: CaseSnapshot,
  event: CaseEventInput,
  now: IsoDate | Date,
  options: StepOptions = {},
): CaseSnapshot {
  return advance(definition, snapshot, event, now, options, false);
}

function advance(
  definition: WorkflowDefinition,
  snapshot: CaseSnapshot,
  event: CaseEventInput,
  now: IsoDate | Date,
  options: StepOptions,
  checkInputs: boolean,
): CaseSnapshot {
  if (snapshot.status === 'done') return reopen(definition, snapshot, event, now, options, checkInputs);
  const at = event.at ?? toIso(now);
  const state = describeState(definition, snapshot);
  const matching = candidates(definition, snapshot).filter((t) => t.event === event.type);
  if (matching.length === 0) {
    const allowed = allowedEvents(definition, snapshot, options.roles).map((e) => e.type);
    const where = state.final
      ? 'the case is closed'
      : `the case is at ${state.stageLabel} (${state.stepLabel})`;
    throw new WorkflowError(
      'EVENT_NOT_ALLOWED',
      `"${event.type}" is not allowed: ${where}. ${allowed.length > 0 ? `Allowed now: ${allowed.join(', ')}.` : 'No event is allowed now.'}`,
      allowed,
    );
  }
  if (options.roles && !matching.some((t) => t.roles.some((role) => options.roles?.includes(role)))) {
    const roles = [...new Set(matching.flatMap((t) => t.roles))];
    throw new WorkflowError('FORBIDDEN', `Only ${roles.join(' or ')} may send "${event.type}".`);
  }
  const inputs = (matching[0] as TransitionDefinition).inputs;
  const fields = checkInputs ? checkPayload(inputs, definition.regime, event.payload ?? {}) : [];
  if (fields.length > 0) {
    throw new WorkflowError(
      'VALIDATION_FAILED',
      `"${event.type}" needs valid inputs: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}.`,
      undefined,
      fields,
    );
  }
  if (at < snapshot.context.now) {
    throw new WorkflowError(
      'VALIDATION_FAILED',
      `The event's date ${at} is before the case's last event (${snapshot.context.now}); events are recorded in order.`,
      undefined,
      [{ field: 'at', message: `before ${snapshot.context.now}` }],
    );
  }
  const runtime: StepRuntime = {
    at,
    calendar: options.calendar ?? {},
    payload: event.payload ?? {},
    actor: options.actor ?? null,
  };
  const machine = compileWorkflow(definition);
  const current = machineStateOf(machine, snapshot);
  const next = withRuntime(runtime, () => nextState(machine, current, { type: event.type }));
  if (next === current) {
    const allowed = allowedEvents(definition, snapshot, options.roles).map((e) => e.type);
    const reasons = explanations(matching, snapshot.context, runtime);
    throw new WorkflowError(
      'EVENT_NOT_ALLOWED',
      reasons.length > 0
        ? `"${event.type}" is not allowed now: ${reasons.join(' ')}`
        : `"${event.type}" is not allowed now: its conditions are not met (${matching
            .map((t) => t.guard?.name)
            .filter(Boolean)
            .join(', ')}).`,
      allowed,
    );
  }
  return persist(next, runtime, machine);
}

/** What the refusing guards that can say why have to say, in the officer's terms. */
function explanations(
  transitions: readonly { guard?: Reference }[],
  context: CaseContext,
  runtime: StepRuntime,
): string[] {
  const guards = GUARDS as unknown as Record<string, GuardSpec<unknown>>;
  return transitions.flatMap((t) => {
    const spec = t.guard ? guards[t.guard.name] : undefined;
    if (!t.guard || !spec?.explain) return [];
    const params = spec.params.parse(t.guard.params ?? {});
    return spec.test(context, params, runtime) ? [] : [spec.explain(context, params, runtime)];
  });
}

/**
 * Why this user may not send an event the case offers, when a guard about the sender refuses it (the
 * drafter asking to approve their own response); null when nothing about the sender stands in the way.
 */
export function senderRefusal(
  definition: WorkflowDefinition,
  snapshot: CaseSnapshot,
  type: string,
  actor: string | null,
): string | null {
  const matching = candidates(definition, snapshot).filter((t) => t.event === type);
  const runtime: StepRuntime = { at: snapshot.context.now, calendar: {}, payload: {}, actor };
  const guards = GUARDS as unknown as Record<string, GuardSpec<unknown>>;
  const reasons: string[] = [];
  for (const t of matching) {
    const senderGuards = senderGuardsOf(t.guard);
    if (senderGuards.length === 0) return null;
    const refusing = senderGuards.filter((g) => {
      const spec = guards[g.name] as GuardSpec<unknown>;
      return !spec.test(snapshot.context, spec.params.parse(g.params ?? {}), runtime);
    });
    if (refusing.length === 0) return null;
    for (const g of refusing) {
      const spec = guards[g.name] as GuardSpec<unknown>;
      reasons.push(spec.explain?.(snapshot.context, spec.params.parse(g.params ?? {}), runtime) ?? g.name);
    }
  }
  return reasons.length > 0 ? [...new Set(reasons)].join(' ') : null;
}

/** The guards about the sender (actor.*) in a transition's guard, looking inside "all". */
function senderGuardsOf(reference: Reference | undefined): Reference[] {
  if (!reference) return [];
  if (reference.name === 'all') {
    const inner = (reference.params?.guards ?? []) as Reference[];
    return inner.flatMap(senderGuardsOf);
  }
  return reference.name.startsWith('actor.') ? [reference] : [];
}

/** Recomputes every deadline with a changed calendar (a holiday added); `changes` lists the ones that moved. */
export function recomputeDeadlines(
  _definition: WorkflowDefinition,
  snapshot: CaseSnapshot,
  calendar: CalendarOptions,
): StepResult & { changes: { name: string; label: string; from: IsoDate | null; to: IsoDate | null }[] } {
  const after: CaseSnapshot = { ...snapshot, context: refreshDeadlines(snapshot.context, { calendar }) };
  const effects = effectsBetween(snapshot, after);
  const changes = effects.flatMap((e) =>
    e.type === 'deadline.changed' ? [{ name: e.name, label: e.label, from: e.previous, to: e.due }] : [],
  );
  return { snapshot: after, effects, changes };
}
