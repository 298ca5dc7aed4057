/**
 * The most a fee for required disclosure may be (Freedom of Information (Scotland) Act 2002 s.9, Fees for Required
 * Disclosure (Scotland) Regulations 2004, SSI 2004/467): the projected costs of locating, retrieving and providing
 * the information (reg 3: never of determining whether it is held; staff time at no more than £15 an hour), nothing
 * on the first £100 and no more than 10% of the rest (reg 4), and no fee at all above £600, where s.12 applies (reg 5).
 */
export interface FeeBands {
  /** The most an hour of staff time may be costed at (£15). */
  maxHourlyRate: number;
  /** Projected costs up to this are free (£100). */
  freeUpTo: number;
  /** The fee is at most this percentage of the projected costs above freeUpTo (10). */
  percentAbove: number;
  /** Above this the request is over the cost limit (s.12), not one for a fee (£600). */
  costLimit: number;
}

export interface FeeEstimate {
  hours: number;
  hourlyRate: number;
  /** Other costs of providing the information: copies, postage. */
  disbursements: number;
}

export interface FeeWorking extends FeeEstimate {
  staffCost: number;
  projectedCosts: number;
  /** The most the fee may be: 0 up to freeUpTo, null above the cost limit (no fee notice then). */
  maximumFee: number | null;
}

const pence = (pounds: number) => Math.round(pounds * 100);

/** "£22", "£22.50". */
export const pounds = (value: number) => `£${Number.isInteger(value) ? value : value.toFixed(2)}`;

/** The projected costs and the maximum fee, rounded down to the penny so the fee never exceeds the law's. */
export function feeWorking(estimate: FeeEstimate, bands: FeeBands): FeeWorking {
  const staffCost = pence(estimate.hours * estimate.hourlyRate) / 100;
  const projectedPence = pence(staffCost) + pence(estimate.disbursements);
  const projectedCosts = projectedPence / 100;
  const above = projectedPence - pence(bands.freeUpTo);
  const maximumFee =
    projectedPence > pence(bands.costLimit)
      ? null
      : above <= 0
        ? 0
        : Math.floor((above * bands.percentAbove) / 100) / 100;
  return { ...estimate, staffCost, projectedCosts, maximumFee };
}

/** How the projected costs are made up, in the officer's and the requester's words. */
export function describeCosts(working: FeeWorking): string {
  const staff = `${working.hours} hours at ${pounds(working.hourlyRate)} an hour (${pounds(working.staffCost)})`;
  return working.disbursements > 0
    ? `${staff} and ${pounds(working.disbursements)} of other costs come to ${pounds(working.projectedCosts)}`
    : `${staff} come to ${pounds(working.projectedCosts)}`;
}

/** Why a fee may not be asked for as it stands; empty when it may. */
export function feeProblems(estimate: FeeEstimate, fee: number, bands: FeeBands): string[] {
  if (estimate.hours < 0) return [`the staff hours must be 0 or more, not ${estimate.hours}`];
  const problems: string[] = [];
  if (estimate.hourlyRate > bands.maxHourlyRate)
    problems.push(
      `staff time is costed at no more than ${pounds(bands.maxHourlyRate)} an hour (reg 3(2)), not ${pounds(estimate.hourlyRate)}`,
    );
  const working = feeWorking(
    { ...estimate, hourlyRate: Math.min(estimate.hourlyRate, bands.maxHourlyRate) },
    bands,
  );
  const costs = describeCosts(working);
  if (working.maximumFee === null)
    problems.push(
      `${costs}, more than ${pounds(bands.costLimit)} (reg 5): the request is over the cost limit (s.12), so no fee can be charged; record it as over the cost limit instead`,
    );
  else if (working.maximumFee === 0)
    problems.push(
      `${costs}, not more than ${pounds(bands.freeUpTo)}, so no fee may be charged (reg 4): answer the request without a fees notice`,
    );
  else if (fee > working.maximumFee)
    problems.push(
      `${costs}; the fee may be at most ${pounds(working.maximumFee)}, ${bands.percentAbove}% of the ${pounds(
        (pence(working.projectedCosts) - pence(bands.freeUpTo)) / 100,
      )} above ${pounds(bands.freeUpTo)} (reg 4), not ${pounds(fee)}`,
    );
  else if (fee <= 0)
    problems.push(`a fees notice asks for a fee of more than £0 (at most ${pounds(working.maximumFee)})`);
  return problems;
}
