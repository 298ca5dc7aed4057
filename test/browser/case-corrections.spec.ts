import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import { launchBrowser, screenshot } from '../support/browser';
import { createCase } from '../support/cases';

const SHOTS = 'case-corrections';

describe('in Chromium: an officer corrects a case registered with the wrong date of receipt', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let officer: string;

  beforeAll(async () => {
    api = await startTestApi('case-corrections-browser', { webDir: join(__dirname, '../../apps/web/dist') });
    officer = await api.signIn(['officer'], 'olu.officer@example.org');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    await page.goto(api.url);
    await page.getByLabel('E-mail').fill('olu.officer@example.org');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('moves the date of receipt; the deadline is counted again and the timeline shows who corrected it', async () => {
    const created = await createCase(api, officer, { receivedOn: '2026-03-09' });
    await page.goto(`${api.url}/cases/${created.id}`);
    await expect.poll(() => page.getByTestId('due').textContent()).toBe('Thu 9 Apr 2026');
    await page.getByText('Correct, reopen or void this case').click();
    const form = page.getByRole('form', { name: 'Correct the registration details' });
    await form.getByLabel('Received on').fill('2026-03-02');
    await form.getByLabel(/^Why/).fill('Date stamped on the letter was 2 March');
    await form.getByRole('button', { name: 'Record the correction' }).click();
    await expect.poll(() => page.getByTestId('due').textContent()).toBe('Tue 31 Mar 2026');
    await expect
      .poll(async () =>
        (await page.getByRole('heading', { name: 'Timeline' }).locator('..').textContent())?.toLowerCase(),
      )
      .toContain('case corrected');
    expect(await page.getByRole('heading', { name: 'Timeline' }).locator('..').textContent()).toContain(
      'olu.officer@example.org',
    );
    // No administrator: voiding is not offered.
    await page.getByText('Correct, reopen or void this case').click();
    expect(await page.getByRole('button', { name: 'Void (registered in error)' }).count()).toBe(0);
    await screenshot(page, SHOTS, 'corrected');
  });
});
