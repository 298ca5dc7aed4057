import type { DataSource } from 'typeorm';
import { loadConfig } from '../config/recordflow-config';
import { openDatabase } from './database';
import { runningDatabaseUrl, startEmbeddedDatabase } from './embedded-database';

/**
 * Runs `work` on Recordflow's database for a command-line task: DATABASE_URL, else the embedded server
 * of a running Recordflow, else the embedded database started for the task and stopped after it.
 */
export async function withDatabase<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const embedded =
    config.databaseUrl || runningDatabaseUrl(config.dataDir)
      ? undefined
      : await startEmbeddedDatabase(config.dataDir, () => {});
  const url = config.databaseUrl ?? runningDatabaseUrl(config.dataDir) ?? (embedded?.url as string);
  try {
    const { dataSource } = await openDatabase(url);
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await embedded?.stop();
  }
}
