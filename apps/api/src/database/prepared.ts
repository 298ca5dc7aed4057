import type { EntityManager } from 'typeorm';

interface PgClient {
  query(config: {
    name: string;
    text: string;
    values: unknown[];
  }): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * Runs a hot statement as a named prepared statement, on the transaction's own connection or (outside
 * a transaction) on a pooled one, so PostgreSQL parses and plans it once per connection instead of
 * on every transition.
 */
export async function preparedQuery<T = Record<string, unknown>>(
  manager: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner as unknown as { databaseConnection?: PgClient } | undefined;
  const client = runner?.databaseConnection;
  if (client) return (await client.query({ name, text, values })).rows as T[];
  if (manager.queryRunner) return manager.query(text, values);
  const pool = (manager.connection.driver as unknown as { master?: PgClient }).master;
  if (!pool) return manager.query(text, values);
  return (await pool.query({ name, text, values })).rows as T[];
}
