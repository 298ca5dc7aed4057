import { fromDayNumber, fromParts, toDayNumber, weekdayOf } from '../dates';

export type Division = 'england-and-wales' | 'scotland' | 'northern-ireland';
export const DIVISIONS: readonly Division[] = ['england-and-wales', 'scotland', 'northern-ireland'];

/** One entry of the gov.uk bank-holidays feed (https://www.gov.uk/bank-holidays.json). */
export interface FeedEvent {
  title: string;
  date: string;
  notes: string;
  bunting: boolean;
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromParts(year, month, day);
}

const SATURDAY = 6;
const SUNDAY = 0;
const MONDAY = 1;

function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = toDayNumber(fromParts(year, month, 1));
  return first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
}

function lastWeekday(year: number, month: number, weekday: number): number {
  const last = toDayNumber(fromParts(year, month + 1, 1)) - 1;
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

/** A fixed-date holiday falling on a weekend moves to the next weekday not already taken. */
function substitute(day: number, taken: Set<number>): { day: number; substituted: boolean } {
  let moved = day;
  while (weekdayOf(moved) === SATURDAY || weekdayOf(moved) === SUNDAY || taken.has(moved)) moved++;
  return { day: moved, substituted: moved !== day };
}

const event = (title: string, day: number, notes = '', bunting = true): FeedEvent => ({
  title,
  date: fromDayNumber(day),
  notes,
  bunting,
});

/**
 * A year's bank holidays in one division by the standing rules (Banking and Financial Dealings Act 1971
 * and the annual proclamations' usual pattern), without one-off changes.
 */
export function ruleBankHolidays(division: Division, year: number): FeedEvent[] {
  const events: FeedEvent[] = [];
  const taken = new Set<number>();
  const fixed = (title: string, month: number, dayOfMonth: number, bunting = true) => {
    const { day, substituted } = substitute(toDayNumber(fromParts(year, month, dayOfMonth)), taken);
    taken.add(day);
    events.push(event(title, day, substituted ? 'Substitute day' : '', bunting));
  };
  const on = (title: string, day: number, bunting = true) => {
    taken.add(day);
    events.push(event(title, day, '', bunting));
  };
  const easter = toDayNumber(easterSunday(year));

  fixed('New Year’s Day', 1, 1);
  if (division === 'scotland') fixed('2nd January', 1, 2);
  if (division === 'northern-ireland') fixed('St Patrick’s Day', 3, 17);
  on('Good Friday', easter - 2, false);
  if (division !== 'scotland') on('Easter Monday', easter + 1);
  on('Early May bank holiday', nthWeekday(year, 5, MONDAY, 1));
  on('Spring bank holiday', lastWeekday(year, 5, MONDAY));
  if (division === 'northern-ireland') fixed('Battle of the Boyne (Orangemen’s Day)', 7, 12, false);
  on(
    'Summer bank holiday',
    division === 'scotland' ? nthWeekday(year, 8, MONDAY, 1) : lastWeekday(year, 8, MONDAY),
  );
  if (division === 'scotland') fixed('St Andrew’s Day', 11, 30);
  // Christmas first: when it falls on a Saturday its substitute is the Monday and Boxing Day's the Tuesday.
  const christmas = toDayNumber(fromParts(year, 12, 25));
  if (weekdayOf(christmas) === SUNDAY) {
    // Boxing Day (Monday 26th) keeps its day; Christmas moves to Tuesday 27th.
    on('Boxing Day', christmas + 1);
    fixed('Christmas Day', 12, 25);
  } else {
    fixed('Christmas Day', 12, 25);
    fixed('Boxing Day', 12, 26);
  }
  return events.sort((x, y) => x.date.localeCompare(y.date));
}

/** One-off changes made by royal proclamation, applying to all three divisions. */
export const PROCLAMATIONS: readonly {
  year: number;
  moved?: { title: string; to: string; newTitle?: string };
  added?: FeedEvent;
}[] = [
  {
    year: 2020,
    moved: { title: 'Early May bank holiday', to: '2020-05-08', newTitle: 'Early May bank holiday (VE day)' },
  },
  { year: 2022, moved: { title: 'Spring bank holiday', to: '2022-06-02' } },
  {
    year: 2022,
    added: { title: 'Platinum Jubilee bank holiday', date: '2022-06-03', notes: '', bunting: true },
  },
  {
    year: 2022,
    added: {
      title: 'Bank Holiday for the State Funeral of Queen Elizabeth II',
      date: '2022-09-19',
      notes: '',
      bunting: false,
    },
  },
  {
    year: 2023,
    added: {
      title: 'Bank holiday for the coronation of King Charles III',
      date: '2023-05-08',
      notes: '',
      bunting: true,
    },
  },
];

/** The rules with the proclamations applied: what the feed would publish. */
export function proclaimedBankHolidays(division: Division, year: number): FeedEvent[] {
  let events = ruleBankHolidays(division, year);
  for (const change of PROCLAMATIONS.filter((p) => p.year === year)) {
    if (change.moved) {
      const { title, to, newTitle } = change.moved;
      events = events.map((e) => (e.title === title ? { ...e, date: to, title: newTitle ?? title } : e));
    }
    if (change.added) events = [...events, change.added];
  }
  return events.sort((x, y) => x.date.localeCompare(y.date));
}
