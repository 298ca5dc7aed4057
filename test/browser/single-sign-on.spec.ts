import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../apps/api/src/index';
import { startTestApi, type TestApi } from '../support/api';
import { launchBrowser, screenshot } from '../support/browser';
import { freePort, OIDC_PROVIDER_NAME, startOidcProvider, type TestOidcProvider } from '../support/oidc';

const SHOTS = 'single-sign-on';

/** From Recordflow's sign-in page through the provider's login and consent pages, and back. */
async function signInThroughProvider(page: Page, url: string, email: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('link', { name: `Sign in with ${OIDC_PROVIDER_NAME}` }).click();
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill('any password the test provider takes');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe('in Chromium: single sign-on through an OpenID Connect provider', () => {
  let provider: TestOidcProvider;
  let api: TestApi;
  let browser: Browser;
  let adminToken: string;
  const errors: string[] = [];

  beforeAll(async () => {
    provider = await startOidcProvider();
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    api = await startTestApi('browser_sso', {
      webDir: join(__dirname, '../../apps/web/dist'),
      port,
      signIn: { password: true, oidc: provider.settings(publicUrl) },
    });
    await provider.serve(api.url);
    adminToken = await api.signIn(['admin'], 'ann.admin@example.org');
    // Accounts made for single sign-on: no password at all.
    for (const email of ['olu.officer@example.org', 'dee.disabled@example.org'])
      await createUser(api.dataSource.manager, {
        email,
        name: email.split('@')[0] as string,
        roles: ['officer'],
        invite: false,
      });
    await api.dataSource.query(`UPDATE "user" SET disabled = true WHERE email = 'dee.disabled@example.org'`);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await provider?.close();
  });

  const newPage = async () => {
    const page = await (await browser.newContext()).newPage();
    // A Content-Security-Policy refusal shows as a console error: the flow must work under the policy.
    page.on('console', (message) => {
      if (message.type() === 'error' && !page.url().startsWith(provider.issuer)) errors.push(message.text());
    });
    return page;
  };
  let officerPage: Page;

  it('signs an officer in through the provider and lands on the case list', async () => {
    officerPage = await newPage();
    await signInThroughProvider(officerPage, api.url, 'olu.officer@example.org');
    await officerPage.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    expect(new URL(officerPage.url()).pathname).toBe('/cases');
    // The one-time code left the address bar.
    expect(officerPage.url()).not.toContain('code=');
    expect(await officerPage.locator('.who').textContent()).toContain('olu.officer');
    await screenshot(officerPage, SHOTS, '01-signed-in-through-provider');

    const events = await api.dataSource.query(
      `SELECT outcome, method FROM sign_in_event WHERE email = 'olu.officer@example.org' ORDER BY id`,
    );
    expect(events).toEqual([{ outcome: 'signed-in', method: 'oidc' }]);
    // The code was used up by the exchange.
    expect(await api.dataSource.query('SELECT count(*)::int AS n FROM sign_in_code')).toEqual([{ n: 0 }]);
    expect(errors).toEqual([]);
  });

  it('refuses a disabled user at the callback, with a page that says why', async () => {
    const page = await newPage();
    await signInThroughProvider(page, api.url, 'dee.disabled@example.org');
    await page.getByRole('heading', { name: 'You are not signed in' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe(
      'The Recordflow account of dee.disabled@example.org is disabled. Ask an administrator.',
    );
    await screenshot(page, SHOTS, '02-disabled-user-refused');
    const events = await api.dataSource.query(
      `SELECT outcome, method FROM sign_in_event WHERE email = 'dee.disabled@example.org'`,
    );
    expect(events).toEqual([{ outcome: 'refused-disabled', method: 'oidc' }]);
    expect(await api.dataSource.query('SELECT count(*)::int AS n FROM sign_in_code')).toEqual([{ n: 0 }]);
  });

  it('refuses an e-mail Recordflow does not know when no default role is set', async () => {
    const page = await newPage();
    await signInThroughProvider(page, api.url, 'stranger@example.org');
    await page.getByRole('heading', { name: 'You are not signed in' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain(
      'stranger@example.org has no Recordflow account',
    );
    const [made] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM "user" WHERE email = 'stranger@example.org'`,
    );
    expect(made.n).toBe(0);
  });

  it("ends the officer's open session at its next request once an administrator disables them", async () => {
    const [officer] = await api.dataSource.query(
      `SELECT id FROM "user" WHERE email = 'olu.officer@example.org'`,
    );
    const disabled = await api.graphql(
      'mutation($id: ID!) { updateUser(input: { id: $id, disabled: true }) { disabled } }',
      { id: officer.id },
      adminToken,
    );
    expect(disabled.errors).toBeUndefined();

    // The tab still holds its token; the next request the page makes is refused and it goes back to sign-in.
    await officerPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Dashboard' })
      .click();
    await officerPage.getByText('Your session ended; sign in again.').waitFor();
    await officerPage.getByRole('link', { name: `Sign in with ${OIDC_PROVIDER_NAME}` }).waitFor();
    await screenshot(officerPage, SHOTS, '03-session-ended-after-disabling');
  });
});

describe('in Chromium: with password sign-in turned off', () => {
  let provider: TestOidcProvider;
  let api: TestApi;
  let browser: Browser;

  beforeAll(async () => {
    provider = await startOidcProvider();
    const port = await freePort();
    api = await startTestApi('browser_sso_only', {
      webDir: join(__dirname, '../../apps/web/dist'),
      port,
      signIn: { password: false, oidc: provider.settings(`http://127.0.0.1:${port}`) },
    });
    await provider.serve(api.url);
    await createUser(api.dataSource.manager, {
      email: 'olu.officer@example.org',
      name: 'Olu Officer',
      roles: ['officer'],
      invite: false,
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await provider?.close();
  });

  it('shows only the provider button, which signs the officer in', async () => {
    const page = await browser.newPage();
    await page.goto(api.url);
    await page.getByRole('link', { name: `Sign in with ${OIDC_PROVIDER_NAME}` }).waitFor();
    await page.getByText('Password sign-in is turned off here').waitFor();
    expect(await page.getByLabel('Password').count()).toBe(0);
    expect(await page.getByLabel('E-mail').count()).toBe(0);
    await screenshot(page, SHOTS, '04-password-sign-in-off');
    await signInThroughProvider(page, api.url, 'olu.officer@example.org');
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
  });
});
