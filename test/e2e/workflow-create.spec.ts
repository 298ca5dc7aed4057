import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { createCase } from '../support/cases';

const CREATE = `mutation($input: CreateWorkflowInput!) {
  createWorkflow(input: $input) { id name regime published { version } draft { revision definition errors { path message } } }
}`;
const EXPORT = `query($id: ID!) { workflow(id: $id) { versions { version definition } } }`;
const PUBLISH = `mutation($id: ID!, $revision: Int!) { publishWorkflow(input: { workflowId: $id, revision: $revision }) { version } }`;

interface Created {
  id: string;
  name: string;
  regime: string;
  published: null | { version: number };
  draft: { revision: number; definition: Record<string, unknown>; errors: { path: string }[] };
}

describe('creating a workflow', () => {
  let api: TestApi;
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi('workflow-create');
    admin = await api.signIn(['admin']);
  });
  afterAll(() => api?.close());

  const create = (input: Record<string, unknown>, token = admin) =>
    api.graphql<{ createWorkflow: Created }>(CREATE, { input }, token);

  it('from blank: a draft to build on, with the statutory stages still to add', async () => {
    const result = await create({ id: 'foi-blank', name: 'A new FOI process', regime: 'foi' });
    expect(result.errors).toBeUndefined();
    const created = result.data?.createWorkflow as Created;
    expect(created).toMatchObject({
      id: 'foi-blank',
      name: 'A new FOI process',
      regime: 'foi',
      published: null,
    });
    expect(created.draft.revision).toBe(1);
    expect(created.draft.definition).toMatchObject({
      id: 'foi-blank',
      regime: 'foi',
      initialStage: 'received',
    });
    expect(created.draft.errors.length).toBeGreaterThan(0);
  });

  it('as a copy of another: the published version under a new id and name, publishable at once', async () => {
    const result = await create({
      id: 'foi-schools',
      name: 'FOI for schools',
      regime: 'foi',
      copyFrom: 'foi',
    });
    expect(result.errors).toBeUndefined();
    const created = result.data?.createWorkflow as Created;
    expect(created.draft.errors).toEqual([]);
    const original = await api.graphql<{ workflow: { versions: { definition: Record<string, unknown> }[] } }>(
      EXPORT,
      { id: 'foi' },
      admin,
    );
    expect(created.draft.definition).toEqual({
      ...original.data?.workflow.versions[0]?.definition,
      id: 'foi-schools',
      name: 'FOI for schools',
    });
    const published = await api.graphql<{ publishWorkflow: { version: number } }>(
      PUBLISH,
      { id: 'foi-schools', revision: 1 },
      admin,
    );
    expect(published.data?.publishWorkflow.version).toBe(1);
    // Officers can start a case on it straight away.
    const officer = await api.signIn(['officer']);
    const started = await createCase(api, officer, { workflowId: 'foi-schools' });
    expect(started.reference).toMatch(/^FOI-2026-/);
  });

  it('by importing exported JSON: the same definition, round trip', async () => {
    const exported = await api.graphql<{
      workflow: { versions: { version: number; definition: Record<string, unknown> }[] };
    }>(EXPORT, { id: 'sar' }, admin);
    const definition = exported.data?.workflow.versions[0]?.definition as Record<string, unknown>;
    const result = await create({ id: 'sar-imported', name: 'SAR (imported)', regime: 'sar', definition });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createWorkflow.draft.definition).toEqual({
      ...definition,
      id: 'sar-imported',
      name: 'SAR (imported)',
    });
    // Subject access requests start restricted, to no team until an administrator names one.
    const access = await api.graphql<{ workflow: { restricted: boolean; accessTeams: unknown[] } }>(
      '{ workflow(id: "sar-imported") { restricted accessTeams { name } } }',
      {},
      admin,
    );
    expect(access.data?.workflow).toEqual({ restricted: true, accessTeams: [] });
    const [audit] = await api.dataSource.query(
      `SELECT actor_label, change->'after' AS after FROM user_audit WHERE target_kind = 'workflow' AND target_id = 'sar-imported'`,
    );
    expect(audit).toEqual({
      actor_label: expect.stringMatching(/^Test admin </),
      after: { restricted: true, teamIds: [] },
    });
  });

  it('refuses an invalid import listing every problem, and saves nothing', async () => {
    const definition = JSON.parse(readFileSync(join(__dirname, '../../workflows/eir.json'), 'utf8'));
    definition.initialStage = 'nowhere';
    definition.stages[0].initialStep = 'no-such-step';
    const result = await create({ id: 'eir-broken', name: 'Broken', regime: 'eir', definition });
    expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const problems = result.errors?.[0]?.extensions?.fields as { field: string }[];
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['initialStage', 'stages[0].initialStep']),
    );
    const found = await api.graphql('query { workflow(id: "eir-broken") { id } }', {}, admin);
    expect(found.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a taken id, a bad id, an unknown regime, a copy across regimes and a missing source', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ id: 'foi', name: 'Again', regime: 'foi' }, 'VALIDATION_FAILED'],
      [{ id: 'Not An Id', name: 'x', regime: 'foi' }, 'VALIDATION_FAILED'],
      [{ id: 'x-unknown', name: 'x', regime: 'gdpr' }, 'VALIDATION_FAILED'],
      [{ id: 'x-cross', name: 'x', regime: 'sar', copyFrom: 'foi' }, 'VALIDATION_FAILED'],
      [{ id: 'x-missing', name: 'x', regime: 'foi', copyFrom: 'nothing-here' }, 'NOT_FOUND'],
      [{ id: 'x-empty', name: ' ', regime: 'foi' }, 'VALIDATION_FAILED'],
    ];
    const before = await api.dataSource.query('SELECT count(*)::int AS n FROM workflow');
    for (const [input, code] of cases) {
      const result = await create(input);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe(code);
    }
    expect(await api.dataSource.query('SELECT count(*)::int AS n FROM workflow')).toEqual(before);
  });

  it('is for administrators only', async () => {
    const officer = await api.signIn(['officer']);
    const result = await create({ id: 'x-officer', name: 'x', regime: 'foi' }, officer);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
