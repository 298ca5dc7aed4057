import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addCalendarDays,
  type CalendarOptions,
  isWorkingDay,
  REGIMES,
  type Regime,
} from '@recordflow/calendar';
import type { DataSource } from 'typeorm';
import { calendarFromRows } from '../cases/calendar-at';
import { invalid } from '../common/errors';
import {
  type Statistics,
  type StatisticsArgs,
  type StatisticsCount,
  type StatisticsFigures,
  StatisticsPeriod,
} from './statistics.model';

/** One case_report row as the statistics read it. */
export interface ReportRow {
  regime: Regime;
  received_on: string;
  response_due: string | null;
  answered_on: string | null;
  timeliness: string | null;
  extended: boolean;
  outcome: string | null;
  exemptions: string[];
  review_requested_on: string | null;
  review_decided_on: string | null;
  review_outcome: string | null;
  review_timeliness: string | null;
  complaint_on: string | null;
  decision: string | null;
}

/** At most this many years in one report: the figures are read per case. */
const MAX_YEARS = 10;

const counts = (values: (string | null)[]): StatisticsCount[] => {
  const byKey = new Map<string, number>();
  for (const value of values) if (value) byKey.set(value, (byKey.get(value) ?? 0) + 1);
  return [...byKey]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
};

/** Working days after the deadline up to and including the day of the answer. */
export function workingDaysLate(
  regime: Regime,
  due: string,
  answered: string,
  options: CalendarOptions,
): number {
  let days = 0;
  for (let day = addCalendarDays(due, 1); day <= answered; day = addCalendarDays(day, 1))
    if (isWorkingDay(regime, day, options)) days++;
  return days;
}

/** The periods between two dates, each clipped to them. */
export function periodsBetween(from: string, to: string, groupBy: StatisticsPeriod) {
  const periods: { period: string; from: string; to: string }[] = [];
  let start = from;
  while (start <= to) {
    const [year, month] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
    const months = groupBy === StatisticsPeriod.MONTH ? 1 : groupBy === StatisticsPeriod.QUARTER ? 3 : 12;
    const firstMonth =
      groupBy === StatisticsPeriod.MONTH
        ? month
        : groupBy === StatisticsPeriod.QUARTER
          ? month - ((month - 1) % 3)
          : 1;
    const nextMonth = firstMonth + months;
    const next = `${year + Math.floor((nextMonth - 1) / 12)}-${String(((nextMonth - 1) % 12) + 1).padStart(2, '0')}-01`;
    const end = addCalendarDays(next, -1);
    const period =
      groupBy === StatisticsPeriod.MONTH
        ? start.slice(0, 7)
        : groupBy === StatisticsPeriod.QUARTER
          ? `${year}-Q${(firstMonth + 2) / 3}`
          : String(year);
    periods.push({ period, from: start, to: end < to ? end : to });
    start = next;
  }
  return periods;
}

/** Reporting's figures, computed from the case_report rows the event trigger keeps. */
@Injectable()
export class StatisticsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The case_report rows of requests received in the range, after checking the arguments. */
  async rows(args: StatisticsArgs): Promise<ReportRow[]> {
    if (args.from > args.to) throw invalid('to', `must be on or after from (${args.from})`);
    if (Number(args.to.slice(0, 4)) - Number(args.from.slice(0, 4)) >= MAX_YEARS)
      throw invalid('to', `a report covers at most ${MAX_YEARS} years`);
    if (args.regime != null && !(REGIMES as readonly string[]).includes(args.regime))
      throw invalid('regime', `must be one of ${REGIMES.join(', ')}`);
    return this.dataSource.query(
      `SELECT regime, to_char(received_on, 'YYYY-MM-DD') AS received_on,
              to_char(response_due, 'YYYY-MM-DD') AS response_due, to_char(answered_on, 'YYYY-MM-DD') AS answered_on,
              timeliness, extended, outcome, exemptions,
              to_char(review_requested_on, 'YYYY-MM-DD') AS review_requested_on,
              to_char(review_decided_on, 'YYYY-MM-DD') AS review_decided_on, review_outcome, review_timeliness,
              to_char(complaint_on, 'YYYY-MM-DD') AS complaint_on, decision
         FROM case_report
        WHERE received_on BETWEEN $1 AND $2 AND ($3::text IS NULL OR regime = $3) AND ($4::text IS NULL OR workflow_id = $4)`,
      [args.from, args.to, args.regime ?? null, args.workflowId ?? null],
    );
  }

  async statistics(args: StatisticsArgs): Promise<Statistics> {
    const rows = await this.rows(args);
    const calendar = calendarFromRows(
      await this.dataSource.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, title, divisions, created_at FROM holiday ORDER BY created_at, id`,
      ),
    ).options;
    const groupBy = args.groupBy ?? StatisticsPeriod.MONTH;
    return {
      from: args.from,
      to: args.to,
      regime: args.regime ?? null,
      groupBy,
      ...figures(rows, calendar),
      periods: periodsBetween(args.from, args.to, groupBy).map((period) => ({
        ...period,
        ...figures(
          rows.filter((row) => row.received_on >= period.from && row.received_on <= period.to),
          calendar,
        ),
      })),
    };
  }
}

/** The figures of a set of cases. */
export function figures(rows: ReportRow[], calendar: CalendarOptions): StatisticsFigures {
  const answered = rows.filter((row) => row.answered_on !== null);
  const late = answered.filter((row) => row.timeliness === 'late');
  const daysLate = late
    .filter((row) => row.response_due !== null)
    .map((row) =>
      workingDaysLate(row.regime, row.response_due as string, row.answered_on as string, calendar),
    );
  const decidedReviews = rows.filter((row) => row.review_decided_on !== null);
  return {
    received: rows.length,
    answered: answered.length,
    inTime: answered.filter((row) => row.timeliness === 'in-time' && !row.extended).length,
    inTimeExtended: answered.filter((row) => row.timeliness === 'in-time' && row.extended).length,
    late: late.length,
    lateWorkingDaysAverage: daysLate.length ? daysLate.reduce((a, b) => a + b, 0) / daysLate.length : null,
    lateWorkingDays: counts(daysLate.map(String)).sort((a, b) => Number(a.key) - Number(b.key)),
    outcomes: counts(rows.map((row) => row.outcome)),
    exemptions: counts(rows.flatMap((row) => [...new Set(row.exemptions)])),
    reviews: {
      requested: rows.filter((row) => row.review_requested_on !== null).length,
      decided: decidedReviews.length,
      inTime: decidedReviews.filter((row) => row.review_timeliness === 'in-time').length,
      late: decidedReviews.filter((row) => row.review_timeliness === 'late').length,
      outcomes: counts(decidedReviews.map((row) => row.review_outcome)),
    },
    regulator: {
      complaints: rows.filter((row) => row.complaint_on !== null).length,
      decisions: counts(rows.map((row) => row.decision)),
    },
  };
}
