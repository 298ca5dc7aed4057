import {
  appropriateLimitOf,
  type CalendarOptions,
  type ExtraHoliday,
  isSector,
  type Nation,
  type ReceiptRule,
} from '@recordflow/calendar';
import { canonicalJson, plainCanonicalJson, sameCanonicalJson, sha256Hex } from './canonical';
import {
  CASE_ANONYMISED,
  CASE_CORRECTED,
  CASE_MIGRATED,
  CASE_REOPENED,
  CASE_VOIDED,
  committedPayload,
  correctReceivedOn,
  isErased,
  migratedSnapshot,
  reopenedSnapshot,
  replayablePayload,
} from './lifecycle';
import type { WorkflowDefinition } from './schema';
import {
  type CaseSnapshot,
  describeState,
  initialSnapshot,
  recomputeDeadlines,
  replayStep,
  step,
} from './step';

/** The previous hash of a case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** Engine events recorded beside the workflow's own; their types are reserved. */
export const CASE_CREATED = 'CASE_CREATED';
export const CASE_ASSIGNED = 'CASE_ASSIGNED';
export const DEADLINES_RECOMPUTED = 'DEADLINES_RECOMPUTED';
/** A letter went out; its document's hash is in the payload. */
export const LETTER_SENT = 'LETTER_SENT';
/** An administrator published the response in the disclosure log, or withdrew it from there. */
export const DISCLOSURE_PUBLISHED = 'DISCLOSURE_PUBLISHED';
export const DISCLOSURE_WITHDRAWN = 'DISCLOSURE_WITHDRAWN';
/** Letters went out by e-mail; the SMTP server's acceptance and each attachment's hash are in the payload. */
export const MAIL_SENT = 'MAIL_SENT';
/** An e-mail arrived for the case (a request confirmed, or a reply threaded); its Message-ID and attachments' hashes are in the payload. */
export const MAIL_RECEIVED = 'MAIL_RECEIVED';
/** A file was attached to the case; its SHA-256 is in the payload. */
export const DOCUMENT_ADDED = 'DOCUMENT_ADDED';
/** A redacted version of a document was made; both hashes are in the payload. */
export const DOCUMENT_REDACTED = 'DOCUMENT_REDACTED';
/** The release bundle (letter and released documents in one PDF) was built; its SHA-256 is in the payload. */
export const RELEASE_BUNDLE_BUILT = 'RELEASE_BUNDLE_BUILT';
/** A task to a service area was raised, chased, answered or cancelled; texts are in the payload only as SHA-256. */
export const TASK_RAISED = 'TASK_RAISED';
export const TASK_CHASED = 'TASK_CHASED';
export const TASK_ANSWERED = 'TASK_ANSWERED';
export const TASK_CANCELLED = 'TASK_CANCELLED';
/** An internal note was added to the case; the payload has the SHA-256 of its text, never the text. */
export const NOTE_ADDED = 'NOTE_ADDED';
/** Two cases were linked (refined request, repeat, aggregated for s.12 …) or unlinked; both histories record it. */
export const CASE_LINKED = 'CASE_LINKED';
export const CASE_UNLINKED = 'CASE_UNLINKED';
/** An officer finished recording what had already happened on a late-registered case: its timers run from now. */
export const CASE_CAUGHT_UP = 'CASE_CAUGHT_UP';
/** Events that record a fact beside the workflow and leave its state as it was. */
export const RECORD_ONLY_EVENTS: readonly string[] = [
  TASK_RAISED,
  TASK_CHASED,
  TASK_ANSWERED,
  TASK_CANCELLED,
  NOTE_ADDED,
  CASE_ASSIGNED,
  CASE_CAUGHT_UP,
  LETTER_SENT,
  DOCUMENT_ADDED,
  DOCUMENT_REDACTED,
  RELEASE_BUNDLE_BUILT,
  MAIL_SENT,
  MAIL_RECEIVED,
  DISCLOSURE_PUBLISHED,
  DISCLOSURE_WITHDRAWN,
  CASE_LINKED,
  CASE_UNLINKED,
];

/** An event as recorded: everything its hash covers, and the hash. No requester personal data. */
export interface RecordedEvent {
  caseId: string;
  sequence: number;
  type: string;
  payload: unknown;
  actorId: string | null;
  /** ISO 8601 instant. */
  recordedAt: string;
  effectiveOn: string;
  workflowVersionId: string;
  /** ISO instant: run-time holidays created up to then were in the calendar. */
  holidaysAsOf: string | null;
  stageAfter: string;
  prevHash: string;
  hash: string;
  /**
   * The payload fields hashed as salted commitments rather than as text (free text that may hold
   * personal data), so erasing them leaves the hash as it was. Absent on events recorded before
   * commitments: their hash covers the text itself.
   */
  privateFields?: string[] | null;
  /** The salt of the commitments; removed with the text on erasure. Not hashed. */
  payloadSalt?: string | null;
  /** Set when private fields were erased: when, under which rule. Not hashed. */
  erasure?: EventErasure | null;
}

/** The record of an erasure on an event. */
export interface EventErasure {
  fields: string[];
  rule: string;
  erasedAt: string;
}

export type HashedFields = Omit<RecordedEvent, 'hash'>;

/** An erasure found while verifying: whether the event's hash could still be checked. */
export interface ErasureNote {
  sequence: number;
  rule: string;
  erasedAt: string;
  hashChecked: boolean;
}

/** A run-time holiday with the moment it was added, so replay can use the calendar of each event's time. */
export interface RecordedHoliday extends ExtraHoliday {
  createdAt: string;
}

/** The settings in force from `createdAt` on (the controller's nation, the sector, the receipt rule). */
export interface RecordedCalendarSetting {
  nation: Nation | null;
  /** central-government or other-public-authority (the s.12 appropriate limit); absent in older bundles. */
  sector?: string | null;
  receiptRule: ReceiptRule;
  createdAt: string;
}

/** SHA-256 over the RFC 8785 canonical JSON of the event's fields, chained by prevHash. */
export function hashEvent(event: HashedFields): string {
  const privateFields = event.privateFields ?? null;
  const fields: HashedFields = {
    actorId: event.actorId,
    caseId: event.caseId,
    effectiveOn: event.effectiveOn,
    holidaysAsOf: event.holidaysAsOf,
    payload: privateFields
      ? committedPayload(event.payload, privateFields, event.payloadSalt)
      : event.payload,
    prevHash: event.prevHash,
    // Only on events recorded with commitments, so the hashes of older events are unchanged.
    ...(privateFields ? { privateFields } : {}),
    recordedAt: event.recordedAt,
    sequence: event.sequence,
    stageAfter: event.stageAfter,
    type: event.type,
    workflowVersionId: event.workflowVersionId,
  };
  return sha256Hex(sortedFieldsJson(fields as unknown as Record<string, unknown>) ?? canonicalJson(fields));
}

/**
 * The canonical JSON of an object whose keys are already in canonical order, written field by field
 * (the busiest serialisation: every event is hashed when recorded and when verified); undefined when a
 * field is missing or not plain data, which canonicalJson then writes as it always has.
 */
function sortedFieldsJson(fields: Record<string, unknown>): string | undefined {
  let json = '';
  for (const key in fields) {
    const written = plainCanonicalJson(fields[key]);
    if (written === undefined) return undefined;
    json += `${json ? ',' : '{'}"${key}":${written}`;
  }
  return `${json}}`;
}

/** SHA-256 of a definition's canonical JSON: names a definition version in bundles. */
export function hashDefinition(definition: unknown): string {
  return sha256Hex(canonicalJson(definition));
}

/** The calendar as it stood at `asOf`: the run-time holiday changes made by then, and the settings then in force. */
export function calendarAsOf(
  holidays: readonly RecordedHoliday[],
  asOf: string | null,
  settings: readonly RecordedCalendarSetting[] = [],
): CalendarOptions {
  if (!asOf) return { extraHolidays: [] };
  const at = Date.parse(asOf);
  const setting = settings.filter((s) => Date.parse(s.createdAt) <= at).at(-1);
  const appropriateLimit = appropriateLimitOf(
    setting?.sector && isSector(setting.sector) ? setting.sector : null,
  ).pounds;
  return {
    extraHolidays: holidays
      .filter((h) => Date.parse(h.createdAt) <= at)
      .map(({ date, title, divisions, removed }) => ({
        date,
        title,
        divisions,
        ...(removed ? { removed: true } : {}),
      })),
    ...(setting?.nation ? { nation: setting.nation } : {}),
    ...(setting ? { receiptRule: setting.receiptRule } : {}),
    ...(appropriateLimit ? { appropriateLimit } : {}),
  };
}

export interface ReplayInput {
  events: readonly RecordedEvent[];
  /** The definition of each workflow version the events name. */
  definitions: Readonly<Record<string, WorkflowDefinition>>;
  holidays: readonly RecordedHoliday[];
  /** The calendar settings' history, oldest first (none: no nation, the ICO receipt rule). */
  calendarSettings?: readonly RecordedCalendarSetting[];
}

/**
 * Recomputes the snapshot after each event from the events and their recorded definition versions,
 * with effects switched off (nothing is scheduled or sent). Throws when an event cannot be replayed.
 */
export function replayEvents(input: ReplayInput, toSequence = Number.POSITIVE_INFINITY): CaseSnapshot[] {
  const snapshots: CaseSnapshot[] = [];
  const calendars = calendarsOf(input.holidays, input.calendarSettings);
  let snapshot: CaseSnapshot | undefined;
  for (const event of input.events) {
    if (event.sequence > toSequence) break;
    snapshot = replayOne(input, calendars, event, snapshot, snapshots, false);
    snapshots.push(snapshot);
  }
  return snapshots;
}

export interface VerificationResult {
  ok: boolean;
  eventsChecked: number;
  firstBadSequence: number | null;
  reason: string | null;
  /** Events whose private fields were erased (a hash not checked: the event was hashed with the text). */
  erasures?: ErasureNote[];
}

/**
 * Checks a case's history: sequence without gaps, each hash and its link to the one before, each
 * event replayable into the stage it recorded, and the replay's end equal to the stored snapshot.
 */
export function verifyHistory(
  input: ReplayInput & { storedSnapshot: CaseSnapshot | null },
): VerificationResult {
  const fail = (sequence: number, reason: string, checked: number): VerificationResult => ({
    ok: false,
    eventsChecked: checked,
    firstBadSequence: sequence,
    reason,
  });
  let previousHash = GENESIS_HASH;
  const calendars = calendarsOf(input.holidays, input.calendarSettings);
  let snapshot: CaseSnapshot | undefined;
  const history: CaseSnapshot[] = [];
  const erasures: ErasureNote[] = [];
  for (const [index, event] of input.events.entries()) {
    const expected = index + 1;
    if (event.sequence !== expected) {
      return fail(
        expected,
        event.sequence > expected
          ? `event ${expected} is missing (the next recorded event is ${event.sequence})`
          : `event ${event.sequence} appears again after event ${expected - 1}`,
        index,
      );
    }
    if (event.prevHash !== previousHash) {
      return fail(
        event.sequence,
        `its previous-hash does not match event ${event.sequence - 1}'s hash: the chain is broken`,
        index,
      );
    }
    // Erased text that was hashed as itself cannot be hashed again: reported as erased, not as altered.
    const unhashable = Boolean(event.erasure) && !event.privateFields;
    if (event.erasure) {
      erasures.push({
        sequence: event.sequence,
        rule: event.erasure.rule,
        erasedAt: event.erasure.erasedAt,
        hashChecked: !unhashable,
      });
    }
    if (!unhashable && hashEvent(event) !== event.hash) {
      return fail(
        event.sequence,
        'its content does not match its hash: it was altered after it was recorded',
        index,
      );
    }
    try {
      snapshot = replayOne(input, calendars, event, snapshot, history, !unhashable);
      history.push(snapshot);
    } catch (error) {
      return fail(event.sequence, `it cannot be replayed: ${(error as Error).message}`, index);
    }
    const definition = input.definitions[event.workflowVersionId] as WorkflowDefinition;
    const stage = describeState(definition, snapshot as CaseSnapshot).stage;
    if (stage !== event.stageAfter) {
      return fail(
        event.sequence,
        `replay reaches stage "${stage}" but the event recorded "${event.stageAfter}"`,
        index,
      );
    }
    previousHash = event.hash;
  }
  const last = input.events.at(-1);
  if (!last) return { ok: false, eventsChecked: 0, firstBadSequence: 1, reason: 'the case has no events' };
  if (input.storedSnapshot && !sameCanonicalJson(input.storedSnapshot, snapshot)) {
    return fail(
      last.sequence,
      'the stored snapshot differs from the replay of the events: the case row was altered',
      input.events.length,
    );
  }
  return {
    ok: true,
    eventsChecked: input.events.length,
    firstBadSequence: null,
    reason: null,
    ...(erasures.length > 0 ? { erasures } : {}),
  };
}

/** The calendar as of each instant, built once per instant: a case's events mostly share one. */
function calendarsOf(
  holidays: readonly RecordedHoliday[],
  settings: readonly RecordedCalendarSetting[] = [],
): (asOf: string | null) => CalendarOptions {
  const built = new Map<string | null, CalendarOptions>();
  return (asOf) => {
    let calendar = built.get(asOf);
    if (!calendar) {
      calendar = calendarAsOf(holidays, asOf, settings);
      built.set(asOf, calendar);
    }
    return calendar;
  };
}

function replayOne(
  input: ReplayInput,
  calendars: (asOf: string | null) => CalendarOptions,
  event: RecordedEvent,
  before: CaseSnapshot | undefined,
  history: readonly CaseSnapshot[],
  /** The event's hash was checked, so its payload is the one the engine checked and recorded. */
  hashChecked: boolean,
): CaseSnapshot {
  const definition = input.definitions[event.workflowVersionId];
  if (!definition) throw new Error(`definition version ${event.workflowVersionId} is not in the record`);
  const calendar = calendars(event.holidaysAsOf);
  if (event.type === CASE_CREATED) {
    return initialSnapshot(definition, {
      receivedOn: (event.payload as { receivedOn: string }).receivedOn,
      calendar,
    }).snapshot;
  }
  if (!before) throw new Error(`the first event is ${event.type}, not ${CASE_CREATED}`);
  if (event.type === DEADLINES_RECOMPUTED) return recomputeDeadlines(definition, before, calendar).snapshot;
  if (RECORD_ONLY_EVENTS.includes(event.type)) return before;
  const lifecycle = replayLifecycle(event, before, history, calendar);
  if (lifecycle) return lifecycle;
  const applied = {
    type: event.type,
    payload: replayablePayload(definition, event.type, event.payload),
    at: event.effectiveOn,
  };
  const options = { calendar, actor: event.actorId };
  return hashChecked
    ? replayStep(definition, before, applied, event.effectiveOn, options)
    : step(definition, before, applied, event.effectiveOn, options).snapshot;
}

/** The engine's lifecycle events (corrections, reopening, voiding, moving versions, erasure); null for others. */
function replayLifecycle(
  event: RecordedEvent,
  before: CaseSnapshot,
  history: readonly CaseSnapshot[],
  calendar: CalendarOptions,
): CaseSnapshot | null {
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  switch (event.type) {
    case CASE_CORRECTED: {
      const received = payload.receivedOn as { to: string } | undefined;
      return received && !isErased(received)
        ? correctReceivedOn(before, received.to, calendar).snapshot
        : before;
    }
    case CASE_REOPENED: {
      const restored = history[(payload.restoresSequence as number) - 1];
      if (!restored)
        throw new Error(`it restores event ${String(payload.restoresSequence)}, which is not before it`);
      return reopenedSnapshot(before, restored, calendar, event.effectiveOn).snapshot;
    }
    case CASE_MIGRATED:
      return migratedSnapshot(before, payload.to as { stage: string; step: string });
    case CASE_VOIDED:
    case CASE_ANONYMISED:
      return before;
    default:
      return null;
  }
}

/** One case as a batch verification needs it: its events in sequence order and its stored snapshot. */
export interface CaseToVerify {
  events: RecordedEvent[];
  snapshot: CaseSnapshot | null;
}

/** A batch of cases, with the definitions and holidays not given in an earlier batch. */
export interface VerificationBatch {
  cases: CaseToVerify[];
  definitions?: Readonly<Record<string, WorkflowDefinition>>;
  holidays?: RecordedHoliday[];
  calendarSettings?: RecordedCalendarSetting[];
}

/**
 * Verifies batches of cases, keeping the definitions and holidays from batch to batch: each definition
 * object lives for the whole run, so its machine and payload schemas are built once.
 */
export function createVerifier(): (batch: VerificationBatch) => VerificationResult[] {
  const definitions: Record<string, WorkflowDefinition> = {};
  let holidays: readonly RecordedHoliday[] = [];
  let calendarSettings: readonly RecordedCalendarSetting[] = [];
  return (batch) => {
    Object.assign(definitions, batch.definitions);
    if (batch.holidays) holidays = batch.holidays;
    if (batch.calendarSettings) calendarSettings = batch.calendarSettings;
    return batch.cases.map(({ events, snapshot }) => {
      try {
        return verifyHistory({ events, definitions, holidays, calendarSettings, storedSnapshot: snapshot });
      } catch (error) {
        return { ok: false, eventsChecked: 0, firstBadSequence: null, reason: (error as Error).message };
      }
    });
  };
}

/** A self-contained, offline-verifiable record of one case (no requester personal data). */
export interface CaseBundle {
  format: 'recordflow-case-bundle/1';
  exportedAt: string;
  case: {
    id: string;
    reference: string;
    regime: string;
    workflowId: string;
    /** What was asked, as registered, with the requester's name, e-mail and address replaced by [the requester] (absent in older bundles). */
    subject?: string;
    requestText?: string;
  };
  events: RecordedEvent[];
  definitions: Record<
    string,
    { workflowId: string; version: number; definitionHash: string; definition: WorkflowDefinition }
  >;
  holidays: RecordedHoliday[];
  /** The calendar settings' history; absent in bundles from before there were any. */
  calendarSettings?: RecordedCalendarSetting[];
  snapshot: CaseSnapshot;
}

/** Verifies a bundle: its definitions against their hashes, then the history as verifyHistory does. */
export function verifyBundle(bundle: CaseBundle): VerificationResult & { definitionsChecked: number } {
  if (bundle?.format !== 'recordflow-case-bundle/1' || !Array.isArray(bundle.events)) {
    return {
      ok: false,
      eventsChecked: 0,
      definitionsChecked: 0,
      firstBadSequence: null,
      reason: 'this is not a Recordflow case bundle (format recordflow-case-bundle/1)',
    };
  }
  const definitions: Record<string, WorkflowDefinition> = {};
  for (const [id, entry] of Object.entries(bundle.definitions ?? {})) {
    if (hashDefinition(entry.definition) !== entry.definitionHash) {
      return {
        ok: false,
        eventsChecked: 0,
        definitionsChecked: Object.keys(definitions).length,
        firstBadSequence: null,
        reason: `workflow version ${entry.workflowId} v${entry.version} does not match its hash: the definition was altered`,
      };
    }
    definitions[id] = entry.definition;
  }
  const result = verifyHistory({
    events: bundle.events,
    definitions,
    holidays: bundle.holidays ?? [],
    calendarSettings: bundle.calendarSettings ?? [],
    storedSnapshot: bundle.snapshot,
  });
  return { ...result, definitionsChecked: Object.keys(definitions).length };
}
