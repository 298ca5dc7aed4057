import { DataSource, type DataSourceOptions } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

/** Any number for pg_advisory_lock; only Recordflow processes take it, around migrations. */
const MIGRATION_LOCK = 7_357_001;

export function databaseOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migration',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // Statutory records: fail fast rather than wait on a dead database.
    connectTimeoutMS: 10_000,
    extra: {
      max: Number(process.env.RECORDFLOW_DB_POOL ?? 10),
      application_name: 'recordflow',
      // JIT compiles the reporting sums at a million cases for 50–400 ms to save a few: every query here is short.
      options: '-c jit=off',
    },
  };
}

/** Opens the pool and brings the schema up to date; replicas starting together migrate one at a time. */
export async function openDatabase(url: string): Promise<{ dataSource: DataSource; applied: string[] }> {
  const dataSource = new DataSource(databaseOptions(url));
  await dataSource.initialize();
  try {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return { dataSource, applied: applied.map((m) => m.name) };
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await runner.release();
    }
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
