import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../apps/api/src/index';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import { launchBrowser, screenshot } from '../support/browser';
import { createCase, sendEvent } from '../support/cases';

const SHOTS = 'case-lifecycle';

describe('in Chromium: an officer links related requests and acts on many cases at once', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let officer: string;
  const errors: string[] = [];
  beforeAll(async () => {
    api = await startTestApi('browser_lifecycle', { webDir: join(__dirname, '../../apps/web/dist') });
    officer = await api.signIn(['officer'], 'olu.officer@example.org');
    await createUser(api.dataSource.manager, {
      email: 'cara.colleague@example.org',
      name: 'Cara Colleague',
      password: TEST_PASSWORD,
      roles: ['officer'],
    });
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(api.url);
    await page.getByLabel('E-mail').fill('olu.officer@example.org');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('registers a repeat request, is shown the earlier one from the same requester, and links them', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const earlier = await createCase(api, officer, {
      receivedOn: today,
      subject: 'Gritting routes in winter',
      requestText:
        'Please send the gritting routes for this winter and the tonnage of salt spread on each route.',
      requester: { name: 'Jo Bloggs', email: 'jo.bloggs@example.net' },
    });
    await page.getByRole('button', { name: 'Register a new request' }).click();
    const form = page.getByRole('form', { name: 'New request' });
    // The kinds of request come from the api: until they do, the form has none to register.
    await expect.poll(() => form.getByLabel('Kind of request').inputValue()).not.toBe('');
    await form.getByLabel("Requester's name").fill('Jo Bloggs');
    await form.getByLabel("Requester's e-mail").fill('Jo.Bloggs@example.net');
    await form.getByRole('textbox', { name: 'Subject' }).fill('Gritting routes in winter');
    await form
      .getByLabel('The request, as written')
      .fill(
        'Please send the gritting routes for this winter and the tonnage of salt spread on each route, again.',
      );
    await form.getByRole('button', { name: 'Register' }).click();

    // After registration the case page shows what it may repeat; nothing is linked yet.
    const related = page.getByRole('list', { name: 'Possibly related cases' });
    await related.getByRole('link', { name: earlier.reference }).waitFor();
    expect(await related.textContent()).toContain('same requester, similar request');
    // The links load apart from the suggestions, and may come after them.
    await expect.poll(() => page.getByText('No linked cases.').isVisible()).toBe(true);
    await screenshot(page, SHOTS, '01-suggestion');
    expect(await related.getByLabel(`Kind of link to ${earlier.reference}`).inputValue()).toBe('REPEAT');
    await related.getByRole('button', { name: `Link ${earlier.reference}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Linked: Repeat of ${earlier.reference}.` })
      .waitFor();
    const linked = page.getByRole('list', { name: 'Linked cases' });
    await expect.poll(() => linked.textContent()).toContain(`Repeat of ${earlier.reference}`);
    await expect.poll(() => page.getByRole('list', { name: 'Possibly related cases' }).count()).toBe(0);
    await expect
      .poll(async () => (await page.locator('.timeline').textContent())?.toLowerCase())
      .toContain('case linked');
    await screenshot(page, SHOTS, '02-linked');

    const [link] = await api.dataSource.query(
      `SELECT l.kind, c.reference FROM case_link l JOIN "case" c ON c.id = l.case_id WHERE l.other_case_id = $1`,
      [earlier.id],
    );
    expect(link.kind).toBe('repeat');
    const events = await api.dataSource.query(
      `SELECT c.reference, e.type FROM case_event e JOIN "case" c ON c.id = e.case_id WHERE e.type = 'CASE_LINKED' ORDER BY c.reference`,
    );
    expect(events.map((e: { reference: string }) => e.reference).sort()).toEqual(
      [earlier.reference, link.reference].sort(),
    );
    // The earlier case reads the link its own way.
    await page.getByRole('link', { name: earlier.reference }).first().click();
    await expect
      .poll(() => page.getByRole('list', { name: 'Linked cases' }).textContent())
      .toContain(`Repeated by ${link.reference}`);
  });

  it('assigns 40 selected cases in one go, showing progress, and reports the one someone else changed meanwhile', async () => {
    const created = [];
    for (let i = 0; i < 40; i++) {
      created.push(
        await createCase(api, officer, {
          subject: `Street lighting fault ${i + 1}`,
          receivedOn: '2026-01-14',
        }),
      );
    }
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await page.getByLabel('Search reference, subject, request and correspondence').fill('lighting');
    await expect.poll(() => page.getByRole('checkbox', { name: /^Select FOI-/ }).count()).toBe(40);
    await page.getByRole('checkbox', { name: 'Select all shown' }).check();
    // Someone else moves one of them after it was selected.
    const moved = created[5];
    const change = await sendEvent(api, officer, {
      caseId: moved?.id as string,
      type: 'START_RESPONSE',
      effectiveOn: '2026-01-15',
    });
    expect(change.errors).toBeUndefined();

    const bulk = page.getByRole('region', { name: 'Bulk action' });
    await bulk.getByLabel('Assign to').selectOption({ label: 'Cara Colleague' });
    await bulk.getByRole('button', { name: 'Preview' }).click();
    const preview = bulk.getByRole('region', { name: 'Preview' });
    await expect
      .poll(() => preview.getByRole('status').textContent())
      .toBe('39 of 40 cases can be changed; 1 would refuse.');
    expect(await preview.textContent()).toContain(
      `${moved?.reference}: Someone else changed case ${moved?.reference}`,
    );
    await screenshot(page, SHOTS, '03-bulk-preview');
    await bulk.getByRole('button', { name: 'Start' }).click();
    const progress = bulk.getByRole('region', { name: 'Progress' });
    await progress.getByRole('progressbar', { name: 'Cases done' }).waitFor();
    await expect
      .poll(() => progress.getByRole('status').textContent(), { timeout: 120_000 })
      .toBe('Done: 39 of 40 changed, 1 refused.');
    expect(await progress.getByRole('list', { name: 'Refused cases' }).textContent()).toContain(
      `${moved?.reference}: VERSION_CONFLICT`,
    );
    expect(await progress.getByRole('progressbar', { name: 'Cases done' }).getAttribute('value')).toBe('40');
    await screenshot(page, SHOTS, '04-bulk-done');
    await expect.poll(() => page.getByRole('cell', { name: 'Cara Colleague' }).count()).toBe(39);

    const rows = await api.dataSource.query(
      `SELECT c.reference, u.name FROM "case" c LEFT JOIN "user" u ON u.id = c.assignee_id WHERE c.subject LIKE 'Street lighting fault %'`,
    );
    expect(rows.filter((r: { name: string | null }) => r.name === 'Cara Colleague')).toHaveLength(39);
    expect(rows.find((r: { reference: string }) => r.reference === moved?.reference)?.name).toBeNull();
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM case_event e JOIN "case" c ON c.id = e.case_id WHERE c.subject LIKE 'Street lighting fault %' AND e.type = 'CASE_ASSIGNED'`,
    );
    expect(n).toBe(39);
    expect(errors).toEqual([]);
  });
});
