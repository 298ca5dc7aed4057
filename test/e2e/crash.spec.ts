import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { createCase } from '../support/cases';

// Runs the built api's transition inside a transaction and kills the process before it commits.
const CRASH_SCRIPT = `
const { createApp, DatabaseMode } = require(${JSON.stringify(join(__dirname, '../../apps/api/dist/index.js'))});
const { CasesService, SYSTEM_ACTOR } = require(${JSON.stringify(join(__dirname, '../../apps/api/dist/cases/cases.service.js'))});
const { DataSource } = require(${JSON.stringify(require.resolve('typeorm', { paths: [join(__dirname, '../../apps/api')] }))});
(async () => {
  const { app } = await createApp({ databaseUrl: process.env.DB, database: DatabaseMode.SERVER, demo: false, timerIntervalMs: 0 });
  const cases = app.get(CasesService);
  await app.get(DataSource).transaction(async (manager) => {
    await cases.sendWithin(manager, { ...SYSTEM_ACTOR, roles: ['officer'] }, { caseId: process.env.CASE, type: 'START_RESPONSE' });
    const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM case_event WHERE case_id = $1', [process.env.CASE]);
    process.stdout.write('inside:' + n + '\\n');
    process.kill(process.pid, 'SIGKILL');
  });
})();
`;

describe('a process killed mid-transition', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('crash');
  });
  afterAll(() => api?.close());

  it('leaves no partial event and the case as it was', async () => {
    const officer = await api.signIn(['officer']);
    const created = await createCase(api, officer);
    const child = spawn(process.execPath, ['-e', CRASH_SCRIPT], {
      env: { ...process.env, DB: api.databaseUrl, CASE: created.id },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const signal = await new Promise((resolve) => child.on('exit', (_code, killed) => resolve(killed)));
    expect(signal, output).toBe('SIGKILL');
    // Inside the transaction the event was there; after the kill, PostgreSQL rolled it back.
    expect(output).toContain('inside:2');
    const [{ n }] = await api.dataSource.query(
      'SELECT count(*)::int AS n FROM case_event WHERE case_id = $1',
      [created.id],
    );
    expect(n).toBe(1);
    const [row] = await api.dataSource.query('SELECT version, stage FROM "case" WHERE id = $1', [created.id]);
    expect(row).toEqual({ version: 1, stage: 'received' });
  });
});
