import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyAllProgress } from '../../apps/api/src/history/audit.service';
import { startTestApi, type TestApi } from '../support/api';
import { createCase, sendEvent } from '../support/cases';

const run = promisify(execFile);
const cli = join(__dirname, '../../apps/cli/dist/main.js');
// The built service, as the CLI runs it: its worker threads load the built workflow package.
const { AuditService } = require('../../apps/api/dist/history/audit.service.js');

const ANSWER = {
  type: 'SUBMIT_FOR_APPROVAL',
  effectiveOn: '2026-01-16',
  payload: {
    outcome: 'granted-in-full',
    answers: [{ question: 'How many cameras?', answer: 'No such cameras.' }],
    held: true,
  },
};

describe('verifying every case: batches, worker threads, progress and resuming', () => {
  let api: TestApi;
  let ids: string[];
  let tampered: { id: string; reference: string };
  beforeAll(async () => {
    api = await startTestApi('audit-verify-all');
    const officer = await api.signIn(['officer']);
    for (let i = 0; i < 7; i++) {
      const created = await createCase(api, officer);
      await sendEvent(api, officer, {
        caseId: created.id,
        type: 'START_RESPONSE',
        effectiveOn: '2026-01-16',
      });
      await sendEvent(api, officer, { caseId: created.id, ...ANSWER });
      if (i === 4) tampered = created;
    }
    await api.dataSource.transaction(async (manager) => {
      await manager.query('ALTER TABLE case_event DISABLE TRIGGER case_event_append_only');
      await manager.query(
        `UPDATE case_event SET payload = jsonb_set(payload, '{answers}', '"No such cameras!"') WHERE case_id = $1 AND sequence = 3`,
        [tampered.id],
      );
      await manager.query('ALTER TABLE case_event ENABLE TRIGGER case_event_append_only');
    });
    ids = (await api.dataSource.query('SELECT id FROM "case" ORDER BY id')).map((r: { id: string }) => r.id);
  });
  afterAll(() => api?.close());

  const failure = () => ({
    caseId: tampered.id,
    reference: tampered.reference,
    ok: false,
    eventsChecked: 2,
    firstBadSequence: 3,
    reason: 'its content does not match its hash: it was altered after it was recorded',
  });

  it('finds the same failures on worker threads, two cases a batch, as on one thread, reporting progress in case-id order', async () => {
    const audit = new AuditService(api.dataSource);
    const progress: VerifyAllProgress[] = [];
    const pooled = await audit.verifyAll({
      workers: 2,
      batchSize: 2,
      onProgress: (p: VerifyAllProgress) => progress.push(p),
    });
    expect(pooled).toEqual({ casesChecked: ids.length, failures: [failure()] });
    expect(await audit.verifyAll({ workers: 0 })).toEqual(pooled);
    expect(progress.map((p) => p.lastCaseId)).toEqual([ids[1], ids[3], ids[5], ids[6]]);
    expect(progress.map((p) => p.casesChecked)).toEqual([2, 4, 6, 7]);
    expect(progress.at(-1)).toMatchObject({ eventsChecked: 3 * ids.length - 1, failed: 1 });
  });

  it('resumes after a case id, checking only the cases after it', async () => {
    const audit = new AuditService(api.dataSource);
    const after = ids[2] as string;
    const failures = ids.indexOf(tampered.id) > 2 ? [failure()] : [];
    expect(await audit.verifyAll({ after, workers: 2, batchSize: 2 })).toEqual({
      casesChecked: ids.length - 3,
      failures,
    });
  });

  it('on the command line: lists the failures, resumes with --after, and refuses a malformed --after', async () => {
    const env = { ...process.env, DATABASE_URL: api.databaseUrl };
    const all = await run(process.execPath, [cli, 'audit', 'verify-all', '--workers', '2'], { env }).catch(
      (error) => error,
    );
    expect(all.code).toBe(1);
    expect(all.stdout).toMatch(
      new RegExp(
        `^FAILED ${tampered.reference} at event 3: its content does not match its hash: it was altered after it was recorded\\n${ids.length} cases checked in [0-9.]+ s, 1 failed\\.\\n$`,
      ),
    );
    expect(all.stderr).toContain(`FAILED ${tampered.reference} (case ${tampered.id}) at event 3`);

    const last = ids.at(-1) as string;
    const resumed = await run(process.execPath, [cli, 'audit', 'verify-all', '--after', last], { env });
    expect(resumed.stdout).toMatch(
      new RegExp(`^0 cases checked after ${last} in [0-9.]+ s, 0 failed\\.\\n$`),
    );

    const bad = await run(process.execPath, [cli, 'audit', 'verify-all', '--after', 'FOI-1'], { env }).catch(
      (error) => error,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('--after takes a case id (a UUID), as a progress line names it; not "FOI-1".\n');
  });
});
