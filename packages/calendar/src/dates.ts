/** A date as YYYY-MM-DD (the statutory calendar has no times). */
export type IsoDate = string;

/** Thrown for input a person must correct; the message says what was wrong and what is allowed. */
export class CalendarError extends Error {
  override name = 'CalendarError';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True when the text is a real calendar date as YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// Every step recomputes its deadlines from the same few dates: each is parsed and printed once.
const MAX_REMEMBERED = 100_000;
const dayNumbers = new Map<IsoDate, number>();
const isoDates = new Map<number, IsoDate>();

/** Days since 1970-01-01: dates become integers, so counting is arithmetic. */
export function toDayNumber(date: IsoDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  if (!isIsoDate(date))
    throw new CalendarError(`"${date}" is not a date: write it as YYYY-MM-DD, e.g. 2026-01-14.`);
  const day =
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
  if (dayNumbers.size >= MAX_REMEMBERED) dayNumbers.clear();
  dayNumbers.set(date, day);
  return day;
}

export function fromDayNumber(day: number): IsoDate {
  const known = isoDates.get(day);
  if (known !== undefined) return known;
  const date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  if (isoDates.size >= MAX_REMEMBERED) isoDates.clear();
  isoDates.set(day, date);
  return date;
}

export function fromParts(year: number, month: number, day: number): IsoDate {
  return fromDayNumber(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Wed 14 Jan 2026", as letters and explanations write dates. */
export function formatDate(date: IsoDate): string {
  const day = toDayNumber(date);
  return `${WEEKDAYS[weekdayOf(day)]} ${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** Plain calendar days on: the ICO's 35 days to comply, 28 days to appeal, 6 weeks (42) to complain. */
export function addCalendarDays(from: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days))
    throw new CalendarError(`The number of days must be a whole number, not ${days}.`);
  return fromDayNumber(toDayNumber(from) + days);
}
