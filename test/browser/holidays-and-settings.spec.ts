import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import { launchBrowser, screenshot } from '../support/browser';
import { createCase, handlesSars } from '../support/cases';

const SHOTS = 'holidays-and-settings';

const DUE = 'query($id: ID!) { case(id: $id) { dueDate history { type } } }';

describe('in Chromium: an administrator changes the bank holidays and the nation', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let officer: string;

  beforeAll(async () => {
    api = await startTestApi('holidays-browser', { webDir: join(__dirname, '../../apps/web/dist') });
    await api.signIn(['admin'], 'ann.admin@example.org');
    officer = await api.signIn(['officer'], 'olu.officer@example.org');
    // Subject access requests are restricted from the start: the officer handles them in Data Protection.
    await handlesSars(api, officer);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    await page.goto(api.url);
    await page.getByLabel('E-mail').fill('ann.admin@example.org');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Holidays' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const dueOf = async (id: string) =>
    (await api.graphql<{ case: { dueDate: string; history: { type: string }[] } }>(DUE, { id }, officer)).data
      ?.case;

  it('removes a bank holiday after seeing which cases move, and the case moves', async () => {
    // Received 14 Apr 2026: its 20 working days pass over the Early May bank holiday, Mon 4 May.
    const foi = await createCase(api, officer, { workflowId: 'foi', receivedOn: '2026-04-14' });
    expect(foi.dueDate).toBe('2026-05-13');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Holidays' }).click();
    const form = page.getByRole('form', { name: 'Change the bank holidays' });
    await form.getByLabel('Remove a bank holiday (a working day again)').check();
    await form.getByLabel('Bank holiday to remove').fill('2026-05-04');
    await form.getByLabel(/^Why/).fill('moved to 8 May by proclamation');
    for (const nation of ['England and Wales', 'Scotland', 'Northern Ireland']) {
      await form.getByLabel(nation).check();
    }
    await form.getByRole('button', { name: 'Preview the cases it moves' }).click();
    const preview = page.getByRole('region', { name: 'Cases this change moves' });
    const row = preview.getByRole('row', { name: new RegExp(foi.reference) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Wed 13 May 2026');
    expect(await row.textContent()).toContain('Tue 12 May 2026');
    await screenshot(page, SHOTS, 'holiday-removal-preview');
    // Nothing changes until the administrator confirms.
    expect((await dueOf(foi.id))?.dueDate).toBe('2026-05-13');

    await preview.getByRole('button', { name: 'Confirm the change' }).click();
    await page.getByText('Done: 1 open case had deadlines recomputed.').waitFor();
    await page
      .getByRole('table', { name: 'Holiday changes' })
      .getByRole('row', { name: /Mon 4 May 2026.*a working day again/ })
      .waitFor();
    const after = await dueOf(foi.id);
    expect(after?.dueDate).toBe('2026-05-12');
    expect(after?.history.at(-1)?.type).toBe('DEADLINES_RECOMPUTED');
  });

  it('refuses to remove a day that is not a bank holiday, and says why', async () => {
    const form = page.getByRole('form', { name: 'Change the bank holidays' });
    await form.getByLabel('Remove a bank holiday (a working day again)').check();
    await form.getByLabel('Bank holiday to remove').fill('2026-06-10');
    await form.getByLabel(/^Why/).fill('no reason');
    await form.getByRole('button', { name: 'Preview the cases it moves' }).click();
    await page.getByRole('alert').filter({ hasText: 'not a bank holiday' }).waitFor();
  });

  it("changes the authority's nation, which moves a subject access request's deadline", async () => {
    // 17 March 2026 is St Patrick's Day, a bank holiday in Northern Ireland only.
    const sar = await createCase(api, officer, { workflowId: 'sar', receivedOn: '2026-02-17' });
    expect(sar.dueDate).toBe('2026-03-18');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Authority settings' })
      .click();
    const form = page.getByRole('form', { name: 'Authority settings' });
    await form.getByLabel('Nation').selectOption('england-and-wales');
    await form.getByLabel('Sector').selectOption('other-public-authority');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText(/Saved\. 1 open case had deadlines recomputed\./).waitFor();
    await form.getByText('£450, 18 hours of staff time').waitFor();
    await screenshot(page, SHOTS, 'authority-settings');
    expect((await dueOf(sar.id))?.dueDate).toBe('2026-03-17');
  });

  it('exports a workflow version as JSON, refuses a broken import listing every problem, and creates a copy', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).click();
    const downloading = page.waitForEvent('download');
    await page
      .getByRole('button', { name: /^Export .* version 1 as JSON$/ })
      .first()
      .click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^[a-z-]+-v1\.json$/);
    const exported = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
    expect(exported).toMatchObject({ initialStage: expect.any(String), stages: expect.any(Array) });

    await page.getByRole('button', { name: 'New workflow' }).click();
    const form = page.getByRole('form', { name: 'New workflow' });
    await form.getByLabel('A JSON file exported from Recordflow').check();
    const broken = {
      ...exported,
      initialStage: 'nowhere',
      stages: [{ ...exported.stages[0], initialStep: 'no-such-step' }, ...exported.stages.slice(1)],
    };
    await form.getByLabel('Workflow file (JSON)').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    // The file is read in the background; its id fills the Id field once it has been.
    await expect.poll(() => form.getByLabel(/^Id/).inputValue()).toBe(`${exported.id}-imported`);
    await form.getByRole('button', { name: 'Create' }).click();
    const problems = form.getByRole('list', { name: 'Problems' });
    await problems.waitFor();
    expect(await problems.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    expect(await problems.textContent()).toContain('initialStage');
    await screenshot(page, SHOTS, 'import-refused');
    expect((await api.graphql('query { workflows { id } }', {}, officer)).data).not.toMatchObject({
      workflows: expect.arrayContaining([{ id: `${exported.id}-imported` }]),
    });

    await form.getByLabel('A copy of another workflow').check();
    await form.getByLabel('Workflow to copy').selectOption('foi');
    await form.getByLabel(/^Id/).fill('foi-schools');
    await form.getByLabel('Name', { exact: true }).fill('FOI for schools');
    await form.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/workflows\/foi-schools$/);
  });
});
