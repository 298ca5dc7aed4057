import { startTestDatabase } from './test-database';

/** Starts the run's PostgreSQL and hands its address to every test worker through the environment. */
export default async function setup() {
  const database = await startTestDatabase();
  process.env.RECORDFLOW_TEST_DATABASE_URL = database.url;
  return () => database.stop();
}
