import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import { launchBrowser, screenshot } from '../support/browser';
import { BARNET, EXAMPLE_ANSWERS, EXAMPLE_REQUEST, EXAMPLE_SECTIONS } from '../support/example-letter';

const SHOTS = 'approval';

interface Document {
  id: string;
  template: string;
  format: string;
  datedOn: string | null;
  sentOn: string | null;
  sentChannel: string | null;
  sentSequence: number | null;
}

/** A PDF's text with its lines joined, so a paragraph wrapped over lines reads as one. */
async function pdfText(base64: string): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.from(base64, 'base64'))), {
    mergePages: true,
  });
  return (text as string).replace(/\s+/g, ' ');
}

describe('in Chromium: draft, approve by someone else, send, then correct', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let auditor: string;
  let caseId: string;
  beforeAll(async () => {
    api = await startTestApi('browser-approval', { webDir: join(__dirname, '../../apps/web/dist') });
    await api.signIn(['officer'], 'dee.drafter@example.org');
    await api.signIn(['officer', 'approver'], 'abi.approver@example.org');
    auditor = await api.signIn(['auditor'], 'aud.auditor@example.org');
    const admin = await api.signIn(['admin'], 'ann.admin@example.org');
    const saved = await api.graphql(
      'mutation($s: AuthoritySettingsInput!) { saveAuthoritySettings(settings: $s) { settings { name } } }',
      { s: BARNET },
      admin,
    );
    expect(saved.errors).toBeUndefined();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function signIn(email: string) {
    await page.goto(api.url);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
  }

  async function signOut() {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You signed out.').waitFor();
  }

  async function openCase() {
    await page.goto(`${api.url}/cases/${caseId}`);
    await page.getByRole('heading', { name: /^FOI-2026-\d{6}: CCTV cameras/ }).waitFor();
  }

  async function sendEvent(button: string, on: string, fill: (page: Page) => Promise<void> = async () => {}) {
    await page.getByRole('button', { name: button, exact: true }).first().click();
    const form = page.getByRole('form', { name: button });
    await fill(page);
    await form.getByLabel('Date it happened').fill(on);
    await form.getByRole('button', { name: button }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${button}: done.` })
      .waitFor();
  }

  const documents = async () =>
    (
      await api.graphql<{ caseDocuments: Document[] }>(
        'query($id: ID!) { caseDocuments(caseId: $id) { id template format datedOn sentOn sentChannel sentSequence } }',
        { id: caseId },
        auditor,
      )
    ).data?.caseDocuments ?? [];

  const fileText = async (id: string) =>
    pdfText(
      (
        await api.graphql<{ documentFile: { base64: string } }>(
          'query($id: ID!) { documentFile(documentId: $id) { base64 } }',
          { id },
          auditor,
        )
      ).data?.documentFile.base64 ?? '',
    );

  it('the drafter registers the example request received 14 Jan 2026 today, catching up, and drafts the response', async () => {
    await signIn('dee.drafter@example.org');
    await page.getByRole('button', { name: 'Register a new request' }).click();
    const form = page.getByRole('form', { name: 'New request' });
    await form.getByLabel('Kind of request').selectOption('foi');
    await form.getByLabel('Date received').fill('2026-01-14');
    // Received weeks ago: the officer records what happened before the timers run.
    expect(await form.getByLabel('Received earlier').isChecked()).toBe(true);
    await form.getByLabel("Requester's name").fill('Sam Requester');
    // No address for correspondence: not a valid request (FOIA s.8).
    await form.getByLabel('Subject', { exact: true }).fill('CCTV cameras and facial recognition');
    await form.getByLabel('The request, as written').fill(EXAMPLE_REQUEST);
    await form.getByRole('button', { name: 'Register' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toMatch(/an address for correspondence: an e-mail or a postal address/);
    await form.getByLabel("Requester's e-mail").fill('sam.requester@example.net');
    await form.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('heading', { name: /^FOI-2026-\d{6}: CCTV cameras/ }).waitFor();
    caseId = page.url().split('/cases/')[1] as string;
    await page.getByRole('heading', { name: 'Catching up' }).waitFor();
    await screenshot(page, SHOTS, '01-registered-catching-up');

    await sendEvent('Start the response', '2026-01-16');
    await sendEvent('Submit the response for approval', '2026-01-16', async (p) => {
      await p.getByLabel('Outcome').selectOption('granted-in-full');
      for (const [i, { answer }] of EXAMPLE_ANSWERS.entries()) {
        await p.getByLabel(`Answer to question ${i + 1}`, { exact: true }).fill(answer);
      }
      for (const [i, { title, text }] of EXAMPLE_SECTIONS.entries()) {
        await p.getByRole('button', { name: 'Add a section' }).click();
        await p.getByLabel(`Section ${i + 1} title`, { exact: true }).fill(title);
        await p.getByLabel(`Section ${i + 1} text`, { exact: true }).fill(text);
      }
    });
    await expect.poll(() => page.getByTestId('stage').textContent()).toBe('Response (Approval)');
    // The drafter may not approve their own response, and the page says why.
    const approve = page.getByRole('button', { name: 'Approve the response', exact: true });
    expect(await approve.isDisabled()).toBe(true);
    await expect
      .poll(() => page.getByTestId('why-APPROVE_RESPONSE').textContent())
      .toBe(
        'You cannot do this: you drafted or last changed this response, and separation of duties needs someone else to approve it.',
      );
    await screenshot(page, SHOTS, '02-drafter-cannot-approve');
    await signOut();
  });

  it('an approver who is not the drafter sees the answers beside the draft letter, and approves', async () => {
    await signIn('abi.approver@example.org');
    await openCase();
    const draft = page.getByTestId('draft-letter');
    await expect.poll(() => draft.textContent()).toContain(EXAMPLE_ANSWERS[1]?.answer);
    expect(await page.getByTestId('answers').textContent()).toContain(EXAMPLE_ANSWERS[0]?.question);
    expect(await draft.textContent()).toContain('Our ref: FOI-2026-');
    await screenshot(page, SHOTS, '03-approver-reviews');
    await sendEvent('Approve the response', '2026-01-16');
    await expect
      .poll(() => page.getByTestId('stage').textContent())
      .toBe('Response (Approved: ready to send)');
    // Approved is not sent: the clock runs on.
    await expect.poll(() => page.getByTestId('due').textContent()).toBe('Wed 11 Feb 2026');
    await signOut();
  });

  it('the drafter sends the approved letter dated 16 Jan 2026 after confirming: the clock stops, in time', async () => {
    await signIn('dee.drafter@example.org');
    await openCase();
    await page.getByRole('button', { name: 'Generate the response letter' }).click();
    await page.getByRole('button', { name: 'Record as sent' }).click();
    const send = page.getByRole('form', { name: 'Record the response letter as sent' });
    await expect.poll(() => send.getByLabel('Sent to').inputValue()).toBe('sam.requester@example.net');
    await send.getByLabel('How it went').selectOption('email');
    await send.getByLabel('Date sent').fill('2026-01-16');
    await send.getByRole('button', { name: 'Record as sent…' }).click();
    await expect
      .poll(() => send.getByRole('alertdialog').textContent())
      .toMatch(
        /^Record the response letter as sent to sam\.requester@example\.net by e-mail on Fri 16 Jan 2026\?/,
      );
    await screenshot(page, SHOTS, '04-confirm-send');
    await send.getByRole('button', { name: 'Yes, record it as sent' }).click();
    await expect
      .poll(() => page.getByTestId('stage').textContent())
      .toBe('Awaiting any internal review request (Waiting)');
    await screenshot(page, SHOTS, '05-sent');

    const sent = (await documents()).filter((d) => d.format === 'pdf' && d.sentSequence);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ datedOn: '2026-01-16', sentOn: '2026-01-16', sentChannel: 'email' });
    // The letter that went is the council's real letter: dated the day it was sent, each answer under its question.
    const text = await fileText(sent[0]?.id as string);
    const parts = [
      '16 January 2026',
      'Dear Sam Requester',
      'Thank you for your request received on 14 January 2026, for the following information:',
      'We have processed this request under the Freedom of Information Act 2000.',
      'London Borough of Barnet holds the information requested and the answers to your questions are below.',
      ...EXAMPLE_ANSWERS.flatMap(({ question, answer }) => [question, answer]),
      'Further information',
      'Advice and Assistance : Direct Marketing',
      'you can request a review within the next 40 working days, that is by 13 March 2026',
    ];
    let at = 0;
    for (const part of parts) {
      const found = text.indexOf(part.replace(/\s+/g, ' '), at);
      expect(found, part).toBeGreaterThanOrEqual(at);
      at = found + part.length;
    }
    const history = await api.graphql<{
      case: {
        state: { context: { record: Record<string, unknown> } };
        history: { type: string; effectiveOn: string }[];
      };
    }>('query($id: ID!) { case(id: $id) { state history { type effectiveOn } } }', { id: caseId }, auditor);
    expect(history.data?.case.state.context.record.timeliness).toBe('in-time');
    expect(history.data?.case.history.slice(-2)).toEqual([
      { type: 'LETTER_SENT', effectiveOn: '2026-01-16' },
      { type: 'RESPONSE_SENT', effectiveOn: '2026-01-16' },
    ]);
  });

  it('a correction after sending is its own event and a second letter in the history', async () => {
    await sendEvent('Correct the response sent (a new letter)', '2026-01-19', async (p) => {
      await p
        .getByLabel('What the corrected letter corrects, and why')
        .fill('The link to the camera list was missing.');
      for (const [i, { answer }] of EXAMPLE_ANSWERS.entries()) {
        await p
          .getByLabel(`Answer to question ${i + 1}`, { exact: true })
          .fill(i === 0 ? `${answer} The camera list: www.barnet.gov.uk/cctv.` : answer);
      }
    });
    await page.getByRole('button', { name: 'Generate the response letter' }).click();
    await page.getByRole('button', { name: 'Record as sent' }).click();
    const send = page.getByRole('form', { name: 'Record the response letter as sent' });
    await send.getByLabel('Date sent').fill('2026-01-19');
    await send.getByRole('button', { name: 'Record as sent…' }).click();
    await send.getByRole('button', { name: 'Yes, record it as sent' }).click();
    await expect.poll(async () => (await documents()).filter((d) => d.sentSequence).length).toBe(2);
    const [first, second] = (await documents()).filter((d) => d.format === 'pdf' && d.sentSequence);
    expect(first?.sentOn).toBe('2026-01-16');
    expect(second?.sentOn).toBe('2026-01-19');
    const corrected = await fileText(second?.id as string);
    expect(corrected).toContain('19 January 2026');
    expect(corrected).toContain(
      'This letter corrects our earlier response to this request: The link to the camera list was missing.',
    );
    expect(corrected).toContain('The camera list: www.barnet.gov.uk/cctv.');
    // The first letter is as it went: nothing was edited in place.
    expect(await fileText(first?.id as string)).not.toContain('www.barnet.gov.uk/cctv');
    const history = await api.graphql<{ case: { stage: string; history: { type: string }[] } }>(
      'query($id: ID!) { case(id: $id) { stage history { type } } }',
      { id: caseId },
      auditor,
    );
    expect(history.data?.case.history.map((e) => e.type).slice(-3)).toEqual([
      'RESPONSE_SENT',
      'CORRECT_RESPONSE',
      'LETTER_SENT',
    ]);
    expect(history.data?.case.stage).toBe('review-window');
    await screenshot(page, SHOTS, '06-corrected');
    const verified = await api.graphql<{ verifyCaseHistory: { ok: boolean } }>(
      'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok } }',
      { id: caseId },
      auditor,
    );
    expect(verified.data?.verifyCaseHistory.ok).toBe(true);
  });
});
