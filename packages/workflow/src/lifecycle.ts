import type { CalendarOptions, IsoDate } from '@recordflow/calendar';
import { canonicalJson, sha256Hex } from './canonical';
import type { CaseContext } from './context';
import { refreshDeadlines } from './registry';
import type { InputDefinition, WorkflowDefinition } from './schema';
import { type CaseSnapshot, describeState, type StepResult, transitionEffects, WorkflowError } from './step';

/** Registration details corrected (subject, received date, requester, channel); old → new in the payload. */
export const CASE_CORRECTED = 'CASE_CORRECTED';
/** A closed case reopened by an administrator or officer, with a reason (not a workflow reopenOn event). */
export const CASE_REOPENED = 'CASE_REOPENED';
/** A case registered in error: it leaves the lists and statistics, its history stays. */
export const CASE_VOIDED = 'CASE_VOIDED';
/** A running case moved to another version of its workflow; this event is the first on the new version. */
export const CASE_MIGRATED = 'CASE_MIGRATED';
/** The requester's personal data was erased from the case (retention rule or request). */
export const CASE_ANONYMISED = 'CASE_ANONYMISED';

/** Input types whose values are free text a person typed, so may hold personal data: hashed as commitments. */
export const FREE_TEXT_INPUT_TYPES: readonly InputDefinition['type'][] = [
  'text',
  'longText',
  'questionAnswers',
  'sections',
];

/** What replay sees in place of an erased value: a value of the same shape that says so. */
export const ERASED_TEXT = '[erased]';

/** A payload field whose value was erased: the commitment it was hashed as (null for events hashed with the text). */
export interface ErasedValue {
  $erased: string | null;
}

export const isErased = (value: unknown): value is ErasedValue =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && '$erased' in value;

/** The salted hash of one payload field: what the event's hash covers instead of the field's text. */
export function commitment(salt: string, field: string, value: unknown): string {
  return sha256Hex(`${salt}\u0000${field}\u0000${canonicalJson(value)}`);
}

/**
 * The payload as the hash covers it: each private field replaced by its commitment (an erased field
 * keeps the commitment it was hashed as), so erasing the text leaves the hash as it was.
 */
export function committedPayload(
  payload: unknown,
  privateFields: readonly string[],
  salt: string | null | undefined,
): unknown {
  if (privateFields.length === 0 || typeof payload !== 'object' || payload === null) return payload;
  const out: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  for (const field of privateFields) {
    if (!(field in out)) continue;
    const value = out[field];
    // Without the salt (erased) or a marker, the field cannot be committed: the hash will not match.
    out[field] = {
      $commitment: isErased(value) ? value.$erased : salt ? commitment(salt, field, value) : null,
    };
  }
  return out;
}

/** The payload with its private fields erased: each replaced by its commitment (or null when hashed as text). */
export function erasePayload(
  payload: Record<string, unknown>,
  fields: readonly string[],
  salt: string | null,
  committed: boolean,
): Record<string, unknown> {
  const out = { ...payload };
  for (const field of fields) {
    if (!(field in out) || isErased(out[field])) continue;
    out[field] = {
      $erased: committed && salt ? commitment(salt, field, out[field]) : null,
    } satisfies ErasedValue;
  }
  return out;
}

/** The inputs an event takes in a definition (any stage's transition for it). */
function inputsOf(definition: WorkflowDefinition, eventType: string): readonly InputDefinition[] {
  for (const stage of definition.stages) {
    const transition = stage.transitions.find((t) => t.event === eventType);
    if (transition) return transition.inputs;
  }
  return [];
}

/** The inputs an event's guards compare with a fixed value (`input.equals`): machine values, never personal. */
function comparedFields(definition: WorkflowDefinition, eventType: string): Set<string> {
  const fields = new Set<string>();
  const walk = (guard: unknown): void => {
    if (typeof guard !== 'object' || guard === null) return;
    const { name, params } = guard as { name?: string; params?: Record<string, unknown> };
    if (name === 'input.equals' && typeof params?.field === 'string') fields.add(params.field);
    if (Array.isArray(params?.guards)) params.guards.forEach(walk);
    walk(params?.guard);
  };
  for (const stage of definition.stages)
    for (const transition of stage.transitions) if (transition.event === eventType) walk(transition.guard);
  return fields;
}

/** The payload fields of a workflow event that hold free text (committed rather than hashed as text). */
export function privateFieldsOf(
  definition: WorkflowDefinition,
  eventType: string,
  payload: Record<string, unknown>,
): string[] {
  const compared = comparedFields(definition, eventType);
  return inputsOf(definition, eventType)
    .filter(
      (input) =>
        FREE_TEXT_INPUT_TYPES.includes(input.type) && input.name in payload && !compared.has(input.name),
    )
    .map((input) => input.name);
}

function placeholder(type: InputDefinition['type'] | undefined): unknown {
  if (type === 'questionAnswers') return [{ question: ERASED_TEXT, answer: ERASED_TEXT }];
  if (type === 'sections') return [{ title: ERASED_TEXT, text: ERASED_TEXT }];
  return ERASED_TEXT;
}

/** The payload replay steps with: erased fields become placeholders of their input's shape. */
export function replayablePayload(
  definition: WorkflowDefinition,
  eventType: string,
  payload: unknown,
): Record<string, unknown> {
  const fields = (payload ?? {}) as Record<string, unknown>;
  if (!Object.values(fields).some(isErased)) return fields;
  const inputs = inputsOf(definition, eventType);
  return Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [
      name,
      isErased(value) ? placeholder(inputs.find((i) => i.name === name)?.type) : value,
    ]),
  );
}

/**
 * The case with a corrected date of receipt: the clock's first start moves to it and every deadline
 * is counted again from it (the date of receipt is day 0). Refused when an event of the clock falls
 * before the new date.
 */
export function correctReceivedOn(
  snapshot: CaseSnapshot,
  receivedOn: IsoDate,
  calendar: CalendarOptions,
): StepResult {
  const context = snapshot.context;
  const old = context.receivedOn;
  let moved = false;
  const events = context.clock.events.map((event) => {
    if (!moved && event.type === 'start' && event.date === old) {
      moved = true;
      return { ...event, date: receivedOn };
    }
    return event;
  });
  const later = events.find((e, i) => i > 0 && e.date < receivedOn);
  if (later) {
    throw new WorkflowError(
      'VALIDATION_FAILED',
      `The received date cannot move to ${receivedOn}: the case's clock has a ${later.type} on ${later.date}, before it.`,
      undefined,
      [{ field: 'input.receivedOn', message: `after the clock's ${later.type} on ${later.date}` }],
    );
  }
  const deadlines = Object.fromEntries(
    Object.entries(context.deadlines).map(([name, entry]) => [
      name,
      entry.basis?.from === old ? { ...entry, basis: { ...entry.basis, from: receivedOn } } : entry,
    ]),
  );
  const next: CaseContext = refreshDeadlines(
    { ...context, receivedOn, clock: { ...context.clock, events }, deadlines },
    { calendar },
  );
  const after: CaseSnapshot = { ...snapshot, context: next };
  return { snapshot: after, effects: transitionEffects(snapshot, after) };
}

/** A closed case back where it stood before it closed, its deadlines counted with today's calendar. */
export function reopenedSnapshot(
  closed: CaseSnapshot,
  beforeClosure: CaseSnapshot,
  calendar: CalendarOptions,
  at: IsoDate,
): StepResult {
  const after: CaseSnapshot = {
    value: beforeClosure.value,
    status: 'active',
    context: refreshDeadlines({ ...beforeClosure.context, now: at }, { calendar }),
  };
  return { snapshot: after, effects: transitionEffects(closed, after) };
}

/** An old stage/step mapped onto the new version: "stage" or "stage.step" keys, defaults to the same ids. */
export type StateMapping = Readonly<Record<string, string>>;

export interface MigrationPlan {
  from: { stage: string; step: string };
  to: { stage: string; step: string };
  /** Why the case cannot move; empty when it can. */
  problems: string[];
}

/** Where a running case would land on the target version, and what stops it moving there. */
export function planMigration(
  from: WorkflowDefinition,
  to: WorkflowDefinition,
  snapshot: CaseSnapshot,
  mapping: StateMapping,
): MigrationPlan {
  const state = describeState(from, snapshot);
  const origin = { stage: state.stage, step: state.step };
  const problems: string[] = [];
  if (state.final) return { from: origin, to: origin, problems: ['the case is closed'] };
  const mappedStep = mapping[`${state.stage}.${state.step}`];
  const mappedStage = mapping[state.stage];
  const [stageId, stepId] = mappedStep?.includes('.')
    ? (mappedStep.split('.', 2) as [string, string])
    : [mappedStage ?? state.stage, mappedStep ?? state.step];
  const target = { stage: stageId, step: stepId };
  if (from.regime !== to.regime)
    problems.push(`the new version is for ${to.regime}, the case is ${from.regime}`);
  const stage = to.stages.find((s) => s.id === stageId);
  if (!stage) {
    problems.push(`stage "${state.stage}" has no counterpart: the new version has no stage "${stageId}"`);
    return { from: origin, to: target, problems };
  }
  if (stage.final) problems.push(`stage "${stageId}" is final in the new version`);
  if (!stage.steps.some((s) => s.id === stepId)) {
    problems.push(
      `step "${state.stage}.${state.step}" has no counterpart: stage "${stageId}" has no step "${stepId}"`,
    );
    return { from: origin, to: target, problems };
  }
  // Each pending timer must still be answered where the case lands, or it would fire into nothing.
  const handled = new Set(
    stage.transitions.filter((t) => t.from === stepId || t.from === '*').map((t) => t.event),
  );
  for (const [name, timer] of Object.entries(snapshot.context.timers)) {
    if (timer.fireOn && !handled.has(timer.event)) {
      problems.push(
        `timer "${name}" would send ${timer.event}, which step "${stageId}.${stepId}" does not accept in the new version`,
      );
    }
    if ('deadline' in timer.basis && !snapshot.context.deadlines[timer.basis.deadline]) {
      problems.push(
        `timer "${name}" follows deadline "${timer.basis.deadline}", which the case no longer has`,
      );
    }
  }
  return { from: origin, to: target, problems };
}

/** The snapshot moved to the new version's stage and step; its clock, deadlines, timers and record kept. */
export function migratedSnapshot(snapshot: CaseSnapshot, to: { stage: string; step: string }): CaseSnapshot {
  return { ...snapshot, value: { [to.stage]: to.step } };
}
