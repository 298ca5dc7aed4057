import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emittedSchema } from '../../apps/api/src/index';
import { startTestApi, type TestApi } from '../support/api';

const committedFile = join(__dirname, '../../schema.gql');

describe('schema.gql', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('schema');
  });
  afterAll(() => api?.close());

  it('is the schema the code emits (regenerate with `pnpm schema`)', () => {
    const emitted = emittedSchema(api.app);
    if (process.env.RECORDFLOW_WRITE_SCHEMA === '1') writeFileSync(committedFile, emitted);
    expect(readFileSync(committedFile, 'utf8'), 'schema.gql is stale: run `pnpm schema` and commit it').toBe(
      emitted,
    );
  });
});
