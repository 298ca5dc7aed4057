import pg from 'pg';
import { expect, test } from 'vitest';

// Run only by .ci/run (with test/ci/vitest.config.mts): a failing test must make the runner exit non-zero.
test('fails on purpose, after using the run database', async () => {
  const client = new pg.Client({ connectionString: process.env.RECORDFLOW_TEST_DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ answer: number }>('SELECT 1 + 1 AS answer');
  await client.end();
  expect(rows[0]?.answer).toBe(3);
});
