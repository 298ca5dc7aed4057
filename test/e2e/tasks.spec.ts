import { addCalendarDays, addWorkingDays } from '@recordflow/calendar';
import { commitment } from '@recordflow/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutRequester } from '../../apps/api/src/tasks/request-text';
import { TaskClock } from '../../apps/api/src/tasks/task-clock.service';
import { TimersService } from '../../apps/api/src/timers/timers.service';
import { startTestApi, type TestApi } from '../support/api';
import { createCase, sendEvent } from '../support/cases';

const londonToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', dateStyle: 'short' }).format(new Date());

const TASK_FIELDS = `id question status workingDays raisedOn dueOn remindOn overdue remindedAt chasers answer
  team { id name } assignee { id name } raisedBy { name } closedBy { name }
  case { id reference subject requestText } files { id filename sha256 } activity { kind actorName message }`;

const RAISE = `mutation($input: RaiseTaskInput!) { raiseTask(input: $input) { ${TASK_FIELDS} } }`;
const ANSWER = `mutation($input: AnswerTaskInput!) { answerTask(input: $input) { ${TASK_FIELDS} } }`;

interface Task {
  id: string;
  question: string;
  status: string;
  dueOn: string;
  remindOn: string;
  overdue: boolean;
  remindedAt: string | null;
  chasers: number;
  answer: string | null;
  team: { id: string; name: string } | null;
  closedBy: { name: string } | null;
  case: { id: string; reference: string; subject: string; requestText: string };
  files: { id: string; filename: string; sha256: string }[];
  activity: { kind: string; actorName: string; message: string | null }[];
}

describe('tasks to service areas, the contributor role and internal notes', () => {
  let api: TestApi;
  let admin: string;
  let officer: string;
  let highways: string;
  let legal: string;
  let highwaysTeam: string;
  let legalTeam: string;
  let caseId: string;
  let otherCaseId: string;

  beforeAll(async () => {
    api = await startTestApi('tasks');
    admin = await api.signIn(['admin']);
    officer = await api.signIn(['officer'], 'olive.officer@test.example.org');
    highways = await api.signIn(['contributor'], 'hal.highways@test.example.org');
    legal = await api.signIn(['contributor'], 'lee.legal@test.example.org');
    const team = async (name: string) =>
      (
        await api.graphql<{ createTeam: { id: string } }>(
          'mutation($name: String!) { createTeam(input: { name: $name }) { id } }',
          { name },
          admin,
        )
      ).data?.createTeam.id as string;
    highwaysTeam = await team('Highways');
    legalTeam = await team('Legal');
    for (const [token, teamId] of [
      [highways, highwaysTeam],
      [legal, legalTeam],
    ] as const) {
      const me = await api.graphql<{ me: { id: string } }>('{ me { id } }', {}, token);
      const joined = await api.graphql(
        'mutation($id: ID!, $teams: [ID!]) { updateUser(input: { id: $id, teamIds: $teams }) { id } }',
        { id: me.data?.me.id, teams: [teamId] },
        admin,
      );
      expect(joined.errors).toBeUndefined();
    }
    // The authority is in Scotland: internal deadlines skip Scotland's holidays only.
    const settings = await api.graphql(
      'mutation { saveAuthoritySettings(settings: { name: "Fife Council", team: "IG", email: "ig@fife.example", address: "Glenrothes", nation: "scotland" }) { casesRecomputed } }',
      {},
      admin,
    );
    expect(settings.errors).toBeUndefined();
    caseId = (
      await createCase(api, officer, {
        subject: 'Potholes on Jane Roe Avenue',
        requestText:
          'I am Jane Roe of 12 Lime Street, Kirkcaldy. How many potholes were repaired in 2025? Reply to jane.roe@example.net.',
        receivedOn: londonToday(),
      })
    ).id;
    await api.dataSource.query(
      `UPDATE requester SET name = 'Jane Roe', email = 'jane.roe@example.net', address = '12 Lime Street, Kirkcaldy'
        WHERE id = (SELECT requester_id FROM "case" WHERE id = $1)`,
      [caseId],
    );
    otherCaseId = (await createCase(api, officer, { subject: 'Legal fees', receivedOn: londonToday() })).id;
  });
  afterAll(() => api?.close());

  it('raises a task to Highways, due in working days on the authority’s calendar, recorded without its text', async () => {
    const question = 'How many potholes did the Highways team repair in 2025, by month?';
    const raised = await api.graphql<{ raiseTask: Task }>(
      RAISE,
      { input: { caseId, question, teamId: highwaysTeam, workingDays: 5 } },
      officer,
    );
    expect(raised.errors).toBeUndefined();
    const task = raised.data?.raiseTask as Task;
    const today = londonToday();
    expect(task).toMatchObject({
      question,
      status: 'open',
      team: { name: 'Highways' },
      dueOn: addWorkingDays('sar', today, 5, { nation: 'scotland' }),
      remindOn: addWorkingDays('sar', today, 4, { nation: 'scotland' }),
      overdue: false,
      activity: [{ kind: 'raised', actorName: 'Test officer' }],
    });
    const history = await api.graphql<{
      case: { history: { type: string; payload: Record<string, unknown> }[] };
    }>('query($id: ID!) { case(id: $id) { history { type payload } } }', { id: caseId }, officer);
    const event = history.data?.case.history.at(-1);
    // The question's salted commitment, made with the salt kept beside the text.
    const [{ text_salt: salt }] = await api.dataSource.query(
      'SELECT text_salt FROM case_task WHERE id = $1',
      [task.id],
    );
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect(event).toEqual({
      type: 'TASK_RAISED',
      payload: {
        taskId: task.id,
        teamId: highwaysTeam,
        assigneeId: null,
        workingDays: 5,
        dueOn: task.dueOn,
        questionCommitment: commitment(salt, 'question', question),
      },
    });
  });

  it('hides the requester from what a service area reads, however long their details', () => {
    const requester = {
      name: 'Jane Roe',
      email: 'jane.roe@example.net',
      address: '12 Lime Street, Kirkcaldy',
    };
    expect(
      withoutRequester('From Jane Roe (JANE.ROE@example.net), 12 Lime Street: Jane asks.', requester),
    ).toBe('From [the requester] ([the requester]), [the requester]: [the requester] asks.');
    // A name of 100,000 characters, or an address of thousands of parts, still leaves the question.
    const long = 'x'.repeat(100_000);
    const parts = Array.from({ length: 5000 }, (_, i) => `Lane ${i}`).join(', ');
    expect(
      withoutRequester(`Dear ${long}, how many bins?`, { name: long, email: null, address: parts }),
    ).toBe('Dear [the requester], how many bins?');
    expect(
      withoutRequester('Bins on Lane 4999 and Lane 7?', { name: null, email: null, address: parts }),
    ).toBe('Bins on [the requester] and [the requester]?');
  });

  it('refuses a task without a question, a deadline in range, or someone to give it to, and changes nothing', async () => {
    const before = await api.dataSource.query('SELECT count(*)::int AS n FROM case_task');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ question: '  ', teamId: highwaysTeam, workingDays: 5 }, 'VALIDATION_FAILED', 'input.question'],
      [{ question: 'q', teamId: highwaysTeam, workingDays: 0 }, 'VALIDATION_FAILED', 'input.workingDays'],
      [{ question: 'q', teamId: highwaysTeam, workingDays: 61 }, 'VALIDATION_FAILED', 'input.workingDays'],
      [{ question: 'q', workingDays: 5 }, 'VALIDATION_FAILED', 'input.teamId'],
    ];
    for (const [input, code, field] of cases) {
      const result = await api.graphql(RAISE, { input: { caseId, ...input } }, officer);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe(code);
      expect(result.errors?.[0]?.extensions?.fields).toContainEqual(expect.objectContaining({ field }));
    }
    const unknownTeam = await api.graphql(
      RAISE,
      { input: { caseId, question: 'q', teamId: '00000000-0000-0000-0000-000000000000', workingDays: 5 } },
      officer,
    );
    expect(unknownTeam.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(await api.dataSource.query('SELECT count(*)::int AS n FROM case_task')).toEqual(before);
  });

  it('shows a contributor only their team’s tasks and what they need, never the requester', async () => {
    const listed = await api.graphql<{ tasks: Task[] }>(`{ tasks { ${TASK_FIELDS} } }`, {}, highways);
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.tasks).toHaveLength(1);
    const seen = listed.data?.tasks[0] as Task;
    expect(seen.case.requestText).toBe(
      'I am [the requester] of [the requester]. How many potholes were repaired in 2025? Reply to [the requester].',
    );
    expect(seen.case.subject).toBe('Potholes on [the requester] Avenue');
    expect(JSON.stringify(listed.data)).not.toMatch(/Jane|Roe|Lime Street|jane\.roe/i);

    // Legal's contributor sees none of it, by list, by id, or by a case filter.
    expect((await api.graphql<{ tasks: Task[] }>('{ tasks { id } }', {}, legal)).data?.tasks).toEqual([]);
    const byId = await api.graphql('query($id: ID!) { task(id: $id) { id } }', { id: seen.id }, legal);
    expect(byId.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', id: seen.id });
    const byCase = await api.graphql<{ tasks: Task[] }>(
      'query($caseId: ID) { tasks(filter: { caseId: $caseId, status: ALL }) { id } }',
      { caseId },
      legal,
    );
    expect(byCase.data?.tasks).toEqual([]);
  });

  it('refuses a contributor the case list, any case, the requester and the documents', async () => {
    for (const [query, variables] of [
      ['{ cases { totalCount } }', {}],
      ['query($id: ID!) { case(id: $id) { reference } }', { id: caseId }],
      ['query($id: ID!) { case(id: $id) { requester { name email address } } }', { id: caseId }],
      ['query($id: ID!) { case(id: $id) { reference } }', { id: otherCaseId }],
      ['query($id: ID!) { caseAttachments(caseId: $id) { id } }', { id: caseId }],
    ] as const) {
      const result = await api.graphql(query, variables, highways);
      expect(result.errors?.[0]?.extensions, query).toMatchObject({
        code: 'FORBIDDEN',
        requiredRoles: expect.not.arrayContaining(['contributor']),
      });
      expect(result.data ?? null).toBeNull();
    }
    const mutation = await api.graphql(
      'mutation($id: ID!) { addCaseNote(input: { caseId: $id, text: "x" }) { id } }',
      { id: caseId },
      highways,
    );
    expect(mutation.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const download = await fetch(`${api.url}/api/documents/00000000-0000-0000-0000-000000000000/content`, {
      headers: { authorization: `Bearer ${highways}` },
    });
    expect(download.status).toBe(403);
  });

  it('records chasers, takes the answer with a file onto the case, and refuses a second answer', async () => {
    const [{ id: taskId }] = await api.dataSource.query('SELECT id FROM case_task WHERE case_id = $1', [
      caseId,
    ]);
    const chased = await api.graphql<{ chaseTask: Task }>(
      'mutation($id: ID!) { chaseTask(input: { taskId: $id, message: "Needed by Friday, please." }) { chasers activity { kind message } } }',
      { id: taskId },
      officer,
    );
    expect(chased.data?.chaseTask).toMatchObject({
      chasers: 1,
      activity: [{ kind: 'raised' }, { kind: 'chased', message: 'Needed by Friday, please.' }],
    });
    const contributorChase = await api.graphql(
      'mutation($id: ID!) { chaseTask(input: { taskId: $id }) { id } }',
      { id: taskId },
      highways,
    );
    expect(contributorChase.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Legal cannot put a file on Highways' task; Highways can.
    const form = () => {
      const body = new FormData();
      body.set('file', new Blob(['month,repaired\n2025-01,41\n'], { type: 'text/csv' }), 'potholes-2025.csv');
      return body;
    };
    const refused = await fetch(`${api.url}/api/tasks/${taskId}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${legal}` },
      body: form(),
    });
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ code: 'NOT_FOUND', id: taskId });
    const uploaded = await fetch(`${api.url}/api/tasks/${taskId}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${highways}` },
      body: form(),
    });
    expect(uploaded.status).toBe(201);
    const file = (await uploaded.json()) as { id: string; sha256: string };

    const answer = 'We repaired 412 potholes in 2025; the months are in the attached file.';
    const answered = await api.graphql<{ answerTask: Task }>(ANSWER, { input: { taskId, answer } }, highways);
    expect(answered.errors).toBeUndefined();
    expect(answered.data?.answerTask).toMatchObject({
      status: 'answered',
      answer,
      closedBy: { name: 'Test contributor' },
      files: [{ id: file.id, filename: 'potholes-2025.csv', sha256: file.sha256 }],
    });
    const again = await api.graphql(ANSWER, { input: { taskId, answer: 'again' } }, highways);
    expect(again.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
    const cancel = await api.graphql(
      'mutation($id: ID!) { cancelTask(input: { taskId: $id, reason: "late" }) { id } }',
      { id: taskId },
      officer,
    );
    expect(cancel.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');

    // The officer sees the answer on the case; the history has each step, attributable, without the texts.
    const onCase = await api.graphql<{
      case: {
        tasks: Task[];
        history: { type: string; actorLabel: string; payload: Record<string, unknown> }[];
      };
    }>(
      `query($id: ID!) { case(id: $id) { tasks { ${TASK_FIELDS} } history { type actorLabel payload } } }`,
      { id: caseId },
      officer,
    );
    expect(onCase.data?.case.tasks[0]).toMatchObject({ answer, files: [{ filename: 'potholes-2025.csv' }] });
    const history = onCase.data?.case.history ?? [];
    expect(history.slice(-4).map((e) => [e.type, e.actorLabel])).toEqual([
      ['TASK_RAISED', 'Test officer <olive.officer@test.example.org>'],
      ['TASK_CHASED', 'Test officer <olive.officer@test.example.org>'],
      ['DOCUMENT_ADDED', 'Test contributor <hal.highways@test.example.org>'],
      ['TASK_ANSWERED', 'Test contributor <hal.highways@test.example.org>'],
    ]);
    const [{ text_salt: salt }] = await api.dataSource.query(
      'SELECT text_salt FROM case_task WHERE id = $1',
      [taskId],
    );
    const [{ message_salt: chaserSalt }] = await api.dataSource.query(
      `SELECT message_salt FROM case_task_event WHERE task_id = $1 AND kind = 'chased'`,
      [taskId],
    );
    expect(history.at(-1)?.payload).toEqual({
      taskId,
      answerCommitment: commitment(salt, 'answer', answer),
      attachmentIds: [file.id],
    });
    expect(history.at(-3)?.payload).toEqual({
      taskId,
      chaser: 1,
      messageCommitment: commitment(chaserSalt, 'message', 'Needed by Friday, please.'),
    });
    expect(JSON.stringify(history)).not.toMatch(/potholes did|412 potholes|Friday|Jane|Roe/);
  });

  it('cancels an open task with a reason, and only an officer may', async () => {
    const raised = await api.graphql<{ raiseTask: Task }>(
      RAISE,
      { input: { caseId: otherCaseId, question: 'Legal costs in 2025?', teamId: legalTeam, workingDays: 3 } },
      officer,
    );
    const taskId = raised.data?.raiseTask.id as string;
    const byContributor = await api.graphql(
      'mutation($id: ID!) { cancelTask(input: { taskId: $id, reason: "no" }) { id } }',
      { id: taskId },
      legal,
    );
    expect(byContributor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const cancelled = await api.graphql<{ cancelTask: Task & { cancelReason: string } }>(
      'mutation($id: ID!) { cancelTask(input: { taskId: $id, reason: "Asked the wrong team" }) { status cancelReason } }',
      { id: taskId },
      officer,
    );
    expect(cancelled.data?.cancelTask).toEqual({ status: 'cancelled', cancelReason: 'Asked the wrong team' });
    const answer = await api.graphql(ANSWER, { input: { taskId, answer: 'late answer' } }, legal);
    expect(answer.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
  });

  it('marks the reminder and then the overdue task exactly once, however many pollers race', async () => {
    const raised = await api.graphql<{ raiseTask: Task }>(
      RAISE,
      { input: { caseId, question: 'Road closures in May?', teamId: highwaysTeam, workingDays: 2 } },
      officer,
    );
    const task = raised.data?.raiseTask as Task;
    const clock = api.app.get(TaskClock);
    const marksOf = async () =>
      (
        await api.dataSource.query(
          `SELECT kind, count(*)::int AS n FROM case_task_event WHERE task_id = $1 AND kind IN ('reminded', 'overdue') GROUP BY kind ORDER BY kind`,
          [task.id],
        )
      ).map((r: { kind: string; n: number }) => `${r.kind} ${r.n}`);
    await clock.markDue(addCalendarDays(task.remindOn, -1));
    expect(await marksOf()).toEqual([]);
    await Promise.all([
      clock.markDue(task.remindOn),
      clock.markDue(task.remindOn),
      clock.markDue(task.remindOn),
    ]);
    expect(await marksOf()).toEqual(['reminded 1']);
    await Promise.all([clock.markDue(task.dueOn), clock.markDue(task.dueOn)]);
    expect(await marksOf()).toEqual(['reminded 1']);
    const after = addCalendarDays(task.dueOn, 1);
    await Promise.all([clock.markDue(after), clock.markDue(after), clock.markDue(after)]);
    expect(await marksOf()).toEqual(['overdue 1', 'reminded 1']);
    const overdue = await api.graphql<{ tasks: Task[] }>(
      `{ tasks(filter: { mine: true, overdue: true }) { id overdue remindedAt activity { kind actorName } } }`,
      {},
      highways,
    );
    expect(overdue.data?.tasks).toEqual([
      expect.objectContaining({
        id: task.id,
        overdue: true,
        activity: [
          { kind: 'raised', actorName: 'Test officer' },
          { kind: 'reminded', actorName: 'system' },
          { kind: 'overdue', actorName: 'system' },
        ],
      }),
    ]);
  });

  it('keeps internal notes for staff, with only their hash in the history', async () => {
    const text = 'Requester phoned: Jane Roe is happy to wait a week for the figures.';
    const added = await api.graphql<{ addCaseNote: { id: string; eventSequence: number } }>(
      'mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id text eventSequence author { name } } }',
      { input: { caseId, text } },
      officer,
    );
    expect(added.errors).toBeUndefined();
    const read = await api.graphql<{
      case: {
        notes: { text: string; author: { name: string } }[];
        history: { type: string; payload: unknown }[];
      };
    }>(
      'query($id: ID!) { case(id: $id) { notes { text author { name } } history { type payload } } }',
      { id: caseId },
      officer,
    );
    expect(read.data?.case.notes).toEqual([{ text, author: { name: 'Test officer' } }]);
    const [{ text_salt: salt }] = await api.dataSource.query(
      'SELECT text_salt FROM case_note WHERE id = $1',
      [added.data?.addCaseNote.id],
    );
    expect(read.data?.case.history.at(-1)).toEqual({
      type: 'NOTE_ADDED',
      payload: { noteId: added.data?.addCaseNote.id, textCommitment: commitment(salt, 'text', text) },
    });
    const empty = await api.graphql(
      'mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id } }',
      { input: { caseId, text: ' ' } },
      officer,
    );
    expect(empty.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'input.text' }],
    });
    const auditor = await api.signIn(['auditor']);
    const byAuditor = await api.graphql(
      'query($id: ID!) { case(id: $id) { notes { text } } }',
      { id: caseId },
      auditor,
    );
    expect(byAuditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await expect(api.dataSource.query(`UPDATE case_note SET text = 'changed'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(api.dataSource.query(`DELETE FROM case_task_event`)).rejects.toThrow(/append-only/);
  });

  it('leaves every history verifiable, and names the event whose kept text was changed', async () => {
    const auditor = await api.signIn(['auditor']);
    const verify = async (id: string) =>
      (
        await api.graphql<{
          verifyCaseHistory: { ok: boolean; firstBadSequence: number | null; reason: string | null };
        }>(
          'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok firstBadSequence reason } }',
          { id },
          auditor,
        )
      ).data?.verifyCaseHistory;
    for (const id of [caseId, otherCaseId]) {
      expect(await verify(id)).toEqual({ ok: true, firstBadSequence: null, reason: null });
    }
    const [answered] = await api.dataSource.query(
      `SELECT t.id, t.answer, e.case_sequence FROM case_task t JOIN case_task_event e ON e.task_id = t.id AND e.kind = 'answered' WHERE t.case_id = $1`,
      [caseId],
    );
    await api.dataSource.query(`UPDATE case_task SET answer = 'We repaired 9 potholes.' WHERE id = $1`, [
      answered.id,
    ]);
    expect(await verify(caseId)).toEqual({
      ok: false,
      firstBadSequence: answered.case_sequence,
      reason: `The task's answer recorded by event ${answered.case_sequence} has been changed or removed.`,
    });
    const all = await api.graphql<{ verifyAllCases: { failures: { caseId: string }[] } }>(
      '{ verifyAllCases { failures { caseId } } }',
      {},
      auditor,
    );
    expect(all.data?.verifyAllCases.failures).toEqual([{ caseId }]);
    await api.dataSource.query('UPDATE case_task SET answer = $2 WHERE id = $1', [
      answered.id,
      answered.answer,
    ]);
    expect((await verify(caseId))?.ok).toBe(true);
  });

  it('refuses task and note events sent as case events: Recordflow records them itself', async () => {
    for (const type of ['TASK_RAISED', 'TASK_CHASED', 'TASK_ANSWERED', 'TASK_CANCELLED', 'NOTE_ADDED']) {
      const sent = await api.graphql(
        'mutation($input: SendCaseEventInput!) { sendCaseEvent(input: $input) { replayed } }',
        { input: { caseId, type } },
        officer,
      );
      expect(sent.errors?.[0]?.extensions?.code, type).toBe('EVENT_NOT_ALLOWED');
    }
  });

  describe('closing a case ends its open tasks', () => {
    const CASE_TASKS = `query($id: ID!) { case(id: $id) { status version
      tasks { id status cancelReason closedBy { name } activity { kind actorName } }
      history { sequence type actorLabel payload } } }`;
    interface Closed {
      case: {
        status: string;
        version: number;
        tasks: {
          id: string;
          status: string;
          cancelReason: string | null;
          closedBy: { name: string } | null;
          activity: { kind: string; actorName: string }[];
        }[];
        history: { sequence: number; type: string; actorLabel: string; payload: Record<string, unknown> }[];
      };
    }
    const raise = async (id: string, question: string, teamId: string) => {
      const raised = await api.graphql<{ raiseTask: Task }>(
        RAISE,
        { input: { caseId: id, question, teamId, workingDays: 5 } },
        officer,
      );
      expect(raised.errors).toBeUndefined();
      return raised.data?.raiseTask.id as string;
    };
    const read = async (id: string) =>
      (await api.graphql<Closed>(CASE_TASKS, { id }, officer)).data?.case as Closed['case'];
    const verified = async (id: string) =>
      (
        await api.graphql<{ verifyCaseHistory: { ok: boolean } }>(
          'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok } }',
          { id },
          await api.signIn(['auditor']),
        )
      ).data?.verifyCaseHistory.ok;

    it('a withdrawal cancels each open task in its transaction, recorded as any cancellation; reopening revives none', async () => {
      const created = await createCase(api, officer, {
        subject: 'Street lighting',
        receivedOn: londonToday(),
      });
      const lamps = await raise(created.id, 'Which streets lost their lamps in 2025?', highwaysTeam);
      const costs = await raise(created.id, 'What did the lighting contract cost?', legalTeam);
      const answered = await raise(created.id, 'Who signed the contract?', legalTeam);
      expect(
        (await api.graphql(ANSWER, { input: { taskId: answered, answer: 'The director.' } }, legal)).errors,
      ).toBeUndefined();

      const withdrawn = await sendEvent(api, officer, { caseId: created.id, type: 'WITHDRAW' });
      expect(withdrawn.errors).toBeUndefined();
      const closed = await read(created.id);
      // The case answered with its latest version, the cancellations' events included: the next write names it.
      expect(withdrawn.data?.sendCaseEvent.case).toMatchObject({ status: 'closed', version: closed.version });
      expect(closed.history.at(-1)?.sequence).toBe(closed.version);
      const cancelled = {
        status: 'cancelled',
        cancelReason: 'The case was closed.',
        closedBy: { name: 'Test officer' },
      };
      expect(closed.tasks).toEqual([
        expect.objectContaining({ id: lamps, ...cancelled }),
        expect.objectContaining({ id: costs, ...cancelled }),
        expect.objectContaining({ id: answered, status: 'answered', cancelReason: null }),
      ]);
      expect(closed.tasks[0]?.activity.at(-1)).toEqual({ kind: 'cancelled', actorName: 'Test officer' });
      const officerLabel = 'Test officer <olive.officer@test.example.org>';
      // Each reason's salted commitment, made with the salt kept beside the task's texts.
      const reasonOf = async (id: string) => {
        const [{ text_salt: salt }] = await api.dataSource.query(
          'SELECT text_salt FROM case_task WHERE id = $1',
          [id],
        );
        return { taskId: id, reasonCommitment: commitment(salt, 'reason', 'The case was closed.') };
      };
      expect(closed.history.slice(-3).map((e) => [e.type, e.actorLabel, e.payload])).toEqual([
        ['WITHDRAW', officerLabel, {}],
        ['TASK_CANCELLED', officerLabel, await reasonOf(lamps)],
        ['TASK_CANCELLED', officerLabel, await reasonOf(costs)],
      ]);
      const logged = await api.dataSource.query(
        `SELECT e.task_id, e.case_sequence FROM case_task_event e JOIN case_task t ON t.id = e.task_id
          WHERE t.case_id = $1 AND e.kind = 'cancelled' ORDER BY e.case_sequence`,
        [created.id],
      );
      expect(logged).toEqual([
        { task_id: lamps, case_sequence: closed.version - 1 },
        { task_id: costs, case_sequence: closed.version },
      ]);
      expect(await verified(created.id)).toBe(true);
      // Highways' open list no longer has it, and it cannot be answered now.
      const open = await api.graphql<{ tasks: { id: string }[] }>('{ tasks { id } }', {}, highways);
      expect(open.data?.tasks.map((t) => t.id)).not.toContain(lamps);
      const late = await api.graphql(
        ANSWER,
        { input: { taskId: lamps, answer: 'Three streets.' } },
        highways,
      );
      expect(late.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');

      const reopened = await api.graphql<{ reopenCase: { status: string; version: number } }>(
        'mutation($id: ID!) { reopenCase(caseId: $id, reason: "Withdrawn by mistake") { status version } }',
        { id: created.id },
        officer,
      );
      expect(reopened.data?.reopenCase).toEqual({ status: 'open', version: closed.version + 1 });
      const after = await read(created.id);
      expect(after.tasks.map((t) => t.status)).toEqual(['cancelled', 'cancelled', 'answered']);
      expect(after.history.at(-1)?.type).toBe('CASE_REOPENED');
      // The officer asks again if they still need to.
      await raise(created.id, 'Which streets lost their lamps in 2025?', highwaysTeam);
      expect((await read(created.id)).tasks.map((t) => t.status)).toEqual([
        'cancelled',
        'cancelled',
        'answered',
        'open',
      ]);
    });

    it('voiding a case cancels its open tasks too, saying so', async () => {
      const created = await createCase(api, officer, {
        subject: 'Duplicate request',
        receivedOn: londonToday(),
      });
      const taskId = await raise(created.id, 'Parking fines in 2025?', highwaysTeam);
      const voided = await api.graphql<{ voidCase: { status: string; version: number } }>(
        'mutation($id: ID!) { voidCase(caseId: $id, reason: "Registered twice") { status version } }',
        { id: created.id },
        admin,
      );
      expect(voided.data?.voidCase).toEqual({ status: 'void', version: 4 });
      const [task] = await api.dataSource.query(
        `SELECT t.status, t.cancel_reason, u.email AS closed_by FROM case_task t JOIN "user" u ON u.id = t.closed_by
          WHERE t.id = $1`,
        [taskId],
      );
      expect(task).toEqual({
        status: 'cancelled',
        cancel_reason: 'The case was voided.',
        closed_by: 'admin@test.example.org',
      });
      const types = await api.dataSource.query(
        'SELECT sequence, type FROM case_event WHERE case_id = $1 ORDER BY sequence',
        [created.id],
      );
      expect(types).toEqual([
        { sequence: 1, type: 'CASE_CREATED' },
        { sequence: 2, type: 'TASK_RAISED' },
        { sequence: 3, type: 'CASE_VOIDED' },
        { sequence: 4, type: 'TASK_CANCELLED' },
      ]);
    });

    it('a timer that closes the case cancels its tasks as the system', async () => {
      const created = await createCase(api, officer, {
        subject: 'Bin collections',
        receivedOn: londonToday(),
      });
      const asked = await sendEvent(api, officer, {
        caseId: created.id,
        type: 'REQUEST_CLARIFICATION',
        payload: { clarificationQuestion: 'Which wards?' },
      });
      expect(asked.errors).toBeUndefined();
      const taskId = await raise(created.id, 'Missed collections by ward?', highwaysTeam);
      // The clarification lapses after three months: the timer closes the case.
      await api.app.get(TimersService).fireDue(addCalendarDays(londonToday(), 100));
      const closed = await read(created.id);
      expect(closed.status).toBe('closed');
      expect(closed.tasks).toEqual([
        expect.objectContaining({
          id: taskId,
          status: 'cancelled',
          cancelReason: 'The case was closed.',
          closedBy: null,
          activity: [
            { kind: 'raised', actorName: 'Test officer' },
            { kind: 'cancelled', actorName: 'system' },
          ],
        }),
      ]);
      expect(closed.history.slice(-2).map((e) => [e.type, e.actorLabel])).toEqual([
        ['LAPSE', 'system'],
        ['TASK_CANCELLED', 'system'],
      ]);
      expect(await verified(created.id)).toBe(true);
    });
  });
});
