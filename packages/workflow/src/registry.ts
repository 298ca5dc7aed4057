import {
  addCalendarDays,
  addCalendarMonths,
  addWorkingDays,
  type ClockEvent,
  type ClockLimit,
  computeDeadline,
  describeRegime,
} from '@recordflow/calendar';
import { z } from 'zod';
import {
  type CaseContext,
  type DeadlineEntry,
  RESPONSE_DEADLINE,
  type StepRuntime,
  type TimerEntry,
} from './context';
import { type FeeBands, feeProblems, feeWorking, pounds } from './fees';
import { absoluteExemptions, refusalProblems } from './refusals';

export const LETTER_TEMPLATES = [
  'acknowledgement',
  'clarification-request',
  'fees-notice',
  'section-12-refusal',
  'refusal-notice',
  'public-interest-extension',
  'extension-notice',
  'response',
  'review-acknowledgement',
  'internal-review-outcome',
  'lapse-notice',
  'complaint-acknowledgement',
  'complaint-outcome',
] as const;

export const CLOSURE_OUTCOMES = [
  'granted-in-full',
  'granted-in-part',
  'refused-in-full',
  'not-held',
  'neither-confirm-nor-deny',
  'vexatious-refusal',
  'cost-limit-refusal',
  'advice-and-assistance',
  'withdrawn',
  'lapsed',
] as const;

/** Outcomes that refuse the whole request, which a refusal basis of its own may replace. */
const WHOLE_REFUSALS = ['refused-in-full', 'not-held'];

const days = z.number().int().min(0).max(400);
const exactlyOne = (keys: string[]) => (value: Record<string, unknown>) =>
  keys.filter((k) => value[k] !== undefined).length === 1;

const limitParams = z
  .object({
    workingDays: days.optional(),
    months: z.number().int().min(1).max(12).optional(),
    calendarDays: days.optional(),
  })
  .strict();

type ActionImpl<P> = (context: CaseContext, params: P, runtime: StepRuntime) => CaseContext;
type GuardImpl<P> = (context: CaseContext, params: P, runtime: StepRuntime) => boolean;

export interface ActionSpec<P = never> {
  description: string;
  params: z.ZodType<P>;
  run: ActionImpl<P>;
}
export interface GuardSpec<P = never> {
  description: string;
  params: z.ZodType<P>;
  test: GuardImpl<P>;
  /** Why the guard refuses, in the officer's terms; used in the refusal's message. */
  explain?: (context: CaseContext, params: P, runtime: StepRuntime) => string;
}

function withClock(context: CaseContext, event: ClockEvent): CaseContext {
  return { ...context, clock: { ...context.clock, events: [...context.clock.events, event] } };
}

/**
 * What each deadlines object refreshDeadlines made was derived from. Refreshing is idempotent: a context
 * whose deadlines, timers and clock are those a refresh left, with the same regime and calendar, would
 * be refreshed to the same values, so most steps (those that leave the clock and deadlines alone) skip
 * the working-day count. Contexts are never changed in place; the calendar is matched by identity, as
 * the calendar's own tables are.
 */
const refreshed = new WeakMap<
  Record<string, DeadlineEntry>,
  { clock: CaseContext['clock']; timers: CaseContext['timers']; regime: string; calendar: unknown }
>();

/** Derives every deadline and deadline-based timer from its basis with the calendar of this step. */
export function refreshDeadlines(context: CaseContext, runtime: Pick<StepRuntime, 'calendar'>): CaseContext {
  const known = refreshed.get(context.deadlines);
  if (
    known &&
    known.clock === context.clock &&
    known.timers === context.timers &&
    known.regime === context.regime &&
    known.calendar === runtime.calendar
  )
    return { ...context };
  const deadlines: Record<string, DeadlineEntry> = {};
  const clock = computeDeadline(context.regime, context.clock.events, context.clock.limit, runtime.calendar);
  if (clock.status === 'running' || clock.status === 'paused') {
    deadlines[RESPONSE_DEADLINE] = {
      label: context.clock.label,
      due: clock.due,
      statutory: true,
      party: 'authority',
    };
  }
  for (const [name, entry] of Object.entries(context.deadlines)) {
    if (name === RESPONSE_DEADLINE || !entry.basis) continue;
    deadlines[name] = { ...entry, due: dueFrom(context, entry.basis, runtime) };
  }
  const timers: Record<string, TimerEntry> = {};
  for (const [name, timer] of Object.entries(context.timers)) {
    if ('deadline' in timer.basis) {
      const due = deadlines[timer.basis.deadline]?.due;
      // A timer on a deadline that is gone or paused waits, unset, until the deadline is known again.
      timers[name] = { ...timer, fireOn: due ? addCalendarDays(due, timer.basis.offsetCalendarDays) : null };
    } else {
      timers[name] = timer;
    }
  }
  refreshed.set(deadlines, {
    clock: context.clock,
    timers,
    regime: context.regime,
    calendar: runtime.calendar,
  });
  return { ...context, deadlines, timers };
}

function dueFrom(
  context: CaseContext,
  basis: NonNullable<DeadlineEntry['basis']>,
  runtime: Pick<StepRuntime, 'calendar'>,
): string {
  if (basis.workingDays !== undefined)
    return addWorkingDays(context.regime, basis.from, basis.workingDays, runtime.calendar);
  if (basis.months !== undefined)
    return addCalendarMonths(context.regime, basis.from, basis.months, runtime.calendar);
  return addCalendarDays(basis.from, basis.calendarDays ?? 0);
}

const dueOffset = (due: string | null | undefined, offset: number) =>
  due ? addCalendarDays(due, offset) : null;

const reason = z.object({ reason: z.string().min(1) }).strict();

/**
 * Where a named deadline counts from: the event, the date of receipt, or the end of the time for
 * responding (the response deadline, or the event if it came later: FOISA s.20(5)).
 */
function startOf(
  context: CaseContext,
  from: 'event' | 'received' | 'response-due',
  runtime: StepRuntime,
): string {
  if (from === 'received') return context.receivedOn;
  const responseDue = context.deadlines[RESPONSE_DEADLINE]?.due;
  if (from === 'response-due' && responseDue && responseDue > runtime.at) return responseDue;
  return runtime.at;
}

/** The s.12 figures of an event: the officer's hours (the event's or the record's), the linked requests' aggregated hours, the cost and the limit. */
export function costEstimateOf(
  context: CaseContext,
  params: { hoursField: string; aggregatedField: string; hourlyRate: number; limit?: number },
  runtime: Pick<StepRuntime, 'payload' | 'calendar'>,
) {
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  const hours = number(runtime.payload[params.hoursField] ?? context.record[params.hoursField]);
  // The links as they stand at this event (the API fills the input in), never an earlier event's.
  const aggregatedHours = number(runtime.payload[params.aggregatedField]);
  const cost = Math.round((hours + aggregatedHours) * params.hourlyRate * 100) / 100;
  // Sector unset: the higher limit (£600), the reading that never gives a requester less.
  const limit = params.limit ?? runtime.calendar.appropriateLimit ?? 600;
  return { hours, aggregatedHours, cost, limit };
}

const costParams = z
  .object({
    hoursField: z.string().min(1).default('estimatedHours'),
    aggregatedField: z.string().min(1).default('aggregatedHours'),
    hourlyRate: z.number().positive().max(1000),
    limit: z.number().positive().max(100000).optional(),
  })
  .strict();
type CostParams = z.infer<typeof costParams>;

/** How an answer on this day stands against a deadline, as statistics count it. */
export type Timeliness = 'in-time' | 'in-time-extended' | 'late';

/**
 * Late after the deadline; otherwise in time, and "in time with a permitted extension" when the deadline is the
 * response clock and an extension was taken on it (statistics count both as in time, and show the second apart).
 */
export function timelinessOf(context: CaseContext, deadline: string, at: string): Timeliness {
  const due = context.deadlines[deadline]?.due;
  if (due && at > due) return 'late';
  const extended =
    deadline === RESPONSE_DEADLINE && context.clock.events.some((e) => e.type === 'extend' && e.date <= at);
  return extended ? 'in-time-extended' : 'in-time';
}

const feeParams = z
  .object({
    hoursField: z.string().min(1).default('feeHours'),
    rateField: z.string().min(1).default('feeHourlyRate'),
    disbursementsField: z.string().min(1).default('feeDisbursements'),
    feeField: z.string().min(1).default('feeAmount'),
    maxHourlyRate: z.number().positive().max(1000),
    freeUpTo: z.number().min(0).max(100000),
    percentAbove: z.number().positive().max(100),
    costLimit: z.number().positive().max(100000),
  })
  .strict();
type FeeParams = z.infer<typeof feeParams>;

/** The fee estimate an event gives: staff hours, the hourly rate and other costs of providing the information. */
function feeEstimateOf(params: FeeParams, runtime: Pick<StepRuntime, 'payload'>) {
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  return {
    estimate: {
      hours: number(runtime.payload[params.hoursField]),
      hourlyRate: number(runtime.payload[params.rateField]),
      disbursements: number(runtime.payload[params.disbursementsField]),
    },
    fee: number(runtime.payload[params.feeField]),
  };
}

/** Every action a definition may name, with its parameters. */
export const ACTIONS = {
  'clock.start': {
    description: "Starts the statutory clock on the date of receipt (the regime's limit unless given).",
    params: limitParams.extend({ label: z.string().min(1).optional() }).strict(),
    run: (context, params, runtime) => {
      const limit: ClockLimit =
        params.workingDays !== undefined
          ? { workingDays: params.workingDays }
          : params.months !== undefined
            ? { months: params.months }
            : describeRegime(context.regime).defaultLimit;
      return {
        ...context,
        clock: {
          events: [{ type: 'start', date: runtime.at }],
          limit,
          label: params.label ?? 'Response due',
        },
      };
    },
  } satisfies ActionSpec<{ workingDays?: number; months?: number; label?: string }>,
  'clock.stop': {
    description: 'Stops the clock (response sent, clarification asked for, case closed).',
    params: reason,
    run: (context, params, runtime) =>
      withClock(context, { type: 'stop', date: runtime.at, reason: params.reason }),
  } satisfies ActionSpec<{ reason: string }>,
  'clock.pause': {
    description: 'Pauses the clock from this day (fees notice issued).',
    params: reason,
    run: (context, params, runtime) =>
      withClock(context, { type: 'pause', date: runtime.at, reason: params.reason }),
  } satisfies ActionSpec<{ reason: string }>,
  'clock.resume': {
    description: 'Resumes the clock after this day (fee paid; both days disregarded).',
    params: z.object({}).strict(),
    run: (context, _params, runtime) => withClock(context, { type: 'resume', date: runtime.at }),
  } satisfies ActionSpec<Record<string, never>>,
  'clock.restart': {
    description: 'A new date of receipt (clarification received): the count starts again.',
    params: reason,
    run: (context, params, runtime) =>
      withClock(context, { type: 'restart', date: runtime.at, reason: params.reason }),
  } satisfies ActionSpec<{ reason: string }>,
  'clock.extend': {
    description:
      'Extends the total limit, counted from the date of receipt (public interest, EIR reg 7, SAR).',
    params: z
      .object({
        totalWorkingDays: days.optional(),
        totalMonths: z.number().int().min(1).max(12).optional(),
        reason: z.string().min(1),
      })
      .strict()
      .refine(
        exactlyOne(['totalWorkingDays', 'totalMonths']),
        'give exactly one of totalWorkingDays or totalMonths',
      ),
    run: (context, params, runtime) =>
      withClock(context, {
        type: 'extend',
        date: runtime.at,
        reason: params.reason,
        totalWorkingDays: params.totalWorkingDays,
        totalMonths: params.totalMonths,
      }),
  } satisfies ActionSpec<{ totalWorkingDays?: number; totalMonths?: number; reason: string }>,
  'deadline.set': {
    description: 'Sets a named deadline counted from the event date (or the date of receipt).',
    params: limitParams
      .extend({
        name: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
        label: z.string().min(1),
        from: z.enum(['event', 'received', 'response-due']).default('event'),
        statutory: z.boolean().default(false),
        party: z.enum(['authority', 'requester']).default('authority'),
      })
      .strict()
      .refine(
        exactlyOne(['workingDays', 'months', 'calendarDays']),
        'give exactly one of workingDays, months or calendarDays',
      ),
    run: (context, params, runtime) => {
      if (params.name === RESPONSE_DEADLINE) return context;
      const basis = {
        from: startOf(context, params.from, runtime),
        workingDays: params.workingDays,
        months: params.months,
        calendarDays: params.calendarDays,
      };
      return {
        ...context,
        deadlines: {
          ...context.deadlines,
          [params.name]: {
            label: params.label,
            due: dueFrom(context, basis, runtime),
            statutory: params.statutory,
            party: params.party,
            basis,
          },
        },
      };
    },
  } satisfies ActionSpec<{
    name: string;
    label: string;
    from: 'event' | 'received' | 'response-due';
    statutory: boolean;
    party: 'authority' | 'requester';
    workingDays?: number;
    months?: number;
    calendarDays?: number;
  }>,
  'deadline.extend': {
    description:
      'Gives a named deadline a new length, counted from where it started (an internal review extended to 40 working days).',
    params: limitParams
      .extend({ name: z.string().min(1), label: z.string().min(1).optional() })
      .strict()
      .refine(
        exactlyOne(['workingDays', 'months', 'calendarDays']),
        'give exactly one of workingDays, months or calendarDays',
      ),
    run: (context, params, runtime) => {
      const entry = context.deadlines[params.name];
      if (!entry?.basis) return context;
      const basis = {
        from: entry.basis.from,
        workingDays: params.workingDays,
        months: params.months,
        calendarDays: params.calendarDays,
      };
      return {
        ...context,
        deadlines: {
          ...context.deadlines,
          [params.name]: {
            ...entry,
            label: params.label ?? entry.label,
            due: dueFrom(context, basis, runtime),
            basis,
          },
        },
      };
    },
  } satisfies ActionSpec<{
    name: string;
    label?: string;
    workingDays?: number;
    months?: number;
    calendarDays?: number;
  }>,
  'deadline.copy': {
    description:
      "Copies a named deadline under another name and label (a decision notice's compliance date becomes the fresh response's deadline).",
    params: z
      .object({
        from: z.string().min(1),
        name: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
        label: z.string().min(1),
      })
      .strict(),
    run: (context, params) => {
      const entry = context.deadlines[params.from];
      if (!entry || params.name === RESPONSE_DEADLINE) return context;
      return {
        ...context,
        deadlines: { ...context.deadlines, [params.name]: { ...entry, label: params.label } },
      };
    },
  } satisfies ActionSpec<{ from: string; name: string; label: string }>,
  'deadline.fromInput': {
    description:
      "Sets a named deadline on a date the event gives (e.g. the Commissioner's compliance date), never before another deadline (FOISA s.49(7): not before the appeal period ends).",
    params: z
      .object({
        name: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
        label: z.string().min(1),
        field: z.string().min(1),
        notBefore: z.string().min(1).optional(),
        statutory: z.boolean().default(false),
        party: z.enum(['authority', 'requester']).default('authority'),
      })
      .strict(),
    run: (context, params, runtime) => {
      const given = runtime.payload[params.field];
      const floor = params.notBefore ? context.deadlines[params.notBefore]?.due : undefined;
      const dates = [typeof given === 'string' ? given : undefined, floor].filter((d): d is string => !!d);
      if (dates.length === 0 || params.name === RESPONSE_DEADLINE) return context;
      const due = dates.sort().at(-1) as string;
      return {
        ...context,
        deadlines: {
          ...context.deadlines,
          [params.name]: {
            label: params.label,
            due,
            statutory: params.statutory,
            party: params.party,
            basis: { from: due, calendarDays: 0 },
          },
        },
      };
    },
  } satisfies ActionSpec<{
    name: string;
    label: string;
    field: string;
    notBefore?: string;
    statutory: boolean;
    party: 'authority' | 'requester';
  }>,
  'deadline.clear': {
    description: 'Removes a named deadline (it no longer applies).',
    params: z.object({ name: z.string().min(1) }).strict(),
    run: (context, params) => {
      const { [params.name]: _removed, ...deadlines } = context.deadlines;
      return { ...context, deadlines };
    },
  } satisfies ActionSpec<{ name: string }>,
  'timer.schedule': {
    description:
      'Schedules a durable timer that sends an event: relative to a deadline (offsetCalendarDays, negative for before) or after the event date.',
    params: z
      .object({
        name: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
        event: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
        deadline: z.string().optional(),
        offsetCalendarDays: z.number().int().min(-60).max(60).optional(),
        afterCalendarDays: days.optional(),
        afterMonths: z.number().int().min(1).max(12).optional(),
      })
      .strict()
      .refine(
        (p) =>
          p.deadline !== undefined
            ? p.afterCalendarDays === undefined && p.afterMonths === undefined
            : exactlyOne(['afterCalendarDays', 'afterMonths'])(p),
        'give a deadline (with offsetCalendarDays), or exactly one of afterCalendarDays or afterMonths',
      ),
    run: (context, params, runtime) => {
      const basis: TimerEntry['basis'] =
        params.deadline !== undefined
          ? { deadline: params.deadline, offsetCalendarDays: params.offsetCalendarDays ?? 0 }
          : {
              from: runtime.at,
              afterCalendarDays: params.afterCalendarDays,
              afterMonths: params.afterMonths,
            };
      const fireOn =
        'deadline' in basis
          ? dueOffset(context.deadlines[basis.deadline]?.due, basis.offsetCalendarDays)
          : basis.afterMonths !== undefined
            ? addCalendarMonths(context.regime, basis.from, basis.afterMonths, runtime.calendar)
            : addCalendarDays(basis.from, basis.afterCalendarDays ?? 0);
      return {
        ...context,
        timers: { ...context.timers, [params.name]: { fireOn, event: params.event, basis } },
      };
    },
  } satisfies ActionSpec<{
    name: string;
    event: string;
    deadline?: string;
    offsetCalendarDays?: number;
    afterCalendarDays?: number;
    afterMonths?: number;
  }>,
  'timer.cancel': {
    description: 'Cancels a timer by name.',
    params: z.object({ name: z.string().min(1) }).strict(),
    run: (context, params) => {
      const { [params.name]: _removed, ...timers } = context.timers;
      return { ...context, timers };
    },
  } satisfies ActionSpec<{ name: string }>,
  'letter.queue': {
    description: 'Queues a letter from a template for the officer to check and send.',
    params: z.object({ template: z.enum(LETTER_TEMPLATES) }).strict(),
    run: (context, params, runtime) => ({
      ...context,
      letters: [...context.letters, { template: params.template, on: runtime.at }],
    }),
  } satisfies ActionSpec<{ template: (typeof LETTER_TEMPLATES)[number] }>,
  'case.record': {
    description: "Copies the named inputs of the event into the case's record (outcome, exemptions, held …).",
    params: z.object({ fields: z.array(z.string().min(1)).min(1) }).strict(),
    run: (context, params, runtime) => {
      const record = { ...context.record };
      for (const field of params.fields)
        if (runtime.payload[field] !== undefined) record[field] = runtime.payload[field];
      return { ...context, record };
    },
  } satisfies ActionSpec<{ fields: string[] }>,
  'record.set': {
    description: "Sets a field of the case's record to a fixed value (e.g. overdue: true).",
    params: z
      .object({
        field: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
        value: z.union([z.string(), z.number(), z.boolean()]),
      })
      .strict(),
    run: (context, params) => ({ ...context, record: { ...context.record, [params.field]: params.value } }),
  } satisfies ActionSpec<{ field: string; value: string | number | boolean }>,
  'record.refusalOutcome': {
    description:
      'Records a whole refusal whose basis is an outcome of its own (neither confirm nor deny; s.14 vexatious or repeated) under that outcome, so closure and statistics count it as such.',
    params: z.object({ bases: z.record(z.string().min(1), z.enum(CLOSURE_OUTCOMES)) }).strict(),
    run: (context, params) => {
      const { outcome, refusalBasis } = context.record;
      const own = typeof refusalBasis === 'string' ? params.bases[refusalBasis] : undefined;
      // A partial refusal stays granted in part: the requester had some of the information.
      if (!own || !WHOLE_REFUSALS.includes(outcome as string)) return context;
      return { ...context, record: { ...context.record, outcome: own } };
    },
  } satisfies ActionSpec<{ bases: Record<string, (typeof CLOSURE_OUTCOMES)[number]> }>,
  'record.actor': {
    description:
      'Records who sent the event (their user id) in a field of the record (e.g. draftedBy), for separation of duties.',
    params: z.object({ field: z.string().regex(/^[a-z][a-zA-Z0-9]*$/) }).strict(),
    run: (context, params, runtime) => ({
      ...context,
      record: { ...context.record, [params.field]: runtime.actor ?? null },
    }),
  } satisfies ActionSpec<{ field: string }>,
  'record.timeliness': {
    description:
      'Records "in-time", "in-time-extended" or "late" in a field of the record: whether the event is on or before the named deadline, and for the response clock whether that deadline was extended (FOIA s.10(3), EIR reg 7, UK GDPR Art 12(3)).',
    params: z
      .object({ field: z.string().regex(/^[a-z][a-zA-Z0-9]*$/), deadline: z.string().min(1) })
      .strict(),
    run: (context, params, runtime) => {
      const value = timelinessOf(context, params.deadline, runtime.at);
      return { ...context, record: { ...context.record, [params.field]: value } };
    },
  } satisfies ActionSpec<{ field: string; deadline: string }>,
  'cost.estimate': {
    description:
      "Records the s.12 estimate: the cost (the officer's hours plus the aggregated requests' hours, at the hourly rate) and the appropriate limit (given, or the authority's from its sector).",
    params: costParams,
    run: (context, params, runtime) => {
      const { aggregatedHours, cost, limit } = costEstimateOf(context, params, runtime);
      const { aggregatedHours: _earlier, ...record } = context.record;
      // Recorded only when requests are aggregated, so a letter says so only then.
      return {
        ...context,
        record: {
          ...record,
          ...(aggregatedHours > 0 ? { aggregatedHours } : {}),
          estimatedCost: cost,
          appropriateLimit: limit,
        },
      };
    },
  } satisfies ActionSpec<CostParams>,
  'fee.estimate': {
    description:
      'Records how a FOISA fee was worked out (Fees for Required Disclosure (Scotland) Regulations 2004): the staff hours and hourly rate, any other costs of providing the information, the projected costs and the most the fee may be.',
    params: feeParams,
    run: (context, params, runtime) => {
      const { estimate } = feeEstimateOf(params, runtime);
      const working = feeWorking(estimate, params satisfies FeeBands);
      const { feeDisbursements: _earlier, ...record } = context.record;
      // Recorded under the names the fees letter reads, whatever the inputs are called; other costs only when
      // there are some, so the letter mentions them only then.
      return {
        ...context,
        record: {
          ...record,
          feeHours: working.hours,
          feeHourlyRate: working.hourlyRate,
          ...(working.disbursements > 0 ? { feeDisbursements: working.disbursements } : {}),
          feeStaffCost: working.staffCost,
          feeProjectedCosts: working.projectedCosts,
          feeMaximum: working.maximumFee,
        },
      };
    },
  } satisfies ActionSpec<FeeParams>,
  'case.close': {
    description:
      'Records the closure outcome (given, or the outcome already recorded), stops every clock and cancels every timer.',
    params: z.object({ outcome: z.enum(CLOSURE_OUTCOMES).optional() }).strict(),
    run: (context, params, runtime) => {
      const stopped = context.clock.events.some((e) => e.type === 'stop')
        ? context
        : withClock(context, { type: 'stop', date: runtime.at, reason: 'case closed' });
      const recorded = context.record.outcome as string | undefined;
      const outcome = params.outcome ?? CLOSURE_OUTCOMES.find((o) => o === recorded) ?? null;
      return {
        ...stopped,
        record: { ...context.record, outcome, closedOn: runtime.at },
        timers: {},
        deadlines: {},
      };
    },
  } satisfies ActionSpec<{ outcome?: (typeof CLOSURE_OUTCOMES)[number] }>,
} as const;

const fieldValue = z
  .object({ field: z.string().min(1), value: z.union([z.string(), z.number(), z.boolean()]) })
  .strict();

const missingInputs = (fields: string[], runtime: StepRuntime) =>
  fields.filter((field) => [undefined, null, ''].includes(runtime.payload[field] as never));

const recordedOf = (context: CaseContext, fields: string[]) =>
  fields.filter((field) => context.record[field] !== undefined && context.record[field] !== null);

// Read lazily: the "all" guard names the others.
const guardSpecs = (): Record<string, GuardSpec<unknown>> =>
  GUARDS as unknown as Record<string, GuardSpec<unknown>>;

/** Every guard a definition may name. */
export const GUARDS = {
  'input.equals': {
    description: "True when the event's input field has this value.",
    params: fieldValue,
    test: (_context, params, runtime) => runtime.payload[params.field] === params.value,
  } satisfies GuardSpec<{ field: string; value: string | number | boolean }>,
  'input.includes': {
    description: "True when the event's list input field includes this value.",
    params: fieldValue,
    test: (_context, params, runtime) => {
      const value = runtime.payload[params.field];
      return Array.isArray(value) && value.includes(params.value);
    },
  } satisfies GuardSpec<{ field: string; value: string | number | boolean }>,
  'input.present': {
    description:
      'True when every named input of the event is given (e.g. a reconsideration that finds a failure says what, and what the authority will do by when: EIR reg 11(5)).',
    params: z
      .object({ fields: z.array(z.string().min(1)).min(1), law: z.string().min(1).optional() })
      .strict(),
    test: (_context, params, runtime) => missingInputs(params.fields, runtime).length === 0,
    explain: (_context, params, runtime) =>
      `it needs ${missingInputs(params.fields, runtime).join(' and ')}${params.law ? ` (${params.law})` : ''}.`,
  } satisfies GuardSpec<{ fields: string[]; law?: string }>,
  'record.equals': {
    description: "True when the case's record has this value.",
    params: fieldValue,
    test: (context, params) => context.record[params.field] === params.value,
  } satisfies GuardSpec<{ field: string; value: string | number | boolean }>,
  'record.absent': {
    description:
      "True when none of the named fields is in the case's record (e.g. no review was requested yet).",
    params: z.object({ fields: z.array(z.string().min(1)).min(1) }).strict(),
    test: (context, params) => recordedOf(context, params.fields).length === 0,
    explain: (context, params) =>
      `the case already records ${recordedOf(context, params.fields).join(', ')}.`,
  } satisfies GuardSpec<{ fields: string[] }>,
  'record.present': {
    description:
      "True when every named field is in the case's record (e.g. a decision notice was issued, so an appeal against it can be recorded).",
    params: z.object({ fields: z.array(z.string().min(1)).min(1) }).strict(),
    test: (context, params) => recordedOf(context, params.fields).length === params.fields.length,
    explain: (context, params) =>
      `the case does not record ${params.fields.filter((field) => recordedOf(context, [field]).length === 0).join(', ')}.`,
  } satisfies GuardSpec<{ fields: string[] }>,
  'actor.notDrafter': {
    description:
      'True unless the sender is the person recorded in the named fields (who drafted or last changed the response): separation of duties.',
    params: z.object({ fields: z.array(z.string().min(1)).min(1).default(['draftedBy']) }).strict(),
    test: (context, params, runtime) =>
      !runtime.actor || !params.fields.some((field) => context.record[field] === runtime.actor),
    explain: () =>
      'you drafted or last changed this response, and separation of duties needs someone else to approve it.',
  } satisfies GuardSpec<{ fields: string[] }>,
  'deadline.passed': {
    description: 'True when the named deadline is before the event date.',
    params: z.object({ deadline: z.string().min(1) }).strict(),
    test: (context, params, runtime) => {
      const due = context.deadlines[params.deadline]?.due;
      return Boolean(due && runtime.at > due);
    },
    explain: (context, params) => {
      const entry = context.deadlines[params.deadline];
      return entry?.due
        ? `it is only possible after ${entry.due} (${entry.label}).`
        : `it needs the deadline "${params.deadline}", which is not running.`;
    },
  } satisfies GuardSpec<{ deadline: string }>,
  'deadline.notPassed': {
    description: 'True when the named deadline is on or after the event date (or not set).',
    params: z.object({ deadline: z.string().min(1) }).strict(),
    test: (context, params, runtime) => {
      const due = context.deadlines[params.deadline]?.due;
      return !due || runtime.at <= due;
    },
    explain: (context, params) => {
      const entry = context.deadlines[params.deadline];
      return `it must be done on or before ${entry?.due} (${entry?.label ?? params.deadline}).`;
    },
  } satisfies GuardSpec<{ deadline: string }>,
  all: {
    description:
      'True when every guard listed is true (e.g. within the deadline and only qualified exemptions).',
    params: z
      .object({
        guards: z
          .array(z.object({ name: z.string().min(1), params: z.record(z.string(), z.unknown()).optional() }))
          .min(2)
          .refine(
            (guards) => guards.every((g) => g.name !== 'all' && g.name in guardSpecs()),
            'each guard must be a registry guard other than "all"',
          ),
      })
      .strict(),
    test: (context, params, runtime) => failing(params.guards, context, runtime).length === 0,
    explain: (context, params, runtime) =>
      failing(params.guards, context, runtime)
        .map(({ spec, parsed, name }) =>
          spec.explain ? spec.explain(context, parsed, runtime) : `its condition ${name} is not met.`,
        )
        .join(' '),
  } satisfies GuardSpec<{ guards: { name: string; params?: Record<string, unknown> }[] }>,
  'refusal.complete': {
    description:
      'True unless the response refuses (in part, in full, or neither confirms nor denies) without citing exemptions, the reasons for each, the public interest reasons for each qualified one, and the particulars an exception needs (EIR reg 14(4)).',
    params: z
      .object({
        withoutExemption: z.array(z.string().min(1)).optional(),
        mustCite: z.record(z.string(), z.string().min(1)).optional(),
        ncnd: z
          .object({ sections: z.array(z.string().min(1)).min(1), law: z.string().min(1) })
          .strict()
          .optional(),
        particulars: z
          .record(
            z.string(),
            z.object({ fields: z.array(z.string().min(1)).min(1), law: z.string().min(1) }).strict(),
          )
          .optional(),
      })
      .strict(),
    test: (context, params, runtime) => refusalProblems(context.regime, runtime.payload, params).length === 0,
    explain: (context, params, runtime) =>
      `the refusal is incomplete: ${refusalProblems(context.regime, runtime.payload, params).join('; ')}.`,
  } satisfies GuardSpec<{
    withoutExemption?: string[];
    mustCite?: Record<string, string>;
    ncnd?: { sections: string[]; law: string };
    particulars?: Record<string, { fields: string[]; law: string }>;
  }>,
  'exemptions.qualified': {
    description:
      "True when every exemption in the event's input field is qualified (a public interest extension cannot be taken for an absolute one).",
    params: z.object({ field: z.string().min(1) }).strict(),
    test: (context, params, runtime) =>
      absoluteExemptions(context.regime, runtime.payload[params.field]).length === 0,
    explain: (context, params, runtime) =>
      `more time to consider the public interest is only for qualified exemptions, and ${absoluteExemptions(context.regime, runtime.payload[params.field]).join(', ')} ${absoluteExemptions(context.regime, runtime.payload[params.field]).length === 1 ? 'is' : 'are'} absolute.`,
  } satisfies GuardSpec<{ field: string }>,
  'received.withinWorkingDays': {
    description: 'True when the event is no later than this many working days after the date of receipt.',
    params: z.object({ workingDays: days }).strict(),
    test: (context, params, runtime) =>
      runtime.at <= addWorkingDays(context.regime, context.receivedOn, params.workingDays, runtime.calendar),
    explain: (context, params, runtime) =>
      `it must be done within ${params.workingDays} working days of receipt, by ${addWorkingDays(context.regime, context.receivedOn, params.workingDays, runtime.calendar)}.`,
  } satisfies GuardSpec<{ workingDays: number }>,
  'cost.overLimit': {
    description:
      "True when the s.12 estimate (the officer's hours plus the aggregated requests' hours, at the hourly rate) is more than the appropriate limit (given, or the authority's from its sector; £600 when unset).",
    params: costParams,
    test: (context, params, runtime) => {
      const { cost, limit } = costEstimateOf(context, params, runtime);
      return cost > limit;
    },
    explain: (context, params, runtime) => {
      const { hours, aggregatedHours, cost, limit } = costEstimateOf(context, params, runtime);
      const counted = aggregatedHours
        ? `${hours} hours, with ${aggregatedHours} hours of the requests aggregated with it,`
        : `${hours} hours`;
      return `a cost-limit refusal needs an estimate above the appropriate limit: ${counted} at ${pounds(params.hourlyRate)} an hour is ${pounds(cost)}, which is not more than ${pounds(limit)}.`;
    },
  } satisfies GuardSpec<CostParams>,
  'fee.withinMaximum': {
    description:
      'True when a FOISA fee is lawful (Fees for Required Disclosure (Scotland) Regulations 2004): staff time at no more than the hourly cap, projected costs above the free band and not above the cost limit, and a fee of more than £0 and at most the given percentage of the projected costs above the free band.',
    params: feeParams,
    test: (_context, params, runtime) => {
      const { estimate, fee } = feeEstimateOf(params, runtime);
      return feeProblems(estimate, fee, params).length === 0;
    },
    explain: (_context, params, runtime) => {
      const { estimate, fee } = feeEstimateOf(params, runtime);
      return `the fee is not lawful: ${feeProblems(estimate, fee, params).join('; ')}.`;
    },
  } satisfies GuardSpec<FeeParams>,
} as const;

/** The listed guards that refuse, with their parsed parameters. */
function failing(
  references: { name: string; params?: Record<string, unknown> }[],
  context: CaseContext,
  runtime: StepRuntime,
): { spec: GuardSpec<unknown>; parsed: unknown; name: string }[] {
  return references.flatMap(({ name, params }) => {
    const spec = guardSpecs()[name];
    if (!spec) return [];
    const parsed = spec.params.parse(params ?? {});
    return spec.test(context, parsed, runtime) ? [] : [{ spec, parsed, name }];
  });
}

export type ActionName = keyof typeof ACTIONS;
export type GuardName = keyof typeof GUARDS;

/** The registry as the editor shows it: names, descriptions and a JSON Schema per parameter set. */
export function registryDescription() {
  const describe = (entries: Record<string, { description: string; params: z.ZodType }>) =>
    Object.entries(entries).map(([name, spec]) => ({
      name,
      description: spec.description,
      paramsSchema: z.toJSONSchema(spec.params, { io: 'input', unrepresentable: 'any' }),
    }));
  return {
    actions: describe(ACTIONS as unknown as Record<string, { description: string; params: z.ZodType }>),
    guards: describe(GUARDS as unknown as Record<string, { description: string; params: z.ZodType }>),
    letterTemplates: [...LETTER_TEMPLATES],
    closureOutcomes: [...CLOSURE_OUTCOMES],
  };
}
