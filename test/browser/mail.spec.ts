import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import { launchBrowser, screenshot } from '../support/browser';
import { responseLetter } from '../support/mail';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';

const SHOTS = 'mail';
const WEB = join(__dirname, '../../apps/web/dist');

describe('in Chromium: e-mailing letters, and the outbox', () => {
  let smtp: TestSmtpServer;
  let api: TestApi;
  let fresh: TestApi;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    api = await startTestApi('browser-mail', {
      webDir: WEB,
      mail: { smtpUrl: smtp.url, from: 'foi@council.example', intervalMs: 200, retrySeconds: 1 },
    });
    // A fresh install: no SMTP settings, so mail is kept in the local outbox.
    fresh = await startTestApi('browser-outbox', {
      webDir: WEB,
      mail: { smtpUrl: undefined, from: undefined, intervalMs: 200, retrySeconds: 1 },
    });
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await fresh?.close();
    await smtp?.close();
  });

  async function signIn(on: TestApi, email: string) {
    await page.goto(on.url);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('an officer e-mails the response letter from the case page and sees it in the history', async () => {
    const token = await api.signIn(['officer'], 'olu.officer@example.org');
    const letter = await responseLetter(api, token);
    await signIn(api, 'olu.officer@example.org');
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await page.goto(`${api.url}/cases/${letter.caseId}`);
    await page.getByRole('button', { name: letter.pdf.filename }).waitFor();
    await page.getByRole('button', { name: 'Email', exact: true }).click();
    const form = page.getByRole('form', { name: `E-mail ${letter.pdf.filename}` });
    expect(await form.getByLabel('To', { exact: true }).inputValue()).toBe('requester@example.net');
    await form.getByLabel('Attach the DOCX too').check();
    await screenshot(page, SHOTS, '01-email-form');
    await form.getByRole('button', { name: 'Send e-mail' }).click();
    // Shown beside each letter the mail carried (the PDF and the DOCX).
    await page
      .getByText(/e-mailed to requester@example\.net \(event \d+\)/)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.getByRole('listitem').filter({ hasText: 'mail sent' }).first().waitFor();
    await expect.poll(() => page.getByText('sent (event', { exact: false }).count()).toBeGreaterThan(0);
    await screenshot(page, SHOTS, '02-emailed');
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.parsed.attachments.map((a) => a.filename)).toEqual([
      letter.pdf.filename,
      letter.docx.filename,
    ]);
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('an administrator reads an e-mailed letter in the outbox of a fresh install', async () => {
    await fresh.signIn(['admin'], 'ann.admin@example.org');
    const officer = await fresh.signIn(['officer'], 'olu.officer@example.org');
    await signIn(fresh, 'ann.admin@example.org');
    await page.getByRole('link', { name: 'Outbox' }).click();
    await page.getByText('The outbox is empty.').waitFor();

    const letter = await responseLetter(fresh, officer);
    await fresh.graphql(
      'mutation($id: ID!) { emailLetter(documentId: $id) { id } }',
      { id: letter.pdf.id },
      officer,
    );
    await page.reload();
    const subject = `${letter.reference}: our letter about your request`;
    await page.getByRole('button', { name: subject }).click({ timeout: 30_000 });
    const message = page.getByRole('article', { name: subject });
    await message.getByText('requester@example.net', { exact: true }).waitFor();
    await expect.poll(() => message.locator('.mail-text').textContent()).toMatch(/^Dear A\. Requester/);
    await message.getByText(letter.pdf.sha256).waitFor();
    const download = page.waitForEvent('download');
    await message.getByRole('button', { name: letter.pdf.filename }).click();
    expect((await download).suggestedFilename()).toBe(letter.pdf.filename);
    await screenshot(page, SHOTS, '03-outbox-message');
  });
});
