import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import { launchBrowser, screenshot } from '../support/browser';
import { type CreatedCase, createCase } from '../support/cases';

const SHOTS = 'restricted-cases';
const SAR_WORKFLOW = 'Subject access request (UK GDPR Art 15)';

async function signIn(page: Page, url: string, email: string) {
  await page.goto(url);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('in Chromium: an administrator restricts subject access requests to Data Protection', () => {
  let api: TestApi;
  let browser: Browser;
  let sar: CreatedCase;
  let foi: CreatedCase;

  beforeAll(async () => {
    api = await startTestApi('browser_restricted', { webDir: join(__dirname, '../../apps/web/dist') });
    await api.signIn(['admin'], 'ann.admin@example.org');
    const outsider = await api.signIn(['officer'], 'hal.highways@example.org');
    sar = await createCase(api, outsider, { workflowId: 'sar', subject: 'Subject access: my housing file' });
    foi = await createCase(api, outsider, { subject: 'Pothole repairs in 2025' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('restricts the SAR workflow on the Teams page; an officer outside the team no longer sees the SAR', async () => {
    const admin = await browser.newPage();
    await signIn(admin, api.url, 'ann.admin@example.org');
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    await admin.getByLabel('Team name').fill('Data Protection');
    await admin.getByRole('button', { name: 'Add the team' }).click();
    await admin.getByRole('status').filter({ hasText: 'Added the team Data Protection.' }).waitFor();
    const form = admin.getByRole('form', { name: `Who sees ${SAR_WORKFLOW}` });
    await form.getByRole('checkbox', { name: 'Restricted to these teams' }).check();
    await form.getByRole('checkbox', { name: 'Data Protection' }).check();
    await form.getByRole('button', { name: `Save who sees ${SAR_WORKFLOW}` }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: `${SAR_WORKFLOW}: only Data Protection (and administrators) see its cases.` })
      .waitFor();
    await screenshot(admin, SHOTS, '01-sar-restricted');
    expect(await api.dataSource.query(`SELECT restricted FROM workflow WHERE id = 'sar'`)).toEqual([
      { restricted: true },
    ]);

    const officer = await browser.newPage();
    await signIn(officer, api.url, 'hal.highways@example.org');
    await officer.getByRole('link', { name: foi.reference }).waitFor();
    expect(await officer.getByRole('link', { name: sar.reference }).count()).toBe(0);
    await officer.goto(`${api.url}/cases/${sar.id}`);
    await officer
      .getByRole('alert')
      .filter({ hasText: `No case has the id "${sar.id}".` })
      .waitFor();
    await screenshot(officer, SHOTS, '02-sar-not-found-for-outsider');
  });
});
