import feed from '../data/bank-holidays.json';
import { CalendarError, type IsoDate } from '../dates';
import { DIVISIONS, type Division, type FeedEvent, proclaimedBankHolidays } from './rules';

/** The last year whose list is kept as published data; later years come from the rules. */
export const LAST_PUBLISHED_YEAR = 2027;
export const FIRST_YEAR = 2015;
/** Receipt dates up to the end of 2030 are supported; deadlines may run into 2031. */
export const LAST_YEAR = 2030;
export const LAST_TABLE_YEAR = LAST_YEAR + 1;

export interface BankHoliday extends FeedEvent {
  division: Division;
}

const published = feed as Record<Division, { division: Division; events: FeedEvent[] }>;

const byDivision = new Map<Division, BankHoliday[]>(
  DIVISIONS.map((division) => {
    const events: BankHoliday[] = published[division].events.map((e) => ({ ...e, division }));
    for (let year = LAST_PUBLISHED_YEAR + 1; year <= LAST_TABLE_YEAR; year++) {
      events.push(...proclaimedBankHolidays(division, year).map((e) => ({ ...e, division })));
    }
    return [division, events];
  }),
);

/** A division's bank holidays 2015–2031 (published data to 2027, the statutory rules after), optionally one year. */
export function bankHolidays(division: Division, year?: number): BankHoliday[] {
  const events = byDivision.get(division);
  if (!events) {
    throw new CalendarError(`Unknown division "${division}": use one of ${DIVISIONS.join(', ')}.`);
  }
  return year === undefined ? [...events] : events.filter((e) => e.date.startsWith(`${year}-`));
}

/** The gov.uk feed's shape for the published years. */
export function publishedFeed(): typeof published {
  return published;
}

export const isInTableRange = (date: IsoDate) =>
  date >= `${FIRST_YEAR}-01-01` && date <= `${LAST_TABLE_YEAR}-12-31`;
