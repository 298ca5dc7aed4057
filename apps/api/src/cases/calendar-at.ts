import {
  appropriateLimitOf,
  type CalendarOptions,
  type ExtraHoliday,
  isSector,
  type Nation,
  type ReceiptRule,
} from '@recordflow/calendar';

export interface HolidayRow {
  date: string;
  title: string;
  divisions: ExtraHoliday['divisions'];
  removed?: boolean;
  created_at: Date;
}

/** The calendar settings in force since created_at (the newest calendar_setting row). */
export interface CalendarSettingRow {
  nation: Nation | null;
  sector: string | null;
  receipt_rule: ReceiptRule;
  created_at: Date;
}

export interface CalendarAt {
  options: CalendarOptions;
  /**
   * The newest run-time holiday change or calendar setting included; recorded on events so replay
   * uses the same calendar.
   */
  asOf: Date | null;
}

/**
 * The run-time holidays and the current calendar settings in one statement's worth of SQL (as two
 * scalar subqueries), so every reader sees the same calendar.
 */
export const CALENDAR_COLUMNS = `
  (SELECT coalesce(json_agg(json_build_object('date', to_char(date, 'YYYY-MM-DD'), 'title', title,
          'divisions', divisions, 'removed', removed, 'created_at', created_at) ORDER BY created_at, id), '[]')
     FROM holiday) AS holidays,
  (SELECT json_build_object('nation', nation, 'sector', sector, 'receipt_rule', receipt_rule, 'created_at', created_at)
     FROM calendar_setting ORDER BY created_at DESC, id DESC LIMIT 1) AS calendar_setting`;

/** The newest change to the calendar, as stored events record it (milliseconds). */
export const CALENDAR_AS_OF_SQL = `(SELECT date_trunc('milliseconds', greatest(
  (SELECT max(created_at) FROM holiday), (SELECT max(created_at) FROM calendar_setting))))`;

/** The JSON the CALENDAR_COLUMNS give, as rows with dates. */
export function calendarFromJson(
  holidays: { date: string; title: string; divisions: string[]; removed?: boolean; created_at: string }[],
  setting: { nation: string | null; sector: string | null; receipt_rule: string; created_at: string } | null,
): CalendarAt {
  return calendarFromRows(
    holidays.map((h) => ({ ...h, created_at: new Date(h.created_at) }) as HolidayRow),
    setting ? ({ ...setting, created_at: new Date(setting.created_at) } as CalendarSettingRow) : null,
  );
}

// The calendar caches its tables per options object, so equal calendars share one object.
const optionsByKey = new Map<string, CalendarOptions>();

/** The calendar options for a list of run-time holidays and the settings in force (shared object per equal calendar). */
export function calendarFromRows(rows: HolidayRow[], setting: CalendarSettingRow | null = null): CalendarAt {
  const extraHolidays: ExtraHoliday[] = rows.map((row) => ({
    date: row.date,
    title: row.title,
    divisions: row.divisions,
    ...(row.removed ? { removed: true } : {}),
  }));
  const nation = setting?.nation ?? undefined;
  const receiptRule = setting?.receipt_rule ?? undefined;
  const sector = setting?.sector && isSector(setting.sector) ? setting.sector : null;
  const appropriateLimit = appropriateLimitOf(sector).pounds ?? undefined;
  const key = JSON.stringify([extraHolidays, nation ?? null, receiptRule ?? null, appropriateLimit ?? null]);
  let options = optionsByKey.get(key);
  if (!options) {
    options = {
      extraHolidays,
      ...(nation ? { nation } : {}),
      ...(receiptRule ? { receiptRule } : {}),
      ...(appropriateLimit ? { appropriateLimit } : {}),
    };
    optionsByKey.set(key, options);
  }
  const times = [rows.at(-1)?.created_at, setting?.created_at].filter((t): t is Date => t !== undefined);
  const asOf = times.length === 0 ? null : new Date(Math.max(...times.map((t) => t.getTime())));
  return { options, asOf };
}
