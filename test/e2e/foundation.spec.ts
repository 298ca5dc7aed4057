import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';

const webDir = join(__dirname, '../../apps/web/dist');

describe('the api on a fresh database', () => {
  let api: TestApi;
  const log: string[] = [];
  beforeAll(async () => {
    api = await startTestApi('foundation', { webDir, log });
  });
  afterAll(() => api?.close());

  it('answers /health with the database included', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'ok', database: { status: 'ok' } });
  });

  it('serves GraphQL at /graphql', async () => {
    const result = await api.graphql<{ about: { name: string; database: string } }>(
      '{ about { name database } }',
    );
    expect(result.status).toBe(200);
    expect(result.data?.about).toEqual({ name: 'Recordflow', database: 'SERVER' });
  });

  it('logs every request with who made it, its status and time, never the token; /health is not logged', async () => {
    const token = await api.signIn(['officer'], 'logged@test.example.org');
    const [{ id }] = await api.dataSource.query(
      `SELECT id FROM "user" WHERE email = 'logged@test.example.org'`,
    );
    log.length = 0;
    await fetch(`${api.url}/health`);
    expect((await api.graphql('{ me { id } }', {}, token)).errors).toBeUndefined();
    const completed = () =>
      log.map((line) => JSON.parse(line)).filter((line) => line.msg === 'request completed');
    // The line is written when the answer has left, which the client may see first.
    await expect.poll(() => completed().length).toBe(1);
    const lines = completed();
    expect(lines[0]).toMatchObject({
      level: 30,
      req: { method: 'POST', url: '/graphql', remoteAddress: expect.stringContaining('127.0.0.1') },
      res: { statusCode: 200 },
      userId: id,
      responseTime: expect.any(Number),
    });
    expect(lines[0].req.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(log.join('\n')).not.toContain(token);
  });

  it('answers malformed GraphQL with a clear error and no stack trace', async () => {
    const result = await api.graphql('{ about { name ');
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toMatch(/Syntax Error/);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('serves the built web app at /', async () => {
    expect(existsSync(join(webDir, 'index.html')), 'build the web app first: pnpm build').toBe(true);
    const response = await fetch(`${api.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Recordflow</title>');
  });
});
