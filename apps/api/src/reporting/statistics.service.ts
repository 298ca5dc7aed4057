import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addCalendarDays,
  type CalendarOptions,
  isWorkingDay,
  REGIMES,
  type Regime,
} from '@recordflow/calendar';
import type { DataSource, EntityManager } from 'typeorm';
import { calendarFromRows } from '../cases/calendar-at';
import { ukToday } from '../common/dates';
import { invalid } from '../common/errors';
import {
  type Statistics,
  type StatisticsArgs,
  type StatisticsFigures,
  StatisticsPeriod,
} from './statistics.model';

/** At most this many years in one report. */
const MAX_YEARS = 10;
/** How often a process folds the report differences into the monthly totals, and how many at a time. */
const FOLD_INTERVAL_MS = 5_000;
const FOLD_BATCH = 20_000;

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

/** The SQL of each period's label for a date column, as periodsBetween names it. */
const PERIOD_SQL: Record<StatisticsPeriod, (column: string) => string> = {
  [StatisticsPeriod.MONTH]: (column) => `to_char(${column}, 'YYYY-MM')`,
  [StatisticsPeriod.QUARTER]: (column) => `to_char(${column}, 'YYYY-"Q"Q')`,
  [StatisticsPeriod.YEAR]: (column) => `to_char(${column}, 'YYYY')`,
};

/** The filters every part of a report shares ($1 to $3: regime, workflow, team). */
const FILTERS = `($1::text IS NULL OR regime = $1) AND ($2::text IS NULL OR workflow_id = $2)
  AND ($3::uuid IS NULL OR team_id = $3)`;

/** How many cases of a period (null: all) count towards one dimension's key ('' for a plain count). */
interface KeyedRow {
  period: string | null;
  dimension: string;
  key: string;
  n: number;
}

/** A month ('YYYY-MM') as the label of the period it is in, as PERIOD_SQL writes it. */
const PERIOD_OF_MONTH: Record<StatisticsPeriod, (month: string) => string> = {
  [StatisticsPeriod.MONTH]: (month) => month,
  [StatisticsPeriod.QUARTER]: (month) =>
    `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`,
  [StatisticsPeriod.YEAR]: (month) => month.slice(0, 4),
};

/** Rows summed per period (null: the whole range) with their dimension and key; a sum of nothing is left out. */
function summed(rows: KeyedRow[], periodOf: (row: KeyedRow) => string | null): KeyedRow[] {
  const sums = new Map<string, KeyedRow>();
  for (const row of rows) {
    const period = periodOf(row);
    const id = `${period}\u0000${row.dimension}\u0000${row.key}`;
    const known = sums.get(id);
    if (known) known.n += row.n;
    else sums.set(id, { period, dimension: row.dimension, key: row.key, n: row.n });
  }
  return [...sums.values()].filter((row) => row.n !== 0);
}

/** Monthly rows as their periods' rows, with the whole range's beside them: every figure is a count, so they add up. */
function inPeriodsWithTotals(monthly: KeyedRow[], periodOfMonth: (month: string) => string): KeyedRow[] {
  const periods = summed(monthly, (row) => periodOfMonth(row.period as string));
  return [...periods, ...summed(periods, () => null)];
}

const firstOfMonth = (day: string) => `${day.slice(0, 8)}01`;
const lastOfMonth = (day: string) => {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return addCalendarDays(
    `${year + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`,
    -1,
  );
};

/**
 * A range as the whole months inside it (read from the monthly totals) and the days at either end that do
 * not make a whole month (read from the cases themselves).
 */
export function splitRange(from: string, to: string) {
  const first = from === firstOfMonth(from) ? from : addCalendarDays(lastOfMonth(from), 1);
  const last =
    to === lastOfMonth(to) ? firstOfMonth(to) : firstOfMonth(addCalendarDays(firstOfMonth(to), -1));
  if (first > last) return { months: null, edges: [{ from, to }] };
  const edges: { from: string; to: string }[] = [];
  if (from < first) edges.push({ from, to: addCalendarDays(first, -1) });
  const afterMonths = addCalendarDays(lastOfMonth(last), 1);
  if (afterMonths <= to) edges.push({ from: afterMonths, to });
  return { months: { first, last }, edges };
}

/** Reporting's figures: monthly totals kept by triggers, plus the cases of any part-month at the ends. */
@Injectable()
export class StatisticsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(StatisticsService.name);
  private folding?: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit() {
    this.folding = setInterval(() => {
      this.foldDeltas().catch((error) => this.logger.warn(`folding report totals: ${error}`));
    }, FOLD_INTERVAL_MS);
    this.folding.unref();
  }

  onModuleDestroy() {
    clearInterval(this.folding);
  }

  /** The holidays as working days late are counted with now, and a key that changes whenever they do. */
  private async calendar(manager: EntityManager = this.dataSource.manager) {
    const rows = await manager.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, title, divisions, removed, created_at FROM holiday ORDER BY created_at, id`,
    );
    const { options } = calendarFromRows(rows);
    return { options, key: `${rows.length}:${rows.at(-1)?.created_at?.toISOString() ?? ''}` };
  }

  /**
   * Adds the differences case_report's trigger appended into the monthly totals, a batch at a time, turning each
   * late answer's deadline and date into working days late; one process at a time (readers add any differences
   * not yet folded, so this only keeps them few). After a holiday change, first counts every late answer again.
   */
  async foldDeltas(): Promise<number> {
    let folded = 0;
    for (;;) {
      const moved = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
        const [{ locked }] = await manager.query(
          `SELECT pg_try_advisory_xact_lock(hashtext('case_report_fold')) AS locked`,
        );
        if (!locked) return 0;
        const calendar = await this.calendar(manager);
        const [recorded] = await manager.query(`SELECT holidays FROM case_report_tally_calendar`);
        if (recorded?.holidays !== calendar.key) return this.recountLateDays(manager, calendar);
        // A DELETE answers [rows, count].
        const [deltas]: [TallyRow[], number] = await manager.query(
          `DELETE FROM case_report_delta WHERE id IN (SELECT id FROM case_report_delta ORDER BY id LIMIT ${FOLD_BATCH})
           RETURNING to_char(month, 'YYYY-MM-DD') AS month, regime, workflow_id, team_id, dimension, key, n::int AS n`,
        );
        await addToTally(manager, lateDaysOf(deltas, calendar.options));
        return deltas.length;
      });
      folded += moved;
      if (moved === 0) return folded;
    }
  }

  /**
   * Counts every late answer's working days late again with the holidays now in force: the differences seen in
   * this transaction's snapshot are dropped, since the case_report rows it reads already hold them.
   */
  private async recountLateDays(
    manager: EntityManager,
    calendar: { options: CalendarOptions; key: string },
  ): Promise<number> {
    await manager.query(`DELETE FROM case_report_tally WHERE dimension = 'late-days'`);
    await manager.query(`DELETE FROM case_report_delta WHERE dimension = 'late-pair'`);
    const late: TallyRow[] = await manager.query(
      `SELECT to_char(date_trunc('month', received_on), 'YYYY-MM-DD') AS month, regime, workflow_id, team_id,
              'late-pair' AS dimension,
              regime || ' ' || to_char(response_due, 'YYYY-MM-DD') || ' ' || to_char(answered_on, 'YYYY-MM-DD') AS key,
              count(*)::int AS n
         FROM case_report
        WHERE timeliness = 'late' AND answered_on IS NOT NULL AND response_due IS NOT NULL
        GROUP BY 1, 2, 3, 4, 6`,
    );
    await addToTally(manager, lateDaysOf(late, calendar.options));
    await manager.query(
      `INSERT INTO case_report_tally_calendar (id, holidays) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET holidays = EXCLUDED.holidays`,
      [calendar.key],
    );
    this.logger.log(
      `counted the working days late of ${late.length} late answers with the holidays now in force`,
    );
    return Math.max(1, late.length);
  }

  async statistics(args: StatisticsArgs): Promise<Statistics> {
    if (args.from > args.to) throw invalid('to', `must be on or after from (${args.from})`);
    if (Number(args.to.slice(0, 4)) - Number(args.from.slice(0, 4)) >= MAX_YEARS)
      throw invalid('to', `a report covers at most ${MAX_YEARS} years`);
    if (args.regime != null && !(REGIMES as readonly string[]).includes(args.regime))
      throw invalid('regime', `must be one of ${REGIMES.join(', ')}`);
    const groupBy = args.groupBy ?? StatisticsPeriod.MONTH;
    const period = PERIOD_SQL[groupBy];
    // No request is received after today, so a range that runs to today covers the rest of its month as well.
    const { months, edges } = splitRange(args.from, args.to >= ukToday() ? lastOfMonth(args.to) : args.to);
    const filters = [args.regime ?? null, args.workflowId ?? null, args.teamId ?? null];
    const [keyed, calendar, [recorded]] = await Promise.all([
      this.dataSource
        .query<KeyedRow[]>(
          // Summed per month, which every period is made of (hashing a date, not each row's label), then per period below.
          `SELECT to_char(month, 'YYYY-MM') AS period, dimension, key, sum(n)::int AS n FROM (
             SELECT month, dimension, key, n FROM case_report_tally
              WHERE month BETWEEN $4 AND $5 AND ${FILTERS}
             UNION ALL
             SELECT month, dimension, key, n FROM case_report_delta
              WHERE month BETWEEN $4 AND $5 AND ${FILTERS}
             UNION ALL
             SELECT date_trunc('month', received_on)::date, c.dimension, c.key, 1
               FROM case_report r CROSS JOIN LATERAL case_report_contributions(r) c
              WHERE (received_on BETWEEN $6 AND $7 OR received_on BETWEEN $8 AND $9) AND ${FILTERS}
           ) counted
          GROUP BY month, dimension, key`,
          [
            ...filters,
            months?.first ?? null,
            months?.last ?? null,
            edges[0]?.from ?? null,
            edges[0]?.to ?? null,
            edges[1]?.from ?? null,
            edges[1]?.to ?? null,
          ],
        )
        .then((monthly) => inPeriodsWithTotals(monthly, PERIOD_OF_MONTH[groupBy])),
      this.calendar(),
      this.dataSource.query(`SELECT holidays FROM case_report_tally_calendar`),
    ]);
    // Until the totals' working days late are counted with today's holidays, count them from the cases.
    const counted =
      recorded?.holidays === calendar.key
        ? keyed
        : [
            ...keyed.filter((row) => row.dimension !== 'late-days' && row.dimension !== 'late-pair'),
            ...(await this.dataSource.query<KeyedRow[]>(
              `SELECT ${period('received_on')} AS period, 'late-pair' AS dimension,
                      regime || ' ' || to_char(response_due, 'YYYY-MM-DD') || ' ' || to_char(answered_on, 'YYYY-MM-DD') AS key,
                      count(*)::int AS n
                 FROM case_report
                WHERE timeliness = 'late' AND answered_on IS NOT NULL AND response_due IS NOT NULL
                  AND received_on BETWEEN $4 AND $5 AND ${FILTERS}
                GROUP BY GROUPING SETS ((1, 3), (3))`,
              [...filters, args.from, args.to],
            )),
          ];
    const figuresOf = (label: string | null) =>
      figures(
        counted.filter((row) => row.period === label),
        calendar.options,
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

/** A row of the monthly totals or of their differences. */
interface TallyRow {
  month: string;
  regime: string;
  workflow_id: string;
  team_id: string | null;
  dimension: string;
  key: string;
  n: number;
}

/** The rows with each late answer's deadline and date ('late-pair') turned into its working days late ('late-days'). */
function lateDaysOf(rows: TallyRow[], calendar: CalendarOptions): TallyRow[] {
  return rows.map((row) => {
    if (row.dimension !== 'late-pair') return row;
    const [regime, due, answered] = row.key.split(' ') as [Regime, string, string];
    return { ...row, dimension: 'late-days', key: String(workingDaysLate(regime, due, answered, calendar)) };
  });
}

/** Adds rows to the monthly totals, in one statement. */
async function addToTally(manager: EntityManager, rows: TallyRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof TallyRow>(key: K) => rows.map((row) => row[key]);
  await manager.query(
    `INSERT INTO case_report_tally (month, regime, workflow_id, team_id, dimension, key, n)
     SELECT month, regime, workflow_id, team_id, dimension, key, sum(n)
       FROM unnest($1::date[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::bigint[])
            AS d (month, regime, workflow_id, team_id, dimension, key, n)
      GROUP BY month, regime, workflow_id, team_id, dimension, key
     ON CONFLICT ON CONSTRAINT case_report_tally_key DO UPDATE SET n = case_report_tally.n + EXCLUDED.n`,
    [
      column('month'),
      column('regime'),
      column('workflow_id'),
      column('team_id'),
      column('dimension'),
      column('key'),
      column('n'),
    ],
  );
}

/** The figures of one period (or of the whole report) from its keyed counts. */
export function figures(keyed: KeyedRow[], calendar: CalendarOptions): StatisticsFigures {
  const count = (dimension: string) => keyed.find((row) => row.dimension === dimension)?.n ?? 0;
  const of = (dimension: string) =>
    keyed
      .filter((row) => row.dimension === dimension)
      .map(({ key, n }) => ({ key, count: n }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  // Working days late: counted in the totals, or (part-months, differences not yet folded) from each answer.
  const lateDays = new Map<number, number>();
  for (const row of keyed) {
    let days: number;
    if (row.dimension === 'late-days') days = Number(row.key);
    else if (row.dimension === 'late-pair') {
      const [regime, due, answered] = row.key.split(' ') as [Regime, string, string];
      days = workingDaysLate(regime, due, answered, calendar);
    } else continue;
    lateDays.set(days, (lateDays.get(days) ?? 0) + row.n);
  }
  const lateAnswers = [...lateDays.values()].reduce((a, b) => a + b, 0);
  const lateTotal = [...lateDays].reduce((sum, [days, n]) => sum + days * n, 0);
  const answered = count('answered');
  const inTime = count('in-time');
  const inTimeExtended = count('in-time-extended');
  return {
    received: count('received'),
    answered,
    inTime,
    inTimeExtended,
    late: count('late'),
    // In time with a permitted extension is in time (the ICO's reading), shown apart above.
    inTimePercent: answered ? Math.round(((inTime + inTimeExtended) / answered) * 1000) / 10 : null,
    lateWorkingDaysAverage: lateAnswers ? lateTotal / lateAnswers : null,
    lateWorkingDays: [...lateDays]
      .map(([days, n]) => ({ key: String(days), count: n }))
      .sort((a, b) => Number(a.key) - Number(b.key)),
    outcomes: of('outcome'),
    exemptions: of('exemption'),
    reviews: {
      requested: count('reviews-requested'),
      decided: count('reviews-decided'),
      inTime: count('reviews-in-time'),
      late: count('reviews-late'),
      outcomes: of('review-outcome'),
    },
    regulator: { complaints: count('complaints'), decisions: of('decision') },
  };
}
