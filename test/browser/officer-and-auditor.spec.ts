import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import { launchBrowser, screenshot } from '../support/browser';

const SHOTS = 'officer-and-auditor';

describe('in Chromium: an officer handles a request, an auditor checks it', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let adminToken: string;
  beforeAll(async () => {
    api = await startTestApi('browser', { webDir: join(__dirname, '../../apps/web/dist') });
    // Makes the users (and checks that their passwords work) before the browser signs in.
    await api.signIn(['officer'], 'olu.officer@example.org');
    await api.signIn(['officer', 'approver'], 'abi.approver@example.org');
    await api.signIn(['auditor'], 'ada.auditor@example.org');
    adminToken = await api.signIn(['admin'], 'ann.admin@example.org');
    browser = await launchBrowser();
    page = await browser.newPage();
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
  }

  async function sendEvent(button: string, on: string, fill: (page: Page) => Promise<void> = async () => {}) {
    await page.getByRole('button', { name: button }).first().click();
    const form = page.getByRole('form', { name: button });
    await fill(page);
    await form.getByLabel('Date it happened').fill(on);
    await form.getByRole('button', { name: button }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${button}: done.` })
      .waitFor();
  }

  it('refuses a wrong password with the server’s sentence', async () => {
    await page.goto(api.url);
    await page.getByLabel('E-mail').fill('olu.officer@example.org');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The e-mail or password is wrong.');
    await screenshot(page, SHOTS, '01-wrong-password');
  });

  it('an officer registers a FOI request, asks for clarification, records it (the deadline restarts) and sends the response', async () => {
    await signIn('olu.officer@example.org');
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Workflows' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Register a new request' }).click();
    const form = page.getByRole('form', { name: 'New request' });
    // The published workflows come from the api (selectOption waits for the option to arrive).
    await form.getByLabel('Kind of request').selectOption('foi');
    await form.getByLabel('Date received').fill('2026-01-14');
    // This officer records each step as it happens, so the timers run as usual.
    await form.getByLabel('Received earlier').uncheck();
    await form.getByLabel("Requester's name").fill('Sam Requester');
    await form.getByLabel("Requester's e-mail").fill('sam.requester@example.net');
    await form.getByLabel('Subject', { exact: true }).fill('CCTV cameras and facial recognition');
    await form.getByLabel('The request, as written').fill('How many CCTV cameras does the council operate?');
    await form.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('heading', { name: /^FOI-2026-\d{6}: CCTV cameras/ }).waitFor();
    await expect.poll(() => page.getByTestId('stage').textContent()).toBe('Received (Assessing)');
    await expect.poll(() => page.getByTestId('due').textContent()).toBe('Wed 11 Feb 2026');
    await screenshot(page, SHOTS, '02-registered');

    await sendEvent('Ask the requester to clarify', '2026-01-19', (p) =>
      p.getByLabel('What the requester must clarify').fill('Which cameras: street, car parks, or both?'),
    );
    await expect
      .poll(() => page.getByTestId('stage').textContent())
      .toBe('Clarification (Waiting for the requester)');
    await expect.poll(() => page.getByTestId('due').textContent()).toBe('—');
    // The workflow graph highlights the stage the case is in.
    await expect
      .poll(() => page.locator('.stage-node[aria-current="step"] strong').textContent())
      .toBe('Clarification');
    await screenshot(page, SHOTS, '03-clarification-asked');

    await sendEvent('Record the clarification', '2026-02-03', (p) =>
      p.getByLabel('The clarification received').fill('Street cameras only.'),
    );
    await expect.poll(() => page.getByTestId('stage').textContent()).toBe('Received (Assessing)');
    await expect.poll(() => page.getByTestId('due').textContent()).toBe('Tue 3 Mar 2026');
    await expect
      .poll(() => page.getByTestId('explanation').textContent())
      .toBe(
        'Received Tue 3 Feb 2026 (day 0). 20 working days under Freedom of Information Act 2000, s.10; skipped 8 weekend days. Due Tue 3 Mar 2026.',
      );
    await screenshot(page, SHOTS, '04-clarified-deadline-restarted');

    await sendEvent('Start the response', '2026-02-05');
    await sendEvent('Submit the response for approval', '2026-02-10', async (p) => {
      await p.getByLabel('Outcome').selectOption('granted-in-full');
      // The request's question is listed; the answer goes under it.
      await p.getByText('The answers, question by question').waitFor();
      expect(await p.getByLabel('Question 1', { exact: true }).inputValue()).toBe(
        'How many CCTV cameras does the council operate?',
      );
      await p
        .getByLabel('Answer to question 1', { exact: true })
        .fill('The council operates 120 street cameras.');
      await p.getByRole('button', { name: 'Add a section' }).click();
      await p.getByLabel('Section 1 title', { exact: true }).fill('Further information');
      await p
        .getByLabel('Section 1 text', { exact: true })
        .fill('Our camera locations are published on our website.');
    });
    // Someone else approves it: the officer who drafted it may not.
    const caseUrl = page.url();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn('abi.approver@example.org');
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await page.goto(caseUrl);
    await sendEvent('Approve the response', '2026-02-10');
    await expect
      .poll(() => page.getByTestId('stage').textContent())
      .toBe('Response (Approved: ready to send)');

    // The response letter: generated as PDF and DOCX, then recorded as sent (its hash goes into the
    // history), which sends the response.
    await page.getByRole('button', { name: 'Generate the response letter' }).click();
    await page.getByRole('button', { name: /-response\.pdf$/ }).waitFor();
    await page.getByRole('button', { name: 'Record as sent' }).click();
    const sending = page.getByRole('form', { name: 'Record the response letter as sent' });
    await sending.getByLabel('Date sent').fill('2026-02-10');
    await sending.getByRole('button', { name: 'Record as sent…' }).click();
    await sending.getByRole('button', { name: 'Yes, record it as sent' }).click();
    await page.getByText('sent (event 7) on Tue 10 Feb 2026 by email').waitFor();
    await expect
      .poll(() => page.getByTestId('stage').textContent())
      .toBe('Awaiting any internal review request (Waiting)');
    await screenshot(page, SHOTS, '05-response-sent');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You signed out.').waitFor();
  });

  it('an auditor scrubs to the clarification, sees the stage and deadline of that moment, and verifies the history', async () => {
    await signIn('ada.auditor@example.org');
    await page.getByRole('heading', { name: 'Audit' }).waitFor();
    await page
      .getByRole('link', { name: /^FOI-2026-/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /^History of FOI-2026-/ }).waitFor();
    // The page opens at the last event; scrubbing only once that is shown keeps its answer from landing late.
    await expect
      .poll(() => page.getByTestId('stage-then').textContent())
      .toBe('Awaiting any internal review request (Waiting)');

    // Event 2 asked for clarification; event 3 recorded it.
    await page.getByLabel(/^Event \d+ of 8$/).fill('2');
    await expect
      .poll(() => page.getByTestId('stage-then').textContent())
      .toBe('Clarification (Waiting for the requester)');
    await expect.poll(() => page.getByTestId('deadlines-then').textContent()).toBe('none running');
    await expect
      .poll(() => page.locator('.stage-node[aria-current="step"] strong').textContent())
      .toBe('Clarification');
    await page.getByRole('button', { name: /^3\. Clarification received/ }).click();
    await expect.poll(() => page.getByTestId('stage-then').textContent()).toBe('Received (Assessing)');
    await expect
      .poll(() => page.getByTestId('deadlines-then').textContent())
      .toBe('Response due (FOIA s.10(1)): Tue 3 Mar 2026');
    await screenshot(page, SHOTS, '06-auditor-at-clarification');

    await page.getByRole('button', { name: 'Verify the history' }).click();
    await expect
      .poll(() => page.getByTestId('verification').textContent())
      .toBe('Verified: 8 events; the hash chain is intact and replay gives the recorded state.');
    await screenshot(page, SHOTS, '07-verified');
  });

  it('an administrator edits a letter template with a live preview; an unknown field is refused by name', async () => {
    // What the preview must show for the page's case, as the server fills it.
    const { data } = await api.graphql<{ cases: { edges: { node: { id: string } }[] } }>(
      '{ cases(filter: { status: "all" }, first: 1) { edges { node { id } } } }',
      {},
      adminToken,
    );
    const filled = async (kind: string) =>
      (
        await api.graphql<{ previewLetter: string }>(
          'query($id: ID!, $kind: String!) { previewLetter(caseId: $id, kind: $kind) }',
          { id: data?.cases.edges[0]?.node.id, kind },
          adminToken,
        )
      ).data?.previewLetter;
    const preview = page.getByTestId('preview');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn('ann.admin@example.org');
    await page.getByRole('link', { name: 'Letters' }).click();
    // Each change waits for the preview it causes, so no earlier preview can answer late over a newer one.
    await expect.poll(() => preview.textContent()).toBe(await filled('response'));
    // The select's label text includes its options once they load, so the label is matched by its start.
    await page.getByLabel(/^Letter/).selectOption('acknowledgement');
    await expect.poll(() => preview.textContent()).toBe(await filled('acknowledgement'));
    const editor = page.getByLabel('Template');
    await editor.fill('Dear {{requester.name}}, we will reply by {{dueDate}}. {{requester.shoeSize}}');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^The template uses "requester\.shoeSize", which letters do not have\./);
    await editor.fill('Dear {{requester.name}}, we will reply by {{dueDate}}.');
    await expect
      .poll(() => preview.textContent())
      .toBe('Dear Sam Requester, we will reply by a date we will confirm.');
    await screenshot(page, SHOTS, '08-letter-template-preview');
    await page.getByRole('button', { name: 'Save the template' }).click();
    await page.getByText('Saved: new letters of this kind use this template.').waitFor();
  });

  it('a session whose token the server refuses ends, and says so', async () => {
    // A string, so the test's compiler cannot rewrite it with helpers the page does not have.
    await page.evaluate(`(() => {
      const stored = JSON.parse(sessionStorage.getItem('recordflow.session'));
      stored.token = 'tampered.token.value';
      sessionStorage.setItem('recordflow.session', JSON.stringify(stored));
    })()`);
    await page.reload();
    await page.getByText('Your session ended; sign in again.').waitFor();
    // The form follows once the sign-in options load, a moment after the notice.
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).count()).toBe(1);
  });
});
