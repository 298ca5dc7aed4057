import { describe, expect, it } from 'vitest';
import { feeProblems, feeWorking } from './fees';

// Fees for Required Disclosure (Scotland) Regulations 2004 (SSI 2004/467), as foisa.json gives them.
const FOISA = { maxHourlyRate: 15, freeUpTo: 100, percentAbove: 10, costLimit: 600 };

describe('FOISA fees for required disclosure (SSI 2004/467)', () => {
  it('20 hours at £15 and £20 of copies and postage: projected costs £320, a fee of at most £22', () => {
    expect(feeWorking({ hours: 20, hourlyRate: 15, disbursements: 20 }, FOISA)).toEqual({
      hours: 20,
      hourlyRate: 15,
      disbursements: 20,
      staffCost: 300,
      projectedCosts: 320,
      maximumFee: 22,
    });
    expect(feeProblems({ hours: 20, hourlyRate: 15, disbursements: 20 }, 22, FOISA)).toEqual([]);
    expect(feeProblems({ hours: 20, hourlyRate: 15, disbursements: 20 }, 15.5, FOISA)).toEqual([]);
  });

  it('refuses a fee above the maximum, naming the maximum and how it was worked out', () => {
    expect(feeProblems({ hours: 20, hourlyRate: 15, disbursements: 20 }, 40, FOISA)).toEqual([
      '20 hours at £15 an hour (£300) and £20 of other costs come to £320; the fee may be at most £22, 10% of the £220 above £100 (reg 4), not £40',
    ]);
  });

  it('rounds the maximum down to the penny: 7.5 hours at £12.50 is £93.75, plus £12.40 is £106.15, at most £0.61', () => {
    const working = feeWorking({ hours: 7.5, hourlyRate: 12.5, disbursements: 12.4 }, FOISA);
    expect(working).toMatchObject({ staffCost: 93.75, projectedCosts: 106.15, maximumFee: 0.61 });
    expect(feeProblems({ hours: 7.5, hourlyRate: 12.5, disbursements: 12.4 }, 0.62, FOISA)[0]).toContain(
      'the fee may be at most £0.61, 10% of the £6.15 above £100 (reg 4), not £0.62',
    );
  });

  it('no fee at all on projected costs of £100 or less (6 hours at £15 and £10 of copies: £100)', () => {
    expect(feeWorking({ hours: 6, hourlyRate: 15, disbursements: 10 }, FOISA).maximumFee).toBe(0);
    expect(feeProblems({ hours: 6, hourlyRate: 15, disbursements: 10 }, 5, FOISA)).toEqual([
      '6 hours at £15 an hour (£90) and £10 of other costs come to £100, not more than £100, so no fee may be charged (reg 4): answer the request without a fees notice',
    ]);
  });

  it('£600 exactly allows at most £50; above £600 the request is over the cost limit (s.12), not one for a fee', () => {
    expect(feeWorking({ hours: 40, hourlyRate: 15, disbursements: 0 }, FOISA).maximumFee).toBe(50);
    expect(feeProblems({ hours: 40, hourlyRate: 15, disbursements: 0 }, 50, FOISA)).toEqual([]);
    expect(feeWorking({ hours: 40, hourlyRate: 15, disbursements: 0.01 }, FOISA).maximumFee).toBeNull();
    expect(feeProblems({ hours: 41, hourlyRate: 15, disbursements: 0 }, 50, FOISA)).toEqual([
      '41 hours at £15 an hour (£615) come to £615, more than £600 (reg 5): the request is over the cost limit (s.12), so no fee can be charged; record it as over the cost limit instead',
    ]);
  });

  it('costs staff time at no more than £15 an hour, and counts the rest at £15', () => {
    expect(feeProblems({ hours: 20, hourlyRate: 25, disbursements: 0 }, 20, FOISA)).toEqual([
      'staff time is costed at no more than £15 an hour (reg 3(2)), not £25',
    ]);
    // At £25 the costs would be £500 and allow £40; at the cap they are £300 and allow £20.
    expect(feeProblems({ hours: 20, hourlyRate: 25, disbursements: 0 }, 40, FOISA)).toEqual([
      'staff time is costed at no more than £15 an hour (reg 3(2)), not £25',
      '20 hours at £15 an hour (£300) come to £300; the fee may be at most £20, 10% of the £200 above £100 (reg 4), not £40',
    ]);
  });

  it('refuses negative hours and a fee of nothing', () => {
    expect(feeProblems({ hours: -3, hourlyRate: 15, disbursements: 0 }, 10, FOISA)).toEqual([
      'the staff hours must be 0 or more, not -3',
    ]);
    expect(feeProblems({ hours: 20, hourlyRate: 15, disbursements: 0 }, 0, FOISA)).toEqual([
      'a fees notice asks for a fee of more than £0 (at most £20)',
    ]);
  });
});
