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

describe('in Chromium: subject access requests are restricted from the start; an administrator names Data Protection', () => {
  let api: TestApi;
  let browser: Browser;
  let admin: Page;
  let adminToken: string;
  let member: string;
  let outsider: string;
  let sar: CreatedCase;
  let foi: CreatedCase;
  const restricted = async () =>
    (await api.dataSource.query(`SELECT restricted FROM workflow WHERE id = 'sar'`))[0].restricted as boolean;

  beforeAll(async () => {
    api = await startTestApi('browser_restricted', { webDir: join(__dirname, '../../apps/web/dist') });
    adminToken = await api.signIn(['admin'], 'ann.admin@example.org');
    member = await api.signIn(['officer'], 'priya.dp@example.org');
    outsider = await api.signIn(['officer'], 'hal.highways@example.org');
    foi = await createCase(api, outsider, { subject: 'Pothole repairs in 2025' });
    browser = await launchBrowser();
    admin = await browser.newPage();
    await signIn(admin, api.url, 'ann.admin@example.org');
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('the Teams page says no team handles SARs yet; naming Data Protection lets its member work them, and nobody else sees them', async () => {
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    const form = admin.getByRole('form', { name: `Who sees ${SAR_WORKFLOW}` });
    await admin
      .getByText(
        `No team handles ${SAR_WORKFLOW} yet: only administrators see its cases until you tick the teams that handle them below.`,
      )
      .waitFor();
    await form
      .getByText(
        'Restricted, and no team handles it yet: only administrators see its cases, and no officer can register one. Add the team that handles them above, then tick it here and save.',
      )
      .waitFor();
    expect(await form.getByRole('checkbox', { name: 'Restricted to these teams' }).isChecked()).toBe(true);
    await screenshot(admin, SHOTS, '01-sar-restricted-no-team');

    await admin.getByLabel('Team name').fill('Data Protection');
    await admin.getByRole('button', { name: 'Add the team' }).click();
    await admin.getByRole('status').filter({ hasText: 'Added the team Data Protection.' }).waitFor();
    const [{ id: team }] = await api.dataSource.query(`SELECT id FROM team WHERE name = 'Data Protection'`);
    const [{ id: memberId }] = await api.dataSource.query(
      `SELECT id FROM "user" WHERE email = 'priya.dp@example.org'`,
    );
    const joined = await api.graphql(
      'mutation($id: ID!, $teams: [ID!]) { updateUser(input: { id: $id, teamIds: $teams }) { id } }',
      { id: memberId, teams: [team] },
      adminToken,
    );
    expect(joined.errors).toBeUndefined();
    await form.getByRole('checkbox', { name: 'Data Protection' }).check();
    await form.getByRole('button', { name: `Save who sees ${SAR_WORKFLOW}` }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: `${SAR_WORKFLOW}: only Data Protection (and administrators) see its cases.` })
      .waitFor();
    await form.getByText('Restricted: only Data Protection (and administrators) see its cases.').waitFor();
    expect(await admin.getByText(/^No team handles/).count()).toBe(0);
    await screenshot(admin, SHOTS, '02-sar-restricted-to-data-protection');

    // The member signs in again (their teams changed), and registers a SAR; the officer outside never sees it.
    member = await api.signIn(['officer'], 'priya.dp@example.org');
    sar = await createCase(api, member, { workflowId: 'sar', subject: 'Subject access: my housing file' });
    const officer = await browser.newPage();
    await signIn(officer, api.url, 'hal.highways@example.org');
    await officer.getByRole('link', { name: foi.reference }).waitFor();
    expect(await officer.getByRole('link', { name: sar.reference }).count()).toBe(0);
    await officer.goto(`${api.url}/cases/${sar.id}`);
    await officer
      .getByRole('alert')
      .filter({ hasText: `No case has the id "${sar.id}".` })
      .waitFor();
    await screenshot(officer, SHOTS, '03-sar-not-found-for-outsider');
    await officer.close();
  });

  it('opening the SAR workflow to everyone is asked first, and can be taken back before it happens', async () => {
    const form = admin.getByRole('form', { name: `Who sees ${SAR_WORKFLOW}` });
    await form.getByRole('checkbox', { name: 'Restricted to these teams' }).uncheck();
    await form.getByRole('button', { name: `Save who sees ${SAR_WORKFLOW}` }).click();
    const question = form.getByRole('alertdialog');
    await question
      .getByText(
        `Open ${SAR_WORKFLOW} to everyone? Every officer and auditor will see its cases and their requesters' personal data.`,
      )
      .waitFor();
    await screenshot(admin, SHOTS, '04-open-to-everyone-asked');
    await question.getByRole('button', { name: 'Keep it restricted' }).click();
    await form.getByRole('button', { name: `Save who sees ${SAR_WORKFLOW}` }).waitFor();
    expect(await restricted()).toBe(true);

    await form.getByRole('button', { name: `Save who sees ${SAR_WORKFLOW}` }).click();
    await form.getByRole('button', { name: `Open ${SAR_WORKFLOW} to everyone` }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: `${SAR_WORKFLOW}: every officer and auditor sees its cases.` })
      .waitFor();
    expect(await restricted()).toBe(false);
    const listed = await api.graphql<{ cases: { edges: { node: { reference: string } }[] } }>(
      '{ cases { edges { node { reference } } } }',
      {},
      outsider,
    );
    expect(listed.data?.cases.edges.map((e) => e.node.reference).sort()).toEqual(
      [foi.reference, sar.reference].sort(),
    );
  });
});
