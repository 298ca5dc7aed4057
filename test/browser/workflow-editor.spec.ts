import { join } from 'node:path';
import type { WorkflowDefinition } from '@recordflow/workflow';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import { launchBrowser, screenshot } from '../support/browser';

const SHOTS = 'workflow-editor';

const WORKFLOW = `query ($id: ID!) {
  workflow(id: $id) { published { version definition } draft { revision definition } }
}`;
const SAVE_DRAFT = `mutation ($input: SaveWorkflowDraftInput!) { saveWorkflowDraft(input: $input) { revision } }`;
const CREATE_CASE = `mutation ($input: CreateCaseInput!) {
  createCase(input: $input) { id reference workflowVersion stage }
}`;
const SEND = `mutation ($input: SendCaseEventInput!) {
  sendCaseEvent(input: $input) { case { stage workflowVersion allowedEvents { type } } }
}`;

describe('in Chromium: an administrator changes a workflow in the editor and publishes it', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let admin: string;
  let officer: string;

  beforeAll(async () => {
    api = await startTestApi('editor', { webDir: join(__dirname, '../../apps/web/dist') });
    admin = await api.signIn(['admin'], 'ann.admin@example.org');
    officer = await api.signIn(['officer'], 'olu.officer@example.org');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(api.url);
    await page.getByLabel('E-mail').fill('ann.admin@example.org');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function gql<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const result = await api.graphql<T>(query, variables, token);
    if (result.errors) throw new Error(result.errors.map((e) => e.message).join('; '));
    return result.data as T;
  }

  async function createCase(subject: string) {
    const { createCase } = await gql<{ createCase: { id: string; workflowVersion: number; stage: string } }>(
      CREATE_CASE,
      {
        input: {
          workflowId: 'foi',
          receivedOn: '2026-11-02',
          channel: 'email',
          subject,
          requestText: `Please send me everything about ${subject}.`,
          requester: { name: 'Sam Requester', email: 'sam@example.net' },
        },
      },
      officer,
    );
    return createCase;
  }

  async function send(caseId: string, type: string) {
    const { sendCaseEvent } = await gql<{
      sendCaseEvent: { case: { stage: string; workflowVersion: number; allowedEvents: { type: string }[] } };
    }>(SEND, { input: { caseId, type, effectiveOn: '2026-11-03' } }, officer);
    return sendCaseEvent.case;
  }

  /** Opens a workflow from the list and waits until its graph is drawn and fitted. */
  async function openWorkflow(name: string) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).click();
    await page.getByRole('link', { name }).click();
    await page.locator('.editor-canvas[data-ready=true]').waitFor();
  }

  const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
  const summary = () => page.getByTestId('validation-summary').textContent();

  /** Drags a new connection from one node's output handle to another's input, as a mouse would. */
  async function connect(from: string, to: string) {
    const source = await node(from).locator('.react-flow__handle.source').boundingBox();
    const target = await node(to).locator('.react-flow__handle.target').boundingBox();
    if (!source || !target) throw new Error(`handles of ${from} or ${to} are not on screen`);
    await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
    await page.mouse.down();
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
    await page.mouse.up();
  }

  it('adds a legal review stage between received and response, sees it validate, and publishes version 2; running cases keep version 1', async () => {
    const before = await createCase('parking fines');
    expect(before.workflowVersion).toBe(1);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).click();
    const row = page.getByRole('row', { name: /^Freedom of Information request \(FOIA 2000\)/ });
    await expect.poll(() => row.textContent()).toMatch(/FOI.*version 1.*none/);
    await screenshot(page, SHOTS, '01-workflow-list');

    await openWorkflow('Freedom of Information request (FOIA 2000)');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(14);
    await expect.poll(() => summary()).toMatch(/^Valid: ready to publish/);
    await screenshot(page, SHOTS, '02-opened');
    // The side panel lists where a closed case reopens (a late review request or ICO complaint).
    expect(
      await page.getByRole('list', { name: 'Reopen routes' }).getByRole('listitem').allTextContents(),
    ).toEqual([
      'Record a late internal review request (reopens the case) → Awaiting any internal review request (while the case records no reviewGrounds or regulatorReference)',
      'Record a late complaint to the ICO (reopens the case) → Awaiting any ICO complaint (while the case records no regulatorReference)',
      'Record an appeal to the First-tier Tribunal against the decision notice (reopens the case) → Compliance with the decision notice (while the case records decisionNoticeReference and no appellant)',
    ]);

    await page.getByLabel('New stage name').fill('Legal review');
    await page.getByRole('button', { name: 'Add stage' }).click();
    await node('legal-review').waitFor();
    await expect.poll(() => page.getByTestId('draft-status').textContent()).toBe('Unsaved changes');
    // A stage nobody can reach, whose outcome goes nowhere: errors, and publishing is refused.
    await expect.poll(summary).toMatch(/^\d+ errors?: publishing is refused/);
    await expect.poll(() => page.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
    await screenshot(page, SHOTS, '03-stage-added-with-errors');

    // Clicking a problem selects the stage at fault.
    await page
      .getByRole('button', { name: /cannot be reached/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Stage: Legal review' }).waitFor();

    // Received's "accepted" outcome now goes to legal review instead of straight to the response.
    await node('received').click();
    await page.getByRole('heading', { name: 'Stage: Received' }).waitFor();
    await page.getByRole('button', { name: / → Response$/ }).click();
    await page.getByLabel('Goes to stage').selectOption({ label: 'Legal review' });
    await page.getByRole('heading', { name: 'Route: Received → Legal review' }).waitFor();

    // And legal review, once done, goes on to the response: drawn by dragging on the canvas.
    await connect('legal-review', 'response');
    await page.getByRole('heading', { name: 'Route: Legal review → Response' }).waitFor();
    await expect.poll(summary).toMatch(/^Valid: ready to publish/);
    await screenshot(page, SHOTS, '04-connected-and-valid');

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').filter({ hasText: 'Published version 2.' }).waitFor();
    await expect
      .poll(() => page.getByTestId('draft-status').textContent())
      .toBe('Published version 2, no draft');
    await screenshot(page, SHOTS, '05-published');

    // A case registered now runs on version 2 and passes through legal review ...
    const after = await createCase('CCTV cameras');
    expect(after.workflowVersion).toBe(2);
    const accepted = await send(after.id, 'START_RESPONSE');
    expect(accepted.stage).toBe('legal-review');
    const reviewed = await send(after.id, accepted.allowedEvents[0]?.type as string);
    expect(reviewed.stage).toBe('response');
    // ... while the case that was already running keeps version 1 and goes straight to the response.
    const old = await send(before.id, 'START_RESPONSE');
    expect(old).toMatchObject({ stage: 'response', workflowVersion: 1 });
  });

  it('draws the difference from version 1 on the canvas', async () => {
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByRole('button', { name: 'Compare version 1 with the draft' }).click();
    await node('legal-review').locator('.diff-added').waitFor();
    await expect
      .poll(() => node('fees').locator('.diff-added, .diff-changed, .diff-removed').count())
      .toBe(0);
    const differences = page.getByRole('region', { name: 'Differences' });
    await expect.poll(() => differences.textContent()).toContain('Stage Legal review added');
    const text = await differences.textContent();
    expect(text).toContain('Route Received → Response (Accepted) removed');
    expect(text).toContain('Route Received → Legal review (Accepted) added');
    expect(text).toContain('Route Legal review → Response (done) added');
    await expect.poll(() => page.locator('.react-flow__edge.diff-removed').count()).toBe(1);
    await screenshot(page, SHOTS, '06-diff-with-version-1');
    await page.getByRole('button', { name: 'Stop comparing' }).click();
    await expect.poll(() => page.locator('.diff-added').count()).toBe(0);
    await page.getByRole('tab', { name: 'Properties' }).click();
  });

  it('undoes and redoes with Ctrl+Z and Ctrl+Shift+Z, and deletes with the Delete key', async () => {
    const status = () => page.getByTestId('draft-status').textContent();
    await page.getByLabel('New stage name').fill('Scratch stage');
    await page.getByRole('button', { name: 'Add stage' }).click();
    await node('scratch-stage').waitFor();
    await expect.poll(() => status()).toBe('Unsaved changes');

    await page.keyboard.press('Control+z');
    await node('scratch-stage').waitFor({ state: 'detached' });
    await expect.poll(() => status()).toBe('Published version 2, no draft');
    await page.keyboard.press('Control+Shift+z');
    await node('scratch-stage').waitFor();
    await expect.poll(() => status()).toBe('Unsaved changes');

    await node('scratch-stage').click();
    await page.keyboard.press('Delete');
    await node('scratch-stage').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Undo' }).click();
    await node('scratch-stage').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await node('scratch-stage').waitFor({ state: 'detached' });
    await expect.poll(() => status()).toBe('Published version 2, no draft');
    await expect.poll(() => page.getByRole('button', { name: 'Redo' }).isEnabled()).toBe(true);
  });

  it('shows a save conflict when someone else saved meanwhile, loses nothing, and lets the administrator keep theirs', async () => {
    await openWorkflow('Environmental Information request (EIR 2004)');
    await node('received').click();
    await page.getByLabel('Stage name', { exact: true }).fill('Received and logged');

    // Another administrator saves a draft of the same workflow meanwhile.
    const { workflow } = await gql<{ workflow: { published: { definition: WorkflowDefinition } } }>(
      WORKFLOW,
      { id: 'eir' },
      admin,
    );
    const theirs = { ...workflow.published.definition, description: 'Edited by someone else.' };
    await gql(SAVE_DRAFT, { input: { workflowId: 'eir', definition: theirs } }, admin);

    await page.getByRole('button', { name: 'Save draft' }).click();
    const banner = page.getByRole('alert', { name: 'Save conflict' });
    await expect
      .poll(() => banner.textContent())
      .toMatch(/saved this draft \(revision 1\) while you were editing/);
    // Nothing lost: the edit is still on the canvas, unsaved.
    await expect.poll(() => node('received').textContent()).toContain('Received and logged');
    await expect.poll(() => page.getByTestId('draft-status').textContent()).toBe('Unsaved changes');
    await banner.getByRole('button', { name: 'Compare their revision with mine' }).click();
    await expect.poll(() => banner.textContent()).toContain('Stage Received and logged changed');
    await screenshot(page, SHOTS, '07-save-conflict');

    await banner.getByRole('button', { name: 'Keep mine (save over theirs)' }).click();
    await page.getByRole('status').filter({ hasText: 'Draft saved (revision 2).' }).waitFor();
    await expect.poll(() => banner.count()).toBe(0);
    const saved = await gql<{ workflow: { draft: { revision: number; definition: WorkflowDefinition } } }>(
      WORKFLOW,
      { id: 'eir' },
      admin,
    );
    expect(saved.workflow.draft.revision).toBe(2);
    expect(saved.workflow.draft.definition.stages.find((s) => s.id === 'received')?.label).toBe(
      'Received and logged',
    );
  });

  it('opens and lays out a 200-stage workflow (time printed)', async () => {
    const { workflow } = await gql<{ workflow: { published: { definition: WorkflowDefinition } } }>(
      WORKFLOW,
      { id: 'foi' },
      admin,
    );
    const foi = workflow.published.definition;
    const template = foi.stages.find((s) => s.id === 'tribunal');
    if (!template) throw new Error('the FOI workflow has no tribunal stage');
    const extra = 200 - foi.stages.length;
    // A long chain after the tribunal, every position (0, 0): the editor must lay it out itself.
    const chain = Array.from({ length: extra }, (_, i) => ({
      ...template,
      id: `extra-${i + 1}`,
      label: `Extra stage ${i + 1}`,
      routes: template.routes.map((r) => ({ ...r, to: i + 1 < extra ? `extra-${i + 2}` : r.to })),
    }));
    const stages = [
      ...foi.stages.map((s) =>
        s.id === 'tribunal' ? { ...s, routes: s.routes.map((r) => ({ ...r, to: 'extra-1' })) } : s,
      ),
      ...chain,
    ].map((s) => ({ ...s, position: { x: 0, y: 0 } }));
    const big = { ...foi, id: 'big', name: 'Two hundred stages', stages };
    await gql(SAVE_DRAFT, { input: { workflowId: 'big', definition: big } }, admin);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).click();
    const link = page.getByRole('link', { name: 'Two hundred stages' });
    await link.waitFor();
    await page.evaluate(() => performance.clearMarks('workflow-graph-ready'));
    const clickedAt = await page.evaluate(() => performance.now());
    const started = Date.now();
    await link.click();
    await page.locator('.editor-canvas[data-ready=true]').waitFor();
    const seen = Date.now() - started;
    // In the page's own clock: from the click to the graph drawn, laid out and fitted.
    const drawnAt = await page.evaluate(
      () => performance.getEntriesByName('workflow-graph-ready').at(-1)?.startTime,
    );
    const inPage = Math.round((drawnAt ?? Number.NaN) - clickedAt);
    console.log(
      `200-stage workflow opened, laid out and drawn in ${inPage} ms in the page (${seen} ms as the test saw it, polling included); goal: under 2,000 ms`,
    );

    expect(await page.locator('.react-flow__node').count()).toBe(200);
    // Laid out: no two stages drawn on top of each other.
    const boxes = await page
      .locator('.react-flow__node')
      .evaluateAll((nodes) =>
        nodes.map((n) => n.getBoundingClientRect()).map((r) => [r.x, r.y, r.width, r.height]),
      );
    const overlapping = boxes.filter(([x, y, w, h], i) =>
      boxes.some(([x2, y2, w2, h2], j) => j !== i && x < x2 + w2 && x2 < x + w && y < y2 + h2 && y2 < y + h),
    );
    expect(overlapping).toEqual([]);
    await screenshot(page, SHOTS, '08-two-hundred-stages');
  });
});
