import { formatDate, isIsoDate } from './dates';
import { bankHolidays, FIRST_YEAR, isInTableRange, LAST_TABLE_YEAR } from './holidays/bank-holidays';
import { DIVISIONS, type Division } from './holidays/rules';
import { nationName } from './regimes';
import type { ExtraHoliday } from './working-days';

/** Is the date a bank holiday of the division, after the earlier run-time changes in order? */
function isHolidayIn(division: Division, date: string, earlier: readonly ExtraHoliday[]): boolean {
  let holiday = bankHolidays(division, Number(date.slice(0, 4))).some((h) => h.date === date);
  for (const change of earlier) {
    if (change.date === date && change.divisions.includes(division)) holiday = !change.removed;
  }
  return holiday;
}

/**
 * Why a run-time holiday change cannot be made, as a sentence for the administrator, or null when it
 * can: the date, the nations and the title must be given, and a removal must name a date that is a
 * bank holiday (published, by rule or added earlier) in at least one of its nations. `earlier` are the
 * changes already made, in order.
 */
export function holidayChangeProblem(
  change: ExtraHoliday,
  earlier: readonly ExtraHoliday[] = [],
): string | null {
  if (!isIsoDate(change.date))
    return `"${change.date}" is not a date: write it as YYYY-MM-DD, e.g. 2028-05-08.`;
  if (!isInTableRange(change.date))
    return `${change.date} is outside the calendar Recordflow knows (${FIRST_YEAR}-01-01 to ${LAST_TABLE_YEAR}-12-31).`;
  const unknown = change.divisions.find((d) => !DIVISIONS.includes(d));
  if (unknown !== undefined || change.divisions.length === 0)
    return `Name the nations it applies to, from ${DIVISIONS.join(', ')}${unknown !== undefined ? ` (not "${unknown}")` : ''}.`;
  if (change.title.trim() === '')
    return change.removed
      ? 'Say why the holiday is removed, e.g. "the holiday was moved to 8 May by proclamation".'
      : 'Give the holiday a title, e.g. "Bank holiday for the coronation".';
  if (!change.removed) return null;
  const when = formatDate(change.date);
  if (
    bankHolidays(change.divisions[0] as Division, Number(change.date.slice(0, 4))).some(
      (h) => h.date === change.date && h.title === 'Christmas Day',
    )
  )
    return `${when} is Christmas Day, a non-working day under the Acts themselves: it cannot be removed.`;
  if (!change.divisions.some((d) => isHolidayIn(d, change.date, earlier)))
    return `${when} is not a bank holiday in ${change.divisions.map(nationName).join(' or ')}: there is nothing to remove.`;
  return null;
}
