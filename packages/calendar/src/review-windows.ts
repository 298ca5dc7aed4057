import type { IsoDate } from './dates';
import { addWorkingDays, type CalendarOptions } from './working-days';

/**
 * FOISA s.20(5): the last day to require a review: the 40th Scottish working day after the expiry of
 * the 20 working days for compliance, or after a late response was received, whichever is later.
 * An early response does not shorten the window (worked example 8: due 11 Feb 2026 → 9 Apr 2026).
 * `respondedOn` is null when no response was given at all.
 */
export function foisaReviewRequestBy(
  responseDue: IsoDate,
  respondedOn: IsoDate | null,
  options?: CalendarOptions,
): IsoDate {
  const from = respondedOn !== null && respondedOn > responseDue ? respondedOn : responseDue;
  return addWorkingDays('foisa', from, 40, options);
}
