import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  addWorkingDays,
  CalendarError,
  computeDeadline,
  isIsoDate,
  type Regime,
} from './index';

describe('bad input', () => {
  it('recognises only real dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
    expect(isIsoDate('14/01/2026')).toBe(false);
  });

  it('refuses an impossible date, naming it and the format', () => {
    expect(() => addWorkingDays('foi', '2026-02-30', 20)).toThrow(
      new CalendarError('"2026-02-30" is not a date: write it as YYYY-MM-DD, e.g. 2026-01-14.'),
    );
  });

  it('refuses negative and fractional days', () => {
    expect(() => addWorkingDays('foi', '2026-01-14', -1)).toThrow(
      'The number of working days must be a whole number of 0 or more, not -1.',
    );
    expect(() => addCalendarMonths('sar', '2026-01-14', 1.5)).toThrow(/whole number/);
  });

  it('refuses an unknown regime, listing the known ones', () => {
    expect(() => addWorkingDays('fol' as Regime, '2026-01-14', 20)).toThrow(
      'Unknown regime "fol": use one of foi, eir, foisa, eisr, sar.',
    );
  });

  it('refuses an unknown nation, listing the three', () => {
    expect(() =>
      computeDeadline(
        'sar',
        [{ type: 'start', date: '2026-01-14' }],
        { months: 1 },
        {
          nation: 'wales' as 'scotland',
        },
      ),
    ).toThrow('Unknown nation "wales": use one of england-and-wales, scotland, northern-ireland.');
  });

  it('refuses dates outside the calendar it knows', () => {
    expect(() => addWorkingDays('foi', '2014-12-31', 20)).toThrow(
      /outside the calendar Recordflow knows \(2015-01-01 to 2031-12-31\)/,
    );
  });

  it('refuses clock events out of date order and limits that are not exactly one unit', () => {
    expect(() =>
      computeDeadline(
        'foi',
        [
          { type: 'start', date: '2026-02-01' },
          { type: 'pause', date: '2026-01-20', reason: 'fees notice' },
        ],
        { workingDays: 20 },
      ),
    ).toThrow(/must be in date order/);
    expect(() => computeDeadline('foi', [], { workingDays: 20, months: 1 })).toThrow(/exactly one of/);
  });

  it('says when the clock has not started', () => {
    const deadline = computeDeadline('foi', [], { workingDays: 20 });
    expect(deadline).toMatchObject({ status: 'not-started', due: null });
  });
});
