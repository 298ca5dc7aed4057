import { describe, expect, it } from 'vitest';
import { calendarAsOf, type RecordedCalendarSetting, type RecordedHoliday } from './audit';

const holidays: RecordedHoliday[] = [
  {
    date: '2026-05-04',
    title: 'moved to 8 May',
    divisions: ['england-and-wales'],
    removed: true,
    createdAt: '2026-03-01T10:00:00.000Z',
  },
  {
    date: '2026-05-08',
    title: 'VE Day',
    divisions: ['england-and-wales'],
    createdAt: '2026-03-01T10:00:00.000Z',
  },
];
const settings: RecordedCalendarSetting[] = [
  { nation: 'scotland', receiptRule: 'ico', createdAt: '2026-02-01T09:00:00.000Z' },
  {
    nation: 'england-and-wales',
    sector: 'central-government',
    receiptRule: 'code-of-practice',
    createdAt: '2026-04-01T09:00:00.000Z',
  },
];

describe('the calendar as it stood at an event', () => {
  it('has neither holiday changes nor settings before any were made', () => {
    expect(calendarAsOf(holidays, null, settings)).toEqual({ extraHolidays: [] });
  });

  it('has the settings then in force, and keeps a removal a removal', () => {
    expect(calendarAsOf(holidays, '2026-03-15T00:00:00.000Z', settings)).toEqual({
      extraHolidays: [
        { date: '2026-05-04', title: 'moved to 8 May', divisions: ['england-and-wales'], removed: true },
        { date: '2026-05-08', title: 'VE Day', divisions: ['england-and-wales'] },
      ],
      nation: 'scotland',
      receiptRule: 'ico',
    });
    expect(calendarAsOf(holidays, '2026-04-01T09:00:00.000Z', settings)).toMatchObject({
      nation: 'england-and-wales',
      receiptRule: 'code-of-practice',
      appropriateLimit: 600,
    });
  });

  it('has no nation before the first setting was recorded', () => {
    expect(calendarAsOf([], '2026-01-15T00:00:00.000Z', settings)).toEqual({ extraHolidays: [] });
  });
});
