import { CalendarError, type IsoDate } from './dates';
import { type ClockLimit, describeRegime, nationName, type Regime } from './regimes';
import {
  type CalendarOptions,
  type CalendarTable,
  formattedOf,
  indexOf,
  isoOf,
  sameDateMonthsLater,
  tableFor,
  workingDayOnOrAfter,
} from './working-days';

/** What happened to a statutory clock; deadlines are derived from these, never typed in. */
export type ClockEvent =
  /** The request was received: the date of receipt is day 0. */
  | { type: 'start'; date: IsoDate }
  /**
   * e.g. a fees notice was issued, or a SAR clarification genuinely needed (DPA 2018 s.54(3C) /
   * UK GDPR Art 12A): from this day the clock is paused (the day itself is disregarded).
   */
  | { type: 'pause'; date: IsoDate; reason: string }
  /** e.g. the fee was paid: this day is disregarded too (s.10(2): both inclusive), counting resumes after it. */
  | { type: 'resume'; date: IsoDate }
  /**
   * A new day 0: the count starts again from this date, keeping any extension. FOI/EIR/FOISA: the
   * clarification received (s.10(6)(b)). SAR (Art 12A): proof of identity, a third party's authority or
   * the fee received: the month runs from the latest of these and the request, i.e. the last restart.
   */
  | { type: 'restart'; date: IsoDate; reason: string }
  /**
   * SAR (UK GDPR Art 12A): the controller asked for something the month runs from: proof of identity,
   * a third party's authority, a fee. While any awaited item is outstanding there is no due date.
   */
  | { type: 'await'; date: IsoDate; item: string }
  /** An awaited item arrived: once nothing else is awaited, the month runs from this day (the latest receipt). */
  | { type: 'supplied'; date: IsoDate; item: string }
  /** A new total limit counted from the date of receipt (public-interest extension, EIR reg 7, SAR Art 12(3)). */
  | { type: 'extend'; date: IsoDate; reason: string; totalWorkingDays?: number; totalMonths?: number }
  /** The clock stopped (response sent, clarification asked for, case closed). */
  | { type: 'stop'; date: IsoDate; reason: string };

export interface SkippedDay {
  date: IsoDate;
  reason: string;
}

export type ClockStatus = 'not-started' | 'running' | 'paused' | 'awaiting' | 'stopped';

export interface Deadline {
  regime: Regime;
  status: ClockStatus;
  /** Day 0 of the count (after any restart, and the receipt rule). */
  received: IsoDate | null;
  /** Null before the clock starts and while it is paused (the pause's end is not known). */
  due: IsoDate | null;
  limit: ClockLimit;
  /** The days counted, day 1 to the last (working-day limits). */
  counted: IsoDate[];
  /** Each day after day 0 up to the due date that was not counted, with why. */
  skipped: SkippedDay[];
  explanation: string;
}

interface Pause {
  from: number;
  to: number;
  reason: string;
}

function checkLimit(limit: ClockLimit): void {
  const set = (['workingDays', 'months', 'calendarDays'] as const).filter(
    (unit) => limit[unit] !== undefined,
  );
  if (set.length !== 1) {
    throw new CalendarError('A deadline needs exactly one of workingDays, months or calendarDays.');
  }
  const value = limit[set[0] as keyof ClockLimit] as number;
  if (!Number.isInteger(value) || value < 0) {
    throw new CalendarError(`The ${set[0]} of a deadline must be a whole number of 0 or more, not ${value}.`);
  }
}

const NO_OPTIONS: CalendarOptions = {};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describeLimit(limit: ClockLimit): string {
  if (limit.workingDays !== undefined) return plural(limit.workingDays, 'working day');
  if (limit.months !== undefined) return plural(limit.months, 'calendar month');
  return plural(limit.calendarDays ?? 0, 'calendar day');
}

/** Groups skipped days for a sentence: "8 weekend days, St Patrick's Day (Northern Ireland), paused: fees notice (9 days)". */
function summariseSkipped(skipped: SkippedDay[]): string {
  if (skipped.length === 0) return 'no days skipped';
  const weekends = skipped.filter((s) => s.reason === 'Saturday' || s.reason === 'Sunday').length;
  const others = new Map<string, number>();
  for (const s of skipped) {
    if (s.reason === 'Saturday' || s.reason === 'Sunday') continue;
    others.set(s.reason, (others.get(s.reason) ?? 0) + 1);
  }
  const parts = weekends > 0 ? [plural(weekends, 'weekend day')] : [];
  for (const [reason, n] of others) parts.push(n === 1 ? reason : `${reason} (${plural(n, 'day')})`);
  return `skipped ${parts.join(', ')}`;
}

/**
 * Works out the deadline from a clock's events: each day counted and each day skipped with its reason.
 * Events must be in date order.
 */
export function computeDeadline(
  regime: Regime,
  events: readonly ClockEvent[],
  limit: ClockLimit,
  options: CalendarOptions = NO_OPTIONS,
): Deadline {
  checkLimit(limit);
  const table = tableFor(regime, options);
  let received: number | null = null;
  let currentLimit = limit;
  let status: ClockStatus = 'not-started';
  let pauses: Pause[] = [];
  let openPause: { from: number; reason: string } | null = null;
  let previous = -Infinity;
  let stoppedBecause = '';
  // Items the month waits for (Art 12A), with the day each was asked for; made only when needed.
  let awaiting: Map<string, number> | null = null;

  for (const event of events) {
    const day = indexOf(event.date);
    if (day < previous) {
      throw new CalendarError(
        `Clock events must be in date order: ${event.type} on ${event.date} comes after a later one.`,
      );
    }
    previous = day;
    switch (event.type) {
      case 'start':
      case 'restart':
        received = day;
        pauses = [];
        openPause = null;
        awaiting = null;
        status = 'running';
        break;
      case 'await':
        if (status === 'running' || status === 'paused' || status === 'awaiting') {
          awaiting ??= new Map();
          awaiting.set(event.item, day);
          status = 'awaiting';
        }
        break;
      case 'supplied':
        // Only what was asked for moves the start: the latest receipt of request, identity, authority, fee.
        if (status === 'awaiting' && awaiting?.delete(event.item)) {
          received = day;
          pauses = [];
          openPause = null;
          status = (awaiting?.size ?? 0) > 0 ? 'awaiting' : 'running';
        }
        break;
      case 'pause':
        if (status === 'running') {
          openPause = { from: day, reason: event.reason };
          status = 'paused';
        }
        break;
      case 'resume':
        if (openPause) {
          pauses.push({ from: openPause.from, to: day, reason: openPause.reason });
          openPause = null;
          status = 'running';
        }
        break;
      case 'extend': {
        const extended: ClockLimit =
          event.totalMonths !== undefined
            ? { months: event.totalMonths }
            : { workingDays: event.totalWorkingDays };
        checkLimit(extended);
        currentLimit = extended;
        break;
      }
      case 'stop':
        if (status !== 'not-started') {
          if (openPause) pauses.push({ from: openPause.from, to: day, reason: openPause.reason });
          openPause = null;
          status = 'stopped';
          stoppedBecause = event.reason;
        }
        break;
    }
  }

  const law = describeRegime(regime).law;
  if (received === null) {
    return {
      regime,
      status,
      received: null,
      due: null,
      limit: currentLimit,
      counted: [],
      skipped: [],
      explanation: `The clock has not started: ${describeLimit(currentLimit)} under ${law} will count from the date of receipt.`,
    };
  }
  // Code of Practice reading: a request received on a non-working day is received on the next working day.
  // SAR always counts from the day of receipt, working day or not (ICO right-of-access guidance).
  const dayZero =
    options.receiptRule === 'code-of-practice' && describeRegime(regime).unit === 'working days'
      ? workingDayOnOrAfter(table, received)
      : received;
  if (status === 'awaiting' && awaiting) {
    const items = [...awaiting].map(([item, asked]) => `${item} (asked ${formattedOf(asked)})`);
    return {
      regime,
      status,
      received: isoOf(dayZero),
      due: null,
      limit: currentLimit,
      counted: [],
      skipped: [],
      explanation: `Received ${formattedOf(dayZero)}. Awaiting ${items.join(', ')}: ${describeLimit(currentLimit)} under ${law} will run from the day ${awaiting.size === 1 ? 'it is' : 'the last is'} received.`,
    };
  }
  if (status === 'paused' && openPause) {
    return {
      regime,
      status,
      received: isoOf(dayZero),
      due: null,
      limit: currentLimit,
      counted: [],
      skipped: [],
      explanation: `Received ${formattedOf(dayZero)} (day 0). Paused since ${formattedOf(openPause.from)} (${openPause.reason}): the deadline moves on by the ${currentLimit.workingDays !== undefined ? 'working days' : 'days'} the pause lasts.`,
    };
  }
  const result =
    currentLimit.workingDays !== undefined
      ? countWorkingDays(table, dayZero, currentLimit.workingDays, pauses)
      : countCalendar(table, dayZero, currentLimit, pauses);
  const due = isoOf(result.due);
  const stopped = status === 'stopped' ? ` The clock stopped (${stoppedBecause}).` : '';
  const rollForward = currentLimit.months !== undefined ? describeRollForward(regime, options) : '';
  return {
    regime,
    status,
    received: isoOf(dayZero),
    due,
    limit: currentLimit,
    counted: result.counted,
    skipped: result.skipped,
    explanation:
      `Received ${formattedOf(dayZero)} (day 0). ${describeLimit(currentLimit)} under ${law}${rollForward}; ` +
      `${summariseSkipped(result.skipped)}. Due ${formattedOf(result.due)}.${describeRestored(table, dayZero, result.due)}${stopped}`,
  };
}

/** Whose holidays move a month deadline on: the controller's nation, or every nation when none is set. */
function describeRollForward(regime: Regime, options: CalendarOptions): string {
  if (!describeRegime(regime).byControllerNation) return '';
  return options.nation
    ? ` (a weekend or a bank holiday in ${nationName(options.nation)}, the controller's nation, moves it on)`
    : ' (a weekend or a bank holiday anywhere in the UK moves it on: no controller nation set)';
}

/** Names each published holiday made a working day again at run time that fell inside the count. */
function describeRestored(table: CalendarTable, dayZero: number, due: number): string {
  if (table.restored.size === 0) return '';
  let text = '';
  for (const [index, why] of [...table.restored].sort((a, b) => a[0] - b[0])) {
    if (index > dayZero && index <= due) text += ` ${formattedOf(index)} is a working day: ${why}.`;
  }
  return text;
}

function pauseCovering(pauses: Pause[], day: number): Pause | undefined {
  for (const pause of pauses) if (day >= pause.from && day <= pause.to) return pause;
  return undefined;
}

function countWorkingDays(table: CalendarTable, dayZero: number, n: number, pauses: Pause[]) {
  const counted: IsoDate[] = [];
  const skipped: SkippedDay[] = [];
  let day = dayZero;
  while (counted.length < n) {
    day++;
    const iso = isoOf(day);
    const reason = table.reason[day];
    if (reason !== undefined) {
      skipped.push({ date: iso, reason });
      continue;
    }
    const pause = pauseCovering(pauses, day);
    if (pause) {
      skipped.push({ date: iso, reason: `paused: ${pause.reason}` });
      continue;
    }
    counted.push(iso);
  }
  return { due: day, counted, skipped };
}

/** Months or calendar days; paused days push the date on day for day, and months land on a working day. */
function countCalendar(table: CalendarTable, dayZero: number, limit: ClockLimit, pauses: Pause[]) {
  const pausedDays = pauses.reduce((sum, pause) => sum + (pause.to - pause.from + 1), 0);
  const skipped: SkippedDay[] = [];
  let due: number;
  if (limit.months !== undefined) {
    const sameDate = indexOf(sameDateMonthsLater(isoOf(dayZero), limit.months)) + pausedDays;
    due = workingDayOnOrAfter(table, sameDate);
    for (let day = sameDate; day < due; day++)
      skipped.push({ date: isoOf(day), reason: table.reason[day] ?? '' });
  } else {
    due = dayZero + (limit.calendarDays ?? 0) + pausedDays;
    isoOf(due);
  }
  for (const pause of pauses) {
    for (let day = pause.from; day <= pause.to; day++)
      skipped.push({ date: isoOf(day), reason: `paused: ${pause.reason}` });
  }
  skipped.sort((a, b) => a.date.localeCompare(b.date));
  return { due, counted: [] as IsoDate[], skipped };
}
