import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../apps/api/src/auth/current-user';
import { CasesService } from '../../apps/api/src/cases/cases.service';
import { startTestApi, type TestApi } from '../support/api';
import { createCase, sendEvent } from '../support/cases';

const PREVIEW = `query($input: BulkActionInput!) {
  previewBulkAction(input: $input) { total allowed refused items { caseId reference allowed code message } }
}`;
const START = 'mutation($input: BulkActionInput!) { startBulkAction(input: $input) { id status total } }';
const JOB = `query($id: ID!, $after: String, $status: String) { bulkJob(id: $id) {
  status total succeeded failed pending
  items(first: 200, after: $after, status: $status) { items { position caseId reference status code message sequence } endCursor }
} }`;

interface JobItem {
  position: number;
  caseId: string;
  reference: string;
  status: string;
  code: string | null;
  message: string | null;
  sequence: number | null;
}
interface Job {
  status: string;
  total: number;
  succeeded: number;
  failed: number;
  pending: number;
  items: { items: JobItem[]; endCursor: string | null };
}

describe('bulk actions', () => {
  let api: TestApi;
  let officer: string;
  let officerId: string;
  let colleagueId: string;

  beforeAll(async () => {
    api = await startTestApi('bulk');
    officer = await api.signIn(['officer']);
    await api.signIn(['officer'], 'colleague@test.example.org');
    const [me] = await api.dataSource.query(`SELECT id FROM "user" WHERE email = 'officer@test.example.org'`);
    const [colleague] = await api.dataSource.query(
      `SELECT id FROM "user" WHERE email = 'colleague@test.example.org'`,
    );
    officerId = me.id;
    colleagueId = colleague.id;
  });
  afterAll(() => api?.close());

  const job = async (id: string, status?: string): Promise<Job & { all: JobItem[] }> => {
    const all: JobItem[] = [];
    let after: string | null = null;
    let first: Job | undefined;
    do {
      const result: { data?: { bulkJob: Job }; errors?: unknown } = await api.graphql<{ bulkJob: Job }>(
        JOB,
        { id, after, status },
        officer,
      );
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      first ??= result.data.bulkJob;
      all.push(...result.data.bulkJob.items.items);
      after = result.data.bulkJob.items.endCursor;
    } while (after);
    return { ...(first as Job), all };
  };

  const finished = async (id: string) => {
    const seen: number[] = [];
    for (let i = 0; i < 600; i++) {
      const result = await api.graphql<{ bulkJob: Job }>(JOB, { id, status: 'failed' }, officer);
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      const progress = result.data.bulkJob;
      seen.push(progress.succeeded + progress.failed);
      if (progress.status === 'done') return { progress: seen, job: await job(id) };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('the bulk job did not finish');
  };

  it('previews an event over a selection case by case, with the reason a case would refuse it, and changes nothing', async () => {
    const open = await createCase(api, officer, { subject: 'Bulk preview open' });
    const closed = await createCase(api, officer, { subject: 'Bulk preview closed' });
    await sendEvent(api, officer, { caseId: closed.id, type: 'WITHDRAW', effectiveOn: '2026-01-15' });
    const preview = await api.graphql<{
      previewBulkAction: {
        total: number;
        allowed: number;
        refused: number;
        items: Record<string, unknown>[];
      };
    }>(
      PREVIEW,
      {
        input: {
          caseIds: [open.id, closed.id],
          action: 'EVENT',
          eventType: 'WITHDRAW',
          effectiveOn: '2026-01-15',
        },
      },
      officer,
    );
    expect(preview.data?.previewBulkAction).toMatchObject({ total: 2, allowed: 1, refused: 1 });
    expect(preview.data?.previewBulkAction.items).toEqual([
      {
        caseId: open.id,
        reference: open.reference,
        allowed: true,
        code: null,
        message: 'WITHDRAW: moves to Closed.',
      },
      expect.objectContaining({ caseId: closed.id, allowed: false, code: 'EVENT_NOT_ALLOWED' }),
    ]);
    const [row] = await api.dataSource.query('SELECT version, status FROM "case" WHERE id = $1', [open.id]);
    expect(row).toEqual({ version: 1, status: 'open' });
  });

  it('sends an allowed event to every case a filter matches, each its own event, reporting those that refuse', async () => {
    const chosen = [];
    for (let i = 0; i < 4; i++) chosen.push(await createCase(api, officer, { subject: `Quarrybank ${i}` }));
    await sendEvent(api, officer, {
      caseId: chosen[3]?.id as string,
      type: 'WITHDRAW',
      effectiveOn: '2026-01-15',
    });
    const started = await api.graphql<{ startBulkAction: { id: string; total: number } }>(
      START,
      {
        input: {
          filter: { text: 'quarrybank', status: 'all' },
          action: 'EVENT',
          eventType: 'WITHDRAW',
          payload: { withdrawalNote: 'By phone.' },
          effectiveOn: '2026-01-16',
        },
      },
      officer,
    );
    expect(started.data?.startBulkAction.total).toBe(4);
    const { job: done } = await finished(started.data?.startBulkAction.id as string);
    expect(done).toMatchObject({ status: 'done', total: 4, succeeded: 3, failed: 1, pending: 0 });
    const byCase = new Map(done.all.map((item) => [item.caseId, item]));
    expect(byCase.get(chosen[3]?.id as string)).toMatchObject({
      status: 'failed',
      code: 'EVENT_NOT_ALLOWED',
    });
    for (const one of chosen.slice(0, 3)) {
      expect(byCase.get(one.id)).toMatchObject({ status: 'done', sequence: 2, code: null });
      const [event] = await api.dataSource.query(
        'SELECT type, payload, actor_label FROM case_event WHERE case_id = $1 AND sequence = 2',
        [one.id],
      );
      expect(event).toMatchObject({ type: 'WITHDRAW', payload: { withdrawalNote: 'By phone.' } });
      expect(event.actor_label).toMatch(/officer@test\.example\.org/);
    }
  });

  it('refuses an action it cannot judge, before anything starts', async () => {
    const one = await createCase(api, officer);
    const both = await api.graphql(
      START,
      { input: { caseIds: [one.id], filter: {}, action: 'ASSIGN' } },
      officer,
    );
    expect(both.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'input.caseIds' }],
    });
    const noEvent = await api.graphql(START, { input: { caseIds: [one.id], action: 'EVENT' } }, officer);
    expect(noEvent.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'input.eventType' }],
    });
    const nobody = await api.graphql(
      START,
      { input: { caseIds: [one.id], action: 'ASSIGN', assigneeId: '00000000-0000-4000-8000-000000000000' } },
      officer,
    );
    expect(nobody.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(Number((await api.dataSource.query('SELECT count(*) FROM bulk_job'))[0].count)).toBe(1);
  });

  it('assigns 1,000 cases, some changed by others meanwhile: each outcome reported, nothing lost, every history verifies', async () => {
    const cases = api.app.get(CasesService);
    const actor: Actor = {
      id: officerId,
      email: 'officer@test.example.org',
      name: 'Test officer',
      roles: ['officer'],
    };
    const ids: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const created = await cases.create(actor, {
        workflowId: 'foi',
        receivedOn: '2026-01-14',
        channel: 'email',
        subject: `Bulk thousand ${i}`,
        requestText: 'Generated for the bulk test.',
        requester: { name: `Requester ${i}`, email: `r${i}@example.net` },
      });
      ids.push(created.id);
    }
    // The officer's selection, as the list showed it: every case at version 1.
    const versions = ids.map(() => 1);
    // Changed by someone else after the selection was made: these must conflict.
    const before = ids.filter((_, i) => i % 20 === 0);
    for (const id of before) {
      const moved = await sendEvent(api, officer, {
        caseId: id,
        type: 'START_RESPONSE',
        effectiveOn: '2026-01-15',
      });
      expect(moved.errors).toBeUndefined();
    }
    const started = await api.graphql<{ startBulkAction: { id: string; status: string; total: number } }>(
      START,
      { input: { caseIds: ids, expectedVersions: versions, action: 'ASSIGN', assigneeId: colleagueId } },
      officer,
    );
    expect(started.data?.startBulkAction).toMatchObject({ status: 'running', total: 1000 });
    const jobId = started.data?.startBulkAction.id as string;
    // And others changed while the job runs: each either lands first (the job reports a conflict) or after.
    const during = ids.filter((_, i) => i % 20 === 7).reverse();
    const concurrent = await Promise.all(
      during.map((id) =>
        sendEvent(api, officer, { caseId: id, type: 'START_RESPONSE', effectiveOn: '2026-01-15' }),
      ),
    );
    expect(concurrent.every((result) => result.errors === undefined)).toBe(true);

    const { progress, job: done } = await finished(jobId);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(done).toMatchObject({ status: 'done', total: 1000, pending: 0 });
    expect(done.succeeded + done.failed).toBe(1000);
    expect(done.all).toHaveLength(1000);
    expect(done.all.map((item) => item.position)).toEqual(ids.map((_, i) => i + 1));

    const failed = done.all.filter((item) => item.status === 'failed');
    expect(failed.every((item) => item.code === 'VERSION_CONFLICT')).toBe(true);
    expect(failed.map((item) => item.caseId)).toEqual(expect.arrayContaining(before));
    // Only cases someone else changed conflicted.
    const changed = new Set([...before, ...during]);
    expect(failed.every((item) => changed.has(item.caseId))).toBe(true);
    expect(done.failed).toBe(failed.length);
    expect(failed.length).toBeGreaterThanOrEqual(before.length);

    const rows: {
      id: string;
      assignee_id: string | null;
      version: number;
      assigned: number;
      started: number;
    }[] = await api.dataSource.query(
      `SELECT c.id, c.assignee_id, c.version,
                (SELECT count(*)::int FROM case_event e WHERE e.case_id = c.id AND e.type = 'CASE_ASSIGNED') AS assigned,
                (SELECT count(*)::int FROM case_event e WHERE e.case_id = c.id AND e.type = 'START_RESPONSE') AS started
           FROM "case" c WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const item of done.all) {
      const row = byId.get(item.caseId);
      if (item.status === 'done') {
        // Assigned once, by its own event, at the sequence the item names.
        expect(row).toMatchObject({ assignee_id: colleagueId, assigned: 1 });
        const [event] = await api.dataSource.query(
          'SELECT type, payload FROM case_event WHERE case_id = $1 AND sequence = $2',
          [item.caseId, item.sequence],
        );
        expect(event).toEqual({ type: 'CASE_ASSIGNED', payload: { assigneeId: colleagueId, teamId: null } });
      } else {
        // Refused whole: no assignment, nothing half done.
        expect(row).toMatchObject({ assignee_id: null, assigned: 0 });
      }
      // Every change others made is there too.
      expect(row?.started).toBe(changed.has(item.caseId) ? 1 : 0);
      expect(row?.version).toBe(1 + (row?.assigned ?? 0) + (row?.started ?? 0));
    }
    const verified = await api.graphql<{ verifyAllCases: { casesChecked: number; failures: unknown[] } }>(
      '{ verifyAllCases { casesChecked failures { caseId reason } } }',
      {},
      await api.signIn(['auditor']),
    );
    expect(verified.data?.verifyAllCases.failures).toEqual([]);
    expect(verified.data?.verifyAllCases.casesChecked).toBeGreaterThanOrEqual(1000);
  }, 600_000);
});
