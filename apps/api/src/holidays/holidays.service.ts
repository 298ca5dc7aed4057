import { Injectable } from '@nestjs/common';
import type { CalendarOptions, ExtraHoliday } from '@recordflow/calendar';
import type { EntityManager } from 'typeorm';

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

const SELECT = `SELECT to_char(date, 'YYYY-MM-DD') AS date, title, divisions, created_at FROM holiday`;

@Injectable()
export class HolidaysService {
  /** The calendar as it stands now, read with the caller's manager, in its transaction if it has one (the table is tiny). */
  async current(manager: EntityManager): Promise<CalendarAt> {
    return calendarFromRows(await manager.query(`${SELECT} ORDER BY created_at, id`));
  }

  /** The calendar as it stood when an event was recorded. */
  async asOf(manager: EntityManager, asOf: Date | null): Promise<CalendarAt> {
    if (!asOf) return calendarFromRows([]);
    return calendarFromRows(
      await manager.query(`${SELECT} WHERE created_at <= $1 ORDER BY created_at, id`, [asOf]),
    );
  }
}
