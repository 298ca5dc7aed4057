import { addWorkingDays, type ExtraHoliday, type Regime } from '@recordflow/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { createCase, sendEvent } from '../support/cases';

const ukToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', dateStyle: 'short' }).format(new Date());

/** The latest received date whose 20-working-day response deadline falls on due. */
function receivedFor(regime: Regime, due: string, extraHolidays: ExtraHoliday[] = []): string {
  for (let back = 0; back < 60; back++) {
    const day = new Date(Date.parse(`${ukToday()}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
    if (addWorkingDays(regime, day, 20, { extraHolidays }) === due) return day;
  }
  throw new Error(`no received date gives ${due}`);
}

describe('cases over GraphQL', () => {
  let api: TestApi;
  let officer: string;
  beforeAll(async () => {
    api = await startTestApi('cases');
    officer = await api.signIn(['officer']);
  });
  afterAll(() => api?.close());

  it('registers a request: reference, stage, deadline and its explanation, allowed events', async () => {
    const created = await createCase(api, officer);
    expect(created).toMatchObject({
      reference: 'FOI-2026-000001',
      stage: 'received',
      version: 1,
      dueDate: '2026-02-11',
      status: 'open',
    });
    interface Found {
      stageLabel: string;
      deadlineExplanation: { received: string; due: string; summary: string };
      allowedEvents: { type: string }[];
      history: { actorLabel: string }[];
      requester: unknown;
    }
    const result = await api.graphql<{ case: Found }>(
      `query($id: ID!) { case(id: $id) {
        reference stageLabel stepLabel workflowVersion
        deadlineExplanation { received due skipped { date reason } summary }
        allowedEvents { type label roles inputSchema }
        history { sequence type actorLabel prevHash hash effectiveOn }
        requester { name email }
      } }`,
      { id: created.id },
      officer,
    );
    const found = result.data?.case as Found;
    expect(found.stageLabel).toBe('Received');
    expect(found.deadlineExplanation).toMatchObject({ received: '2026-01-14', due: '2026-02-11' });
    expect(found.deadlineExplanation.summary).toBe(
      'Received Wed 14 Jan 2026 (day 0). 20 working days under Freedom of Information Act 2000, s.10; skipped 8 weekend days. Due Wed 11 Feb 2026.',
    );
    expect(found.allowedEvents.map((e) => e.type)).toEqual([
      'START_RESPONSE',
      'REQUEST_CLARIFICATION',
      'ISSUE_FEES_NOTICE',
      'EXCEEDS_COST_LIMIT',
      'WITHDRAW',
      'REQUEST_INTERNAL_REVIEW',
      'REGULATOR_COMPLAINT_RECEIVED',
    ]);
    expect(found.history).toEqual([
      expect.objectContaining({
        sequence: 1,
        type: 'CASE_CREATED',
        prevHash: '0'.repeat(64),
        effectiveOn: '2026-01-14',
      }),
    ]);
    expect(found.history[0]?.actorLabel).toMatch(/^Test officer <officer@test.example.org>$/);
    expect(found.requester).toEqual({ name: 'A. Requester', email: 'requester@example.net' });
    const second = await createCase(api, officer);
    expect(second.reference).toBe('FOI-2026-000002');
  });

  it('moves a case and records who did it, chained to the event before', async () => {
    const created = await createCase(api, officer);
    const moved = await sendEvent(api, officer, {
      caseId: created.id,
      type: 'REQUEST_CLARIFICATION',
      payload: { clarificationQuestion: 'Which years do you mean?' },
      effectiveOn: '2026-01-19',
      expectedVersion: 1,
    });
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.sendCaseEvent.case).toMatchObject({
      stage: 'clarification',
      version: 2,
      dueDate: null,
    });
    const clarified = await sendEvent(api, officer, {
      caseId: created.id,
      type: 'CLARIFICATION_RECEIVED',
      payload: { clarification: '2024 and 2025.' },
      effectiveOn: '2026-02-03',
    });
    expect(clarified.data?.sendCaseEvent.case).toMatchObject({
      stage: 'received',
      version: 3,
      dueDate: '2026-03-03',
    });
    const history = await api.graphql<{
      case: { history: { sequence: number; hash: string; prevHash: string }[] };
    }>(
      'query($id: ID!) { case(id: $id) { history { sequence hash prevHash } } }',
      { id: created.id },
      officer,
    );
    const events = history.data?.case.history ?? [];
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
    expect(events[2]?.prevHash).toBe(events[1]?.hash);
  });

  it('reopens a withdrawn case with a late internal review request, and its history still verifies', async () => {
    type Found = {
      status: string;
      stage: string;
      step: string;
      outcome: string | null;
      dueDate: string | null;
      allowedEvents: { type: string; label: string }[];
      history: { type: string; stageAfter: string }[];
    };
    const read = async (id: string) =>
      (
        await api.graphql<{ case: Found }>(
          'query($id: ID!) { case(id: $id) { status stage step outcome dueDate allowedEvents { type label } history { type stageAfter } } }',
          { id },
          officer,
        )
      ).data?.case as Found;
    const created = await createCase(api, officer, { subject: 'Withdrawn, then a late review' });
    const withdrawn = await sendEvent(api, officer, {
      caseId: created.id,
      type: 'WITHDRAW',
      effectiveOn: '2026-01-20',
      payload: { withdrawalNote: 'By email' },
    });
    expect(withdrawn.data?.sendCaseEvent.case).toMatchObject({ stage: 'closed', status: 'closed' });
    const closed = await read(created.id);
    expect(closed.outcome).toBe('withdrawn');
    expect(closed.allowedEvents).toEqual([
      { type: 'REQUEST_INTERNAL_REVIEW', label: 'Record a late internal review request (reopens the case)' },
      {
        type: 'REGULATOR_COMPLAINT_RECEIVED',
        label: 'Record a late complaint to the ICO (reopens the case)',
      },
    ]);

    const refused = await sendEvent(api, officer, { caseId: created.id, type: 'START_RESPONSE' });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'EVENT_NOT_ALLOWED',
      allowed: ['REQUEST_INTERNAL_REVIEW', 'REGULATOR_COMPLAINT_RECEIVED'],
    });

    const reopened = await sendEvent(api, officer, {
      caseId: created.id,
      type: 'REQUEST_INTERNAL_REVIEW',
      effectiveOn: '2026-06-01',
      payload: { reviewGrounds: 'I never withdrew the request.' },
    });
    expect(reopened.errors).toBeUndefined();
    expect(reopened.data?.sendCaseEvent.case).toMatchObject({
      stage: 'internal-review',
      step: 'reviewing',
      status: 'open',
      // 20 working days from Mon 1 June 2026.
      dueDate: '2026-06-29',
    });
    const open = await read(created.id);
    expect(open).toMatchObject({ status: 'open', outcome: null });
    expect(open.history.map((e) => `${e.type}:${e.stageAfter}`)).toEqual([
      'CASE_CREATED:received',
      'WITHDRAW:closed',
      'REQUEST_INTERNAL_REVIEW:internal-review',
    ]);
    const [row] = await api.dataSource.query('SELECT closed_at FROM "case" WHERE id = $1', [created.id]);
    expect(row.closed_at).toBeNull();
    const timers = await api.dataSource.query(
      "SELECT name, to_char(fire_on, 'YYYY-MM-DD') AS fire_on FROM timer WHERE case_id = $1 AND status = 'pending'",
      [created.id],
    );
    expect(timers).toEqual([{ name: 'reviewOverdue', fire_on: '2026-06-30' }]);
    const openCases = await api.graphql<{ cases: { edges: { node: { reference: string } }[] } }>(
      'query($filter: CasesFilter) { cases(filter: $filter, first: 200) { edges { node { reference } } } }',
      { filter: { status: 'open' } },
      officer,
    );
    expect(openCases.data?.cases.edges.map((e) => e.node.reference)).toContain(created.reference);

    const auditor = await api.signIn(['auditor']);
    const verified = await api.graphql<{ verifyCaseHistory: Record<string, unknown> }>(
      'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok eventsChecked reason } }',
      { id: created.id },
      auditor,
    );
    expect(verified.data?.verifyCaseHistory).toEqual({ ok: true, eventsChecked: 3, reason: null });
  });

  describe('refusals, each through GraphQL over HTTP', () => {
    it('NOT_FOUND for an unknown case', async () => {
      const result = await sendEvent(api, officer, {
        caseId: '6f1c7f7e-0000-4000-8000-000000000000',
        type: 'WITHDRAW',
      });
      expect(result.errors?.[0]).toMatchObject({
        message: 'No case has the id "6f1c7f7e-0000-4000-8000-000000000000".',
        extensions: { code: 'NOT_FOUND' },
      });
    });

    it('EVENT_NOT_ALLOWED listing the allowed events, and nothing changes', async () => {
      const created = await createCase(api, officer);
      const result = await sendEvent(api, officer, { caseId: created.id, type: 'APPROVE_RESPONSE' });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'EVENT_NOT_ALLOWED',
        allowed: [
          'START_RESPONSE',
          'REQUEST_CLARIFICATION',
          'ISSUE_FEES_NOTICE',
          'EXCEEDS_COST_LIMIT',
          'WITHDRAW',
          'REQUEST_INTERNAL_REVIEW',
          'REGULATOR_COMPLAINT_RECEIVED',
        ],
      });
      const [{ n }] = await api.dataSource.query(
        'SELECT count(*)::int AS n FROM case_event WHERE case_id = $1',
        [created.id],
      );
      expect(n).toBe(1);
    });

    it('VALIDATION_FAILED naming each field', async () => {
      const created = await createCase(api, officer);
      const result = await sendEvent(api, officer, {
        caseId: created.id,
        type: 'ISSUE_FEES_NOTICE',
        payload: { feeAmount: -3 },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect(result.errors?.[0]?.extensions?.fields).toEqual([
        { field: 'feeAmount', message: expect.stringMatching(/^Fee \(£\): /) },
        { field: 'feeBreakdown', message: 'How the fee is made up is required' },
      ]);
    });

    it('VERSION_CONFLICT with the current version', async () => {
      const created = await createCase(api, officer);
      const result = await sendEvent(api, officer, {
        caseId: created.id,
        type: 'START_RESPONSE',
        expectedVersion: 7,
      });
      expect(result.errors?.[0]).toMatchObject({
        message: `Someone else changed case ${created.reference} (it is now at version 1, you expected 7). Reload it and try again.`,
        extensions: { code: 'VERSION_CONFLICT', currentVersion: 1 },
      });
    });

    it('FORBIDDEN for an auditor and for a system-only event; UNAUTHENTICATED without a token', async () => {
      const created = await createCase(api, officer);
      const auditor = await api.signIn(['auditor']);
      expect(
        (await sendEvent(api, auditor, { caseId: created.id, type: 'START_RESPONSE' })).errors?.[0]
          ?.extensions?.code,
      ).toBe('FORBIDDEN');
      const system = await sendEvent(api, officer, { caseId: created.id, type: 'MARK_OVERDUE' });
      expect(system.errors?.[0]).toMatchObject({
        message: 'Only system may send "MARK_OVERDUE".',
        extensions: { code: 'FORBIDDEN' },
      });
      expect((await api.graphql('{ cases { totalCount } }')).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('a received date in the future, and an unknown workflow', async () => {
      const future = await api.graphql(
        'mutation { createCase(input: { workflowId: "foi", receivedOn: "2031-01-01", channel: "email", subject: "s", requestText: "t" }) { id } }',
        {},
        officer,
      );
      expect(future.errors?.[0]).toMatchObject({
        message: 'receivedOn: The received date is in the future.',
        extensions: { code: 'VALIDATION_FAILED' },
      });
      const unknown = await api.graphql(
        'mutation { createCase(input: { workflowId: "planning", receivedOn: "2026-01-14", channel: "email", subject: "s", requestText: "t" }) { id } }',
        {},
        officer,
      );
      expect(unknown.errors?.[0]).toMatchObject({
        message: 'There is no published workflow "planning" to start a case on.',
        extensions: { code: 'NOT_FOUND' },
      });
    });
  });

  it('20 concurrent events with the same expectedVersion: one succeeds, 19 get VERSION_CONFLICT, no gap', async () => {
    const created = await createCase(api, officer);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        sendEvent(api, officer, {
          caseId: created.id,
          type: 'START_RESPONSE',
          expectedVersion: created.version,
        }),
      ),
    );
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'VERSION_CONFLICT')).toHaveLength(19);
    const rows = await api.dataSource.query(
      'SELECT sequence FROM case_event WHERE case_id = $1 ORDER BY sequence',
      [created.id],
    );
    expect(rows.map((r: { sequence: number }) => r.sequence)).toEqual([1, 2]);
  });

  it('a retried idempotency key returns the first result and applies nothing twice', async () => {
    const created = await createCase(api, officer);
    const input = { caseId: created.id, type: 'START_RESPONSE', idempotencyKey: 'officer-tab-1:click-42' };
    const [first, ...retries] = await Promise.all([
      sendEvent(api, officer, input),
      sendEvent(api, officer, input),
      sendEvent(api, officer, input),
    ]);
    const all = [first, ...retries].map((r) => r?.data?.sendCaseEvent);
    expect(all.every((r) => r?.event.sequence === 2)).toBe(true);
    expect(all.filter((r) => r?.replayed === false)).toHaveLength(1);
    const [{ n }] = await api.dataSource.query(
      'SELECT count(*)::int AS n FROM case_event WHERE case_id = $1',
      [created.id],
    );
    expect(n).toBe(2);
    const misuse = await sendEvent(api, officer, { ...input, type: 'WITHDRAW' });
    expect(misuse.errors?.[0]?.message).toMatch(/was already used for a START_RESPONSE event/);
  });

  it('lists cases by due date with filters and cursor pagination', async () => {
    type Count = { value: number; exact: boolean };
    const early = await createCase(api, officer, {
      receivedOn: '2025-11-03',
      subject: 'Parking fines income 2024',
    });
    await createCase(api, officer, {
      receivedOn: '2026-03-09',
      workflowId: 'foisa',
      subject: 'Bin collections',
    });
    const list = async (filter: Record<string, unknown>, first = 50, after?: string) =>
      (
        await api.graphql<{
          cases: {
            totalCount: number;
            edges: { cursor: string; node: { reference: string; dueDate: string } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        }>(
          'query($filter: CasesFilter, $first: Int, $after: String) { cases(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { reference dueDate } } pageInfo { hasNextPage endCursor } } }',
          { filter, first, after },
          officer,
        )
      ).data?.cases;
    const all = await list({});
    const dues = all?.edges.map((e) => e.node.dueDate) ?? [];
    expect([...dues].sort()).toEqual(dues);
    expect((await list({ overdue: true }))?.edges.map((e) => e.node.reference)).toContain(early.reference);
    expect((await list({ regime: 'foisa' }))?.edges.map((e) => e.node.reference)).toEqual([
      'FOISA-2026-000001',
    ]);
    expect((await list({ text: 'parking' }))?.edges.map((e) => e.node.reference)).toEqual([early.reference]);
    // Words in any order, the last half typed; a reference as written.
    const found = async (text: string) => (await list({ text }))?.edges.map((e) => e.node.reference);
    expect(await found('income park')).toEqual([early.reference]);
    expect(await found('FOISA-2026-000001')).toEqual(['FOISA-2026-000001']);
    expect(await found('parking arking')).toEqual([]);
    expect((await list({ dueBefore: '2026-01-01' }))?.edges.map((e) => e.node.reference)).toEqual([
      early.reference,
    ]);
    // Page through two at a time: every case once, in order.
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await list({}, 2, after);
      seen.push(...(page?.edges.map((e) => e.node.reference) ?? []));
      if (!page?.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all?.edges.map((e) => e.node.reference));
    expect(all?.totalCount).toBe(seen.length);
    // The screens' count stops at upTo and says so; the exact count goes on.
    const counts = await api.graphql<{
      cases: { totalCount: number; all: Count; capped: Count; atCap: Count };
    }>(
      '{ cases(first: 1) { totalCount all: count { value exact } capped: count(upTo: 1) { value exact } atCap: count(upTo: 2) { value exact } } }',
      {},
      officer,
    );
    expect(counts.data?.cases).toEqual({
      totalCount: seen.length,
      all: { value: seen.length, exact: true },
      capped: { value: 1, exact: seen.length === 1 },
      atCap: { value: Math.min(2, seen.length), exact: seen.length <= 2 },
    });
    expect(seen.length).toBeGreaterThan(2);
    // A count asked for alone (the list's tabs) reads no page, and comes to what a page's count says.
    const alone = await api.graphql<{ paged: { count: Count }; counted: { count: Count } }>(
      `{ paged: cases(first: 2, filter: { status: "all" }) { edges { node { id } } count { value exact } }
         counted: cases(first: 2, filter: { status: "all" }) { count { value exact } } }`,
      {},
      officer,
    );
    expect(alone.data?.counted.count).toEqual(alone.data?.paged.count);
    expect(alone.data?.counted.count.value).toBeGreaterThan(2);
    const outOfRange = await api.graphql('{ cases { count(upTo: 0) { value } } }', {}, officer);
    expect(outOfRange.errors?.[0]?.message).toBe('upTo must be between 1 and 10000, not 0.');
    // The list's tabs ask for their counts in one request: each comes out as it does asked alone.
    const closedAlone = await api.graphql<{ cases: { count: Count } }>(
      '{ cases(first: 1, filter: { status: "closed" }) { count { value exact } } }',
      {},
      officer,
    );
    const tabs = await api.graphql<{
      open: { count: Count };
      closed: { count: Count };
      mine: { count: Count };
    }>(
      `{ open: cases(first: 1) { count { value exact } }
         closed: cases(first: 1, filter: { status: "closed" }) { count { value exact } }
         mine: cases(first: 1, filter: { mine: true }) { count(upTo: 1) { value exact } } }`,
      {},
      officer,
    );
    expect(tabs.errors).toBeUndefined();
    expect(tabs.data?.open.count).toEqual(counts.data?.cases.all);
    expect(tabs.data?.closed.count).toEqual(closedAlone.data?.cases.count);
    expect(tabs.data?.mine.count).toEqual({ value: 0, exact: true });
  });

  it('a longer page of cases with their assignee, requester, history and explanation costs no more queries', async () => {
    const me = await api.graphql<{ me: { id: string } }>('{ me { id } }', {}, officer);
    for (let i = 0; i < 6; i++) {
      const created = await createCase(api, officer, { subject: `Batched lookups ${i}` });
      await api.graphql(
        'mutation($input: AssignCaseInput!) { assignCase(input: $input) { id } }',
        { input: { caseId: created.id, assigneeId: me.data?.me.id } },
        officer,
      );
    }
    const page = (first: number) =>
      api.graphql<{ cases: { edges: { node: Record<string, unknown> }[] } }>(
        `query($first: Int) { cases(filter: { text: "batched lookups" }, first: $first) { edges { node {
          reference assignee { name } requester { name } history { type actor { name } }
          deadlineExplanation { due } allowedEvents { type }
        } } } }`,
        { first },
        officer,
      );
    // Every statement the api sends through its pool passes the data source's logger.
    const logger = api.dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    let queries = 0;
    // The reporting fold runs every few seconds on its own connection: its statements are not the page's.
    const folding = new WeakSet<object>();
    logger.logQuery = (query, parameters, runner) => {
      if (runner && query.includes('case_report_fold')) folding.add(runner);
      const transactionControl = /^(START TRANSACTION|SET TRANSACTION|COMMIT|ROLLBACK)/.test(query);
      if (!transactionControl && !(runner && folding.has(runner))) queries++;
      if (runner && /^(COMMIT|ROLLBACK)/.test(query)) folding.delete(runner);
      return logQuery(query, parameters, runner);
    };
    const queriesFor = async (first: number) => {
      queries = 0;
      const result = await page(first);
      expect(result.errors).toBeUndefined();
      expect(result.data?.cases.edges).toHaveLength(first);
      for (const { node } of result.data?.cases.edges ?? []) {
        expect(node).toMatchObject({
          assignee: { name: 'Test officer' },
          requester: { name: 'A. Requester' },
        });
      }
      return queries;
    };
    try {
      await queriesFor(2);
      const short = await queriesFor(2);
      expect(short).toBeGreaterThan(0);
      expect(await queriesFor(6)).toBe(short);
    } finally {
      logger.logQuery = logQuery;
    }
  });

  it('a holiday added at run time moves open deadlines, each change an event', async () => {
    const created = await createCase(api, officer, { receivedOn: '2026-01-20' });
    const admin = await api.signIn(['admin']);
    const result = await api.graphql<{ addHoliday: { casesRecomputed: number } }>(
      'mutation { addHoliday(input: { date: "2026-02-09", title: "Proclaimed bank holiday", divisions: ["england-and-wales"] }) { casesRecomputed } }',
      {},
      admin,
    );
    expect(result.data?.addHoliday.casesRecomputed).toBeGreaterThan(0);
    const found = await api.graphql<{
      case: { dueDate: string; history: { type: string; payload: unknown }[] };
    }>('query($id: ID!) { case(id: $id) { dueDate history { type payload } } }', { id: created.id }, officer);
    expect(found.data?.case.dueDate).toBe('2026-02-18');
    expect(found.data?.case.history.at(-1)).toEqual({
      type: 'DEADLINES_RECOMPUTED',
      payload: {
        changes: [
          { name: 'response', label: 'Response due (FOIA s.10(1))', from: '2026-02-17', to: '2026-02-18' },
        ],
      },
    });
  });

  it('says which open cases are overdue and which are due soon, by the rules of the list filters', async () => {
    type Flags = { reference: string; dueDate: string; overdue: boolean; dueSoon: boolean };
    const today = ukToday();
    const soon = addWorkingDays('foi', today, 3);
    const later = addWorkingDays('foi', today, 6);
    const late = await createCase(api, officer, { receivedOn: '2025-10-01', subject: 'Late' });
    const dueSoon = await createCase(api, officer, { receivedOn: receivedFor('foi', soon), subject: 'Soon' });
    const notYet = await createCase(api, officer, {
      receivedOn: receivedFor('foi', later),
      subject: 'Later',
    });
    const withdrawn = await createCase(api, officer, { receivedOn: '2025-10-01', subject: 'Withdrawn' });
    await sendEvent(api, officer, {
      caseId: withdrawn.id,
      type: 'WITHDRAW',
      expectedVersion: withdrawn.version,
    });
    const flags = async (id: string) =>
      (
        await api.graphql<{ case: Flags }>(
          'query($id: ID!) { case(id: $id) { reference dueDate overdue dueSoon } }',
          { id },
          officer,
        )
      ).data?.case;
    expect(await flags(late.id)).toMatchObject({ overdue: true, dueSoon: false });
    expect(await flags(dueSoon.id)).toMatchObject({ dueDate: soon, overdue: false, dueSoon: true });
    expect(await flags(notYet.id)).toMatchObject({ dueDate: later, overdue: false, dueSoon: false });
    expect(await flags(withdrawn.id)).toMatchObject({ overdue: false, dueSoon: false });

    // The list filters hold every case to the same rules as the fields.
    const listed = async (filter: Record<string, unknown>) =>
      (
        await api.graphql<{ cases: { edges: { node: Flags }[] } }>(
          'query($filter: CasesFilter) { cases(filter: $filter, first: 200) { edges { node { reference dueDate overdue dueSoon } } } }',
          { filter },
          officer,
        )
      ).data?.cases.edges.map((e) => e.node) ?? [];
    const overdueList = await listed({ overdue: true });
    expect(overdueList.map((c) => c.reference)).toContain(late.reference);
    expect(overdueList.every((c) => c.overdue && !c.dueSoon)).toBe(true);
    const soonList = await listed({ dueSoon: true });
    expect(soonList.map((c) => c.reference)).toContain(dueSoon.reference);
    expect(soonList.map((c) => c.reference)).not.toContain(notYet.reference);
    expect(soonList.every((c) => c.dueSoon && !c.overdue)).toBe(true);
    const everything = await listed({ status: 'all' });
    expect(everything.filter((c) => c.dueSoon).map((c) => c.reference)).toEqual(
      soonList.map((c) => c.reference),
    );

    // Working days are counted on each case's own regime calendar, run-time holidays included.
    const scottish = {
      date: addWorkingDays('foisa', today, 1),
      title: 'Proclaimed Scottish holiday',
      divisions: ['scotland' as const],
    };
    const admin = await api.signIn(['admin']);
    const added = await api.graphql(
      'mutation($input: AddHolidayInput!) { addHoliday(input: $input) { casesRecomputed } }',
      { input: scottish },
      admin,
    );
    expect(added.errors).toBeUndefined();
    const lastSoonDay = addWorkingDays('foisa', today, 5, { extraHolidays: [scottish] });
    const foisa = await createCase(api, officer, {
      workflowId: 'foisa',
      receivedOn: receivedFor('foisa', lastSoonDay, [scottish]),
      subject: 'Soon in Scotland',
    });
    expect(await flags(foisa.id)).toMatchObject({ dueDate: lastSoonDay, overdue: false, dueSoon: true });
    expect((await listed({ dueSoon: true })).map((c) => c.reference)).toContain(foisa.reference);
  });
});
