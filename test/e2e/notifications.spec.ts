import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, DatabaseMode, type RecordflowApp } from '../../apps/api/src/index';
import { NotificationsService } from '../../apps/api/src/notifications/notifications.service';
import { TaskClock } from '../../apps/api/src/tasks/task-clock.service';
import { startTestApi, type TestApi } from '../support/api';
import { createCase } from '../support/cases';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';

const dayBefore = (date: string, days = 1) =>
  new Date(Date.parse(`${date}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
const dayAfter = (date: string, days = 1) => dayBefore(date, -days);

// Two api replicas on one database and one SMTP server, each with its own mail queue running.
describe('notices from two api replicas: each made, and e-mailed, exactly once', () => {
  let smtp: TestSmtpServer;
  let api: TestApi;
  let other: RecordflowApp;
  let admin: string;
  let lead: string;
  let officer: string;
  let officerId: string;
  let colleagueId: string;
  let teamId: string;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    const mail = { smtpUrl: smtp.url, from: 'foi@council.example', intervalMs: 100, retrySeconds: 1 };
    api = await startTestApi('notifications', { mail });
    other = await createApp({
      databaseUrl: api.databaseUrl,
      database: DatabaseMode.SERVER,
      demo: false,
      timerIntervalMs: 0,
      notifyIntervalMs: 0,
      mail,
    });
    await other.app.init();
    admin = await api.signIn(['admin']);
    lead = await api.signIn(['officer'], 'lead@test.example.org');
    officer = await api.signIn(['officer'], 'olu@test.example.org');
    await api.signIn(['officer'], 'colleague@test.example.org');
    const users: { id: string; email: string }[] = await api.dataSource.query('SELECT id, email FROM "user"');
    officerId = users.find((u) => u.email === 'olu@test.example.org')?.id as string;
    colleagueId = users.find((u) => u.email === 'colleague@test.example.org')?.id as string;
    const team = await api.graphql<{ createTeam: { id: string } }>(
      'mutation { createTeam(input: { name: "Information Governance" }) { id } }',
      {},
      admin,
    );
    teamId = team.data?.createTeam.id as string;
    // Membership as the Teams page would set it (setup, not what is tested here).
    await api.dataSource.query('INSERT INTO user_team (user_id, team_id) VALUES ($1, $3), ($2, $3)', [
      officerId,
      colleagueId,
      teamId,
    ]);
  }, 120_000);
  afterAll(async () => {
    await other?.app.close();
    await api?.close();
    await smtp?.close();
  });

  /** The same round on both replicas at once. */
  const bothRun = (options: { today?: string; digests?: boolean }) =>
    Promise.all([
      api.app.get(NotificationsService).run(options),
      other.app.get(NotificationsService).run(options),
    ]);
  const mailsTo = (address: string, subject: RegExp) =>
    smtp.received.filter(
      (r) =>
        (r.parsed.to && 'text' in r.parsed.to ? r.parsed.to.text : '') === address &&
        subject.test(r.parsed.subject ?? ''),
    );
  const waitForMails = async (address: string, subject: RegExp, count: number) => {
    const until = Date.now() + 60_000;
    while (mailsTo(address, subject).length < count) {
      if (Date.now() > until) throw new Error(`${count} mails matching ${subject} never came`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // A little longer: a second copy would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return mailsTo(address, subject);
  };
  const notices = async (token: string) => {
    const result = await api.graphql<{
      notifications: {
        id: string;
        kind: string;
        caseId: string | null;
        title: string;
        body: string;
        emailed: boolean;
        readAt: string | null;
      }[];
      unreadNotificationCount: number;
    }>('{ notifications { id kind caseId title body emailed readAt } unreadNotificationCount }', {}, token);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };

  it('an assignment, then due-soon and overdue notices and the daily digests, each once', async () => {
    const created = await createCase(api, lead, { subject: 'Library opening hours' });
    const assigned = await api.graphql(
      'mutation($input: AssignCaseInput!) { assignCase(input: $input) { id } }',
      { input: { caseId: created.id, assigneeId: officerId, teamId } },
      lead,
    );
    expect(assigned.errors).toBeUndefined();
    const due = created.dueDate as string;

    // Before the deadline nears: only the assignment. Both replicas run twice.
    const early = dayBefore(due, 20);
    const made = [...(await bothRun({ today: early })), ...(await bothRun({ today: early }))];
    expect(made.reduce((a, b) => a + b, 0)).toBe(1);
    const [assignment] = await waitForMails('olu@test.example.org', /is assigned to you$/, 1);
    expect(assignment?.parsed.subject).toBe(`${created.reference} is assigned to you`);
    expect(assignment?.parsed.text).toContain('Test officer <lead@test.example.org> assigned case');
    expect(assignment?.parsed.from?.text).toBe('foi@council.example');

    // The day before it is due: due soon, once.
    await bothRun({ today: dayBefore(due) });
    await bothRun({ today: dayBefore(due) });
    expect(await waitForMails('olu@test.example.org', /is due on/, 1)).toHaveLength(1);

    // The day after: overdue, once, and the digests of that day (the officer's and the team's), once each.
    await bothRun({ today: dayAfter(due), digests: true });
    await bothRun({ today: dayAfter(due), digests: true });
    expect(await waitForMails('olu@test.example.org', /is overdue$/, 1)).toHaveLength(1);
    const digest = await waitForMails('olu@test.example.org', /^Your cases on/, 1);
    expect(digest).toHaveLength(1);
    expect(digest[0]?.parsed.text).toContain(
      `${created.reference} (OVERDUE, due ${due}): Library opening hours`,
    );
    expect(await waitForMails('olu@test.example.org', /^Information Governance on/, 1)).toHaveLength(1);
    // The colleague is in the team: the team digest, not the officer's own notices.
    expect(await waitForMails('colleague@test.example.org', /^Information Governance on/, 1)).toHaveLength(1);
    expect(mailsTo('colleague@test.example.org', /./)).toHaveLength(1);
    // The one who assigned it is told nothing.
    expect(mailsTo('lead@test.example.org', /./)).toHaveLength(0);

    const mine = await notices(officer);
    expect(mine.notifications.map((n) => n.kind).sort()).toEqual([
      'assignment',
      'digest',
      'due-soon',
      'overdue',
      'team-digest',
    ]);
    expect(mine.unreadNotificationCount).toBe(5);
    expect(mine.notifications.every((n) => n.emailed)).toBe(true);
    const [rows] = await api.dataSource.query(
      `SELECT count(*)::int AS notices, count(DISTINCT outgoing_mail_id)::int AS mails FROM notification`,
    );
    expect(rows).toEqual({ notices: 6, mails: 6 });
    const [sent] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM outgoing_mail WHERE kind = 'notice' AND status = 'sent'`,
    );
    expect(sent.n).toBe(6);
    // Notices are not case history.
    const [history] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND type = 'MAIL_SENT'`,
      [created.id],
    );
    expect(history.n).toBe(0);

    const overdue = mine.notifications.find((n) => n.kind === 'overdue');
    const read = await api.graphql<{ markNotificationsRead: number }>(
      'mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }',
      { ids: [overdue?.id] },
      officer,
    );
    expect(read.data?.markNotificationsRead).toBe(1);
    expect((await notices(officer)).unreadNotificationCount).toBe(4);
    // Another user's notices are not theirs to mark.
    const colleague = await api.signIn(['officer'], 'colleague@test.example.org');
    const foreign = await api.graphql<{ markNotificationsRead: number }>(
      'mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }',
      { ids: mine.notifications.map((n) => n.id) },
      colleague,
    );
    expect(foreign.data?.markNotificationsRead).toBe(0);
    expect((await notices(officer)).unreadNotificationCount).toBe(4);
  });

  it("follows each user's choice per kind: in the app only, e-mail only, or off", async () => {
    const SET =
      'mutation($input: NotificationPreferenceInput!) { setNotificationPreference(input: $input) { kind email inApp } }';
    const colleague = await api.signIn(['officer'], 'colleague@test.example.org');
    const set = async (kind: string, email: boolean, inApp: boolean) => {
      const result = await api.graphql(SET, { input: { kind, email, inApp } }, colleague);
      expect(result.errors).toBeUndefined();
    };
    await set('assignment', false, true);
    await set('due-soon', true, false);
    await set('overdue', false, false);
    const bad = await api.graphql(SET, { input: { kind: 'gossip', email: true, inApp: true } }, colleague);
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const auditor = await api.signIn(['auditor']);
    expect(
      (await api.graphql(SET, { input: { kind: 'digest', email: false, inApp: false } }, auditor)).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');

    const created = await createCase(api, lead, { subject: 'Pothole repairs' });
    await api.graphql(
      'mutation($input: AssignCaseInput!) { assignCase(input: $input) { id } }',
      { input: { caseId: created.id, assigneeId: colleagueId } },
      lead,
    );
    const due = created.dueDate as string;
    const before = smtp.received.length;
    await bothRun({ today: dayBefore(due, 20) });
    await bothRun({ today: dayBefore(due) });
    await bothRun({ today: dayAfter(due) });
    const due_soon = await waitForMails(
      'colleague@test.example.org',
      new RegExp(`^${created.reference} is due on`),
      1,
    );
    expect(due_soon).toHaveLength(1);
    // Only the due-soon notice was e-mailed; nothing for the assignment (in the app only) or overdue (off).
    expect(smtp.received.slice(before).map((r) => r.parsed.subject)).toEqual([
      `${created.reference} is due on ${due}`,
    ]);
    const shown = (await notices(colleague)).notifications.filter((n) => n.caseId === created.id);
    expect(shown.map((n) => [n.kind, n.emailed])).toEqual([['assignment', false]]);
    const preferences = await api.graphql<{
      notificationPreferences: { kind: string; email: boolean; inApp: boolean }[];
    }>('{ notificationPreferences { kind email inApp } }', {}, colleague);
    expect(preferences.data?.notificationPreferences).toEqual([
      { kind: 'assignment', email: false, inApp: true },
      { kind: 'due-soon', email: true, inApp: false },
      { kind: 'overdue', email: false, inApp: false },
      { kind: 'digest', email: true, inApp: true },
      { kind: 'team-digest', email: true, inApp: true },
      { kind: 'task', email: true, inApp: true },
    ]);
  });

  it('a task to a team: each member told once when raised, reminded and overdue; the raiser once when answered', async () => {
    const created = await createCase(api, lead, { subject: 'Street lighting budget' });
    const question =
      'How much did the council spend on replacing street lights with LEDs in each of the last three years?';
    const raised = await api.graphql<{ raiseTask: { id: string; dueOn: string; remindOn: string } }>(
      'mutation($input: RaiseTaskInput!) { raiseTask(input: $input) { id dueOn remindOn } }',
      { input: { caseId: created.id, question, teamId, workingDays: 5 } },
      lead,
    );
    expect(raised.errors).toBeUndefined();
    const task = raised.data?.raiseTask as { id: string; dueOn: string; remindOn: string };
    const members = ['olu@test.example.org', 'colleague@test.example.org'];
    const taskMails = (address: string) => mailsTo(address, new RegExp(`task on ${created.reference}`));

    // Raised: both replicas run twice; each member gets one notice and one e-mail, the raiser none.
    await bothRun({});
    await bothRun({});
    const title = `A task on ${created.reference}: How much did the council spend on replacing street lights…`;
    for (const address of members) {
      const mails = await waitForMails(address, new RegExp(`^A task on ${created.reference}: `), 1);
      expect(mails.map((m) => m.parsed.subject)).toEqual([`${title} — due ${task.dueOn}`]);
      // The requester is never named in a notice.
      expect(mails[0]?.parsed.text).not.toMatch(/Requester|requester@example\.net/);
    }
    const olu = (await notices(officer)).notifications.filter((n) => n.kind === 'task');
    expect(olu.map((n) => [n.title, n.caseId, n.emailed])).toEqual([
      [`${title} — due ${task.dueOn}`, created.id, true],
    ]);

    // The remind day, then the day after the deadline: the task clock marks each once (on both
    // replicas at once), and each member is told once of each.
    const clocks = [api.app.get(TaskClock), other.app.get(TaskClock)];
    await Promise.all(clocks.map((clock) => clock.markDue(task.remindOn)));
    await bothRun({});
    await bothRun({});
    for (const address of members) {
      expect(await waitForMails(address, /^Reminder: a task on/, 1)).toHaveLength(1);
    }
    await Promise.all(clocks.map((clock) => clock.markDue(dayAfter(task.dueOn))));
    await bothRun({});
    await bothRun({});
    for (const address of members) {
      expect(
        await waitForMails(address, new RegExp(`^A task on ${created.reference} is overdue$`), 1),
      ).toHaveLength(1);
      expect(taskMails(address).map((m) => m.parsed.subject)).toHaveLength(3);
    }
    expect(mailsTo('lead@test.example.org', /./)).toHaveLength(0);

    // Answered by a member: the raiser is told once; the members nothing more.
    const answered = await api.graphql(
      'mutation($input: AnswerTaskInput!) { answerTask(input: $input) { id status } }',
      { input: { taskId: task.id, answer: 'About £120,000 a year; the figures are attached.' } },
      officer,
    );
    expect(answered.errors).toBeUndefined();
    await bothRun({});
    await bothRun({});
    const answer = await waitForMails('lead@test.example.org', /is answered$/, 1);
    expect(answer.map((m) => m.parsed.subject)).toEqual([`Your task on ${created.reference} is answered`]);
    expect(mailsTo('lead@test.example.org', /./)).toHaveLength(1);
    const leadNotices = (await notices(lead)).notifications;
    expect(leadNotices.map((n) => [n.kind, n.title])).toEqual([
      ['task', `Your task on ${created.reference} is answered`],
    ]);
    for (const address of members) expect(taskMails(address)).toHaveLength(3);
    const [rows] = await api.dataSource.query(
      `SELECT count(*)::int AS notices, count(DISTINCT key)::int AS keys, count(DISTINCT outgoing_mail_id)::int AS mails
         FROM notification WHERE kind = 'task'`,
    );
    expect(rows).toEqual({ notices: 7, keys: 7, mails: 7 });
  });
});

// The built api (no HTTP needed), making notices and sending mail on its own timers.
const REPLICA_SCRIPT = `
const { createApp, DatabaseMode, loadMailSettings } = require(${JSON.stringify(join(__dirname, '../../apps/api/dist/index.js'))});
(async () => {
  const { app } = await createApp({ databaseUrl: process.env.DB, database: DatabaseMode.SERVER, demo: false, timerIntervalMs: 0, mail: loadMailSettings(process.env) });
  await app.init();
  process.stdout.write('ready\\n');
})();
`;

describe('notices from two api processes on their own timers', () => {
  let smtp: TestSmtpServer;
  let api: TestApi;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    smtp = await startSmtpServer();
    // This process only registers and assigns; the two child processes make and send the notices.
    api = await startTestApi('notifications-processes', {
      mail: { smtpUrl: smtp.url, from: 'foi@council.example', intervalMs: 0, retrySeconds: 1 },
    });
  }, 120_000);
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await api?.close();
    await smtp?.close();
  });

  it('each notice is e-mailed once', async () => {
    const lead = await api.signIn(['officer'], 'lead@test.example.org');
    await api.signIn(['officer'], 'olu@test.example.org');
    const [olu] = await api.dataSource.query(`SELECT id FROM "user" WHERE email = 'olu@test.example.org'`);
    // Received in January: overdue on any later day the test runs.
    const created = await createCase(api, lead, { subject: 'Street lighting' });
    const assigned = await api.graphql(
      'mutation($input: AssignCaseInput!) { assignCase(input: $input) { id } }',
      { input: { caseId: created.id, assigneeId: olu.id } },
      lead,
    );
    expect(assigned.errors).toBeUndefined();
    for (let i = 0; i < 2; i++) {
      const child = spawn(process.execPath, ['-e', REPLICA_SCRIPT], {
        env: {
          ...process.env,
          DB: api.databaseUrl,
          RECORDFLOW_SMTP_URL: smtp.url,
          RECORDFLOW_MAIL_FROM: 'foi@council.example',
          RECORDFLOW_MAIL_INTERVAL_MS: '200',
          RECORDFLOW_NOTIFY_INTERVAL_MS: '150',
          // Digests from midnight, so they go whenever the test runs.
          RECORDFLOW_DIGEST_HOUR: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
    }
    const subjects = () =>
      smtp.received
        .filter(
          (r) => (r.parsed.to && 'text' in r.parsed.to ? r.parsed.to.text : '') === 'olu@test.example.org',
        )
        .map((r) => r.parsed.subject ?? '');
    const until = Date.now() + 120_000;
    while (subjects().length < 3) {
      if (Date.now() > until) throw new Error(`only ${JSON.stringify(subjects())} arrived`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Many more rounds on both processes: nothing more may come.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(subjects().sort()).toEqual(
      [
        `${created.reference} is assigned to you`,
        `${created.reference} is overdue`,
        expect.stringMatching(/^Your cases on \d{4}-\d{2}-\d{2}: 1 open$/),
      ].sort(),
    );
    expect(smtp.received).toHaveLength(3);
    const [counts] = await api.dataSource.query(
      `SELECT count(*)::int AS notices, count(*) FILTER (WHERE m.status = 'sent')::int AS sent
         FROM notification n JOIN outgoing_mail m ON m.id = n.outgoing_mail_id`,
    );
    expect(counts).toEqual({ notices: 3, sent: 3 });
  }, 240_000);
});
