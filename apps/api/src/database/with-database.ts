import type { DataSource } from 'typeorm';
import { loadConfig } from '../config/recordflow-config';
import { AuditService, type VerifyAllOptions } from '../history/audit.service';
import { openDatabase } from './database';
import { runningDatabaseUrl, startEmbeddedDatabase } from './embedded-database';

/**
 * Runs `work` on Recordflow's database for a command-line task: DATABASE_URL, else the embedded server
 * of a running Recordflow, else the embedded database started for the task and stopped after it.
 */
export async function withDatabase<T>(
  work: (dataSource: DataSource, appliedMigrations: string[]) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const embedded =
    config.databaseUrl || runningDatabaseUrl(config.dataDir)
      ? undefined
      : await startEmbeddedDatabase(config.dataDir, () => {});
  const url = config.databaseUrl ?? runningDatabaseUrl(config.dataDir) ?? (embedded?.url as string);
  try {
    const { dataSource, applied } = await openDatabase(url);
    try {
      return await work(dataSource, applied);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await embedded?.stop();
  }
}

/** Applies pending migrations and returns their names. */
export const migrateDatabase = () => withDatabase(async (_dataSource, applied) => applied);

/** Verifies every case's history in the database (the command line's audit verify-all). */
export const verifyAllCases = (options?: VerifyAllOptions) =>
  withDatabase(async (dataSource) => new AuditService(dataSource).verifyAll(options));
