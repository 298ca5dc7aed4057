import type { CalendarOptions, ExtraHoliday } from '@recordflow/calendar';

export interface HolidayRow {
  date: string;
  title: string;
  divisions: ExtraHoliday['divisions'];
  created_at: Date;
}

export interface CalendarAt {
  options: CalendarOptions;
  /** The newest run-time holiday included; recorded on events so replay uses the same calendar. */
  asOf: Date | null;
}

// The calendar caches its tables per options object, so equal holiday lists share one object.
const optionsByKey = new Map<string, CalendarOptions>();

/** The calendar options for a list of run-time holidays (shared object per equal list). */
export function calendarFromRows(rows: HolidayRow[]): CalendarAt {
  const extraHolidays = rows.map((row) => ({ date: row.date, title: row.title, divisions: row.divisions }));
  const key = JSON.stringify(extraHolidays);
  let options = optionsByKey.get(key);
  if (!options) {
    options = { extraHolidays };
    optionsByKey.set(key, options);
  }
  const last = rows.at(-1);
  return { options, asOf: last ? last.created_at : null };
}
