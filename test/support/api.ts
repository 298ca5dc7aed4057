import type { INestApplication } from '@nestjs/common';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { SESSION_CHANNEL, SessionCache } from '../../apps/api/src/auth/session-cache';
import {
  createApp,
  createUser,
  DatabaseMode,
  type MailSettings,
  type Role,
  type SignInSettings,
} from '../../apps/api/src/index';
import { createScratchDatabase } from './databases';

export interface TestApi {
  app: INestApplication;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  databaseUrl: string;
  dataSource: DataSource;
  /** Sends one operation, with a bearer token when given. */
  graphql<T = unknown>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResult<T>>;
  /** Creates a user with these roles (once per e-mail) and signs in; returns the token. */
  signIn(roles: (Role | 'approver')[], email?: string): Promise<string>;
  /** The api's own error log lines so far, so a test that sees a fault can say what the server logged. */
  serverErrors: string[];
  /**
   * After users, teams or workflow access changed by hand in SQL: waits until the api has forgotten what
   * it kept of them (PostgreSQL announces such changes at commit; this waits for them to arrive).
   */
  sessionsSettled(): Promise<void>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery';

export interface GraphQLResult<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

/** The real api on a scratch database, listening on a free loopback port. */
export async function startTestApi(
  label: string,
  options: {
    webDir?: string;
    mail?: MailSettings;
    trustProxy?: string;
    signIn?: SignInSettings;
    /** A port chosen beforehand (its URL must be known before the start, as single sign-on's is); default any free one. */
    port?: number;
    /** Every log line of the api at info and above is pushed here (the request log among them). */
    log?: string[];
  } = {},
): Promise<TestApi> {
  const database = await createScratchDatabase(label);
  const serverErrors: string[] = [];
  const { app, dataSource } = await createApp({
    databaseUrl: database.url,
    database: DatabaseMode.SERVER,
    demo: false,
    webDir: options.webDir,
    trustProxy: options.trustProxy,
    timerIntervalMs: 0,
    // Tests make notices by hand (NotificationsService.run), so each round is known.
    notifyIntervalMs: 0,
    mail: options.mail,
    signIn: options.signIn ?? { password: true, oidc: null },
    // LOG_LEVEL=error shows the api's own log while debugging a test; errors are always kept for the test to show.
    logger: pino(
      { level: options.log ? 'info' : (process.env.LOG_LEVEL ?? 'error') },
      pino.multistream([
        { level: 'error', stream: { write: (line: string) => void serverErrors.push(line) } },
        ...(options.log
          ? [{ level: 'info' as const, stream: { write: (line: string) => void options.log?.push(line) } }]
          : []),
        ...(process.env.LOG_LEVEL
          ? [{ level: process.env.LOG_LEVEL as pino.Level, stream: process.stdout }]
          : []),
      ]),
    ),
  });
  await app.listen(options.port ?? 0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const graphql = async <T>(query: string, variables?: Record<string, unknown>, token?: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as Omit<GraphQLResult<T>, 'status'>) };
  };
  const created = new Set<string>();
  return {
    app,
    url,
    databaseUrl: database.url,
    dataSource,
    graphql,
    serverErrors,
    async sessionsSettled() {
      const txid = await dataSource.transaction(async (manager) => {
        const [row] = await manager.query(
          `SELECT pg_notify('${SESSION_CHANNEL}', '* ' || txid_current()), txid_current()::text AS txid`,
        );
        return row.txid as string;
      });
      await app.get(SessionCache).changed('*', txid);
    },
    async signIn(roles, email = `${roles.join('-')}@test.example.org`) {
      if (!created.has(email.toLowerCase())) {
        await createUser(dataSource.manager, {
          email,
          name: `Test ${roles.join(' ')}`,
          password: TEST_PASSWORD,
          roles,
        });
        created.add(email.toLowerCase());
      }
      const result = await graphql<{ login: { token: string } }>(
        'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
        { email, password: TEST_PASSWORD },
      );
      if (!result.data) throw new Error(`sign-in failed: ${JSON.stringify(result.errors)}`);
      return result.data.login.token;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
