import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import { launchBrowser, screenshot } from '../support/browser';
import { createCase } from '../support/cases';
import { extract, fixturePdf } from '../support/documents';

const SHOTS = 'documents';

describe('in Chromium: an officer redacts a document and downloads the release bundle', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    process.env.RECORDFLOW_DATA_DIR = mkdtempSync(join(tmpdir(), 'recordflow-browser-documents-'));
    api = await startTestApi('browser_documents', { webDir: join(__dirname, '../../apps/web/dist') });
    await api.signIn(['officer'], 'olu.officer@example.org');
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    delete process.env.RECORDFLOW_DATA_DIR;
  });

  it('uploads two files, redacts a name under s.40(2), builds the release bundle and downloads it', async () => {
    const token = await api.signIn(['officer'], 'olu.officer@example.org');
    const created = await createCase(api, token);
    // The bundle starts with the response letter, generated as officers do on the case page.
    await api.graphql(
      'mutation($id: ID!) { generateLetter(caseId: $id, kind: "response") { id } }',
      { id: created.id },
      token,
    );

    await page.goto(api.url);
    await page.getByLabel('E-mail').fill('olu.officer@example.org');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await page.goto(`${api.url}/cases/${created.id}`);
    await page.getByRole('heading', { name: 'Documents' }).waitFor();

    const folder = mkdtempSync(join(tmpdir(), 'recordflow-upload-'));
    const report = join(folder, 'site-visit.pdf');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      report,
      await fixturePdf([
        'Site visit by Jane Smith on 3 March.',
        'Contact: jane.smith@example.org',
        'Cameras checked: 42.',
      ]),
    );
    const notes = join(folder, 'notes.txt');
    writeFileSync(notes, 'Search notes for the request.');
    await page.getByLabel('Choose files to upload').setInputFiles([report, notes]);
    await page.getByRole('status').filter({ hasText: 'notes.txt: uploaded.' }).waitFor();
    await page.getByRole('button', { name: 'site-visit.pdf', exact: true }).waitFor();
    await screenshot(page, SHOTS, '01-uploaded');

    await page.getByRole('button', { name: 'Redact site-visit.pdf v1' }).click();
    const redactor = page.getByRole('dialog', { name: 'Redact site-visit.pdf' });
    await redactor.getByRole('img', { name: 'Page 1' }).waitFor();
    await redactor.getByLabel('Find text').fill('Jane Smith');
    await redactor.getByRole('button', { name: 'Find and mark' }).click();
    await redactor.getByLabel('Exemption 1').fill('s.40(2)');
    await redactor.getByLabel('Reason 1').fill('Personal data of a member of staff');
    await redactor.getByRole('button', { name: 'Find e-mail addresses and phone numbers' }).click();
    await redactor.getByLabel('Reason 2').fill('Personal e-mail address');
    // A box drawn by hand over the photograph (PDF points 300–400 across, 400–500 down; the page is 595 wide).
    const sheet = redactor.locator('[data-page="1"]');
    await page.setViewportSize({ width: 1280, height: 1400 });
    await sheet.scrollIntoViewIfNeeded();
    const bounds = await sheet.boundingBox();
    if (!bounds) throw new Error('page 1 is not shown');
    const scale = bounds.width / 595.28;
    await page.mouse.move(bounds.x + 295 * scale, bounds.y + 395 * scale);
    await page.mouse.down();
    await page.mouse.move(bounds.x + 405 * scale, bounds.y + 505 * scale, { steps: 5 });
    await page.mouse.up();
    await screenshot(page, SHOTS, '02-drawn');
    await redactor.getByLabel('Exemption 3').fill('s.43(2)');
    await redactor.getByLabel('Reason 3').fill('Photograph of a supplier prototype');
    await screenshot(page, SHOTS, '02-review');
    await redactor.getByRole('button', { name: 'Apply 3 redactions' }).click();
    await page.getByRole('status').filter({ hasText: 'site-visit.pdf: redacted as version 2.' }).waitFor();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Build the release bundle' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/-release-bundle\.pdf$/);
    const bundle = readFileSync((await download.path()) as string);
    const { text, images } = await extract(bundle);
    expect(images).toBe(0);
    expect(text).toContain('Schedule of documents');
    expect(text).toContain('site-visit.pdf (version 2)');
    expect(text).toContain('s.40(2), s.43(2)');
    expect(text).toContain('Cameras checked: 42.');
    expect(text).not.toContain('Jane Smith');
    expect(text).not.toContain('jane.smith@example.org');
    await page.getByRole('status').filter({ hasText: 'Release bundle built' }).waitFor();
    await screenshot(page, SHOTS, '03-bundle');

    await page.getByRole('button', { name: 'Redaction log' }).click();
    const log = page.getByRole('dialog', { name: 'Redaction log of site-visit.pdf' });
    await expect
      .poll(() => log.getByRole('row').nth(1).textContent())
      .toContain('s.40(2)Personal data of a member of staffJane Smith');
  });
});
