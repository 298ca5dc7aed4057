import { CalendarError, formatDate, fromDayNumber, type IsoDate, toDayNumber, weekdayOf } from './dates';
import { bankHolidays, FIRST_YEAR, LAST_TABLE_YEAR } from './holidays/bank-holidays';
import type { Division } from './holidays/rules';
import { describeRegime, divisionsFor, type Nation, type Regime } from './regimes';

export type ReceiptRule = 'ico' | 'code-of-practice';

/**
 * A run-time change to the bank holidays, made by an administrator after a proclamation:
 * a new holiday (the default), or with `removed: true` a published holiday that is a working day
 * again in those divisions because it was moved or cancelled (2020: 4 May moved to 8 May).
 * For a removal the title says why, e.g. "the holiday was moved to 8 May by proclamation".
 */
export interface ExtraHoliday {
  date: IsoDate;
  title: string;
  divisions: readonly Division[];
  removed?: boolean;
}

export interface CalendarOptions {
  extraHolidays?: readonly ExtraHoliday[];
  /** 'ico' (default): day 0 is the date of receipt. 'code-of-practice': a request received on a non-working day counts from the next working day. Never applies to SAR. */
  receiptRule?: ReceiptRule;
  /**
   * The controller's own nation: a SAR deadline moves past its bank holidays only (ICO). Unset, a SAR
   * moves past any UK nation's holiday. FOIA/EIR (all UK) and FOISA/EISR (Scotland) are fixed by statute.
   */
  nation?: Nation;
  /**
   * The authority's s.12 appropriate limit in pounds (its sector: 600 or 450), for the workflow's s.12
   * guards; unset when the sector is not. The calendar itself does not read it.
   */
  appropriateLimit?: number;
}

const DIVISION_NAMES: Record<Division, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

const FIRST_DAY = toDayNumber(`${FIRST_YEAR}-01-01`);
const LAST_DAY = toDayNumber(`${LAST_TABLE_YEAR}-12-31`);
const LENGTH = LAST_DAY - FIRST_DAY + 1;

/** Every date of the range as text, made once: explanations list many days and must stay cheap. */
const ISO = Array.from({ length: LENGTH }, (_, i) => fromDayNumber(FIRST_DAY + i));
const INDEX = new Map(ISO.map((iso, i) => [iso, i]));
const NO_OPTIONS: CalendarOptions = {};

/** One regime's calendar as arrays over the day range, so counting is index arithmetic. */
export interface CalendarTable {
  regime: Regime;
  /** reason[i] is why day i is not a working day, or undefined when it is one. */
  reason: (string | undefined)[];
  /** workingBefore[i] = working days in [0, i). */
  workingBefore: Int32Array;
  /** The indexes of the working days, in order. */
  working: Int32Array;
  /** Published holidays made working days again at run time: index → why (the removal's title). */
  restored: Map<number, string>;
}

const plain = (title: string) => title.replace(/’/g, "'");

function buildTable(regime: Regime, options: CalendarOptions): CalendarTable {
  const divisions = divisionsFor(regime, options.nation);
  const titles: Map<number, Map<string, Division[]>> = new Map();
  const add = (date: IsoDate, title: string, division: Division) => {
    const index = toDayNumber(date) - FIRST_DAY;
    if (index < 0 || index >= LENGTH) return;
    const byTitle = titles.get(index) ?? new Map<string, Division[]>();
    byTitle.set(title, [...(byTitle.get(title) ?? []), division]);
    titles.set(index, byTitle);
  };
  for (const division of divisions) {
    for (const holiday of bankHolidays(division)) {
      add(holiday.date, plain(holiday.notes ? `${holiday.title} (substitute day)` : holiday.title), division);
    }
  }
  // Run-time changes apply in the order they were made: a later proclamation overrides an earlier one.
  const restored = new Map<number, string>();
  for (const change of options.extraHolidays ?? []) {
    const inScope = divisions.filter((d) => change.divisions.includes(d));
    if (inScope.length === 0) continue;
    const index = toDayNumber(change.date) - FIRST_DAY;
    if (!change.removed) {
      for (const division of inScope) add(change.date, plain(change.title), division);
      restored.delete(index);
      continue;
    }
    const byTitle = titles.get(index);
    if (!byTitle) continue;
    for (const [title, where] of byTitle) {
      // Christmas Day is named by the statutes themselves, not by a proclamation.
      if (title === 'Christmas Day') continue;
      const left = where.filter((d) => !inScope.includes(d));
      if (left.length === 0) byTitle.delete(title);
      else byTitle.set(title, left);
    }
    if (byTitle.size === 0) restored.set(index, plain(change.title));
  }
  const reason: (string | undefined)[] = new Array(LENGTH);
  for (let i = 0; i < LENGTH; i++) {
    const weekday = weekdayOf(FIRST_DAY + i);
    if (weekday === 6) reason[i] = 'Saturday';
    else if (weekday === 0) reason[i] = 'Sunday';
  }
  for (const [index, byTitle] of titles) {
    if (reason[index] || byTitle.size === 0) continue;
    // A holiday of every division in scope is named plainly; otherwise say where it is one.
    reason[index] = [...byTitle]
      .map(([title, where]) =>
        where.length === divisions.length || title === 'Christmas Day' || title === 'Good Friday'
          ? title
          : `${title} (${where.map((d) => DIVISION_NAMES[d]).join(', ')})`,
      )
      .join('; ');
  }
  const workingBefore = new Int32Array(LENGTH + 1);
  const working: number[] = [];
  for (let i = 0; i < LENGTH; i++) {
    workingBefore[i + 1] = (workingBefore[i] ?? 0) + (reason[i] ? 0 : 1);
    if (!reason[i]) working.push(i);
  }
  for (const index of restored.keys()) if (reason[index]) restored.delete(index);
  return { regime, reason, workingBefore, working: Int32Array.from(working), restored };
}

// Tables per regime and holiday list: callers pass equal options often, so the key is their content.
const tables = new Map<string, CalendarTable>();
const tablesByOptions = new WeakMap<CalendarOptions, Map<Regime, CalendarTable>>();

export function tableFor(regime: Regime, options: CalendarOptions = NO_OPTIONS): CalendarTable {
  const perOptions = tablesByOptions.get(options);
  const hit = perOptions?.get(regime);
  if (hit) return hit;
  const nation = describeRegime(regime).byControllerNation ? (options.nation ?? '') : '';
  const key = `${regime}|${nation}|${JSON.stringify(options.extraHolidays ?? [])}`;
  let table = tables.get(key);
  if (!table) {
    table = buildTable(regime, options);
    tables.set(key, table);
  }
  const map = perOptions ?? new Map<Regime, CalendarTable>();
  map.set(regime, table);
  tablesByOptions.set(options, map);
  return table;
}

/** Index of a date in the tables, refusing dates outside the supported range. */
export function indexOf(date: IsoDate): number {
  const known = INDEX.get(date);
  if (known !== undefined) return known;
  const index = toDayNumber(date) - FIRST_DAY;
  if (index < 0 || index >= LENGTH) {
    throw new CalendarError(
      `${date} is outside the calendar Recordflow knows (${FIRST_YEAR}-01-01 to ${LAST_TABLE_YEAR}-12-31).`,
    );
  }
  return index;
}

const FORMATTED: string[] = [];

/** formatDate for a table index, cached: every explanation names two dates. */
export function formattedOf(index: number): string {
  FORMATTED[index] ??= formatDate(isoOf(index));
  return FORMATTED[index];
}

export const isoOf = (index: number): IsoDate => {
  const iso = ISO[index];
  if (iso === undefined) {
    throw new CalendarError(
      `The deadline falls after ${LAST_TABLE_YEAR}-12-31, beyond the calendar Recordflow knows.`,
    );
  }
  return iso;
};

export function isWorkingDay(regime: Regime, date: IsoDate, options?: CalendarOptions): boolean {
  return tableFor(regime, options).reason[indexOf(date)] === undefined;
}

/** Why the date is not a working day in the regime ("Saturday", "St Patrick's Day (Northern Ireland)"), or null. */
export function nonWorkingReason(regime: Regime, date: IsoDate, options?: CalendarOptions): string | null {
  return tableFor(regime, options).reason[indexOf(date)] ?? null;
}

/** Index of the n-th working day after index `from` (n ≥ 1). */
export function nthWorkingDayAfter(table: CalendarTable, from: number, n: number): number {
  const index = table.working[(table.workingBefore[from + 1] ?? 0) + n - 1];
  if (index === undefined) {
    throw new CalendarError(
      `The deadline falls after ${LAST_TABLE_YEAR}-12-31, beyond the calendar Recordflow knows.`,
    );
  }
  return index;
}

/** The first working day on or after index `from`. */
export function workingDayOnOrAfter(table: CalendarTable, from: number): number {
  return table.reason[from] === undefined ? from : nthWorkingDayAfter(table, from, 1);
}

function checkCount(days: number, unit: string): void {
  if (!Number.isInteger(days) || days < 0) {
    throw new CalendarError(`The number of ${unit} must be a whole number of 0 or more, not ${days}.`);
  }
}

/** The day `days` working days after `from` (day 0), under the regime's calendar. */
export function addWorkingDays(
  regime: Regime,
  from: IsoDate,
  days: number,
  options?: CalendarOptions,
): IsoDate {
  checkCount(days, 'working days');
  const table = tableFor(regime, options);
  const start = indexOf(from);
  return isoOf(days === 0 ? start : nthWorkingDayAfter(table, start, days));
}

/**
 * Calendar months from the day of receipt to the same date (31 January → the last day of February),
 * moved to the next working day when that falls on a weekend or bank holiday (UK GDPR, ICO guidance).
 */
export function addCalendarMonths(
  regime: Regime,
  from: IsoDate,
  months: number,
  options?: CalendarOptions,
): IsoDate {
  checkCount(months, 'months');
  return isoOf(workingDayOnOrAfter(tableFor(regime, options), indexOf(sameDateMonthsLater(from, months))));
}

export function sameDateMonthsLater(from: IsoDate, months: number): IsoDate {
  indexOf(from);
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7)) - 1 + months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = (month % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const day = Math.min(Number(from.slice(8, 10)), lastDay);
  return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
