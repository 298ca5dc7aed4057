import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../apps/api/src/database/embedded-database';
import { startPostgresServer } from '../../apps/api/src/database/postgres-server';

export interface TestDatabase {
  /** Superuser URL of the server; tests create their own databases on it. */
  url: string;
  stop(): Promise<void>;
}

/** DATABASE_URL when set (a real server), else a fresh embedded PostgreSQL in a temporary folder. */
export async function startTestDatabase(): Promise<TestDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, stop: async () => {} };
  }
  const dir = await mkdtemp(join(tmpdir(), 'recordflow-test-db-'));
  // As root the server runs as the postgres system user, which must enter the folder to reach data/.
  await chmod(dir, 0o755);
  const port = await freePort();
  const server = await startPostgresServer({
    databaseDir: join(dir, 'data'),
    port,
    password: 'postgres',
    log: () => {},
  });
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
