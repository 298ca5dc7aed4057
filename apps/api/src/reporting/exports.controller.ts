import type { ServerResponse } from 'node:http';
import { Controller, Get, Param, Query, Res, UseFilters } from '@nestjs/common';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { CasesQuery } from '../cases/cases.query';
import type { CasesFilter } from '../cases/dto/cases-filter.input';
import { invalid, isUuid } from '../common/errors';
import { HttpRefusalFilter } from './http-refusal.filter';
import { StatisticsPeriod } from './statistics.model';
import { StatisticsService } from './statistics.service';
import { csvWriter, type TableWriter, xlsxWriter } from './table-writers';

type Params = Record<string, string | undefined>;

/** Cases are read from the list a page at a time and written out as they come: never all in memory. */
const PAGE = 500;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const flag = (params: Params, name: string): boolean | undefined => {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw invalid(name, 'must be true or false');
  return value === 'true';
};

const date = (params: Params, name: string): string | undefined => {
  const value = params[name];
  if (value === undefined) return undefined;
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw invalid(name, 'must be a date as YYYY-MM-DD');
  return value;
};

const text = (params: Params, name: string): string | undefined => {
  const value = params[name];
  if (value !== undefined && (typeof value !== 'string' || value.length > 500 || value.includes('\0')))
    throw invalid(name, 'must be text of at most 500 characters');
  return value;
};

const id = (params: Params, name: string): string | undefined => {
  const value = text(params, name);
  if (value !== undefined && !isUuid(value))
    throw invalid(name, 'must be an id as the API gives it (a UUID)');
  return value;
};

/** The case list's filters, from query parameters named as in GraphQL's CasesFilter. */
export function filterFrom(params: Params): CasesFilter {
  return {
    stage: text(params, 'stage'),
    regime: text(params, 'regime'),
    assigneeId: id(params, 'assigneeId'),
    teamId: id(params, 'teamId'),
    teamQueue: flag(params, 'teamQueue'),
    mine: flag(params, 'mine'),
    status: text(params, 'status'),
    overdue: flag(params, 'overdue'),
    dueSoon: flag(params, 'dueSoon'),
    dueBefore: date(params, 'dueBefore'),
    text: text(params, 'text'),
    answeredLate: flag(params, 'answeredLate'),
    receivedFrom: date(params, 'receivedFrom'),
    receivedTo: date(params, 'receivedTo'),
    requester: text(params, 'requester'),
    outcome: text(params, 'outcome'),
    exemptions: text(params, 'exemption')
      ?.split(',')
      .map((e) => e.trim()),
    dueFrom: date(params, 'dueFrom'),
    dueTo: date(params, 'dueTo'),
    closedFrom: date(params, 'closedFrom'),
    closedTo: date(params, 'closedTo'),
  };
}

const writerFor = (format: string, response: ServerResponse, name: string): TableWriter => {
  if (format === 'csv') return csvWriter(response, `${name}.csv`);
  if (format === 'xlsx') return xlsxWriter(response, `${name}.xlsx`);
  throw invalid('format', 'must be csv or xlsx');
};

const CASE_COLUMNS = [
  'reference',
  'regime',
  'workflow',
  'subject',
  'received',
  'stage',
  'step',
  'status',
  'due',
  'outcome',
  'closed',
];

/** CSV and XLSX downloads of the case list and of the statistics; bearer token, same roles as GraphQL. */
@Controller('api/export')
@UseFilters(HttpRefusalFilter)
export class ExportsController {
  constructor(
    private readonly cases: CasesQuery,
    private readonly statistics: StatisticsService,
  ) {}

  @Roles('officer', 'auditor', 'admin')
  @Get('cases.:format')
  async exportCases(
    @CurrentUser() actor: Actor,
    @Param('format') format: string,
    @Query() params: Params,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const filter = filterFrom(params);
    // The first page before any header: a bad filter is still a clean 400.
    let page = await this.cases.page(actor, filter, PAGE, null);
    const out = writerFor(format, response, 'cases');
    await out.sheet('Cases', CASE_COLUMNS);
    for (;;) {
      for (const row of page.rows)
        await out.row([
          row.reference,
          row.regime,
          row.workflowId,
          row.subject,
          row.receivedOn,
          row.stage,
          row.step,
          row.status,
          row.dueOn,
          row.outcome,
          row.closedAt?.toISOString() ?? null,
        ]);
      if (!page.hasNextPage) break;
      page = await this.cases.page(actor, filter, PAGE, page.cursors.at(-1) ?? null);
    }
    await out.end();
  }

  @Roles('officer', 'auditor', 'admin')
  @Get('statistics.:format')
  async exportStatistics(
    @Param('format') format: string,
    @Query() params: Params,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const from = date(params, 'from');
    const to = date(params, 'to');
    if (!from) throw invalid('from', 'is required (YYYY-MM-DD)');
    if (!to) throw invalid('to', 'is required (YYYY-MM-DD)');
    const groupBy = (params.groupBy ?? 'MONTH').toUpperCase();
    if (!(groupBy in StatisticsPeriod)) throw invalid('groupBy', 'must be MONTH, QUARTER or YEAR');
    const figures = await this.statistics.statistics({
      from,
      to,
      regime: text(params, 'regime') ?? null,
      workflowId: text(params, 'workflowId') ?? null,
      teamId: id(params, 'teamId') ?? null,
      groupBy: groupBy as StatisticsPeriod,
    });
    const out = writerFor(format, response, 'statistics');
    const periods = [...figures.periods, { ...figures, period: 'Total' }];
    await out.sheet('Timeliness', [
      'period',
      'from',
      'to',
      'received',
      'answered',
      'in time',
      'in time with a permitted extension',
      'late',
      'answered in time (%)',
      'average working days late',
    ]);
    for (const p of periods)
      await out.row([
        p.period,
        p.from,
        p.to,
        p.received,
        p.answered,
        p.inTime,
        p.inTimeExtended,
        p.late,
        p.inTimePercent,
        p.lateWorkingDaysAverage,
      ]);
    const keys = (pick: (p: (typeof periods)[number]) => { key: string }[]) => [
      ...new Set(periods.flatMap((p) => pick(p).map((c) => c.key))),
    ];
    const table = async (
      name: string,
      pick: (p: (typeof periods)[number]) => { key: string; count: number }[],
    ) => {
      const columns = keys(pick);
      await out.sheet(name, ['period', ...columns]);
      for (const p of periods) {
        const counts = new Map(pick(p).map((c) => [c.key, c.count]));
        await out.row([p.period, ...columns.map((key) => counts.get(key) ?? 0)]);
      }
    };
    await table('Outcomes', (p) => p.outcomes);
    await table('Exemptions', (p) => p.exemptions);
    await table('Working days late', (p) => p.lateWorkingDays);
    await out.sheet('Reviews and regulator', [
      'period',
      'reviews requested',
      'reviews decided',
      'reviews in time',
      'reviews late',
      'regulator complaints',
    ]);
    for (const p of periods)
      await out.row([
        p.period,
        p.reviews.requested,
        p.reviews.decided,
        p.reviews.inTime,
        p.reviews.late,
        p.regulator.complaints,
      ]);
    await out.end();
  }
}
