import { expect, it } from 'vitest';

it('sees the database', () => {
  expect(process.env.RECORDFLOW_TEST_DATABASE_URL).toMatch(/^postgres/);
});
