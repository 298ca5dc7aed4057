import type { INestApplication } from '@nestjs/common';
import { createApp, DatabaseMode } from '../../apps/api/src/index';
import { createScratchDatabase } from './databases';

export interface TestApi {
  app: INestApplication;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  databaseUrl: string;
  graphql<T = unknown>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  close(): Promise<void>;
}

export interface GraphQLResult<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

/** The real api on a scratch database, listening on a free loopback port. */
export async function startTestApi(label: string, options: { webDir?: string } = {}): Promise<TestApi> {
  const database = await createScratchDatabase(label);
  const { app } = await createApp({
    databaseUrl: database.url,
    database: DatabaseMode.SERVER,
    demo: false,
    webDir: options.webDir,
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    url,
    databaseUrl: database.url,
    async graphql<T>(query: string, variables?: Record<string, unknown>) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as Omit<GraphQLResult<T>, 'status'>) };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
