import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import { launchBrowser, screenshot } from '../support/browser';
import { createCase } from '../support/cases';

const SHOTS = 'tasks';

describe('in Chromium: an officer asks Highways, and Highways answers', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let caseId: string;
  let reference: string;
  const errors: string[] = [];

  beforeAll(async () => {
    api = await startTestApi('browser_tasks', { webDir: join(__dirname, '../../apps/web/dist') });
    const admin = await api.signIn(['admin'], 'ann.admin@example.org');
    const officer = await api.signIn(['officer'], 'olu.officer@example.org');
    const highways = await api.signIn(['contributor'], 'hana.highways@example.org');
    const team = await api.graphql<{ createTeam: { id: string } }>(
      'mutation { createTeam(input: { name: "Highways" }) { id } }',
      {},
      admin,
    );
    const me = await api.graphql<{ me: { id: string } }>('{ me { id } }', {}, highways);
    await api.graphql(
      'mutation($id: ID!, $teams: [ID!], $name: String) { updateUser(input: { id: $id, teamIds: $teams, name: $name }) { id } }',
      { id: me.data?.me.id, teams: [team.data?.createTeam.id], name: 'Hana Highways' },
      admin,
    );
    const created = await createCase(api, officer, {
      subject: 'Gritting routes',
      requestText: 'My name is Rowan Tree. Which roads were gritted last winter, and how often?',
    });
    await api.dataSource.query(
      `UPDATE requester SET name = 'Rowan Tree', email = 'rowan@example.net' WHERE id = (SELECT requester_id FROM "case" WHERE id = $1)`,
      [created.id],
    );
    caseId = created.id;
    reference = created.reference;
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function signInAs(email: string) {
    await page.goto(api.url);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  it('an officer puts the case in Highways’ queue and raises a task to them', async () => {
    await signInAs('olu.officer@example.org');
    await page.goto(`${api.url}/cases/${caseId}`);
    const assign = page.getByRole('form', { name: 'Assign the case' });
    await assign.getByLabel('Team').selectOption({ label: 'Highways' });
    await assign.getByRole('button', { name: 'Assign' }).click();
    await expect.poll(() => page.getByText('Nobody (Highways)').count(), { timeout: 15_000 }).toBe(1);

    const raise = page.getByRole('form', { name: 'Raise a task' });
    await raise
      .getByLabel('Question')
      .fill('Which roads did you grit in winter 2025, and how many times each?');
    await raise.getByLabel(/^Team/).selectOption({ label: 'Highways' });
    await raise.getByLabel('Working days to answer').fill('3');
    await raise.getByRole('button', { name: 'Raise the task' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Task raised, due / })
      .waitFor();
    await page.getByRole('list', { name: 'Tasks' }).getByText('To Highways by Test officer').waitFor();
    await screenshot(page, SHOTS, '01-task-raised');

    // Highways' task queue shows it to officers too.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
    await page.getByRole('button', { name: 'All open' }).click();
    await page.getByLabel("Team's queue").selectOption({ label: 'Highways' });
    const row = page
      .getByRole('table', { name: 'Task queue' })
      .getByRole('row', { name: new RegExp(reference) });
    await expect.poll(() => row.textContent()).toContain('Which roads did you grit');
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('a Highways contributor finds it in their queue, without the requester, and answers with a file', async () => {
    await signInAs('hana.highways@example.org');
    // A contributor lands on their tasks: no case list, no dashboard.
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Tasks', 'Notifications']);
    const queue = page.getByRole('table', { name: 'Task queue' });
    await queue.getByRole('link', { name: reference }).click();

    await page.getByTestId('question').filter({ hasText: 'Which roads did you grit' }).waitFor();
    const request = await page.locator('.request-text').textContent();
    expect(request).toBe('My name is [the requester]. Which roads were gritted last winter, and how often?');
    expect(await page.locator('main').textContent()).not.toMatch(/Rowan|rowan@/);
    await screenshot(page, SHOTS, '02-task-for-highways');

    const form = page.getByRole('form', { name: 'Answer the task' });
    await form.getByLabel('Files for the answer').setInputFiles({
      name: 'gritting-2025.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('road,times\nA92,41\nB981,12\n'),
    });
    await page.getByRole('status').filter({ hasText: 'File added to the answer.' }).waitFor();
    await page.getByRole('list', { name: 'Files' }).getByText('gritting-2025.csv').waitFor();
    await form
      .getByLabel('Your answer')
      .fill('We gritted the A92 41 times and the B981 12 times; details attached.');
    await form.getByRole('button', { name: 'Send the answer' }).click();
    await page.getByRole('status').filter({ hasText: 'Your answer was sent to the case.' }).waitFor();
    await expect.poll(() => page.getByTestId('task-status').textContent()).toBe('answered');
    await screenshot(page, SHOTS, '03-answered');
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('the officer sees the answer and its file on the case, and keeps an internal note', async () => {
    await signInAs('olu.officer@example.org');
    await page.goto(`${api.url}/cases/${caseId}`);
    const answer = page.getByTestId('task-answer');
    await answer.waitFor();
    expect(await answer.textContent()).toContain('We gritted the A92 41 times and the B981 12 times');
    expect(await answer.textContent()).toContain('Hana Highways');
    await page.getByRole('list', { name: 'Tasks' }).getByText('Files: gritting-2025.csv').waitFor();

    const note = page.getByRole('form', { name: 'Add a note' });
    await note.getByLabel('Note').fill('Highways figures checked against the winter log.');
    await note.getByRole('button', { name: 'Add the note' }).click();
    await page
      .getByRole('list', { name: 'Notes' })
      .getByText('Highways figures checked against the winter log.')
      .waitFor();
    const timeline = page.locator('.timeline');
    await expect.poll(() => timeline.textContent(), { timeout: 15_000 }).toContain('Note added');
    expect(await timeline.textContent()).toMatch(/Task raised[\s\S]*Document added[\s\S]*Task answered/);
    await screenshot(page, SHOTS, '04-answer-on-case');
    expect(errors).toEqual([]);
  });
});
