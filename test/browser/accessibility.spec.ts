import { readFile } from 'node:fs/promises';
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
    // A contributor in a service area, with a task raised to them on the open case.
    const contributor = await api.signIn(['contributor'], 'hana.highways@example.org');
    const team = await api.graphql<{ createTeam: { id: string } }>(
      'mutation { createTeam(input: { name: "Highways" }) { id } }',
      {},
      admin,
    );
    const hana = await api.graphql<{ me: { id: string } }>('{ me { id } }', {}, contributor);
    await api.graphql(
      'mutation($id: ID!, $teams: [ID!]) { updateUser(input: { id: $id, teamIds: $teams }) { id } }',
      { id: hana.data?.me.id, teams: [team.data?.createTeam.id] },
      admin,
    );
    const raised = await api.graphql(
      'mutation($input: RaiseTaskInput!) { raiseTask(input: $input) { id } }',
      {
        input: {
          caseId: openCaseId,
          question: 'Which roads were gritted last winter?',
          teamId: team.data?.createTeam.id,
          assigneeId: hana.data?.me.id,
          workingDays: 3,
        },
      },
      officer,
    );
    expect(raised.errors).toBeUndefined();
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
    // A test that failed half-way leaves its user signed in: the next one starts from the sign-in page.
    const signOutButton = page.getByRole('button', { name: 'Sign out' });
    const signInButton = page.getByRole('button', { name: 'Sign in', exact: true });
    // Right after a navigation neither may be drawn yet: wait for one before asking which.
    await signOutButton.or(signInButton).first().waitFor();
    if ((await signOutButton.count()) > 0) await signOutButton.click();
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
    // The form follows once the sign-in options load, a moment after the heading.
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // The check finds what it should: an unlabelled field added to the page is a critical violation.
    await page.evaluate(`document.querySelector('form').append(document.createElement('input'))`);
    expect((await seriousViolations(page)).map((v) => v.id)).toContain('label');
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to Recordflow' }).waitFor();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
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

    // The public disclosure log, which anyone reads without signing in.
    await page.goto(`${api.url}/disclosure-log`);
    await page.getByRole('heading').first().waitFor();
    await expectAccessible('disclosure log');
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

    await nav().getByRole('link', { name: 'Tasks' }).click();
    await page.getByRole('button', { name: 'All open' }).click();
    await page.getByRole('table', { name: 'Task queue' }).waitFor();
    await expectAccessible('officer: tasks');

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
    await page.locator('.stage-node').first().waitFor();
    await expectAccessible('approver: case page');
    await signOut();
  });

  it('a contributor: their task list and a task with its answer form', async () => {
    await signIn('hana.highways@example.org');
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/tasks');
    const queue = page.getByRole('table', { name: 'Task queue' });
    await queue.waitFor();
    await expectAccessible('contributor: tasks');
    await queue.getByRole('link').first().click();
    await page.getByRole('form', { name: 'Answer the task' }).waitFor();
    await expectAccessible('contributor: task page');
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
    await page.locator('.recharts-surface').first().waitFor();
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
    // The preview's placeholder is there at once; the templates, cases and filled letter follow.
    await expect
      .poll(() => page.getByTestId('preview').textContent())
      .not.toBe('Choose a case to preview with.');
    await expectAccessible('admin: letters');

    await nav().getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { name: 'Outbox', exact: true }).waitFor();
    await expectAccessible('admin: outbox');

    await nav().getByRole('link', { name: 'Holidays' }).click();
    await page.getByRole('heading', { name: 'Holidays', exact: true }).waitFor();
    // The nations to tick come with the list of changes, after the heading.
    await page.getByRole('checkbox', { name: 'England and Wales' }).waitFor();
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
    // Who sees each workflow's cases loads on its own, after the teams.
    await page
      .getByRole('form', { name: /^Who sees / })
      .first()
      .waitFor();
    await expectAccessible('admin: teams');

    await nav().getByRole('link', { name: 'Disclosure log' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible('admin: disclosure log publishing');

    await nav().getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    await expectAccessible('admin: dashboard');
    await signOut();
    expect(checked.length).toBeGreaterThanOrEqual(20);
  });

  /** What has the keyboard focus, as a person would name it. */
  const focused = () =>
    page.evaluate(`(() => {
      const e = document.activeElement;
      if (!e) return '';
      const label = e.labels && e.labels[0] ? e.labels[0].textContent : '';
      return [e.tagName.toLowerCase(), e.getAttribute('role') || '', (e.getAttribute('aria-label') || label || e.textContent || '').trim().slice(0, 80)].join('|');
    })()`) as Promise<string>;

  it('an officer tabs through the case page and answers an event by keyboard only; the graph is one tab stop', async () => {
    const officer = await api.signIn(['officer'], 'olu.officer@example.org');
    const fresh = await createCase(api, officer, { receivedOn: '2026-01-14', subject: 'Keyboard only' });
    await signIn('olu.officer@example.org');
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await page.goto(`${api.url}/cases/${fresh.id}`);
    await page.locator('.stage-node').first().waitFor();

    // The whole page, start to end: the graph takes exactly one stop, and nothing traps the focus.
    const stops: string[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      if (now === stops[0]) break;
      stops.push(now);
    }
    // The graph's labels are readable at common widths: at least 12 px as drawn, at 1280 and 1440 px.
    for (const width of [1280, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      const smallest = (await page.evaluate(`(() => {
        const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a;
        const sizes = [...document.querySelectorAll('.stage-node strong, .stage-node span, .react-flow__edge-text')]
          .map((e) => parseFloat(getComputedStyle(e).fontSize) * zoom);
        return Math.min(...sizes);
      })()`)) as number;
      expect(smallest, `smallest graph label at ${width} px`).toBeGreaterThanOrEqual(12);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    const inGraph = stops.filter((s) => s.includes('Workflow graph'));
    expect(inGraph).toEqual(['section||Workflow graph; the case is at Received']);
    const at = (text: string) => stops.findIndex((s) => s.includes(text));
    // Between the letters and the documents only the case's own panels (links, tasks, notes), never the graph.
    expect(at('Generate the acknowledgement letter')).toBeLessThan(at('Choose files to upload'));
    const between = stops.slice(at('Generate the acknowledgement letter') + 1, at('Choose files to upload'));
    expect(between.filter((s) => s.includes('Workflow graph'))).toEqual([]);
    expect(between.length, between.join(' · ')).toBeLessThanOrEqual(15);

    // Now by keyboard alone, from the top of the page.
    await page.goto(`${api.url}/cases/${fresh.id}`);
    await page.locator('.stage-node').first().waitFor();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await focused()) === 'button||Ask the requester to clarify';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    // Focus moves into the form that opened.
    await expect.poll(focused).toBe('h3||Ask the requester to clarify');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('textarea||What the requester must clarify');
    await page.keyboard.type('Which cameras: street, car parks, or both?');
    await page.keyboard.press('Tab');
    // The advice and assistance the authority gives with it (s.16): optional, typed by keyboard too.
    expect(await focused()).toMatch(/^textarea\|\|Advice and assistance/);
    await page.keyboard.type('Our list of camera sites is on the council website.');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^input\|\|Date it happened/);
    // The date keeps today's; Tab passes its day, month and year parts, then reaches the button.
    let atButton = false;
    for (let i = 0; i < 4 && !atButton; i++) {
      await page.keyboard.press('Tab');
      atButton = (await focused()) === 'button||Ask the requester to clarify';
    }
    expect(atButton).toBe(true);
    await page.keyboard.press('Enter');
    // Focus moves to the message saying what happened, which is also announced (role status).
    await expect.poll(focused).toBe('p|status|Ask the requester to clarify: done.');
    await expect
      .poll(() => page.getByTestId('stage').textContent())
      .toBe('Clarification (Waiting for the requester)');
    await screenshot(page, SHOTS, 'keyboard-answered');
  });

  it('a case changed by someone else while open says who changed it, and reloads on request', async () => {
    const me = await api.signIn(['officer'], 'olu.officer@example.org');
    const other = await api.signIn(['officer'], 'oona.other@example.org');
    const fresh = await createCase(api, other, { receivedOn: '2026-01-14', subject: 'Changed underneath' });
    await page.goto(`${api.url}/cases/${fresh.id}`);
    await expect.poll(() => page.getByTestId('stage').textContent()).toBe('Received (Assessing)');
    const send = (token: string, type: string, payload: Record<string, unknown>) =>
      api.graphql(
        'mutation($input: SendCaseEventInput!) { sendCaseEvent(input: $input) { case { version } } }',
        { input: { caseId: fresh.id, type, payload, effectiveOn: '2026-01-15' } },
        token,
      );
    const banner = page.getByRole('alert').filter({ hasText: 'This case was changed by' });

    // What the person on the page did elsewhere (another tab, an upload) is simply shown.
    expect(
      (await send(me, 'REQUEST_CLARIFICATION', { clarificationQuestion: 'Which?' })).errors,
    ).toBeUndefined();
    await expect
      .poll(() => page.getByTestId('stage').textContent())
      .toBe('Clarification (Waiting for the requester)');
    expect(await banner.count()).toBe(0);

    // Someone else's change is named, and the page waits for the reader to reload.
    expect(
      (await send(other, 'CLARIFICATION_RECEIVED', { clarification: 'Street ones.' })).errors,
    ).toBeUndefined();
    await expect
      .poll(() => banner.textContent())
      .toMatch(
        /^This case was changed by Test officer <oona\.other@example\.org> \(Clarification received, \w{3} \d+ \w{3} \d{4}, \d\d:\d\d (GMT|BST)\)/,
      );
    expect(await page.getByTestId('stage').textContent()).toBe('Clarification (Waiting for the requester)');
    await screenshot(page, SHOTS, 'changed-underneath');
    await banner.getByRole('button', { name: 'Reload the case' }).click();
    await expect.poll(() => page.getByTestId('stage').textContent()).toBe('Received (Assessing)');
    // The reloaded case is drawn first; the banner clears once the page takes in its new version.
    await expect.poll(() => banner.count()).toBe(0);
  });

  it('a refused event is announced, focused, and each problem links to its field', async () => {
    const officer = await api.signIn(['officer'], 'olu.officer@example.org');
    const fresh = await createCase(api, officer, { receivedOn: '2026-01-14', subject: 'Refused date' });
    await page.goto(`${api.url}/cases/${fresh.id}`);
    await page.getByRole('button', { name: 'Ask the requester to clarify' }).click();
    const form = page.getByRole('form', { name: 'Ask the requester to clarify' });
    await form.getByLabel('What the requester must clarify').fill('Which cameras?');
    // Before the request was received: the api refuses it and names the field.
    await form.getByLabel('Date it happened').fill('2026-01-02');
    await form.getByRole('button', { name: 'Ask the requester to clarify' }).click();
    const summary = form.getByRole('alert');
    await summary.waitFor();
    await expect.poll(focused).toMatch(/^div\|alert\|/);
    const link = summary.getByRole('link', { name: 'Date it happened: before the date of receipt' });
    await link.click();
    await expect.poll(focused).toMatch(/^input\|\|Date it happened/);
    const date = form.getByLabel('Date it happened');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await date.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(
      'Date it happened: before the date of receipt',
    );
    await expectAccessible('officer: case page, refused event');
    await screenshot(page, SHOTS, 'refused-event');
  });

  it('registering a request confirms it with its reference and due date', async () => {
    await page.goto(`${api.url}/cases`);
    await page.getByRole('button', { name: 'Register a new request' }).click();
    const form = page.getByRole('form', { name: 'New request' });
    await form.getByLabel('Kind of request').selectOption('foi');
    await form.getByLabel('Date received').fill('2026-01-14');
    await form.getByLabel("Requester's name").fill('Sam Requester');
    await form.getByLabel("Requester's e-mail").fill('sam@example.net');
    await form.getByLabel('Subject', { exact: true }).fill('Confirmation');
    await form.getByLabel('The request, as written').fill('How many libraries are open on Sundays?');
    await form.getByRole('button', { name: 'Register' }).click();
    const confirmation = page.getByRole('status').filter({ hasText: 'Registered as' });
    await expect
      .poll(async () => (await confirmation.textContent())?.trim())
      .toMatch(
        /^Registered as FOI-2026-\d{6}, received Wed 14 Jan 2026: the response is due Wed 11 Feb 2026\.$/,
      );
    // It is said once: opening another page and coming back shows no stale message.
    await page.getByRole('link', { name: '← All cases' }).click();
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await page.goBack();
    await page.getByTestId('stage').waitFor();
    expect(await confirmation.count()).toBe(0);
    await signOut();
  });

  it('each role lands on its own home page, never on the page the previous user left open', async () => {
    // The officer signed out on a case page; the auditor who signs in next in this tab gets the audit list.
    expect(new URL(page.url()).pathname).toBe('/');
    await signIn('ada.auditor@example.org');
    await page.getByRole('heading', { name: 'Audit', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/audit');
    await nav().getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
    await signOut();
    await signIn('ann.admin@example.org');
    await page.getByRole('heading', { name: 'Workflows', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/workflows');
    await signOut();
    await signIn('olu.officer@example.org');
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/cases');
    await signOut();
  });

  it('an auditor opens any case read-only, with its request and its letters to download', async () => {
    await signIn('ada.auditor@example.org');
    await page.getByRole('heading', { name: 'Audit', exact: true }).waitFor();
    await page.goto(`${api.url}/audit/${answeredCaseId}`);
    const caseNow = page.getByRole('region', { name: 'The case now (read only)' });
    await expect
      .poll(() => caseNow.getByTestId('request-text').textContent())
      .toMatch(/^Please can you tell me/);
    // The letters load after the request: only once they are shown does their lack of buttons say anything.
    const pdf = caseNow.getByRole('button', { name: /-response\.pdf$/ });
    await pdf.waitFor();
    expect(await page.getByRole('button', { name: 'Generate the response letter' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Record as sent' }).count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), pdf.click()]);
    expect(download.suggestedFilename()).toMatch(/^FOI-2026-\d{6}-response\.pdf$/);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The bundle carries what was asked, never who asked.
    const [bundleDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export the bundle' }).click(),
    ]);
    const bundle = JSON.parse(await readFile(await bundleDownload.path(), 'utf8')) as {
      case: { requestText: string };
    };
    expect(bundle.case.requestText).toMatch(/^Please can you tell me how many CCTV cameras/);
    expect(JSON.stringify(bundle)).not.toContain('requester@example.net');
    expect(JSON.stringify(bundle)).not.toContain('A. Requester');
    await screenshot(page, SHOTS, 'auditor-case');
    await signOut();
  });
});
