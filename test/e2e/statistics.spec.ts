import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewsRequested1764000001800 } from '../../apps/api/src/database/migrations/1764000001800-reviews-requested';
import { StatisticsService } from '../../apps/api/src/reporting/statistics.service';
import { startTestApi, type TestApi } from '../support/api';
import { approvedAndSent, approverToken, createCase, handlesSars, play, type Step } from '../support/cases';

const answer = (outcome: string, on: string, extra: Record<string, unknown> = {}): Step[] => [
  {
    type: 'SUBMIT_FOR_APPROVAL',
    effectiveOn: on,
    payload: {
      outcome,
      answers: [{ question: 'The request', answer: 'The answers.' }],
      held: true,
      ...extra,
    },
  },
  ...approvedAndSent(on),
];

/**
 * Requests with known answers. FOI requests received on 14 Jan 2026 are due on Wed 11 Feb 2026
 * (20 working days), or on 11 Mar 2026 when extended for the public interest (40).
 */
const FOI_CASES: { receivedOn: string; steps: Step[] }[] = [
  // In time, granted in full.
  {
    receivedOn: '2026-01-14',
    steps: [
      { type: 'START_RESPONSE', effectiveOn: '2026-01-15' },
      ...answer('granted-in-full', '2026-01-16'),
    ],
  },
  // Late by two working days (Thu 12 and Fri 13 Feb), granted in part with an absolute exemption.
  {
    receivedOn: '2026-01-14',
    steps: [
      { type: 'START_RESPONSE', effectiveOn: '2026-01-15' },
      ...answer('granted-in-part', '2026-02-13', {
        exemptions: ['s.40(2)'],
        exemptionReasons: "s.40(2): the staff members' names are personal data.",
        refusalBasis: 'exemption',
      }),
    ],
  },
  // Extended for the public interest, refused in time, then overturned at review and granted in full.
  {
    receivedOn: '2026-01-14',
    steps: [
      { type: 'START_RESPONSE', effectiveOn: '2026-01-15' },
      {
        type: 'EXTEND_FOR_PUBLIC_INTEREST',
        effectiveOn: '2026-02-02',
        payload: { exemptions: ['s.43(2)'], extensionReason: 'The balance needs the contractor’s views.' },
      },
      {
        type: 'PUBLIC_INTEREST_DECIDED',
        effectiveOn: '2026-02-20',
        payload: { publicInterestDecision: 'Favours withholding.' },
      },
      ...answer('refused-in-full', '2026-03-02', {
        exemptions: ['s.43(2)'],
        exemptionReasons: 's.43(2): commercial prejudice to the contractor.',
        publicInterestReasons: 's.43(2): the contract price would prejudice the retender.',
        refusalBasis: 'exemption',
      }),
      {
        type: 'REQUEST_INTERNAL_REVIEW',
        effectiveOn: '2026-03-05',
        payload: { reviewGrounds: 'Too broad.' },
      },
      {
        type: 'REVIEW_DECIDED',
        effectiveOn: '2026-03-20',
        payload: { reviewOutcome: 'overturned', reviewReasons: 'The retender is over.' },
      },
      ...answer('granted-in-full', '2026-03-25'),
    ],
  },
  // Withdrawn before an answer.
  {
    receivedOn: '2026-01-20',
    steps: [{ type: 'WITHDRAW', effectiveOn: '2026-01-22', payload: { withdrawalNote: 'By e-mail.' } }],
  },
  // Received in February, still open.
  { receivedOn: '2026-02-03', steps: [] },
  // Received before the period: never counted.
  {
    receivedOn: '2025-12-15',
    steps: [{ type: 'START_RESPONSE', effectiveOn: '2025-12-16' }, ...answer('not-held', '2025-12-17')],
  },
];

const STATISTICS = `query($from: LocalDate!, $to: LocalDate!, $regime: String, $groupBy: StatisticsPeriod) {
  statistics(from: $from, to: $to, regime: $regime, groupBy: $groupBy) {
    from to regime groupBy received answered inTime inTimeExtended late inTimePercent lateWorkingDaysAverage
    lateWorkingDays { key count } outcomes { key count } exemptions { key count }
    reviews { requested decided inTime late outcomes { key count } }
    regulator { complaints decisions { key count } }
    periods { period from to received answered inTime inTimeExtended late inTimePercent }
  }
}`;

describe('statistics over GraphQL', () => {
  let api: TestApi;
  let officer: string;
  beforeAll(async () => {
    api = await startTestApi('statistics');
    officer = await api.signIn(['officer']);
    for (const request of FOI_CASES) {
      const created = await createCase(api, officer, { receivedOn: request.receivedOn });
      await play(api, officer, created.id, request.steps);
    }
    const eir = await createCase(api, officer, { workflowId: 'eir', receivedOn: '2026-01-14' });
    expect(eir.reference).toMatch(/^EIR-/);
  }, 120_000);
  afterAll(() => api?.close());

  it("counts the first quarter's FOI requests exactly, from their history", async () => {
    const result = await api.graphql<{ statistics: Record<string, unknown> }>(
      STATISTICS,
      { from: '2026-01-01', to: '2026-03-31', regime: 'foi' },
      officer,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.statistics).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      regime: 'foi',
      groupBy: 'MONTH',
      received: 5,
      answered: 3,
      inTime: 1,
      inTimeExtended: 1,
      late: 1,
      // The extended answer counts as in time: two of three.
      inTimePercent: 66.7,
      lateWorkingDaysAverage: 2,
      lateWorkingDays: [{ key: '2', count: 1 }],
      // The overturned refusal counts as the fresh response's outcome.
      outcomes: [
        { key: 'granted-in-full', count: 2 },
        { key: 'granted-in-part', count: 1 },
        { key: 'withdrawn', count: 1 },
      ],
      exemptions: [
        { key: 's.40(2)', count: 1 },
        { key: 's.43(2)', count: 1 },
      ],
      reviews: { requested: 1, decided: 1, inTime: 1, late: 0, outcomes: [{ key: 'overturned', count: 1 }] },
      regulator: { complaints: 0, decisions: [] },
      periods: [
        {
          period: '2026-01',
          from: '2026-01-01',
          to: '2026-01-31',
          received: 4,
          answered: 3,
          inTime: 1,
          inTimeExtended: 1,
          late: 1,
          inTimePercent: 66.7,
        },
        {
          period: '2026-02',
          from: '2026-02-01',
          to: '2026-02-28',
          received: 1,
          answered: 0,
          inTime: 0,
          inTimeExtended: 0,
          late: 0,
          inTimePercent: null,
        },
        {
          period: '2026-03',
          from: '2026-03-01',
          to: '2026-03-31',
          received: 0,
          answered: 0,
          inTime: 0,
          inTimeExtended: 0,
          late: 0,
          inTimePercent: null,
        },
      ],
    });
  });

  it('breaks down by quarter and counts every regime when none is named', async () => {
    const result = await api.graphql<{
      statistics: { received: number; periods: { period: string; received: number }[] };
    }>(STATISTICS, { from: '2025-10-01', to: '2026-03-31', groupBy: 'QUARTER' }, officer);
    expect(result.data?.statistics.received).toBe(7);
    expect(result.data?.statistics.periods.map((p) => [p.period, p.received])).toEqual([
      ['2025-Q4', 1],
      ['2026-Q1', 6],
    ]);
  });

  it('gives the same figures from the monthly totals, part-months and unfolded differences', async () => {
    const FIGURES = `query($from: LocalDate!, $to: LocalDate!) {
      statistics(from: $from, to: $to, regime: "foi", groupBy: QUARTER) {
        received answered inTime inTimeExtended late lateWorkingDays { key count } outcomes { key count }
        exemptions { key count } reviews { requested decided outcomes { key count } }
      }
    }`;
    const read = async (from: string, to: string) =>
      (await api.graphql<{ statistics: Record<string, unknown> }>(FIGURES, { from, to }, officer)).data
        ?.statistics;
    const quarter = await read('2026-01-01', '2026-03-31');
    // 14 January is the first day with requests: a part-month from it reads the cases, and agrees.
    expect(await read('2026-01-14', '2026-03-31')).toEqual(quarter);
    expect(await read('2026-01-14', '2026-03-20')).toEqual(quarter);
    // Without 14 January: the requests of 20 January and 3 February.
    expect((await read('2026-01-15', '2026-03-31'))?.received).toBe(2);
    // The api's own fold may hold the fold's lock at this moment (this call then folds nothing): until folded.
    const pending = async () => {
      await api.app.get(StatisticsService).foldDeltas();
      return (await api.dataSource.query('SELECT count(*)::int AS n FROM case_report_delta'))[0].n;
    };
    await expect.poll(pending).toBe(0);
    expect(await read('2026-01-01', '2026-03-31')).toEqual(quarter);
    expect(await read('2026-01-14', '2026-03-20')).toEqual(quarter);
  });

  it('refuses a period that ends before it starts, or an unknown regime', async () => {
    const backwards = await api.graphql(STATISTICS, { from: '2026-03-01', to: '2026-01-01' }, officer);
    expect(backwards.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const unknown = await api.graphql(
      STATISTICS,
      { from: '2026-01-01', to: '2026-03-01', regime: 'xyz' },
      officer,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('is open to auditors and closed to anyone signed out', async () => {
    const auditor = await api.signIn(['auditor']);
    const allowed = await api.graphql(STATISTICS, { from: '2026-01-01', to: '2026-03-31' }, auditor);
    expect(allowed.errors).toBeUndefined();
    const anonymous = await api.graphql(STATISTICS, { from: '2026-01-01', to: '2026-03-31' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('exports the filtered case list as CSV, a row per case', async () => {
    const response = await fetch(`${api.url}/api/export/cases.csv?status=all&regime=foi`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('reference,regime,workflow,subject,received,stage,step,status,due,outcome,closed');
    expect(lines).toHaveLength(7);
    const withdrawn = lines.find((line) => line.includes(',2026-01-20,'));
    expect(withdrawn).toMatch(
      /^FOI-2026-00000\d,foi,foi,CCTV cameras and facial recognition,2026-01-20,closed,[a-z-]+,closed,,withdrawn,2026-/,
    );
    const open = await fetch(`${api.url}/api/export/cases.csv?regime=foi`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(
      (await open.text())
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[4])
        .sort(),
    ).toEqual(['2025-12-15', '2026-01-14', '2026-01-14', '2026-01-14', '2026-02-03']);
  });

  it('refuses an export without a token, or with a bad filter, with the error code', async () => {
    const anonymous = await fetch(`${api.url}/api/export/cases.csv`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    const bad = await fetch(`${api.url}/api/export/cases.csv?overdue=maybe`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    const format = await fetch(`${api.url}/api/export/cases.pdf`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(format.status).toBe(400);
  });

  it('exports the statistics tables as CSV and XLSX', async () => {
    const query = 'from=2026-01-01&to=2026-03-31&regime=foi';
    const csv = await fetch(`${api.url}/api/export/statistics.csv?${query}`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).split('\r\n');
    expect(lines.slice(0, 6)).toEqual([
      'period,from,to,received,answered,in time,in time with a permitted extension,late,answered in time (%),average working days late',
      '2026-01,2026-01-01,2026-01-31,4,3,1,1,1,66.7,2',
      '2026-02,2026-02-01,2026-02-28,1,0,0,0,0,,',
      '2026-03,2026-03-01,2026-03-31,0,0,0,0,0,,',
      'Total,2026-01-01,2026-03-31,5,3,1,1,1,66.7,2',
      '',
    ]);
    expect(lines).toContain('Total,2,1,1');
    const xlsx = await fetch(`${api.url}/api/export/statistics.xlsx?${query}`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Timeliness',
      'Outcomes',
      'Exemptions',
      'Working days late',
      'Reviews and regulator',
    ]);
    expect(workbook.getWorksheet('Timeliness')?.getRow(5).values).toEqual([
      undefined,
      'Total',
      '2026-01-01',
      '2026-03-31',
      5,
      3,
      1,
      1,
      1,
      66.7,
      2,
    ]);
  });

  it('lists the cases that make the late figure: answered late, received in the period', async () => {
    const result = await api.graphql<{ cases: { edges: { node: { receivedOn: string } }[] } }>(
      `query($filter: CasesFilter) { cases(filter: $filter) { edges { node { receivedOn } } } }`,
      { filter: { status: 'all', answeredLate: true, receivedFrom: '2026-01-01', receivedTo: '2026-01-31' } },
      officer,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.cases.edges).toEqual([{ node: { receivedOn: '2026-01-14' } }]);
    const csv = await fetch(
      `${api.url}/api/export/cases.csv?status=all&answeredLate=true&receivedFrom=2026-01-01&receivedTo=2026-01-31`,
      { headers: { authorization: `Bearer ${officer}` } },
    );
    expect((await csv.text()).trimEnd().split('\r\n')).toHaveLength(2);
  });

  it("counts only a team's cases when a team is named", async () => {
    const admin = await api.signIn(['admin']);
    const team = await api.graphql<{ createTeam: { id: string } }>(
      'mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }',
      { input: { name: 'Highways' } },
      admin,
    );
    const teamId = team.data?.createTeam.id;
    const highways = await createCase(api, officer, { receivedOn: '2026-02-02' });
    const assigned = await api.graphql(
      'mutation($input: AssignCaseInput!) { assignCase(input: $input) { id } }',
      { input: { caseId: highways.id, teamId } },
      officer,
    );
    expect(assigned.errors).toBeUndefined();
    const TEAM = `query($teamId: ID) { statistics(from: "2026-01-01", to: "2026-03-31", teamId: $teamId) { received periods { period received } } }`;
    const result = await api.graphql<{
      statistics: { received: number; periods: { period: string; received: number }[] };
    }>(TEAM, { teamId }, officer);
    expect(result.data?.statistics.received).toBe(1);
    expect(result.data?.statistics.periods.map((p) => [p.period, p.received])).toEqual([
      ['2026-01', 0],
      ['2026-02', 1],
      ['2026-03', 0],
    ]);
    const unknown = await api.graphql(TEAM, { teamId: 'not-a-team' }, officer);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('counts working days late with a holiday added later, before and after the totals are recounted', async () => {
    const LATE = `{ statistics(from: "2026-01-01", to: "2026-03-31", regime: "foi") { lateWorkingDays { key count } } }`;
    const lateDays = async () =>
      (await api.graphql<{ statistics: { lateWorkingDays: unknown } }>(LATE, {}, officer)).data?.statistics
        .lateWorkingDays;
    await api.app.get(StatisticsService).foldDeltas();
    expect(await lateDays()).toEqual([{ key: '2', count: 1 }]);
    const admin = await api.signIn(['admin']);
    const added = await api.graphql(
      'mutation($input: AddHolidayInput!) { addHoliday(input: $input) { __typename } }',
      {
        input: {
          date: '2026-02-12',
          title: 'A day of mourning',
          divisions: ['england-and-wales', 'scotland', 'northern-ireland'],
        },
      },
      admin,
    );
    expect(added.errors).toBeUndefined();
    // Answered on Fri 13 Feb, due Wed 11 Feb: only the Friday is a working day late now.
    expect(await lateDays()).toEqual([{ key: '1', count: 1 }]);
    await api.app.get(StatisticsService).foldDeltas();
    expect(await lateDays()).toEqual([{ key: '1', count: 1 }]);
  });
});

describe('reviews under every regime, whatever the workflow calls them', () => {
  let api: TestApi;
  let officer: string;
  const REVIEWS = `query($from: LocalDate!, $to: LocalDate!, $regime: String, $workflowId: String) {
    statistics(from: $from, to: $to, regime: $regime, workflowId: $workflowId) {
      reviews { requested decided inTime late outcomes { key count } }
    }
  }`;
  const reviews = async (
    filter: { regime?: string; workflowId?: string },
    from = '2026-04-01',
    to = '2026-06-30',
  ) => {
    const result = await api.graphql<{ statistics: { reviews: unknown } }>(
      REVIEWS,
      { from, to, ...filter },
      officer,
    );
    expect(result.errors).toBeUndefined();
    return result.data?.statistics.reviews;
  };
  const none = { requested: 0, decided: 0, inTime: 0, late: 0, outcomes: [] };
  /** Every regime's figures for the requests received in April 2026. */
  const ALL = { requested: 3, decided: 2, inTime: 1, late: 1, outcomes: [{ key: 'upheld', count: 2 }] };
  /** Each regime's figures for the requests received in April 2026. */
  const SPRING = {
    eir: { requested: 1, decided: 1, inTime: 1, late: 0, outcomes: [{ key: 'upheld', count: 1 }] },
    foisa: { requested: 1, decided: 1, inTime: 0, late: 1, outcomes: [{ key: 'upheld', count: 1 }] },
    eisr: { requested: 1, decided: 0, inTime: 0, late: 0, outcomes: [] },
    sar: none,
    foi: none,
  };
  const answered = (on: string): Step[] => [
    { type: 'START_RESPONSE', effectiveOn: '2026-04-15' },
    ...answer('granted-in-full', on),
  ];
  const decided = (on: string): Step => ({
    type: 'REVIEW_DECIDED',
    effectiveOn: on,
    payload: { reviewOutcome: 'upheld', reviewReasons: 'The response was right.' },
  });
  const opened = async (workflowId: string, receivedOn: string, steps: Step[]) => {
    const created = await createCase(api, officer, { workflowId, receivedOn });
    await play(api, officer, created.id, steps);
    return created;
  };
  const migration = new ReviewsRequested1764000001800();
  const migrate = async (direction: 'up' | 'down') => {
    const runner = api.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await migration[direction](runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
  };

  beforeAll(async () => {
    api = await startTestApi('statistics_reviews');
    officer = await api.signIn(['officer']);
    await handlesSars(api, officer, await approverToken(api));
    // EIR: a reconsideration (reg 11) asked for on Fri 1 May and decided on Wed 20 May, within its 40 working days.
    await opened('eir', '2026-04-14', [
      ...answered('2026-04-21'),
      {
        type: 'REQUEST_RECONSIDERATION',
        effectiveOn: '2026-05-01',
        payload: { reviewGrounds: 'Too little.' },
      },
      decided('2026-05-20'),
    ]);
    // FOISA: a review required (s.20) on Fri 1 May is due in 20 Scottish working days (s.21(1)), by Tue 2 Jun.
    const foisa = await opened('foisa', '2026-04-14', [
      ...answered('2026-04-21'),
      { type: 'REQUEST_REVIEW', effectiveOn: '2026-05-01', payload: { reviewGrounds: 'Too little.' } },
    ]);
    const due = await api.graphql<{ case: { deadlines: { name: string; due: string }[] } }>(
      'query($id: ID!) { case(id: $id) { deadlines { name due } } }',
      { id: foisa.id },
      officer,
    );
    expect(due.data?.case.deadlines).toContainEqual({ name: 'reviewDue', due: '2026-06-02' });
    await play(api, officer, foisa.id, [decided('2026-06-15')]);
    // EISR: a review required (reg 16) and not yet decided.
    await opened('eisr', '2026-04-14', [
      ...answered('2026-04-21'),
      { type: 'REQUEST_REVIEW', effectiveOn: '2026-05-05', payload: { reviewGrounds: 'Too little.' } },
    ]);
    // SAR: a complaint about the response is no statutory review (its complaints stage opens with the response).
    await opened('sar', '2026-04-14', [
      ...answered('2026-04-21'),
      {
        type: 'COMPLAINT_RECEIVED',
        effectiveOn: '2026-05-05',
        payload: { complaintGrounds: 'Pages missing.' },
      },
    ]);
    // FOI: answered, no review asked for.
    await opened('foi', '2026-04-14', answered('2026-04-21'));
  }, 120_000);
  afterAll(() => api?.close());

  it('counts the reviews requested, decided, in time and late exactly, per regime and in all', async () => {
    for (const [regime, figures] of Object.entries(SPRING))
      expect(await reviews({ regime })).toEqual(figures);
    expect(await reviews({})).toEqual(ALL);
    // From the cases (a part-month) and from the monthly totals, before and after folding: the same.
    expect(await reviews({}, '2026-04-14', '2026-06-30')).toEqual(ALL);
    await api.app.get(StatisticsService).foldDeltas();
    expect(await reviews({})).toEqual(ALL);
  });

  it("counts a review in an administrator's copy that renames the review stage and the event asking for it", async () => {
    const admin = await api.signIn(['admin']);
    const builtIn = await api.graphql<{ workflow: { versions: { definition: EditableWorkflow }[] } }>(
      'query { workflow(id: "eir") { versions { definition } } }',
      {},
      admin,
    );
    const definition = builtIn.data?.workflow.versions.at(-1)?.definition as EditableWorkflow;
    const stage = (id: string) => (id === 'internal-review' ? 'reconsideration' : id);
    const event = (type: string) => (type === 'REQUEST_RECONSIDERATION' ? 'ASK_TO_RECONSIDER' : type);
    for (const s of definition.stages) {
      s.id = stage(s.id);
      for (const route of s.routes ?? []) route.to = stage(route.to);
      for (const t of s.transitions ?? []) t.event = event(t.event);
    }
    for (const route of definition.reopenOn ?? [])
      Object.assign(route, { to: stage(route.to), event: event(route.event) });
    const created = await api.graphql(
      'mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { id } }',
      { input: { id: 'eir-local', name: 'EIR (local)', regime: 'eir', definition } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const published = await api.graphql(
      'mutation { publishWorkflow(input: { workflowId: "eir-local", revision: 1 }) { version } }',
      {},
      admin,
    );
    expect(published.errors).toBeUndefined();
    await opened('eir-local', '2026-07-14', [
      { type: 'START_RESPONSE', effectiveOn: '2026-07-15' },
      ...answer('granted-in-full', '2026-07-21'),
      { type: 'ASK_TO_RECONSIDER', effectiveOn: '2026-07-28', payload: { reviewGrounds: 'Too little.' } },
    ]);
    const [{ stage: now }] = await api.dataSource.query(
      `SELECT stage FROM "case" WHERE workflow_id = 'eir-local'`,
    );
    expect(now).toBe('reconsideration');
    const july = await reviews({ workflowId: 'eir-local' }, '2026-07-01', '2026-07-31');
    expect(july).toEqual({ ...none, requested: 1 });
  });

  it('counts the reviews recorded before the upgrade from the cases’ histories', async () => {
    // Before the upgrade only FOI's REQUEST_INTERNAL_REVIEW counted: the spring's decisions did, their requests not.
    await migrate('down');
    await opened('eisr', '2026-08-14', [
      { type: 'START_RESPONSE', effectiveOn: '2026-08-17' },
      ...answer('granted-in-full', '2026-08-21'),
      { type: 'REQUEST_REVIEW', effectiveOn: '2026-08-28', payload: { reviewGrounds: 'Too little.' } },
    ]);
    expect(await reviews({}, '2026-04-01', '2026-08-31')).toEqual({
      requested: 0,
      decided: 2,
      inTime: 1,
      late: 1,
      outcomes: [{ key: 'upheld', count: 2 }],
    });
    await migrate('up');
    expect(await reviews({ regime: 'eisr' }, '2026-08-01', '2026-08-31')).toEqual({ ...none, requested: 1 });
    expect(await reviews({})).toEqual(ALL);
    for (const [regime, figures] of Object.entries(SPRING))
      expect(await reviews({ regime })).toEqual(figures);
    // The monthly totals were counted again: no difference is left to fold.
    const [{ pending }] = await api.dataSource.query(
      'SELECT count(*)::int AS pending FROM case_report_delta',
    );
    expect(pending).toBe(0);
  });
});

/** The parts of a workflow definition a copy renames. */
interface EditableWorkflow {
  stages: { id: string; routes?: { to: string }[]; transitions?: { event: string }[] }[];
  reopenOn?: { to: string; event: string }[];
}
