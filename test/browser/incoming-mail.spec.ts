import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationsService } from '../../apps/api/src/notifications/notifications.service';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import { launchBrowser, screenshot } from '../support/browser';
import { createCase, sendEvent } from '../support/cases';
import { composeMessage, startImapServer, type TestImapServer } from '../support/imap';

const SHOTS = 'incoming-mail';
const WEB = join(__dirname, '../../apps/web/dist');
const PDF = Buffer.from('%PDF-1.4\n% the requester scanned this\n%%EOF\n');

describe('in Chromium: incoming e-mail', () => {
  let imap: TestImapServer;
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    imap = await startImapServer();
    api = await startTestApi('browser-incoming', {
      webDir: WEB,
      mail: {
        smtpUrl: undefined,
        from: undefined,
        intervalMs: 0,
        retrySeconds: 1,
        imapUrl: imap.url,
        imapIntervalMs: 0,
      },
    });
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await imap?.close();
  });

  async function signIn(email: string) {
    await page.goto(api.url);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  const poll = async (admin: string) => {
    const result = await api.graphql<{ pollIncomingMail: { taken: number } }>(
      'mutation { pollIncomingMail { taken } }',
      {},
      admin,
    );
    return result.data?.pollIncomingMail.taken;
  };

  it('an officer confirms a request that arrived by e-mail as a case, and records a clarification reply', async () => {
    const admin = await api.signIn(['admin'], 'ann.admin@example.org');
    const officerToken = await api.signIn(['officer'], 'olu.officer@example.org');
    await imap.deliver(
      composeMessage({
        from: 'Jo Bloggs <jo.bloggs@example.net>',
        subject: 'Gritting routes',
        text: 'Please send me the map of gritting routes for this winter.',
        messageId: '<gritting@example.net>',
        attachments: [{ filename: 'my-street.pdf', contentType: 'application/pdf', content: PDF }],
      }),
      new Date('2026-11-30T10:00:00Z'),
    );
    // A reply to a case waiting for a clarification.
    const waiting = await createCase(api, officerToken, { receivedOn: '2026-11-02' });
    await sendEvent(api, officerToken, {
      caseId: waiting.id,
      type: 'REQUEST_CLARIFICATION',
      effectiveOn: '2026-11-03',
      payload: { clarificationQuestion: 'Which year?' },
    });
    await imap.deliver(
      composeMessage({
        from: 'requester@example.net',
        subject: `Re: ${waiting.reference}`,
        text: 'The year 2025, please.',
        messageId: '<which-year@example.net>',
      }),
      new Date('2026-11-25T12:00:00Z'),
    );
    expect(await poll(admin)).toBe(2);

    await signIn('olu.officer@example.org');
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Incoming' }).click();
    const draft = page.getByRole('form', { name: 'Confirm Gritting routes' });
    await draft.waitFor();
    expect(await draft.getByLabel("Requester's e-mail").inputValue()).toBe('jo.bloggs@example.net');
    expect(await draft.getByLabel("Requester's name").inputValue()).toBe('Jo Bloggs');
    expect(await draft.getByLabel('Date received').inputValue()).toBe('2026-11-30');
    expect(await draft.getByLabel('The request, as written').inputValue()).toBe(
      'Please send me the map of gritting routes for this winter.',
    );
    await draft.getByText(/my-street\.pdf/).waitFor();
    await draft.getByLabel('Kind of request').selectOption('foi');
    await screenshot(page, SHOTS, '01-draft');
    await draft.getByRole('button', { name: 'Register as a case' }).click();
    const registered = page.getByRole('status');
    await registered.getByText(/^Registered as FOI-2026-\d{6}\.$/).waitFor();
    const reference = ((await registered.textContent()) ?? '').replace(/^Registered as |\.$/g, '');
    await expect.poll(() => draft.count()).toBe(0);

    const reply = page.getByRole('form', { name: `Reply Re: ${waiting.reference}` });
    await reply.getByRole('button', { name: 'Record the clarification, dated 2026-11-25' }).waitFor();
    await screenshot(page, SHOTS, '02-offer');
    await reply.getByRole('button', { name: 'Record the clarification, dated 2026-11-25' }).click();
    await page.getByRole('status').getByText(`Recorded on ${waiting.reference}`, { exact: false }).waitFor();
    await page.getByText('Nothing waits for you.').waitFor();

    // The registered case carries the e-mail's attachment and its history.
    await page.getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('button', { name: 'my-street.pdf' }).first().waitFor();
    await page.getByRole('listitem').filter({ hasText: 'mail received' }).first().waitFor();
    await screenshot(page, SHOTS, '03-case');

    const history = await api.graphql<{ case: { history: { type: string; effectiveOn: string }[] } }>(
      'query($id: ID!) { case(id: $id) { history { type effectiveOn } } }',
      { id: waiting.id },
      officerToken,
    );
    expect(history.data?.case.history.at(-1)).toEqual({
      type: 'CLARIFICATION_RECEIVED',
      effectiveOn: '2026-11-25',
    });
  }, 180_000);

  it('an officer sees an assignment notice with the unread count, marks it read, and turns a kind off', async () => {
    const lead = await api.signIn(['officer'], 'lee.lead@example.org');
    const [olu] = await api.dataSource.query(`SELECT id FROM "user" WHERE email = 'olu.officer@example.org'`);
    const created = await createCase(api, lead, { subject: 'Allotment waiting list' });
    await api.graphql(
      'mutation($input: AssignCaseInput!) { assignCase(input: $input) { id } }',
      { input: { caseId: created.id, assigneeId: olu.id } },
      lead,
    );
    // One round, as the background timer would run it.
    await api.app.get(NotificationsService).run({ today: '2026-01-15' });
    await page.goto(`${api.url}/cases`);
    await page.getByRole('link', { name: 'Notifications (1 unread)' }).click();
    await page.getByText(`${created.reference} is assigned to you`).waitFor();
    await screenshot(page, SHOTS, '04-notifications');
    await page.getByRole('button', { name: 'Mark read' }).click();
    await page.getByText('0 unread').waitFor();
    const off = page.getByRole('checkbox', { name: 'A case assigned to me by e-mail' });
    expect(await off.isChecked()).toBe(true);
    // The box shows the saved choice: it clears once the api has it.
    await off.click();
    await expect.poll(() => off.isChecked()).toBe(false);
    const preferences = await api.graphql<{ notificationPreferences: { kind: string; email: boolean }[] }>(
      '{ notificationPreferences { kind email } }',
      {},
      await api.signIn(['officer'], 'olu.officer@example.org'),
    );
    expect(preferences.data?.notificationPreferences.find((p) => p.kind === 'assignment')?.email).toBe(false);
    await page.reload();
    await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
  }, 120_000);
});
