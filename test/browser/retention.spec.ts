import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import { launchBrowser, screenshot } from '../support/browser';
import { approvedAndSent, createCase, play, sendEvent } from '../support/cases';

const SHOTS = 'retention';
const RULE = 'FOI, granted-in-full: 0 months after closure';

describe('in Chromium: an administrator approves a disposal and the audit view shows the erasure', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let officer: string;

  beforeAll(async () => {
    api = await startTestApi('retention-browser', { webDir: join(__dirname, '../../apps/web/dist') });
    await api.signIn(['admin'], 'ann.admin@example.org');
    officer = await api.signIn(['officer'], 'olu.officer@example.org');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    await page.goto(api.url);
    await page.getByLabel('E-mail').fill('ann.admin@example.org');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Retention' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('sets a rule, approves the due case, and the history says what was erased, when and under which rule', async () => {
    const created = await createCase(api, officer);
    for (const event of [
      { type: 'START_RESPONSE' },
      {
        type: 'SUBMIT_FOR_APPROVAL',
        payload: {
          outcome: 'granted-in-full',
          answers: [{ question: 'Cameras?', answer: 'Ask Ms Private Person.' }],
          held: true,
        },
      },
    ]) {
      expect(
        (await sendEvent(api, officer, { caseId: created.id, ...event })).errors,
        event.type,
      ).toBeUndefined();
    }
    await play(api, officer, created.id, [
      ...approvedAndSent(new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' })),
      { type: 'CLOSE_WITHOUT_REVIEW' },
    ]);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Retention' }).click();
    const form = page.getByRole('form', { name: 'Set a retention rule' });
    await form.getByLabel('Regime').selectOption('foi');
    await form.getByLabel(/^Outcome/).fill('granted-in-full');
    await form.getByLabel('Months after closure').fill('0');
    await form.getByRole('button', { name: 'Save the rule' }).click();
    const rules = page.getByRole('region', { name: 'Retention rules' });
    await expect.poll(() => rules.textContent()).toContain('granted-in-full');
    const queue = page.getByRole('region', { name: 'Cases due for disposal' });
    const row = queue.getByRole('row', { name: new RegExp(created.reference) });
    await expect.poll(() => row.textContent()).toContain(RULE);
    await screenshot(page, SHOTS, 'queue');
    await queue.getByLabel(`Dispose of ${created.reference}`).check();
    await queue.getByRole('button', { name: 'Approve disposal of 1 case' }).click();
    await expect.poll(() => page.locator('.notice').textContent()).toBe(`Anonymised under ${RULE}.`);
    await expect.poll(() => queue.textContent()).toContain('No case is due for disposal.');

    await page.goto(`${api.url}/audit/${created.id}`);
    await page.getByRole('heading', { name: /^History of FOI-2026-/ }).waitFor();
    await page.getByRole('button', { name: /^3\. submit for approval/i }).click();
    await expect
      .poll(() => page.getByTestId('erasure').textContent())
      .toMatch(new RegExp(`^answers erased on .* under ${RULE}$`));
    await page.getByRole('button', { name: 'Verify the history' }).click();
    await expect.poll(() => page.getByTestId('verification').textContent()).toMatch(/^Verified: 8 events;/);
    const erased = page.getByRole('list', { name: 'Personal data erased' });
    await expect.poll(() => erased.textContent()).toContain(`Event 3: personal data erased on`);
    expect(await erased.textContent()).toContain(`under ${RULE} (its hash still checks out)`);
    expect(await page.content()).not.toContain('Private Person');
    await screenshot(page, SHOTS, 'audit-erasure');
  });
});
