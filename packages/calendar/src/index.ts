export { type ClockEvent, type ClockStatus, computeDeadline, type Deadline, type SkippedDay } from './clock';
export { addCalendarDays, CalendarError, formatDate, type IsoDate, isIsoDate } from './dates';
export { holidayChangeProblem } from './holiday-changes';
export { type BankHoliday, bankHolidays, publishedFeed } from './holidays/bank-holidays';
export { DIVISIONS, type Division, easterSunday } from './holidays/rules';
export {
  type ClockLimit,
  describeRegime,
  divisionsFor,
  NATIONS,
  type Nation,
  NationError,
  nationName,
  REGIMES,
  type Regime,
  type RegimeDescription,
  type Regulator,
} from './regimes';
export { foisaReviewRequestBy } from './review-windows';
export { appropriateLimitOf, HOURLY_RATE, isSector, SECTOR_NAMES, SECTORS, type Sector } from './sectors';
export {
  COMPLIANCE_VARIATIONS,
  type ComplianceVariation,
  type ComplianceVariationDescription,
  describeComplianceVariation,
} from './variations';
export {
  addCalendarMonths,
  addWorkingDays,
  type CalendarOptions,
  type ExtraHoliday,
  isWorkingDay,
  nonWorkingReason,
  type ReceiptRule,
} from './working-days';
