import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../apps/api/src/database/embedded-database';

const mainJs = join(__dirname, '../../apps/api/dist/main.js');

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `pnpm start`'s last step, as a user runs it: the built api with the embedded database. */
function startRecordflow(dataDir: string, port: number): Started {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RECORDFLOW_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [mainJs], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(port: number, started: Started, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`Recordflow exited early:\n${started.output()}`);
    const status = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`/health did not answer 200 within ${timeoutMs} ms:\n${started.output()}`);
}

function postgresProcessesFor(dataDir: string): string[] {
  const lines = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes('postgres') && line.includes(dataDir));
}

async function embeddedDatabaseUrl(output: string): Promise<string> {
  const match = /"url":"(postgres:[^"]+)"/.exec(output);
  if (!match?.[1]) throw new Error(`no database url logged:\n${output}`);
  return match[1];
}

describe('pnpm start on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'recordflow-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // Two starts of a real server, one creating its cluster: a minute or more on a loaded 2-core machine.
  it('starts, refuses a second start, stops on Ctrl-C with no PostgreSQL left, and keeps data', async () => {
    const port = await freePort();
    const first = startRecordflow(dataDir, port);
    await waitForHealth(port, first);
    expect(first.output()).toContain(`Recordflow is ready at http://localhost:${port}/`);

    // Leave a mark in the database to find after a restart.
    const database = new pg.Client({ connectionString: await embeddedDatabaseUrl(first.output()) });
    await database.connect();
    await database.query(`INSERT INTO setting (key, value) VALUES ('test.mark', '"kept"')`);
    await database.end();

    const second = startRecordflow(dataDir, await freePort());
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('Recordflow is already running');

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);

    const again = startRecordflow(dataDir, port);
    await waitForHealth(port, again);
    const reopened = new pg.Client({ connectionString: await embeddedDatabaseUrl(again.output()) });
    await reopened.connect();
    const { rows } = await reopened.query(`SELECT value FROM setting WHERE key = 'test.mark'`);
    await reopened.end();
    expect(rows).toEqual([{ value: 'kept' }]);

    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  }, 240_000);
});
