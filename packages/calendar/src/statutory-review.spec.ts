import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  type CalendarOptions,
  computeDeadline,
  describeRegime,
  type ExtraHoliday,
  holidayChangeProblem,
  isWorkingDay,
  type Nation,
  nonWorkingReason,
  REGIMES,
} from './index';

const start = (date: string) => ({ type: 'start' as const, date });
const sar = (date: string, options?: CalendarOptions) =>
  computeDeadline('sar', [start(date)], { months: 1 }, options);

// The dates computed in the statutory review (December 2026), defect by defect.
describe('C1: SAR identity, authority and fee start the month (UK GDPR Art 12A)', () => {
  const events = (asked: string, proof: string) => [
    start('2026-03-02'),
    { type: 'stop' as const, date: asked, reason: 'proof of identity requested' },
    { type: 'restart' as const, date: proof, reason: 'proof of identity received' },
  ];

  it('identity asked on the day of receipt, received Mon 16 Mar 2026: due Thu 16 Apr 2026', () => {
    expect(computeDeadline('sar', events('2026-03-02', '2026-03-16'), { months: 1 }).due).toBe('2026-04-16');
  });

  it('identity asked a week later, 9 Mar, received 16 Mar: still due 16 Apr (not 10 Apr)', () => {
    expect(computeDeadline('sar', events('2026-03-09', '2026-03-16'), { months: 1 }).due).toBe('2026-04-16');
  });

  it('the month runs from the latest of request, identity, authority and fee: the last restart', () => {
    const deadline = computeDeadline(
      'sar',
      [
        start('2026-03-02'),
        { type: 'restart', date: '2026-03-10', reason: 'fee received' },
        { type: 'restart', date: '2026-03-20', reason: "third party's authority received" },
      ],
      { months: 1 },
      { nation: 'england-and-wales' },
    );
    expect(deadline).toMatchObject({ received: '2026-03-20', due: '2026-04-20' });
  });

  it('the extension is three months from the latest start, rolled to a working day', () => {
    const deadline = computeDeadline(
      'sar',
      [
        start('2026-03-02'),
        { type: 'restart', date: '2026-03-16', reason: 'proof of identity received' },
        { type: 'extend', date: '2026-03-20', reason: 'complex', totalMonths: 3 },
      ],
      { months: 1 },
      { nation: 'england-and-wales' },
    );
    expect(deadline.due).toBe('2026-06-16');
  });

  it('a genuine clarification only pauses: the days between asking and receiving are added', () => {
    const deadline = computeDeadline(
      'sar',
      [
        start('2026-03-02'),
        { type: 'pause', date: '2026-03-09', reason: 'clarification requested' },
        { type: 'resume', date: '2026-03-13' },
      ],
      { months: 1 },
      { nation: 'england-and-wales' },
    );
    // 2 Apr + 5 paused days (9-13 Mar, both inclusive) = Tue 7 Apr 2026.
    expect(deadline.due).toBe('2026-04-07');
  });
});

describe('C1: await and supplied, the Art 12A start with several items outstanding', () => {
  const ew = { nation: 'england-and-wales' as const };

  it('worked example 7: identity awaited from Mon 2 Mar, supplied Mon 16 Mar 2026: due Thu 16 Apr 2026', () => {
    const waiting = computeDeadline(
      'sar',
      [start('2026-03-02'), { type: 'await', date: '2026-03-02', item: 'proof of identity' }],
      { months: 1 },
      ew,
    );
    expect(waiting).toMatchObject({ status: 'awaiting', due: null, received: '2026-03-02' });
    expect(waiting.explanation).toBe(
      'Received Mon 2 Mar 2026. Awaiting proof of identity (asked Mon 2 Mar 2026): 1 calendar month under UK GDPR Art 12(3) and Art 12A will run from the day it is received.',
    );
    const supplied = computeDeadline(
      'sar',
      [
        start('2026-03-02'),
        { type: 'await', date: '2026-03-09', item: 'proof of identity' },
        { type: 'supplied', date: '2026-03-16', item: 'proof of identity' },
      ],
      { months: 1 },
      ew,
    );
    expect(supplied).toMatchObject({ status: 'running', received: '2026-03-16', due: '2026-04-16' });
  });

  it('runs from the latest of identity and fee, whichever arrives last', () => {
    const events = [
      start('2026-03-02'),
      { type: 'await' as const, date: '2026-03-02', item: 'proof of identity' },
      { type: 'await' as const, date: '2026-03-02', item: 'fee' },
      { type: 'supplied' as const, date: '2026-03-05', item: 'fee' },
    ];
    const halfway = computeDeadline('sar', events, { months: 1 }, ew);
    expect(halfway).toMatchObject({ status: 'awaiting', due: null, received: '2026-03-05' });
    expect(halfway.explanation).toContain('Awaiting proof of identity (asked Mon 2 Mar 2026)');
    const done = computeDeadline(
      'sar',
      [...events, { type: 'supplied', date: '2026-03-20', item: 'proof of identity' }],
      { months: 1 },
      ew,
    );
    expect(done).toMatchObject({ status: 'running', received: '2026-03-20', due: '2026-04-20' });
  });

  it('ignores something supplied that was never asked for, and a clock stopped while waiting stays stopped', () => {
    const unasked = computeDeadline(
      'sar',
      [start('2026-03-02'), { type: 'supplied', date: '2026-03-10', item: 'fee' }],
      { months: 1 },
      ew,
    );
    expect(unasked).toMatchObject({ received: '2026-03-02', due: '2026-04-02' });
    const withdrawn = computeDeadline(
      'sar',
      [
        start('2026-03-02'),
        { type: 'await', date: '2026-03-02', item: 'proof of identity' },
        { type: 'stop', date: '2026-05-01', reason: 'withdrawn' },
        { type: 'supplied', date: '2026-05-04', item: 'proof of identity' },
      ],
      { months: 1 },
      ew,
    );
    expect(withdrawn.status).toBe('stopped');
  });
});

describe("C2: a SAR deadline moves past the controller's own nation's bank holidays", () => {
  it.each<[string, Nation, string]>([
    ['2026-02-17', 'england-and-wales', '2026-03-17'],
    ['2026-02-17', 'northern-ireland', '2026-03-18'],
    ['2026-07-03', 'england-and-wales', '2026-08-03'],
    ['2026-07-03', 'scotland', '2026-08-04'],
    ['2026-06-13', 'england-and-wales', '2026-07-13'],
    ['2026-06-13', 'northern-ireland', '2026-07-14'],
    ['2026-10-30', 'england-and-wales', '2026-11-30'],
    ['2026-10-30', 'scotland', '2026-12-01'],
    ['2026-03-06', 'scotland', '2026-04-06'],
    ['2026-03-06', 'england-and-wales', '2026-04-07'],
  ])('received %s, controller in %s: due %s', (received, nation, due) => {
    expect(sar(received, { nation }).due).toBe(due);
  });

  it('names the nation in the explanation and the holiday skipped', () => {
    const deadline = sar('2026-02-17', { nation: 'northern-ireland' });
    expect(deadline.skipped).toEqual([{ date: '2026-03-17', reason: "St Patrick's Day" }]);
    expect(deadline.explanation).toContain("a bank holiday in Northern Ireland, the controller's nation");
  });

  it('with no nation set, any UK nation’s holiday moves it on (the latest date), and the explanation says so', () => {
    const deadline = sar('2026-02-17');
    expect(deadline.due).toBe('2026-03-18');
    expect(deadline.explanation).toContain('anywhere in the UK moves it on: no controller nation set');
  });

  it('the nation changes nothing for the regimes whose statute fixes the calendar', () => {
    const options = { nation: 'england-and-wales' as const };
    expect(computeDeadline('foi', [start('2026-03-09')], { workingDays: 20 }, options).due).toBe(
      '2026-04-09',
    );
    expect(computeDeadline('foisa', [start('2026-03-09')], { workingDays: 20 }, options).due).toBe(
      '2026-04-07',
    );
  });
});

describe('C3: the Code of Practice receipt rule never applies to SAR', () => {
  it('SAR received Sat 1 Aug 2026 is due Tue 1 Sep 2026 under either rule', () => {
    expect(sar('2026-08-01').due).toBe('2026-09-01');
    const code = sar('2026-08-01', { receiptRule: 'code-of-practice' });
    expect(code).toMatchObject({ received: '2026-08-01', due: '2026-09-01' });
  });

  it('it still applies to FOI (worked example 3)', () => {
    const code = computeDeadline(
      'foi',
      [start('2026-12-19')],
      { workingDays: 20 },
      {
        receiptRule: 'code-of-practice',
      },
    );
    expect(code.due).toBe('2027-01-22');
  });
});

describe('C4: a proclamation moves a bank holiday: the old date is a working day again', () => {
  const everywhere = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
  // 2028 is generated by rule (no published list yet): the only correction route is a run-time change.
  const moved: ExtraHoliday[] = [
    {
      date: '2028-05-01',
      title: 'the holiday was moved to 8 May by proclamation',
      divisions: everywhere,
      removed: true,
    },
    { date: '2028-05-08', title: 'Early May bank holiday (moved)', divisions: everywhere },
  ];

  it('counts the old date, skips the new one and names both', () => {
    const plain = computeDeadline('foi', [start('2028-04-20')], { workingDays: 20 });
    const changed = computeDeadline(
      'foi',
      [start('2028-04-20')],
      { workingDays: 20 },
      { extraHolidays: moved },
    );
    expect(plain.due).toBe('2028-05-19');
    expect(changed.due).toBe('2028-05-19');
    expect(changed.counted).toContain('2028-05-01');
    expect(changed.skipped).toContainEqual({ date: '2028-05-08', reason: 'Early May bank holiday (moved)' });
    expect(changed.explanation).toContain(
      'Mon 1 May 2028 is a working day: the holiday was moved to 8 May by proclamation.',
    );
  });

  it('a removal alone brings a deadline one working day earlier (the 2022 Spring bank holiday pattern)', () => {
    const removal: ExtraHoliday[] = [
      {
        date: '2028-05-29',
        title: 'the holiday was moved to 1 Jun by proclamation',
        divisions: everywhere,
        removed: true,
      },
    ];
    const plain = computeDeadline('foi', [start('2028-05-15')], { workingDays: 20 });
    const changed = computeDeadline(
      'foi',
      [start('2028-05-15')],
      { workingDays: 20 },
      { extraHolidays: removal },
    );
    expect(plain.due).toBe('2028-06-13');
    expect(changed.due).toBe('2028-06-12');
    expect(isWorkingDay('foi', '2028-05-29', { extraHolidays: removal })).toBe(true);
  });

  it("a removal in one nation leaves the others' holiday in place for FOIA's UK calendar", () => {
    const scotlandOnly: ExtraHoliday[] = [
      { date: '2028-05-01', title: 'moved in Scotland', divisions: ['scotland'], removed: true },
    ];
    expect(isWorkingDay('foisa', '2028-05-01', { extraHolidays: scotlandOnly })).toBe(true);
    expect(nonWorkingReason('foi', '2028-05-01', { extraHolidays: scotlandOnly })).toBe(
      'Early May bank holiday (England and Wales, Northern Ireland)',
    );
  });

  it('changes apply in order: a holiday removed and proclaimed again is not a working day', () => {
    const again: ExtraHoliday[] = [
      { date: '2028-05-01', title: 'moved', divisions: everywhere, removed: true },
      { date: '2028-05-01', title: 'Early May bank holiday (restored)', divisions: everywhere },
    ];
    expect(nonWorkingReason('foi', '2028-05-01', { extraHolidays: again })).toBe(
      'Early May bank holiday (restored)',
    );
  });

  it('weekends and Christmas Day stay non-working whatever is removed', () => {
    const tryAll: ExtraHoliday[] = [
      { date: '2028-12-25', title: 'no', divisions: everywhere, removed: true },
      { date: '2028-12-23', title: 'no', divisions: everywhere, removed: true },
    ];
    expect(isWorkingDay('foi', '2028-12-25', { extraHolidays: tryAll })).toBe(false);
    expect(isWorkingDay('foi', '2028-12-23', { extraHolidays: tryAll })).toBe(false);
  });
});

describe('EISR: Environmental Information (Scotland) Regulations 2004', () => {
  it('counts 20 Scottish working days (worked example 2 dates), 40 when complex and voluminous', () => {
    expect(computeDeadline('eisr', [start('2026-03-09')], { workingDays: 20 }).due).toBe('2026-04-07');
    const extended = computeDeadline(
      'eisr',
      [
        start('2026-01-14'),
        { type: 'extend', date: '2026-02-02', reason: 'complex and voluminous', totalWorkingDays: 40 },
      ],
      { workingDays: 20 },
    );
    expect(extended.due).toBe('2026-03-11');
    expect(addWorkingDays('eisr', '2026-11-20', 10)).toBe(addWorkingDays('foisa', '2026-11-20', 10));
  });

  it('is described with its law, its Scottish scope and its regulator, and listed once in REGIMES', () => {
    expect(describeRegime('eisr')).toMatchObject({
      law: 'Environmental Information (Scotland) Regulations 2004, reg 5(2)',
      defaultLimit: { workingDays: 20 },
      divisions: ['scotland'],
      regulator: 'Scottish Information Commissioner',
      scope: 'weekends, Christmas Day and bank holidays in Scotland',
    });
    expect(REGIMES).toEqual(['foi', 'eir', 'foisa', 'eisr', 'sar']);
    expect(computeDeadline('eisr', [start('2026-01-14')], { workingDays: 20 }).explanation).toContain(
      'under Environmental Information (Scotland) Regulations 2004, reg 5(2)',
    );
  });
});

describe('a paused SAR', () => {
  it('says the due date moves on by the days the pause lasts, not working days', () => {
    const deadline = computeDeadline(
      'sar',
      [start('2026-03-02'), { type: 'pause', date: '2026-03-09', reason: 'clarification requested' }],
      { months: 1 },
    );
    expect(deadline.explanation).toMatch(/moves on by the days the pause lasts\.$/);
  });
});

describe('C4: checking a holiday change before it is recorded', () => {
  const everywhere = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
  const removal = (date: string, divisions: readonly Nation[] = everywhere): ExtraHoliday => ({
    date,
    title: 'the holiday was moved by proclamation',
    divisions,
    removed: true,
  });

  it('accepts an addition and the removal of a bank holiday', () => {
    expect(
      holidayChangeProblem({ date: '2028-05-08', title: 'Early May bank holiday', divisions: everywhere }),
    ).toBeNull();
    expect(holidayChangeProblem(removal('2028-05-01'))).toBeNull();
    expect(holidayChangeProblem(removal('2028-11-30', ['scotland']))).toBeNull();
  });

  it('refuses removing a day that is no bank holiday there, or Christmas Day, saying why', () => {
    expect(holidayChangeProblem(removal('2028-05-02'))).toBe(
      'Tue 2 May 2028 is not a bank holiday in England and Wales or Scotland or Northern Ireland: there is nothing to remove.',
    );
    expect(holidayChangeProblem(removal('2028-11-30', ['england-and-wales']))).toMatch(/nothing to remove/);
    expect(holidayChangeProblem(removal('2028-12-25'))).toBe(
      'Mon 25 Dec 2028 is Christmas Day, a non-working day under the Acts themselves: it cannot be removed.',
    );
  });

  it('takes earlier changes into account, in order', () => {
    const added: ExtraHoliday = { date: '2028-05-02', title: 'Extra', divisions: ['scotland'] };
    expect(holidayChangeProblem(removal('2028-05-02', ['scotland']), [added])).toBeNull();
    expect(holidayChangeProblem(removal('2028-05-01'), [removal('2028-05-01')])).toMatch(/nothing to remove/);
  });

  it('refuses a bad date, no nation or no reason', () => {
    expect(holidayChangeProblem({ ...removal('2028-05-01'), date: '2028-02-30' })).toMatch(/is not a date/);
    expect(holidayChangeProblem({ ...removal('2028-05-01'), divisions: [] })).toMatch(/^Name the nations/);
    expect(holidayChangeProblem({ ...removal('2028-05-01'), title: ' ' })).toMatch(
      /^Say why the holiday is removed/,
    );
    expect(holidayChangeProblem({ ...removal('2035-05-01') })).toMatch(/outside the calendar/);
  });
});
