import type { CalendarOptions, ClockEvent, ClockLimit, IsoDate, Regime } from '@recordflow/calendar';

export interface DeadlineEntry {
  label: string;
  /** Null while the clock is paused. */
  due: IsoDate | null;
  statutory: boolean;
  /** Whose deadline it is: the authority's (the case list sorts by these), or the requester's (e.g. to ask for a review). */
  party: 'authority' | 'requester';
  /** How a non-clock deadline is counted, so a new holiday can recompute it; absent for the clock's own. */
  basis?: { from: IsoDate; workingDays?: number; months?: number; calendarDays?: number };
}

export interface TimerEntry {
  /** Null while the deadline it follows is unknown (clock paused or stopped). */
  fireOn: IsoDate | null;
  /** The event the timer sends to the case. */
  event: string;
  basis:
    | { deadline: string; offsetCalendarDays: number }
    | { from: IsoDate; afterCalendarDays?: number; afterMonths?: number };
}

/** Everything a case knows besides where it is; plain JSON, stored in the snapshot. */
export interface CaseContext {
  regime: Regime;
  receivedOn: IsoDate;
  /** The effective date of the last event applied. */
  now: IsoDate;
  /** The statutory response clock; its deadline is deadlines.response. */
  clock: { events: ClockEvent[]; limit: ClockLimit; label: string };
  deadlines: Record<string, DeadlineEntry>;
  /** What the case recorded: outcome, exemptions cited, held, refusal reason … */
  record: Record<string, unknown>;
  timers: Record<string, TimerEntry>;
  /** Letters queued, in order (an officer generates each and records it as sent). */
  letters: { template: string; on: IsoDate }[];
}

/** What an action or guard may read besides the context: set for the length of one pure step. */
export interface StepRuntime {
  at: IsoDate;
  calendar: CalendarOptions;
  payload: Record<string, unknown>;
  /** Who sends the event (a user's id; null for the system), for separation-of-duties guards. */
  actor?: string | null;
}

/** The name of the clock's deadline in context.deadlines. */
export const RESPONSE_DEADLINE = 'response';
