import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import { launchBrowser, screenshot } from '../support/browser';
import { createCase, sendEvent } from '../support/cases';

const SHOTS = 'case-moves';
const SAVE = `mutation($input: SaveWorkflowDraftInput!) { saveWorkflowDraft(input: $input) { revision errors { message } } }`;
const PUBLISH = `mutation($input: PublishWorkflowInput!) { publishWorkflow(input: $input) { version } }`;
const STATE = 'query($id: ID!) { case(id: $id) { workflowVersion stage step history { type } } }';

describe('in Chromium: an administrator moves running cases to a new workflow version', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let officer: string;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi('case-moves-browser', { webDir: join(__dirname, '../../apps/web/dist') });
    admin = await api.signIn(['admin'], 'ann.admin@example.org');
    officer = await api.signIn(['officer'], 'olu.officer@example.org');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    await page.goto(api.url);
    await page.getByLabel('E-mail').fill('ann.admin@example.org');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Move cases' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('previews which cases can move and why the others cannot, then moves them', async () => {
    const drafting = await createCase(api, officer);
    await sendEvent(api, officer, { caseId: drafting.id, type: 'START_RESPONSE' });
    const received = await createCase(api, officer);
    const withdrawn = await createCase(api, officer);
    await sendEvent(api, officer, { caseId: withdrawn.id, type: 'WITHDRAW' });
    // Version 2 renames the response stage's drafting step "writing".
    const definition = JSON.parse(readFileSync(join(__dirname, '../../workflows/foi.json'), 'utf8'));
    const response = definition.stages.find((s: { id: string }) => s.id === 'response');
    const rename = (id: string) => (id === 'drafting' ? 'writing' : id);
    for (const step of response.steps) step.id = rename(step.id);
    if (response.initialStep) response.initialStep = rename(response.initialStep);
    for (const t of response.transitions) t.from = rename(t.from);
    for (const t of response.transitions) if (t.to) t.to = rename(t.to);
    const saved = await api.graphql<{ saveWorkflowDraft: { revision: number } }>(
      SAVE,
      { input: { workflowId: 'foi', definition } },
      admin,
    );
    const published = await api.graphql<{ publishWorkflow: { version: number } }>(
      PUBLISH,
      { input: { workflowId: 'foi', revision: saved.data?.saveWorkflowDraft.revision } },
      admin,
    );
    expect(published.data?.publishWorkflow.version).toBe(2);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Move cases' }).click();
    const form = page.getByRole('form', { name: 'Choose the versions' });
    await form.getByLabel('Workflow').selectOption('foi');
    await form.getByLabel('From version').selectOption({ label: 'Version 1' });
    await form.getByLabel('To version').selectOption({ label: 'Version 2' });
    await form.getByRole('button', { name: 'Preview the move' }).click();
    const region = page.getByRole('region', { name: 'Cases on the old version' });
    // Unmapped, the drafting case cannot move: its step has no counterpart; the closed one never can.
    const draftingRow = region.getByRole('row', { name: new RegExp(drafting.reference) });
    await expect.poll(() => draftingRow.textContent()).toContain('has no counterpart');
    expect(await region.getByRole('row', { name: new RegExp(withdrawn.reference) }).textContent()).toContain(
      'No: the case is closed',
    );
    expect(await region.getByRole('row', { name: new RegExp(received.reference) }).textContent()).toContain(
      'Yes',
    );
    await screenshot(page, SHOTS, 'unmapped-preview');

    await form.getByLabel(/^Mapping/).fill('response.drafting = response.writing');
    await form.getByRole('button', { name: 'Preview the move' }).click();
    await expect.poll(() => draftingRow.textContent()).toContain('response · writing');
    expect(await draftingRow.textContent()).toContain('Yes');
    await screenshot(page, SHOTS, 'mapped-preview');
    await region.getByRole('button', { name: 'Move 2 cases' }).click();
    await expect.poll(() => page.locator('.notice').textContent()).toContain('Moved 2 cases.');
    await screenshot(page, SHOTS, 'moved');

    const state = await api.graphql<{
      case: { workflowVersion: number; stage: string; step: string; history: { type: string }[] };
    }>(STATE, { id: drafting.id }, officer);
    expect(state.data?.case).toMatchObject({ workflowVersion: 2, stage: 'response', step: 'writing' });
    expect(state.data?.case.history.at(-1)?.type).toBe('CASE_MIGRATED');
    const stayed = await api.graphql<{ case: { workflowVersion: number } }>(
      STATE,
      { id: withdrawn.id },
      officer,
    );
    expect(stayed.data?.case.workflowVersion).toBe(1);
  });
});
