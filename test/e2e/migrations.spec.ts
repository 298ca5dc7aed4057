import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../apps/api/src/database/database';
import { createScratchDatabase, type ScratchDatabase } from '../support/databases';

describe('migrations', () => {
  let database: ScratchDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createScratchDatabase('migrations');
    dataSource = (await openDatabase(database.url)).dataSource;
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('leave nothing for the entities to change (migrations and entities agree)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('run once: a second start applies none', async () => {
    const again = await openDatabase(database.url);
    await again.dataSource.destroy();
    expect(again.applied).toEqual([]);
  });

  it('can all be reverted, then applied again', async () => {
    const scratch = await createScratchDatabase('migrations_down');
    const opened = await openDatabase(scratch.url);
    for (const _ of opened.applied) await opened.dataSource.undoLastMigration();
    const tables = await opened.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migration'`,
    );
    expect(tables).toEqual([]);
    await opened.dataSource.runMigrations();
    await opened.dataSource.destroy();
    await scratch.drop();
  });
});
