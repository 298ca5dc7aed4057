import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { createCase, sendEvent } from '../support/cases';

const foi = () => JSON.parse(readFileSync(join(__dirname, '../../workflows/foi.json'), 'utf8'));
const SAVE = `mutation($input: SaveWorkflowDraftInput!) { saveWorkflowDraft(input: $input) { revision errors { path code message } savedBy { email } } }`;
const PUBLISH = `mutation($input: PublishWorkflowInput!) { publishWorkflow(input: $input) { version status definitionHash publishedBy { email } } }`;

describe('workflows: drafts, publishing, versions', () => {
  let api: TestApi;
  let admin: string;
  let officer: string;
  beforeAll(async () => {
    api = await startTestApi('workflows');
    admin = await api.signIn(['admin']);
    officer = await api.signIn(['officer']);
  });
  afterAll(() => api?.close());

  it('lists the built-in workflows, published as version 1', async () => {
    const result = await api.graphql<{
      workflows: { id: string; regime: string; published: { version: number } }[];
    }>('{ workflows { id regime published { version } } }', {}, officer);
    expect(result.data?.workflows).toEqual([
      { id: 'eir', regime: 'eir', published: { version: 1 } },
      { id: 'eisr', regime: 'eisr', published: { version: 1 } },
      { id: 'foi', regime: 'foi', published: { version: 1 } },
      { id: 'foisa', regime: 'foisa', published: { version: 1 } },
      { id: 'sar', regime: 'sar', published: { version: 1 } },
    ]);
  });

  it('adds a legal review step, detects a concurrent save, refuses to publish with errors, then publishes version 2; running cases keep version 1', async () => {
    const running = await createCase(api, officer);
    const definition = foi();
    const response = definition.stages.find((s: { id: string }) => s.id === 'response');
    response.steps.splice(1, 0, { id: 'legal-review', label: 'Legal review', position: { x: 95, y: 60 } });

    // An unreachable step is kept in the draft with its problem listed.
    const first = await api.graphql<{
      saveWorkflowDraft: { revision: number; errors: { code: string; message: string }[] };
    }>(SAVE, { input: { workflowId: 'foi', definition } }, admin);
    expect(first.data?.saveWorkflowDraft.revision).toBe(1);
    expect(first.data?.saveWorkflowDraft.errors).toContainEqual(
      expect.objectContaining({
        code: 'unreachable',
        message: 'Step "legal-review" of stage "response" cannot be reached from its first step "drafting".',
      }),
    );
    const refused = await api.graphql(PUBLISH, { input: { workflowId: 'foi', revision: 1 } }, admin);
    expect(refused.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(refused.errors?.[0]?.extensions?.fields).toContainEqual(
      expect.objectContaining({ field: 'stages[5].steps[1]', code: 'unreachable' }),
    );
    expect(refused.errors?.[0]?.message).toMatch(
      /^The draft has 1 error; fix it before publishing\. stages\[5\]\.steps\[1\]: Step "legal-review"/,
    );

    // Someone else saved revision 1 in the meantime: the stale save is refused, nothing lost on the server.
    const stale = await api.graphql(
      SAVE,
      { input: { workflowId: 'foi', definition, baseRevision: 0 } },
      admin,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 1 });

    const submit = response.transitions.find((t: { id: string }) => t.id === 'submit-for-approval');
    submit.to = 'legal-review';
    response.transitions.push({
      id: 'legal-cleared',
      event: 'LEGAL_CLEARED',
      label: 'Legal review cleared',
      from: 'legal-review',
      to: 'approval',
      roles: ['officer'],
      inputs: [],
      actions: [],
    });
    const fixed = await api.graphql<{
      saveWorkflowDraft: { revision: number; errors: unknown[]; savedBy: { email: string } };
    }>(SAVE, { input: { workflowId: 'foi', definition, baseRevision: 1 } }, admin);
    expect(fixed.data?.saveWorkflowDraft).toMatchObject({
      revision: 2,
      errors: [],
      savedBy: { email: 'admin@test.example.org' },
    });
    const published = await api.graphql<{
      publishWorkflow: { version: number; status: string; definitionHash: string };
    }>(PUBLISH, { input: { workflowId: 'foi', revision: 2 } }, admin);
    expect(published.data?.publishWorkflow).toMatchObject({
      version: 2,
      status: 'published',
      definitionHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    // New cases run version 2 (with legal review); the running case keeps version 1.
    const fresh = await createCase(api, officer);
    await sendEvent(api, officer, { caseId: fresh.id, type: 'START_RESPONSE' });
    const submitted = await sendEvent(api, officer, {
      caseId: fresh.id,
      type: 'SUBMIT_FOR_APPROVAL',
      payload: {
        outcome: 'granted-in-full',
        answers: [{ question: 'The request', answer: 'a' }],
        held: true,
      },
    });
    expect(submitted.data?.sendCaseEvent.case.step).toBe('legal-review');
    await sendEvent(api, officer, { caseId: running.id, type: 'START_RESPONSE' });
    const old = await sendEvent(api, officer, {
      caseId: running.id,
      type: 'SUBMIT_FOR_APPROVAL',
      payload: {
        outcome: 'granted-in-full',
        answers: [{ question: 'The request', answer: 'a' }],
        held: true,
      },
    });
    expect(old.data?.sendCaseEvent.case.step).toBe('approval');
    const versions = await api.graphql<{
      workflow: { versions: { version: number; status: string }[]; draft: null };
    }>('{ workflow(id: "foi") { versions { version status } draft { revision } } }', {}, admin);
    expect(versions.data?.workflow).toEqual({
      versions: [
        { version: 2, status: 'published' },
        { version: 1, status: 'archived' },
      ],
      draft: null,
    });
  });

  it('refuses what is not a workflow, and a published version cannot be changed even in SQL', async () => {
    const garbage = await api.graphql(
      SAVE,
      { input: { workflowId: 'foi', definition: { hello: 'world' } } },
      admin,
    );
    expect(garbage.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(garbage.errors?.[0]?.message).toMatch(/^The definition is not a workflow: /);
    await expect(
      api.dataSource.query(
        `UPDATE workflow_version SET definition = '{}' WHERE workflow_id = 'sar' AND version = 1`,
      ),
    ).rejects.toThrow(/workflow version 1 of sar is published and cannot change/);
  });

  it('assigns a case to an officer and records who did it', async () => {
    const created = await createCase(api, officer);
    const [{ id }] = await api.dataSource.query(
      `SELECT id FROM "user" WHERE email = 'officer@test.example.org'`,
    );
    const result = await api.graphql<{ assignCase: { version: number; assignee: { email: string } } }>(
      'mutation($input: AssignCaseInput!) { assignCase(input: $input) { version assignee { email } } }',
      { input: { caseId: created.id, assigneeId: id, expectedVersion: 1 } },
      officer,
    );
    expect(result.data?.assignCase).toEqual({ version: 2, assignee: { email: 'officer@test.example.org' } });
    const mine = await api.graphql<{ cases: { edges: { node: { id: string } }[] } }>(
      '{ cases(filter: { mine: true }) { edges { node { id } } } }',
      {},
      officer,
    );
    expect(mine.data?.cases.edges.map((e) => e.node.id)).toContain(created.id);
    const [adminUser] = await api.dataSource.query(
      `SELECT id FROM "user" WHERE email = 'admin@test.example.org'`,
    );
    const notOfficer = await api.graphql(
      'mutation($input: AssignCaseInput!) { assignCase(input: $input) { version } }',
      { input: { caseId: created.id, assigneeId: adminUser.id } },
      officer,
    );
    expect(notOfficer.errors?.[0]?.message).toBe('Cases can only be assigned to officers.');
  });
});
