import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import { seriousViolations } from '../support/axe';
import { launchBrowser, screenshot } from '../support/browser';
import { approvedAndSent, createCase, play } from '../support/cases';
import { fixturePdf, uploadFile } from '../support/documents';

const SHOTS = 'dashboard';

/** A date this many days before today (UTC), so the cases fall in the dashboard's last twelve months. */
const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe('in Chromium: the reporting dashboard and the public disclosure log', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let officer: string;
  let extendedId: string;
  let dataDir: string;
  /** The library case's document for release, which the administrator publishes. */
  let hoursSha256: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'recordflow-browser-dashboard-'));
    process.env.RECORDFLOW_DATA_DIR = dataDir;
    api = await startTestApi('dashboard', { webDir: join(__dirname, '../../apps/web/dist') });
    officer = await api.signIn(['officer'], 'olu.officer@example.org');
    const answer = async (subject: string, receivedOn: string, answeredOn: string) => {
      const created = await createCase(api, officer, { receivedOn, subject });
      for (const step of [
        { type: 'START_RESPONSE', effectiveOn: receivedOn },
        {
          type: 'SUBMIT_FOR_APPROVAL',
          effectiveOn: answeredOn,
          payload: {
            outcome: 'granted-in-full',
            answers: [{ question: 'The request', answer: 'Here it is.' }],
            held: true,
          },
        },
        ...approvedAndSent(answeredOn),
      ]) {
        await play(api, officer, created.id, [step]);
      }
      return created;
    };
    // Fifty days to answer: late. Two days: in time.
    const late = await answer('Gritting routes this winter', ago(60), ago(10));
    const admin = await api.signIn(['admin'], 'ann.admin@example.org');
    const published = await api.graphql(
      'mutation($id: ID!) { publishToDisclosureLog(caseId: $id) { published } }',
      { id: late.id },
      admin,
    );
    if (published.errors) throw new Error(JSON.stringify(published.errors));
    const library = await answer('Library opening hours', ago(60), ago(58));
    for (const [name, kind, bytes] of [
      ['opening-hours.pdf', 'for-release', await fixturePdf(['Opening hours of every library'])],
      ['staff-rota.txt', 'gathered', Buffer.from('Internal rota.')],
    ] as const) {
      const uploaded = await uploadFile(api.url, library.id, officer, { name, bytes, kind });
      if (uploaded.status >= 300) throw new Error(`upload ${name}: ${JSON.stringify(uploaded.body)}`);
      if (kind === 'for-release') hoursSha256 = uploaded.body.sha256 as string;
    }
    // Extended for the public interest on day 10 (to 40 working days), answered on day 25: in time with the extension.
    const extended = await createCase(api, officer, {
      receivedOn: ago(60),
      subject: 'Bus shelter contracts',
    });
    await play(api, officer, extended.id, [
      { type: 'START_RESPONSE', effectiveOn: ago(60) },
      {
        type: 'EXTEND_FOR_PUBLIC_INTEREST',
        effectiveOn: ago(50),
        payload: { exemptions: ['s.43(2)'], extensionReason: 'The supplier’s views are needed.' },
      },
      {
        type: 'PUBLIC_INTEREST_DECIDED',
        effectiveOn: ago(40),
        payload: { publicInterestDecision: 'Favours disclosure.' },
      },
      {
        type: 'SUBMIT_FOR_APPROVAL',
        effectiveOn: ago(35),
        payload: {
          outcome: 'granted-in-full',
          answers: [{ question: 'The request', answer: 'The contracts are attached.' }],
          held: true,
        },
      },
      ...approvedAndSent(ago(35)),
    ]);
    extendedId = extended.id;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    delete process.env.RECORDFLOW_DATA_DIR;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('draws the charts, and the late bar opens the cases answered late', async () => {
    await page.goto(api.url);
    await page.getByLabel('E-mail').fill('olu.officer@example.org');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    for (const chart of [
      'Volume per month',
      'Timeliness',
      'Answers by timeliness',
      'Late answers',
      'Outcomes',
      'Exemptions',
    ])
      await page.getByRole('region', { name: chart }).locator('svg.recharts-surface').first().waitFor();
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'Late answers' }).locator('.recharts-bar-rectangle path').count(),
      )
      .toBe(1);
    await screenshot(page, SHOTS, '01-dashboard');
    await page.getByRole('region', { name: 'Late answers' }).locator('.recharts-bar-rectangle path').click();
    await page.getByRole('status').filter({ hasText: 'Answered late' }).waitFor();
    expect(page.url()).toContain('answeredLate=true');
    await page.getByText('Gritting routes this winter').waitFor();
    expect(await page.getByText('Library opening hours').count()).toBe(0);
    await screenshot(page, SHOTS, '02-late-cases');
  });

  it('downloads the cases shown and the statistics tables, saying how much has arrived', async () => {
    // Still on the late cases the bar opened: the download is of this very filter.
    const cases = page.getByText('Download these cases:').locator('..');
    const [casesFile] = await Promise.all([
      page.waitForEvent('download'),
      cases.getByRole('button', { name: 'CSV' }).click(),
    ]);
    const casesCsv = await readFile((await casesFile.path()) as string, 'utf8');
    expect(casesCsv.split('\r\n')[0]).toContain('reference');
    expect(casesCsv).toContain('Gritting routes this winter');
    expect(casesCsv).not.toContain('Library opening hours');
    await cases
      .getByRole('status')
      .filter({ hasText: /^ ?Downloaded cases\.csv \(\d+ kB\)\.$/ })
      .waitFor();

    await page.getByRole('link', { name: 'Dashboard' }).click();
    const tables = page.getByText('Download the statistics tables:').locator('..');
    const [statisticsFile] = await Promise.all([
      page.waitForEvent('download'),
      tables.getByRole('button', { name: 'XLSX' }).click(),
    ]);
    expect(statisticsFile.suggestedFilename()).toBe('statistics.xlsx');
    const bytes = await readFile((await statisticsFile.path()) as string);
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // an XLSX is a zip
    await tables.getByRole('status').filter({ hasText: 'Downloaded statistics.xlsx' }).waitFor();
  });

  it('shows answers in time with a permitted extension apart, and counts them in the in-time share', async () => {
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page
      .getByText(
        /3 received, 3 answered: 1 in time, 1 in time with a permitted extension, 1 late \(on average [\d.]+ working days late\); 66\.7% answered in time, counting those with a permitted extension\./,
      )
      .waitFor();
    const bars = page.getByRole('region', { name: 'Answers by timeliness' });
    for (const legend of ['In time', 'In time with a permitted extension', 'Late'])
      await bars.locator('.recharts-legend-item-text', { hasText: new RegExp(`^${legend}$`) }).waitFor();
    await page.goto(`${api.url}/cases/${extendedId}`);
    const answered = page.locator('dt', { hasText: /^Answered$/ });
    await answered.waitFor();
    expect(await answered.locator('xpath=following-sibling::dd[1]').textContent()).toBe(
      'In time with a permitted extension',
    );
    await screenshot(page, SHOTS, '02b-answered-with-extension');
  });

  it('shows the disclosure log without signing in, with no requester name', async () => {
    const fresh = await browser.newPage();
    await fresh.goto(`${api.url}/disclosure-log`);
    await fresh.getByRole('heading', { name: 'Disclosure log' }).waitFor();
    await fresh.getByRole('heading', { name: /Gritting routes this winter/ }).waitFor();
    const text = (await fresh.textContent('body')) ?? '';
    expect(text).not.toContain('A. Requester');
    expect(text).not.toContain('requester@example.net');
    await screenshot(fresh, SHOTS, '03-disclosure-log');
    await fresh.close();
  });

  it('lets an administrator choose the period and team, and publish a response from the Disclosure log page', async () => {
    const admin = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await admin.goto(api.url);
    await admin.getByLabel('E-mail').fill('ann.admin@example.org');
    await admin.getByLabel('Password').fill(TEST_PASSWORD);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByRole('link', { name: 'Dashboard' }).click();
    // A select's name includes its options' text; the charts' regions ("Volume per month") match 'Per' too.
    await admin.getByRole('combobox', { name: /^Per/ }).selectOption('QUARTER');
    await admin.getByRole('heading', { name: 'Volume per quarter' }).waitFor();
    await admin.getByLabel('Received from').fill('2020-01-01');
    await admin.getByLabel('to', { exact: true }).fill('2020-03-31');
    await admin.getByText(/received Wed 1 Jan 2020 to Tue 31 Mar 2020: 0 received/).waitFor();

    await admin.getByRole('link', { name: 'Disclosure log' }).click();
    await admin.getByRole('heading', { name: 'Disclosure log', level: 1 }).waitFor();
    const candidates = admin.getByRole('region', { name: /Answered, not published/ });
    await candidates
      .getByRole('row', { name: /Library opening hours/ })
      .getByRole('button', { name: 'Publish…' })
      .click();
    await admin.getByLabel('Summary for the public (optional)').fill('Opening hours of every library.');
    // Only the for-release document is offered, and nothing is ticked until the administrator chooses.
    const offered = admin.getByRole('group', { name: /Documents to publish/ }).getByRole('checkbox');
    const hours = admin.getByRole('checkbox', { name: 'opening-hours.pdf (version 1)' });
    await hours.waitFor();
    expect(await offered.count()).toBe(1);
    expect(await hours.isChecked()).toBe(false);
    await hours.check();
    expect(await seriousViolations(admin)).toEqual([]);
    await screenshot(admin, SHOTS, '04a-publishing-documents');
    await admin.getByRole('button', { name: /^Publish FOI-/ }).click();
    await admin.getByRole('status').filter({ hasText: 'is published in the disclosure log' }).waitFor();
    await admin
      .getByRole('region', { name: /^Published/ })
      .getByRole('row', { name: /Library opening hours/ })
      .waitFor();
    await screenshot(admin, SHOTS, '04-publishing');

    const fresh = await browser.newPage();
    await fresh.goto(`${api.url}/disclosure-log`);
    await fresh.getByText('Opening hours of every library.').waitFor();
    const link = fresh.getByRole('link', { name: 'opening-hours.pdf' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/disclosure-log\/FOI-[0-9-]+\/documents\/[0-9a-f-]{36}$/);
    expect(await fresh.getByRole('link', { name: 'staff-rota.txt' }).count()).toBe(0);
    // Signed out, the link gives the very bytes the history recorded.
    const file = await fetch(`${api.url}${href}`);
    expect(file.status).toBe(200);
    expect(
      createHash('sha256')
        .update(Buffer.from(await file.arrayBuffer()))
        .digest('hex'),
    ).toBe(hoursSha256);
    await fresh.close();
    await admin.close();
  });
});
