import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { ruleBankHolidays } from './holidays/rules';
import { bankHolidays, DIVISIONS, type Division, isWorkingDay, publishedFeed } from './index';

const weekday = (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

// date-holidays is an independent implementation: agreeing day by day with it is evidence, not a copy.
const STATES: Record<Division, string> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};
function independentList(division: Division, year: number): string[] {
  const source = new Holidays('GB', STATES[division]);
  return source
    .getHolidays(year)
    .filter((h) => h.type === 'public' || h.type === 'bank')
    .map((h) => h.date.slice(0, 10))
    .filter(weekday)
    .sort();
}

describe('bank holidays', () => {
  for (const division of DIVISIONS) {
    for (let year = 2019; year <= 2027; year++) {
      it(`${division} ${year} matches the published list day by day`, () => {
        const ours = bankHolidays(division, year).map((h) => h.date);
        expect([...new Set(ours)].sort()).toEqual([...new Set(independentList(division, year))]);
      });
    }
  }

  // The domain document's list of weekdays that are non-working under FOIA (the union of the nations).
  const DOMAIN_LIST: Record<number, string[]> = {
    2025: [
      '01-01',
      '01-02',
      '03-17',
      '04-18',
      '04-21',
      '05-05',
      '05-26',
      '07-14',
      '08-04',
      '08-25',
      '12-01',
      '12-25',
      '12-26',
    ],
    2026: [
      '01-01',
      '01-02',
      '03-17',
      '04-03',
      '04-06',
      '05-04',
      '05-25',
      '07-13',
      '08-03',
      '08-31',
      '11-30',
      '12-25',
      '12-28',
    ],
    2027: [
      '01-01',
      '01-04',
      '03-17',
      '03-26',
      '03-29',
      '05-03',
      '05-31',
      '07-12',
      '08-02',
      '08-30',
      '11-30',
      '12-27',
      '12-28',
    ],
  };
  for (const [year, days] of Object.entries(DOMAIN_LIST)) {
    it(`the FOIA calendar's weekday holidays of ${year} are the domain document's`, () => {
      const all: string[] = [];
      for (
        let d = new Date(`${year}-01-01T00:00:00Z`);
        d.getUTCFullYear() === Number(year);
        d.setUTCDate(d.getUTCDate() + 1)
      ) {
        const iso = d.toISOString().slice(0, 10);
        if (weekday(iso) && !isWorkingDay('foi', iso)) all.push(iso.slice(5));
      }
      expect(all).toEqual(days);
    });
  }

  it('keeps the published years in the gov.uk feed shape', () => {
    const feed = publishedFeed();
    expect(Object.keys(feed)).toEqual(['england-and-wales', 'scotland', 'northern-ireland']);
    expect(feed.scotland.division).toBe('scotland');
    expect(feed['england-and-wales'].events[0]).toEqual({
      title: 'New Year’s Day',
      date: '2015-01-01',
      notes: '',
      bunting: true,
    });
  });

  it('the statutory rules reproduce every published year but for the one-off proclamations', () => {
    const oneOffYears = [2020, 2022, 2023];
    for (const division of DIVISIONS) {
      for (let year = 2015; year <= 2027; year++) {
        if (oneOffYears.includes(year)) continue;
        expect(ruleBankHolidays(division, year), `${division} ${year}`).toEqual(
          bankHolidays(division, year).map(({ division: _d, ...event }) => event),
        );
      }
    }
  });

  it('includes the one-off proclamations', () => {
    const dates = bankHolidays('england-and-wales').map((h) => `${h.date} ${h.title}`);
    expect(dates).toContain('2020-05-08 Early May bank holiday (VE day)');
    expect(dates).toContain('2022-06-02 Spring bank holiday');
    expect(dates).toContain('2022-06-03 Platinum Jubilee bank holiday');
    expect(dates).toContain('2022-09-19 Bank Holiday for the State Funeral of Queen Elizabeth II');
    expect(dates).toContain('2023-05-08 Bank holiday for the coronation of King Charles III');
  });

  it('generates 2028–2030 by the rules, e.g. Scotland 2028 and Northern Ireland 2029', () => {
    expect(bankHolidays('scotland', 2028).map((h) => h.date)).toEqual([
      '2028-01-03',
      '2028-01-04',
      '2028-04-14',
      '2028-05-01',
      '2028-05-29',
      '2028-08-07',
      '2028-11-30',
      '2028-12-25',
      '2028-12-26',
    ]);
    expect(bankHolidays('northern-ireland', 2029).map((h) => h.date)).toContain('2029-03-19');
    expect(bankHolidays('northern-ireland', 2029).map((h) => h.date)).toContain('2029-07-12');
  });
});
