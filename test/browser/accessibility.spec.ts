import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import { type AxeViolation, seriousViolations } from '../support/axe';
import { launchBrowser, screenshot } from '../support/browser';
import { createCase } from '../support/cases';
import { responseLetter } from '../support/mail';

const SHOTS = 'accessibility';

/**
 * WCAG 2.2 AA, as axe-core checks it in Chromium: every page each role reaches, with its forms open,
 * and none may have a serious or critical violation.
 */
describe('in Chromium: every page of every role passes axe-core (WCAG 2.2 AA)', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let openCaseId: string;
  let answeredCaseId: string;
  const checked: string[] = [];

  beforeAll(async () => {
    api = await startTestApi('browser_a11y', { webDir: join(__dirname, '../../apps/web/dist') });
    const officer = await api.signIn(['officer'], 'olu.officer@example.org');
    const admin = await api.signIn(['admin'], 'ann.admin@example.org');
    await api.signIn(['auditor'], 'ada.auditor@example.org');
    // An approver is an officer who also holds the workflow role "approver".
    await api.graphql(
      'mutation { createRole(input: { name: "approver", description: "Approves responses" }) { name } }',
      {},
      admin,
    );
    await api.signIn(['officer'], 'amir.approver@example.org');
    const users = await api.graphql<{ users: { id: string; email: string }[] }>(
      '{ users { id email } }',
      {},
      admin,
    );
    const approverId = users.data?.users.find((u) => u.email === 'amir.approver@example.org')?.id;
    await api.graphql(
      'mutation($id: ID!) { updateUser(input: { id: $id, roles: ["officer", "approver"] }) { id } }',
      { id: approverId },
      admin,
    );
    openCaseId = (await createCase(api, officer, { receivedOn: '2026-01-14' })).id;
    answeredCaseId = (await responseLetter(api, officer)).caseId;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  // Each test checks all its pages, then fails with every serious or critical violation, by page, rule and element.
  let found: Record<string, AxeViolation[]> = {};
  async function expectAccessible(name: string) {
    const violations = await seriousViolations(page);
    checked.push(name);
    if (violations.length > 0) found[name] = violations;
  }
  afterEach(() => {
    const seen = found;
    found = {};
    expect(seen).toEqual({});
  });

  async function signIn(email: string) {
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function signOut() {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Recordflow' }).waitFor();
  }

  const nav = () => page.getByRole('navigation', { name: 'Main' });

  it('the sign-in and set-password pages, with and without an error', async () => {
    await page.goto(api.url);
    await page.getByRole('heading', { name: 'Sign in to Recordflow' }).waitFor();
    // The check finds what it should: an unlabelled field added to the page is a critical violation.
    await page.evaluate(`document.querySelector('form').append(document.createElement('input'))`);
    expect((await seriousViolations(page)).map((v) => v.id)).toContain('label');
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to Recordflow' }).waitFor();
    await expectAccessible('sign-in');
    await page.getByLabel('E-mail').fill('nobody@example.org');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await expectAccessible('sign-in, refused');

    await page.goto(`${api.url}/set-password?token=not-a-token`);
    await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    await expectAccessible('set-password');
    await page.getByLabel(/^New password/).fill('a long password');
    await page.getByRole('button', { name: 'Set my password' }).click();
    await page.getByRole('alert').waitFor();
    await expectAccessible('set-password, refused');
  });

  it('an officer: the case list, the new request form, a case with an event form open, the dashboard', async () => {
    await page.goto(api.url);
    await signIn('olu.officer@example.org');
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await page.getByRole('table').waitFor();
    await expectAccessible('officer: case list');
    await page.getByRole('button', { name: 'Register a new request' }).click();
    await page.getByRole('form', { name: 'New request' }).waitFor();
    await expectAccessible('officer: new request form');

    await page.goto(`${api.url}/cases/${openCaseId}`);
    await page.getByTestId('stage').waitFor();
    await page.locator('.stage-node').first().waitFor();
    await expectAccessible('officer: case page');
    await page.getByRole('button', { name: 'Ask the requester to clarify' }).click();
    await page.getByRole('form', { name: 'Ask the requester to clarify' }).waitFor();
    await expectAccessible('officer: case page, event form');
    await screenshot(page, SHOTS, 'officer-case-page');

    await page.goto(`${api.url}/cases/${answeredCaseId}`);
    await page.getByRole('button', { name: /-response\.pdf$/ }).waitFor();
    await expectAccessible('officer: answered case with its letters');

    await nav().getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    await expectAccessible('officer: dashboard');
    await signOut();
  });

  it('an approver (an officer with a workflow role): the case list and a case', async () => {
    await signIn('amir.approver@example.org');
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await page.getByRole('table').waitFor();
    await expectAccessible('approver: case list');
    await page.goto(`${api.url}/cases/${answeredCaseId}`);
    await page.getByTestId('stage').waitFor();
    await expectAccessible('approver: case page');
    await signOut();
  });

  it('an auditor: the audit list, a case’s history with its letters, the dashboard', async () => {
    await signIn('ada.auditor@example.org');
    await page.getByRole('heading', { name: 'Audit', exact: true }).waitFor();
    await page.getByRole('table').waitFor();
    await expectAccessible('auditor: audit list');
    await page.goto(`${api.url}/audit/${answeredCaseId}`);
    await page.getByTestId('stage-then').waitFor();
    await page.locator('.stage-node').first().waitFor();
    await page.getByRole('button', { name: 'Verify the history' }).click();
    await page.getByTestId('verification').waitFor();
    await expectAccessible('auditor: audit case');
    await nav().getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
    await expectAccessible('auditor: dashboard');
    await signOut();
  });

  it('an administrator: workflows, the editor, letters, outbox, holidays, settings, users, teams, dashboard', async () => {
    await signIn('ann.admin@example.org');
    await page.getByRole('heading', { name: 'Workflows', exact: true }).waitFor();
    await page.getByRole('table').waitFor();
    await expectAccessible('admin: workflows');
    await page.getByRole('button', { name: 'New workflow' }).click();
    await page.getByRole('form', { name: 'New workflow' }).waitFor();
    await expectAccessible('admin: new workflow form');

    await page.getByRole('link', { name: 'Freedom of Information' }).first().click();
    await page.locator('.editor-node').first().waitFor();
    await expectAccessible('admin: workflow editor');

    await nav().getByRole('link', { name: 'Letters' }).click();
    await page.getByTestId('preview').waitFor();
    await expectAccessible('admin: letters');

    await nav().getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { name: 'Outbox', exact: true }).waitFor();
    await expectAccessible('admin: outbox');

    await nav().getByRole('link', { name: 'Holidays' }).click();
    await page.getByRole('heading', { name: 'Holidays', exact: true }).waitFor();
    await expectAccessible('admin: holidays');

    await nav().getByRole('link', { name: 'Authority settings' }).click();
    await page.getByRole('form', { name: 'Authority settings' }).waitFor();
    await expectAccessible('admin: authority settings');

    await nav().getByRole('link', { name: 'Users' }).click();
    await page.getByRole('form', { name: 'Add a user' }).waitFor();
    await page
      .getByRole('button', { name: /^Edit / })
      .first()
      .click();
    await page.getByRole('form', { name: 'Edit user' }).waitFor();
    await expectAccessible('admin: users');

    await nav().getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('form', { name: 'Add a team' }).waitFor();
    await expectAccessible('admin: teams');

    await nav().getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
    await expectAccessible('admin: dashboard');
    await signOut();
    expect(checked.length).toBeGreaterThanOrEqual(20);
  });
});
