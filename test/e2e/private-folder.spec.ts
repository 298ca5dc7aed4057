import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../apps/api/src/database/embedded-database';

const repository = resolve(__dirname, '../..');
const asRoot = process.getuid?.() === 0;
const folder = mkdtempSync(join(tmpdir(), 'recordflow-private-'));
const clone = join(folder, 'recordflow');
let relocatedCluster: string | undefined;

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  if (relocatedCluster) rmSync(relocatedCluster, { recursive: true, force: true });
});

function sh(command: string, args: string[], cwd: string): void {
  execFileSync(command, args, { cwd, stdio: 'pipe', timeout: 120_000 });
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => (child.exitCode !== null ? done(child.exitCode) : child.on('exit', done)));
}

describe(`a fresh clone in a private (0700) folder, as ${asRoot ? 'root' : 'a normal user'}`, () => {
  it('installs, starts with its embedded database, answers /health and stops cleanly', async () => {
    // Like /root: nobody but the owner may enter, so a separate database user cannot reach the checkout.
    chmodSync(folder, 0o700);
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repository, encoding: 'utf8' }).trim();
    sh('git', ['clone', '--quiet', '--no-checkout', repository, clone], folder);
    sh('git', ['checkout', '--quiet', head], clone);
    sh('pnpm', ['install', '--frozen-lockfile', '--offline', '--silent'], clone);
    // The compiled output of this same commit (built before the tests run) stands in for `pnpm build`.
    for (const dist of [
      'packages/calendar/dist',
      'packages/workflow/dist',
      'apps/api/dist',
      'apps/web/dist',
    ]) {
      cpSync(join(repository, dist), join(clone, dist), { recursive: true });
    }

    const first = await startAndStop();
    relocatedCluster = /database lives in (\/var\/lib\/recordflow\/[0-9a-f]+)\/db/.exec(first)?.[1];
    expect(first).toContain('"created":true');
    if (asRoot) {
      // The postgres user cannot enter the clone: the cluster lives where it can, and the log says where.
      expect(relocatedCluster, first).toMatch(/^\/var\/lib\/recordflow\/[0-9a-f]{16}$/);
      expect(existsSync(join(relocatedCluster as string, 'db', 'PG_VERSION'))).toBe(true);
    } else {
      expect(readdirSync(join(clone, '.recordflow', 'db'))).toContain('PG_VERSION');
    }
    // The next start of the same data folder finds the same database.
    const again = await startAndStop();
    expect(again).toContain('"created":false');
    if (asRoot) expect(again).toContain(`database lives in ${relocatedCluster}/db`);
  }, 180_000);

  /** The folder holding the cluster, as the start logged it. */
  const clusterOf = (output: string) =>
    /database lives in (\/var\/lib\/recordflow\/[0-9a-f]+\/db)/.exec(output)?.[1] ??
    join(clone, '.recordflow', 'db');

  /** `pnpm start`'s last step, from the clone (its own .recordflow and node_modules): up, /health, Ctrl-C. */
  async function startAndStop(): Promise<string> {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), LOG_LEVEL: 'info' };
    delete env.DATABASE_URL;
    delete env.RECORDFLOW_DATA_DIR;
    const child = spawn(process.execPath, ['apps/api/dist/main.js'], {
      cwd: clone,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });

    const deadline = Date.now() + 90_000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline && child.exitCode === null) {
      status = await fetch(`http://127.0.0.1:${port}/health`).then(
        (response) => response.status,
        () => 0,
      );
      if (status !== 200) await new Promise((wait) => setTimeout(wait, 250));
    }
    expect(status, output).toBe(200);
    expect(output).not.toContain('EACCES');

    child.kill('SIGINT');
    expect(await waitForExit(child), output).toBe(0);
    expect(output).toContain('Stopped cleanly');
    const left = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('postgres -D') && line.includes(clusterOf(output)));
    expect(left).toEqual([]);
    return output;
  }
});
