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
  type StatisticsFigures,
  StatisticsPeriod,
} from './statistics.model';

/** At most this many years in one report: the figures are read per case. */
const MAX_YEARS = 10;

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

/** The SQL of each period's label, as periodsBetween names it. */
const PERIOD_SQL: Record<StatisticsPeriod, string> = {
  [StatisticsPeriod.MONTH]: `to_char(received_on, 'YYYY-MM')`,
  [StatisticsPeriod.QUARTER]: `to_char(received_on, 'YYYY-"Q"Q')`,
  [StatisticsPeriod.YEAR]: `to_char(received_on, 'YYYY')`,
};

/** The case_report rows a report covers ($1 to $5: from, to, regime, workflow, team). */
const IN_REPORT = `received_on BETWEEN $1 AND $2 AND ($3::text IS NULL OR regime = $3)
  AND ($4::text IS NULL OR workflow_id = $4)
  AND ($5::uuid IS NULL OR case_id IN (SELECT id FROM "case" WHERE team_id = $5))`;

/** One period's counters (period null: the whole report), as the first query returns them. */
interface CounterRow {
  period: string | null;
  received: number;
  answered: number;
  in_time: number;
  in_time_extended: number;
  late: number;
  reviews_requested: number;
  reviews_decided: number;
  reviews_in_time: number;
  reviews_late: number;
  complaints: number;
}

/** How many cases of a period (null: all) have one value of one dimension, as the second query returns them. */
interface KeyedRow {
  period: string | null;
  dimension: 'outcome' | 'exemption' | 'reviewOutcome' | 'decision' | 'late';
  key: string;
  n: number;
}

/**
 * Reporting's figures, from the case_report rows the event trigger keeps. PostgreSQL counts them (two
 * grouped queries, run side by side), so a report reads a few hundred rows however many cases it covers;
 * only the working days late are counted here, once per distinct deadline and answer date.
 */
@Injectable()
export class StatisticsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async statistics(args: StatisticsArgs): Promise<Statistics> {
    if (args.from > args.to) throw invalid('to', `must be on or after from (${args.from})`);
    if (Number(args.to.slice(0, 4)) - Number(args.from.slice(0, 4)) >= MAX_YEARS)
      throw invalid('to', `a report covers at most ${MAX_YEARS} years`);
    if (args.regime != null && !(REGIMES as readonly string[]).includes(args.regime))
      throw invalid('regime', `must be one of ${REGIMES.join(', ')}`);
    const groupBy = args.groupBy ?? StatisticsPeriod.MONTH;
    const period = PERIOD_SQL[groupBy];
    const params = [args.from, args.to, args.regime ?? null, args.workflowId ?? null, args.teamId ?? null];
    const [counters, keyed, holidays] = await Promise.all([
      this.dataSource.query<CounterRow[]>(
        `SELECT ${period} AS period, count(*)::int AS received, count(answered_on)::int AS answered,
                count(*) FILTER (WHERE answered_on IS NOT NULL AND timeliness = 'in-time' AND NOT extended)::int AS in_time,
                count(*) FILTER (WHERE answered_on IS NOT NULL AND timeliness = 'in-time' AND extended)::int AS in_time_extended,
                count(*) FILTER (WHERE answered_on IS NOT NULL AND timeliness = 'late')::int AS late,
                count(review_requested_on)::int AS reviews_requested, count(review_decided_on)::int AS reviews_decided,
                count(*) FILTER (WHERE review_decided_on IS NOT NULL AND review_timeliness = 'in-time')::int AS reviews_in_time,
                count(*) FILTER (WHERE review_decided_on IS NOT NULL AND review_timeliness = 'late')::int AS reviews_late,
                count(complaint_on)::int AS complaints
           FROM case_report WHERE ${IN_REPORT}
          GROUP BY ROLLUP (1)`,
        params,
      ),
      this.dataSource.query<KeyedRow[]>(
        `SELECT ${period} AS period, k.dimension, k.key, count(*)::int AS n
           FROM case_report
          CROSS JOIN LATERAL (
                SELECT 'outcome', outcome WHERE outcome IS NOT NULL
                UNION ALL SELECT DISTINCT 'exemption', e FROM unnest(exemptions) e
                UNION ALL SELECT 'reviewOutcome', review_outcome WHERE review_decided_on IS NOT NULL AND review_outcome IS NOT NULL
                UNION ALL SELECT 'decision', decision WHERE decision IS NOT NULL
                UNION ALL SELECT 'late', regime || ' ' || response_due || ' ' || answered_on
                           WHERE answered_on IS NOT NULL AND timeliness = 'late' AND response_due IS NOT NULL
               ) k (dimension, key)
          WHERE ${IN_REPORT}
          GROUP BY GROUPING SETS ((1, 2, 3), (2, 3))`,
        params,
      ),
      this.dataSource.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, title, divisions, created_at FROM holiday ORDER BY created_at, id`,
      ),
    ]);
    const calendar = calendarFromRows(holidays).options;
    const figuresOf = (label: string | null) =>
      figures(
        counters.find((row) => row.period === label),
        keyed.filter((row) => row.period === label),
        calendar,
      );
    return {
      from: args.from,
      to: args.to,
      regime: args.regime ?? null,
      groupBy,
      ...figuresOf(null),
      periods: periodsBetween(args.from, args.to, groupBy).map((row) => ({
        ...row,
        ...figuresOf(row.period),
      })),
    };
  }
}

/** The figures of one period (or of the whole report) from its counters and keyed counts. */
export function figures(
  counter: CounterRow | undefined,
  keyed: KeyedRow[],
  calendar: CalendarOptions,
): StatisticsFigures {
  const of = (dimension: KeyedRow['dimension']) =>
    keyed
      .filter((row) => row.dimension === dimension)
      .map(({ key, n }) => ({ key, count: n }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const lateDays = new Map<number, number>();
  for (const { key, count } of of('late')) {
    const [regime, due, answered] = key.split(' ') as [Regime, string, string];
    const days = workingDaysLate(regime, due, answered, calendar);
    lateDays.set(days, (lateDays.get(days) ?? 0) + count);
  }
  const lateAnswers = [...lateDays.values()].reduce((a, b) => a + b, 0);
  const lateTotal = [...lateDays].reduce((sum, [days, count]) => sum + days * count, 0);
  return {
    received: counter?.received ?? 0,
    answered: counter?.answered ?? 0,
    inTime: counter?.in_time ?? 0,
    inTimeExtended: counter?.in_time_extended ?? 0,
    late: counter?.late ?? 0,
    lateWorkingDaysAverage: lateAnswers ? lateTotal / lateAnswers : null,
    lateWorkingDays: [...lateDays]
      .map(([days, count]) => ({ key: String(days), count }))
      .sort((a, b) => Number(a.key) - Number(b.key)),
    outcomes: of('outcome'),
    exemptions: of('exemption'),
    reviews: {
      requested: counter?.reviews_requested ?? 0,
      decided: counter?.reviews_decided ?? 0,
      inTime: counter?.reviews_in_time ?? 0,
      late: counter?.reviews_late ?? 0,
      outcomes: of('reviewOutcome'),
    },
    regulator: { complaints: counter?.complaints ?? 0, decisions: of('decision') },
  };
}
