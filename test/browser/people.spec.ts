import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import { launchBrowser, screenshot } from '../support/browser';

const SHOTS = 'people';

describe('in Chromium: an administrator manages people', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    api = await startTestApi('browser_people', { webDir: join(__dirname, '../../apps/web/dist') });
    await api.signIn(['admin'], 'ann.admin@example.org');
    browser = await launchBrowser();
    page = await browser.newPage();
    // A Content-Security-Policy refusal shows as a console error: the app must work under the policy.
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('adds a team, defines a "press-office" role, and adds a user to the team with it and the approver role', async () => {
    await page.goto(api.url);
    await page.getByLabel('E-mail').fill('ann.admin@example.org');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });

    await nav.getByRole('link', { name: 'Teams' }).click();
    await page.getByLabel('Team name').fill('Information Governance');
    await page.getByRole('button', { name: 'Add the team' }).click();
    await page.getByRole('status').filter({ hasText: 'Added the team Information Governance.' }).waitFor();

    await nav.getByRole('link', { name: 'Users' }).click();
    const defineRole = page.getByRole('form', { name: 'Define a role' });
    await defineRole.getByLabel('Role name').fill('press-office');
    await defineRole.getByLabel('Description').fill('Clears responses the press will ask about');
    await defineRole.getByRole('button', { name: 'Define the role' }).click();
    await page.getByRole('status').filter({ hasText: 'Defined the role press-office.' }).waitFor();

    const add = page.getByRole('form', { name: 'Add a user' });
    await add.getByLabel('E-mail').fill('priya.shah@example.org');
    await add.getByLabel('Name').fill('Priya Shah');
    await add.getByLabel('Password (leave empty').fill('a long password');
    // approver is there from the start: the built-in workflows' approval step needs it.
    await add.getByRole('checkbox', { name: 'approver' }).check();
    await add.getByRole('checkbox', { name: 'press-office' }).check();
    await add.getByRole('checkbox', { name: 'Information Governance' }).check();
    await add.getByRole('button', { name: 'Add the user' }).click();
    await page.getByRole('status').filter({ hasText: 'Added priya.shah@example.org.' }).waitFor();
    const row = page.getByRole('row', { name: /Priya Shah/ });
    await expect.poll(() => row.textContent()).toContain('officer, approver, press-office');
    expect(await row.textContent()).toContain('Information Governance');
    await screenshot(page, SHOTS, '01-user-added');

    const [stored] = await api.dataSource.query(
      `SELECT u.roles, array_agg(t.name) AS teams FROM "user" u
         JOIN user_team m ON m.user_id = u.id JOIN team t ON t.id = m.team_id
        WHERE u.email = 'priya.shah@example.org' GROUP BY u.roles`,
    );
    expect(stored).toEqual({
      roles: ['officer', 'approver', 'press-office'],
      teams: ['Information Governance'],
    });
    const signIn = await api.graphql(
      'mutation { login(email: "priya.shah@example.org", password: "a long password") { token } }',
    );
    expect(signIn.errors).toBeUndefined();
    expect(errors).toEqual([]);
  });
});
