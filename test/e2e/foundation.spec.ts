import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';

const webDir = join(__dirname, '../../apps/web/dist');

describe('the api on a fresh database', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('foundation', { webDir });
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
