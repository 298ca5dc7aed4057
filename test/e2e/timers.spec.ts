import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, DatabaseMode } from '../../apps/api/src/index';
import { TimersService } from '../../apps/api/src/timers/timers.service';
import { startTestApi, type TestApi } from '../support/api';
import { createCase, sendEvent } from '../support/cases';

describe('durable timers', () => {
  let api: TestApi;
  let officer: string;
  beforeAll(async () => {
    api = await startTestApi('timers');
    officer = await api.signIn(['officer']);
  });
  afterAll(() => api?.close());

  it('two api instances firing timers together fire each exactly once, through the transition path', async () => {
    const cases = [];
    for (let i = 0; i < 12; i++) {
      const created = await createCase(api, officer, { subject: `Request ${i}` });
      await sendEvent(api, officer, {
        caseId: created.id,
        type: 'REQUEST_CLARIFICATION',
        payload: { clarificationQuestion: 'Which records?' },
        effectiveOn: '2026-01-19',
      });
      cases.push(created);
    }
    const pending = await api.dataSource.query(
      `SELECT name, to_char(fire_on, 'YYYY-MM-DD') AS fire_on FROM timer WHERE status = 'pending' AND case_id = $1`,
      [cases[0]?.id],
    );
    // The overdue timer went with the stopped clock; the lapse timer waits three months.
    expect(pending).toEqual([{ name: 'clarificationLapse', fire_on: '2026-04-20' }]);

    const { app: second } = await createApp({
      databaseUrl: api.databaseUrl,
      database: DatabaseMode.SERVER,
      demo: false,
      timerIntervalMs: 0,
    });
    try {
      const [a, b] = await Promise.all([
        api.app.get(TimersService).fireDue('2026-05-01'),
        second.get(TimersService).fireDue('2026-05-01'),
      ]);
      expect(a + b).toBe(12);
    } finally {
      await second.close();
    }
    const lapses = await api.dataSource.query(
      `SELECT case_id, count(*)::int AS n FROM case_event WHERE type = 'LAPSE' AND actor_id IS NULL AND actor_label = 'system' GROUP BY case_id`,
    );
    expect(lapses).toHaveLength(12);
    expect(lapses.every((row: { n: number }) => row.n === 1)).toBe(true);
    const closed = await api.dataSource.query(
      `SELECT DISTINCT status, outcome FROM "case" WHERE id = ANY($1)`,
      [cases.map((c) => c.id)],
    );
    expect(closed).toEqual([{ status: 'closed', outcome: 'lapsed' }]);
    const timers = await api.dataSource.query(
      `SELECT status, count(*)::int AS n FROM timer WHERE name = 'clarificationLapse' GROUP BY status`,
    );
    expect(timers).toEqual([{ status: 'fired', n: 12 }]);
    // Firing again finds nothing: exactly once, even across restarts.
    expect(await api.app.get(TimersService).fireDue('2026-05-01')).toBe(0);
  });

  it('marks a case overdue the day after its response deadline', async () => {
    const created = await createCase(api, officer, { receivedOn: '2026-01-14' });
    await sendEvent(api, officer, { caseId: created.id, type: 'START_RESPONSE', effectiveOn: '2026-01-15' });
    expect(await api.app.get(TimersService).fireDue('2026-02-11')).toBe(0);
    expect(await api.app.get(TimersService).fireDue('2026-02-12')).toBe(1);
    const [row] = await api.dataSource.query(
      `SELECT snapshot->'context'->'record'->>'overdue' AS overdue, stage FROM "case" WHERE id = $1`,
      [created.id],
    );
    expect(row).toEqual({ overdue: 'true', stage: 'response' });
  });

  it('drops a timer whose event the case no longer accepts, and notes why', async () => {
    const created = await createCase(api, officer, { receivedOn: '2026-01-14' });
    await api.dataSource.query(
      `INSERT INTO timer (case_id, name, event, fire_on, status) VALUES ($1, 'stray', 'LAPSE', '2026-01-20', 'pending')`,
      [created.id],
    );
    expect(await api.app.get(TimersService).fireDue('2026-01-20')).toBe(0);
    const [timer] = await api.dataSource.query(
      `SELECT status, note FROM timer WHERE case_id = $1 AND name = 'stray'`,
      [created.id],
    );
    expect(timer.status).toBe('cancelled');
    expect(timer.note).toMatch(/^"LAPSE" is not allowed: the case is at Received \(Assessing\)/);
    const [{ n }] = await api.dataSource.query(
      'SELECT count(*)::int AS n FROM case_event WHERE case_id = $1',
      [created.id],
    );
    expect(n).toBe(1);
  });
});
