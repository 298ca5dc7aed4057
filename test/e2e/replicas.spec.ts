import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseAccess } from '../../apps/api/src/access/case-access.service';
import { actorOf, CasesService } from '../../apps/api/src/cases/cases.service';
import { AuditService } from '../../apps/api/src/history/audit.service';
import { createApp, DatabaseMode, type RecordflowApp } from '../../apps/api/src/index';
import { PeopleService } from '../../apps/api/src/people/people.service';
import { TaskClock } from '../../apps/api/src/tasks/task-clock.service';
import { TasksService } from '../../apps/api/src/tasks/tasks.service';
import { startTestApi, type TestApi } from '../support/api';
import { createCase, sendEvent } from '../support/cases';

// Each api process remembers the cases it last moved, to step the next event without reading the case
// again. Another replica's change must make that memory miss, never make a wrong event.
describe('two api replicas moving the same case in turn', () => {
  let api: TestApi;
  let other: RecordflowApp;
  let officer: string;
  beforeAll(async () => {
    api = await startTestApi('replicas');
    officer = await api.signIn(['officer']);
    other = await createApp({
      databaseUrl: api.databaseUrl,
      database: DatabaseMode.SERVER,
      demo: false,
      timerIntervalMs: 0,
    });
    // Started as a replica is (not listening for HTTP): its listener for user changes is then open.
    await other.app.init();
  });
  afterAll(async () => {
    await other?.app.close();
    await api?.close();
  });

  it('an event from a replica whose memory of the case is stale chains on the latest event', async () => {
    const created = await createCase(api, officer);
    const first = await sendEvent(api, officer, {
      caseId: created.id,
      type: 'START_RESPONSE',
      effectiveOn: '2026-01-15',
    });
    expect(first.data?.sendCaseEvent.case.version).toBe(2);
    // The other replica moves the case twice: this one's memory (version 2) is now stale.
    const elsewhere = other.app.get(CasesService);
    const [user] = await api.dataSource.query(`SELECT id, email, name, roles FROM "user" LIMIT 1`);
    // The send-back is an approver's: this officer holds that role too.
    const actor = { ...actorOf(user), roles: [...user.roles, 'approver'] };
    const approval = {
      type: 'SUBMIT_FOR_APPROVAL',
      payload: {
        outcome: 'granted-in-full',
        answers: [{ question: 'The request', answer: 'The answers.' }],
        held: true,
      },
      effectiveOn: '2026-01-16',
    };
    await elsewhere.send(actor, { caseId: created.id, ...approval });
    const moved = await elsewhere.send(actor, {
      caseId: created.id,
      type: 'REQUEST_CHANGES',
      payload: { changesRequested: 'Add the figures.' },
      effectiveOn: '2026-01-16',
    });
    expect(moved.event.sequence).toBe(4);

    const next = await sendEvent(api, officer, {
      caseId: created.id,
      ...approval,
      effectiveOn: '2026-01-19',
    });
    expect(next.errors).toBeUndefined();
    expect(next.data?.sendCaseEvent.event.sequence).toBe(5);
    expect(next.data?.sendCaseEvent.event.prevHash).toBe(moved.event.hash);
    expect(await api.app.get(AuditService).verify(created.id)).toMatchObject({ ok: true, eventsChecked: 5 });
  });

  it('a holiday another replica added since is used by the next event, even where no deadline moved', async () => {
    const created = await createCase(api, officer);
    await sendEvent(api, officer, { caseId: created.id, type: 'START_RESPONSE', effectiveOn: '2026-01-15' });
    // As another replica's addHoliday would: a day far from this case's deadlines, so its version stays.
    const [{ created_at: added }] = await api.dataSource.query(
      `INSERT INTO holiday (date, title, divisions) VALUES ('2027-07-05', 'Jubilee', '{england-and-wales}') RETURNING created_at`,
    );
    const next = await sendEvent(api, officer, {
      caseId: created.id,
      type: 'SUBMIT_FOR_APPROVAL',
      payload: {
        outcome: 'granted-in-full',
        answers: [{ question: 'The request', answer: 'The answers.' }],
        held: true,
      },
      effectiveOn: '2026-01-16',
    });
    expect(next.data?.sendCaseEvent.event.sequence).toBe(3);
    const [event] = await api.dataSource.query(
      `SELECT holidays_as_of FROM case_event WHERE case_id = $1 AND sequence = 3`,
      [created.id],
    );
    expect(new Date(event.holidays_as_of).getTime()).toBe(new Date(added).getTime());
    expect(await api.app.get(AuditService).verify(created.id)).toMatchObject({ ok: true });
  });

  it('a retried idempotency key applies once, answered from the first event', async () => {
    const created = await createCase(api, officer);
    const input = {
      caseId: created.id,
      type: 'START_RESPONSE',
      effectiveOn: '2026-01-15',
      idempotencyKey: 'k-1',
    };
    const once = await sendEvent(api, officer, input);
    const again = await sendEvent(api, officer, input);
    expect(again.data?.sendCaseEvent.replayed).toBe(true);
    expect(again.data?.sendCaseEvent.event.sequence).toBe(once.data?.sendCaseEvent.event.sequence);
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND type = 'START_RESPONSE'`,
      [created.id],
    );
    expect(n).toBe(1);
  });

  it('a task is reminded, marked overdue and answered once when both replicas act at the same moment', async () => {
    const created = await createCase(api, officer);
    const [user] = await api.dataSource.query(
      `SELECT id, email, name, roles FROM "user" WHERE 'officer' = ANY(roles) LIMIT 1`,
    );
    const here = api.app.get(TasksService);
    const task = await here.raise(user, {
      caseId: created.id,
      question: 'Figures?',
      assigneeId: user.id,
      workingDays: 2,
    });
    const clocks = [api.app.get(TaskClock), other.app.get(TaskClock)];
    const dayAfter = new Date(Date.parse(`${task.dueOn}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const marks = await Promise.all([...clocks, ...clocks].map((clock) => clock.markDue(dayAfter)));
    expect(marks.reduce((a, b) => a + b, 0)).toBe(2);
    const kinds = await api.dataSource.query(
      `SELECT kind FROM case_task_event WHERE task_id = $1 ORDER BY id`,
      [task.id],
    );
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(['raised', 'reminded', 'overdue']);

    const answers = await Promise.allSettled(
      [here, other.app.get(TasksService)].map((service, i) =>
        service.answer(user, { taskId: task.id, answer: `Answer ${i}` }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = answers.find((a) => a.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'EVENT_NOT_ALLOWED' });
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND type = 'TASK_ANSWERED'`,
      [created.id],
    );
    expect(n).toBe(1);
    const verified = await api.app.get(AuditService).verify(created.id);
    expect(verified.ok).toBe(true);
  });

  // Each replica keeps the signed-in users' session state in memory while it listens for the user
  // table's change announcements: a change made anywhere must still count at the very next request.
  describe('a change to a user made elsewhere counts at their next request here', () => {
    const me = async (token: string) =>
      (await api.graphql<{ me: { id: string } }>('{ me { id } }', {}, token)).errors?.[0]?.extensions?.code;
    const userOf = async (email: string) =>
      (await api.dataSource.query(`SELECT id, email, name, roles FROM "user" WHERE email = $1`, [email]))[0];

    it('disabled by an administrator on another replica', async () => {
      const token = await api.signIn(['officer'], 'leaver@replicas.example.org');
      // Several requests first: this replica now answers them from memory.
      for (let i = 0; i < 3; i++) expect(await me(token)).toBeUndefined();
      await api.signIn(['admin'], 'admin@replicas.example.org');
      const admin = await userOf('admin@replicas.example.org');
      const leaver = await userOf('leaver@replicas.example.org');
      await other.app.get(PeopleService).updateUser(admin, { id: leaver.id, disabled: true });
      expect(await me(token)).toBe('UNAUTHENTICATED');
    });

    it('demoted, then their sessions ended, by an administrator on another replica', async () => {
      const token = await api.signIn(['officer'], 'mover@replicas.example.org');
      const cases = () => api.graphql('{ cases { totalCount } }', {}, token);
      expect((await cases()).errors).toBeUndefined();
      expect((await cases()).errors).toBeUndefined();
      await api.signIn(['admin'], 'admin@replicas.example.org');
      const admin = await userOf('admin@replicas.example.org');
      const mover = await userOf('mover@replicas.example.org');
      const people = other.app.get(PeopleService);
      await people.updateUser(admin, { id: mover.id, roles: ['auditor'] });
      expect((await createCaseAttempt(token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      await people.endSessions(admin, mover.id);
      expect(await me(token)).toBe('UNAUTHENTICATED');
    });

    it('put in or taken out of the team that handles subject access requests, on another replica', async () => {
      const token = await api.signIn(['officer'], 'sar.member@replicas.example.org');
      await api.signIn(['admin'], 'admin@replicas.example.org');
      const admin = await userOf('admin@replicas.example.org');
      const member = await userOf('sar.member@replicas.example.org');
      const registrar = await api.signIn(['admin', 'officer'], 'registrar@replicas.example.org');
      const sar = await createCase(api, registrar, { workflowId: 'sar', subject: 'My records' });
      const open = async () =>
        (await api.graphql('query($id: ID!) { case(id: $id) { id } }', { id: sar.id }, token)).errors?.[0]
          ?.extensions?.code;
      // Several requests first: this replica now answers which workflows are hidden from memory.
      for (let i = 0; i < 3; i++) expect(await open()).toBe('NOT_FOUND');
      const [team] = await api.dataSource.query(
        `INSERT INTO team (name) VALUES ('Data Protection (replicas)') RETURNING id`,
      );
      await other.app
        .get(CaseAccess)
        .setWorkflowAccess(admin, { workflowId: 'sar', restricted: true, teamIds: [team.id] });
      expect(await open()).toBe('NOT_FOUND');
      const people = other.app.get(PeopleService);
      await people.updateUser(admin, { id: member.id, teamIds: [team.id] });
      expect(await open()).toBeUndefined();
      expect(await open()).toBeUndefined();
      await people.updateUser(admin, { id: member.id, teamIds: [] });
      expect(await open()).toBe('NOT_FOUND');
      // By hand in SQL: counts as soon as PostgreSQL announces it.
      await other.dataSource.query('INSERT INTO user_team (user_id, team_id) VALUES ($1, $2)', [
        member.id,
        team.id,
      ]);
      await expect.poll(open, { timeout: 5_000, interval: 50 }).toBeUndefined();
      await other.dataSource.query(`DELETE FROM workflow_team WHERE workflow_id = 'sar'`);
      await expect.poll(open, { timeout: 5_000, interval: 50 }).toBe('NOT_FOUND');
    });

    it('changed by hand in SQL, outside any replica: counts as soon as PostgreSQL announces it', async () => {
      const token = await api.signIn(['officer'], 'by-hand@replicas.example.org');
      expect(await me(token)).toBeUndefined();
      expect(await me(token)).toBeUndefined();
      await other.dataSource.query(`UPDATE "user" SET disabled = true WHERE email = $1`, [
        'by-hand@replicas.example.org',
      ]);
      // Nothing waits for the replicas' acknowledgement here: the announcement reaches them within moments.
      await expect.poll(() => me(token), { timeout: 5_000, interval: 50 }).toBe('UNAUTHENTICATED');
    });

    it('after this replica lost its listening connection (an announcement may be missed)', async () => {
      const token = await api.signIn(['officer'], 'cut@replicas.example.org');
      expect(await me(token)).toBeUndefined();
      expect(await me(token)).toBeUndefined();
      // Cut every replica's listening connection; while they are down, nothing is announced to them.
      await other.dataSource.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = 'recordflow-sessions' AND datname = current_database()`,
      );
      await other.dataSource.query(`UPDATE "user" SET disabled = true WHERE email = $1`, [
        'cut@replicas.example.org',
      ]);
      expect(await me(token)).toBe('UNAUTHENTICATED');
      // Listening again (within seconds), a later change still counts at once.
      const back = await api.signIn(['officer'], 'back@replicas.example.org');
      await expect
        .poll(
          async () =>
            (
              await api.dataSource.query(
                `SELECT count(*)::int AS n FROM pg_stat_activity
                  WHERE application_name = 'recordflow-sessions' AND datname = current_database()`,
              )
            )[0].n,
          { timeout: 20_000 },
        )
        .toBe(2);
      expect(await me(back)).toBeUndefined();
      expect(await me(back)).toBeUndefined();
      await api.signIn(['admin'], 'admin@replicas.example.org');
      const admin = await userOf('admin@replicas.example.org');
      const returning = await userOf('back@replicas.example.org');
      await other.app.get(PeopleService).updateUser(admin, { id: returning.id, disabled: true });
      expect(await me(back)).toBe('UNAUTHENTICATED');
    }, 60_000);

    const createCaseAttempt = (token: string) =>
      api.graphql(
        `mutation { createCase(input: { workflowId: "foi", receivedOn: "2026-01-14", channel: "email", subject: "S", requestText: "R" }) { id } }`,
        {},
        token,
      );
  });
});
