import { addWorkingDays, type CalendarOptions, REGIMES, type Regime } from '@recordflow/calendar';

/** "Due soon" reaches this many working days ahead, counted on each case's own regime calendar. */
export const DUE_SOON_WORKING_DAYS = 5;

/** Today, and the last date each regime's "due soon" reaches from it: the rules of the list and the fields. */
export interface DeadlineRules {
  today: string;
  dueSoonBy: Record<Regime, string>;
}

interface Dated {
  status: string;
  regime: string;
  dueOn: string | null;
}

// The calendar shares one options object per holiday list, so the rules are worked out once a day per list.
const memo = new WeakMap<CalendarOptions, DeadlineRules>();

export function deadlineRules(today: string, options: CalendarOptions): DeadlineRules {
  const known = memo.get(options);
  if (known?.today === today) return known;
  const dueSoonBy = Object.fromEntries(
    REGIMES.map((regime) => [regime, addWorkingDays(regime, today, DUE_SOON_WORKING_DAYS, options)]),
  ) as Record<Regime, string>;
  const rules = { today, dueSoonBy };
  memo.set(options, rules);
  return rules;
}

/** Open, and its earliest deadline has passed. */
export const isOverdue = (c: Dated, rules: Pick<DeadlineRules, 'today'>) =>
  c.status === 'open' && c.dueOn !== null && c.dueOn < rules.today;

/** Open, not overdue, and due within DUE_SOON_WORKING_DAYS working days of its regime. */
export function isDueSoon(c: Dated, rules: DeadlineRules): boolean {
  const by = rules.dueSoonBy[c.regime as Regime];
  return (
    c.status === 'open' && c.dueOn !== null && by !== undefined && c.dueOn >= rules.today && c.dueOn <= by
  );
}
