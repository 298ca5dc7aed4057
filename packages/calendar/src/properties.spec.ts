import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  addWorkingDays,
  bankHolidays,
  computeDeadline,
  DIVISIONS,
  isWorkingDay,
  NATIONS,
  type Regime,
} from './index';

const day = fc
  .integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 11, 31) })
  .map((ms) => new Date(ms - (ms % 86_400_000)).toISOString().slice(0, 10));
const workingDayRegime = fc.constantFrom<Regime>('foi', 'eir', 'foisa', 'eisr');

describe('calendar properties', () => {
  it('a working-day deadline always lands on a working day of its calendar', () => {
    fc.assert(
      fc.property(workingDayRegime, day, fc.integer({ min: 1, max: 60 }), (regime, received, days) => {
        const due = computeDeadline(regime, [{ type: 'start', date: received }], { workingDays: days }).due;
        expect(due).not.toBeNull();
        expect(isWorkingDay(regime, due as string)).toBe(true);
      }),
    );
  });

  it('a month deadline always lands on a working day too', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 3 }), (received, months) => {
        expect(isWorkingDay('sar', addCalendarMonths('sar', received, months))).toBe(true);
      }),
    );
  });

  it("a SAR deadline lands on a working day of the controller's nation, never later than with no nation set", () => {
    fc.assert(
      fc.property(
        day,
        fc.constantFrom(...NATIONS),
        fc.integer({ min: 1, max: 3 }),
        (received, nation, months) => {
          const due = addCalendarMonths('sar', received, months, { nation });
          expect(isWorkingDay('sar', due, { nation })).toBe(true);
          expect(due <= addCalendarMonths('sar', received, months)).toBe(true);
        },
      ),
    );
  });

  it('more days never give an earlier date', () => {
    fc.assert(
      fc.property(
        workingDayRegime,
        day,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 20 }),
        (regime, from, a, extra) => {
          expect(addWorkingDays(regime, from, a + extra) >= addWorkingDays(regime, from, a)).toBe(true);
        },
      ),
    );
  });

  it('a pause never brings a deadline earlier', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 0, max: 30 }),
        (received, after, length) => {
          const start = { type: 'start' as const, date: received };
          const plain = computeDeadline('foi', [start], { workingDays: 20 }).due as string;
          const from = addWorkingDays('foi', received, after);
          const to = addWorkingDays('foi', from, length);
          const paused = computeDeadline(
            'foi',
            [start, { type: 'pause', date: from, reason: 'fees notice' }, { type: 'resume', date: to }],
            { workingDays: 20 },
          ).due as string;
          expect(paused >= plain).toBe(true);
        },
      ),
    );
  });

  it('the FOIA calendar skips every day that any one nation skips, and FOISA skips no more than FOIA', () => {
    for (const division of DIVISIONS) {
      for (const holiday of bankHolidays(division)) {
        if (holiday.date > '2030-12-31') continue;
        expect(isWorkingDay('foi', holiday.date), `${division} ${holiday.date} ${holiday.title}`).toBe(false);
      }
    }
    fc.assert(
      fc.property(day, (date) => {
        if (!isWorkingDay('foisa', date)) expect(isWorkingDay('foi', date)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts exactly the asked number of days, and explains every day between receipt and due', () => {
    fc.assert(
      fc.property(workingDayRegime, day, fc.integer({ min: 1, max: 40 }), (regime, received, days) => {
        const deadline = computeDeadline(regime, [{ type: 'start', date: received }], { workingDays: days });
        expect(deadline.counted).toHaveLength(days);
        const start = Date.parse(`${received}T00:00:00Z`);
        const end = Date.parse(`${deadline.due}T00:00:00Z`);
        expect(deadline.counted.length + deadline.skipped.length).toBe((end - start) / 86_400_000);
      }),
    );
  });
});
