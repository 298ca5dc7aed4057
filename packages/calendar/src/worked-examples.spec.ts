import { describe, expect, it } from 'vitest';
import { addWorkingDays, computeDeadline, foisaReviewRequestBy, nonWorkingReason } from './index';

const FOI_LIMIT = { workingDays: 20 };
const received = (date: string) => ({ type: 'start' as const, date });

// The worked examples of docs/law.md, one test each.
describe('worked examples of docs/law.md', () => {
  it('1. FOIA received Wed 14 Jan 2026 is due Wed 11 Feb 2026; with the public-interest extension Wed 11 Mar 2026', () => {
    const plain = computeDeadline('foi', [received('2026-01-14')], FOI_LIMIT);
    expect(plain.due).toBe('2026-02-11');
    expect(plain.counted).toHaveLength(20);
    expect(plain.skipped.every((s) => s.reason === 'Saturday' || s.reason === 'Sunday')).toBe(true);
    expect(plain.explanation).toBe(
      'Received Wed 14 Jan 2026 (day 0). 20 working days under Freedom of Information Act 2000, s.10; skipped 8 weekend days. Due Wed 11 Feb 2026.',
    );
    const extended = computeDeadline(
      'foi',
      [
        received('2026-01-14'),
        { type: 'extend', date: '2026-02-10', reason: 'public interest test', totalWorkingDays: 40 },
      ],
      FOI_LIMIT,
    );
    expect(extended.due).toBe('2026-03-11');
    expect(extended.limit).toEqual({ workingDays: 40 });
  });

  it('2. received Mon 9 Mar 2026: FOIA skips 17 Mar, 3 Apr, 6 Apr (Thu 9 Apr); FOISA skips only 3 Apr (Tue 7 Apr)', () => {
    const foi = computeDeadline('foi', [received('2026-03-09')], FOI_LIMIT);
    expect(foi.due).toBe('2026-04-09');
    expect(foi.skipped.filter((s) => !['Saturday', 'Sunday'].includes(s.reason))).toEqual([
      { date: '2026-03-17', reason: "St Patrick's Day (Northern Ireland)" },
      { date: '2026-04-03', reason: 'Good Friday' },
      { date: '2026-04-06', reason: 'Easter Monday (England and Wales, Northern Ireland)' },
    ]);
    const foisa = computeDeadline('foisa', [received('2026-03-09')], FOI_LIMIT);
    expect(foisa.due).toBe('2026-04-07');
    expect(foisa.skipped.filter((s) => !['Saturday', 'Sunday'].includes(s.reason))).toEqual([
      { date: '2026-04-03', reason: 'Good Friday' },
    ]);
  });

  it('3. FOIA received Sat 19 Dec 2026 is due Thu 21 Jan 2027 (ICO reading), Fri 22 Jan 2027 (Code of Practice reading)', () => {
    const ico = computeDeadline('foi', [received('2026-12-19')], FOI_LIMIT);
    expect(ico.due).toBe('2027-01-21');
    expect(ico.skipped.filter((s) => !['Saturday', 'Sunday'].includes(s.reason))).toEqual([
      { date: '2026-12-25', reason: 'Christmas Day' },
      { date: '2026-12-28', reason: 'Boxing Day (substitute day)' },
      { date: '2027-01-01', reason: "New Year's Day" },
      { date: '2027-01-04', reason: '2nd January (substitute day) (Scotland)' },
    ]);
    const code = computeDeadline('foi', [received('2026-12-19')], FOI_LIMIT, {
      receiptRule: 'code-of-practice',
    });
    expect(code.received).toBe('2026-12-21');
    expect(code.due).toBe('2027-01-22');
  });

  it('4. from example 1, clarification received Tue 3 Feb 2026 restarts the count: due Tue 3 Mar 2026', () => {
    const deadline = computeDeadline(
      'foi',
      [
        received('2026-01-14'),
        { type: 'stop', date: '2026-01-19', reason: 'clarification requested' },
        { type: 'restart', date: '2026-02-03', reason: 'clarification received' },
      ],
      FOI_LIMIT,
    );
    expect(deadline.received).toBe('2026-02-03');
    expect(deadline.due).toBe('2026-03-03');
    expect(deadline.status).toBe('running');
  });

  it('4. instead, fees notice Wed 21 Jan and payment Mon 2 Feb 2026 (both disregarded): due Tue 24 Feb 2026', () => {
    const deadline = computeDeadline(
      'foi',
      [
        received('2026-01-14'),
        { type: 'pause', date: '2026-01-21', reason: 'fees notice' },
        { type: 'resume', date: '2026-02-02' },
      ],
      FOI_LIMIT,
    );
    expect(deadline.due).toBe('2026-02-24');
    const paused = deadline.skipped.filter((s) => s.reason === 'paused: fees notice').map((s) => s.date);
    expect(paused).toEqual([
      '2026-01-21',
      '2026-01-22',
      '2026-01-23',
      '2026-01-26',
      '2026-01-27',
      '2026-01-28',
      '2026-01-29',
      '2026-01-30',
      '2026-02-02',
    ]);
  });

  it('while a fees notice is unpaid the deadline is unknown, and says so', () => {
    const deadline = computeDeadline(
      'foi',
      [received('2026-01-14'), { type: 'pause', date: '2026-01-21', reason: 'fees notice' }],
      FOI_LIMIT,
    );
    expect(deadline.status).toBe('paused');
    expect(deadline.due).toBeNull();
    expect(deadline.explanation).toMatch(/Paused since Wed 21 Jan 2026 \(fees notice\)/);
  });

  it('5. SAR received Sat 31 Jan 2026: 28 Feb is a Saturday, so due Mon 2 Mar 2026', () => {
    const deadline = computeDeadline('sar', [received('2026-01-31')], { months: 1 });
    expect(deadline.due).toBe('2026-03-02');
    expect(deadline.skipped).toEqual([
      { date: '2026-02-28', reason: 'Saturday' },
      { date: '2026-03-01', reason: 'Sunday' },
    ]);
    const extended = computeDeadline(
      'sar',
      [received('2026-01-31'), { type: 'extend', date: '2026-02-10', reason: 'complex', totalMonths: 3 }],
      { months: 1 },
    );
    expect(extended.due).toBe('2026-04-30');
  });

  it('6. response sent Wed 11 Feb 2026: review to be requested by Mon 13 Apr 2026; requested Mon 16 Feb, answer due Mon 16 Mar 2026', () => {
    expect(addWorkingDays('foi', '2026-02-11', 40)).toBe('2026-04-13');
    expect(addWorkingDays('foi', '2026-02-16', 20)).toBe('2026-03-16');
  });

  it('7. SAR received Mon 2 Mar 2026, identity asked the same day, proof received Mon 16 Mar 2026: the month runs from 16 Mar, due Thu 16 Apr 2026', () => {
    const deadline = computeDeadline(
      'sar',
      [
        received('2026-03-02'),
        { type: 'stop', date: '2026-03-02', reason: 'proof of identity requested' },
        { type: 'restart', date: '2026-03-16', reason: 'proof of identity received' },
      ],
      { months: 1 },
      { nation: 'england-and-wales' },
    );
    expect(deadline).toMatchObject({ status: 'running', received: '2026-03-16', due: '2026-04-16' });
    expect(deadline.explanation).toBe(
      "Received Mon 16 Mar 2026 (day 0). 1 calendar month under UK GDPR Art 12(3) and Art 12A (a weekend or a bank holiday in England and Wales, the controller's nation, moves it on); no days skipped. Due Thu 16 Apr 2026.",
    );
  });

  it('8. FOISA received Wed 14 Jan 2026 (due Wed 11 Feb), answered early on Wed 21 Jan: a review may be required until Thu 9 Apr 2026', () => {
    const due = computeDeadline('foisa', [received('2026-01-14')], FOI_LIMIT).due as string;
    expect(due).toBe('2026-02-11');
    expect(foisaReviewRequestBy(due, '2026-01-21')).toBe('2026-04-09');
    // Easter Monday 6 Apr 2026 is a Scottish working day, so it is counted.
    expect(addWorkingDays('foisa', '2026-02-11', 40)).toBe('2026-04-09');
  });

  it('names each non-working day the way the law does', () => {
    expect(nonWorkingReason('foi', '2026-07-13')).toBe(
      "Battle of the Boyne (Orangemen's Day) (substitute day) (Northern Ireland)",
    );
    expect(nonWorkingReason('foi', '2026-08-03')).toBe('Summer bank holiday (Scotland)');
    expect(nonWorkingReason('foi', '2026-11-30')).toBe("St Andrew's Day (Scotland)");
    expect(nonWorkingReason('foisa', '2026-11-30')).toBe("St Andrew's Day");
    expect(nonWorkingReason('foisa', '2026-04-06')).toBeNull();
    expect(nonWorkingReason('foi', '2026-01-14')).toBeNull();
  });
});
