import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GENESIS_HASH, hashEvent, type RecordedEvent } from '@recordflow/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../apps/api/src/config/recordflow-config';
import { NotificationsService } from '../../apps/api/src/notifications/notifications.service';
import { startTestApi, type TestApi } from '../support/api';
import { approvedAndSent, createCase, play, sendEvent } from '../support/cases';
import { uploadFile } from '../support/documents';

const run = promisify(execFile);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const cli = join(__dirname, '../../apps/cli/dist/main.js');
const foi = () => JSON.parse(readFileSync(join(__dirname, '../../workflows/foi.json'), 'utf8'));

const VERIFY = `query($id: ID!) { verifyCaseHistory(caseId: $id) { ok eventsChecked firstBadSequence reason
  erasures { sequence rule hashChecked } } }`;
const CASE = `query($id: ID!) { case(id: $id) { id status stage step version dueDate receivedOn subject channel
  requester { name email } history { sequence type payload actorLabel erasure { rule fields } } } }`;
const SAVE = `mutation($input: SaveWorkflowDraftInput!) { saveWorkflowDraft(input: $input) { revision errors { message } } }`;
const PUBLISH = `mutation($input: PublishWorkflowInput!) { publishWorkflow(input: $input) { version } }`;

/** A case_event row as PostgreSQL returns it. */
interface EventRow {
  id: string;
  case_id: string;
  sequence: number;
  type: string;
  payload: unknown;
  actor_id: string | null;
  recorded_at: Date;
  effective_on: string;
  workflow_version_id: string;
  holidays_as_of: Date | null;
  stage_after: string;
}

/** Every file under a folder, recursively. */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('case lifecycle: corrections, voiding, moving versions, retention and anonymisation', () => {
  let api: TestApi;
  let officer: string;
  let admin: string;
  let auditor: string;
  beforeAll(async () => {
    api = await startTestApi('lifecycle');
    officer = await api.signIn(['officer']);
    admin = await api.signIn(['admin']);
    auditor = await api.signIn(['auditor']);
  }, 120_000);
  afterAll(() => api?.close());

  const verify = async (id: string) =>
    (await api.graphql<{ verifyCaseHistory: Record<string, unknown> }>(VERIFY, { id }, auditor)).data
      ?.verifyCaseHistory;
  /** A change made with the append-only triggers off, as the database's owner could make it. */
  const beneathTriggers = (sql: string, params: unknown[]) =>
    api.dataSource.transaction(async (manager) => {
      await manager.query('ALTER TABLE case_note DISABLE TRIGGER case_note_append_only');
      await manager.query('ALTER TABLE case_task_event DISABLE TRIGGER case_task_event_append_only');
      await manager.query(sql, params);
      await manager.query('ALTER TABLE case_note ENABLE TRIGGER case_note_append_only');
      await manager.query('ALTER TABLE case_task_event ENABLE TRIGGER case_task_event_append_only');
    });
  const read = async (id: string) =>
    (
      await api.graphql<{
        case: {
          status: string;
          stage: string;
          step: string;
          dueDate: string;
          receivedOn: string;
          subject: string;
          requester: { name: string | null; email: string | null } | null;
          history: {
            sequence: number;
            type: string;
            payload: Record<string, unknown>;
            actorLabel: string;
            erasure: unknown;
          }[];
        };
      }>(CASE, { id }, admin)
    ).data?.case;

  it('corrects registration details as an event: a new received date counts the deadline again', async () => {
    const created = await createCase(api, officer, { receivedOn: '2026-03-09' });
    expect(created.dueDate).toBe('2026-04-09');
    const corrected = await api.graphql<{ correctCase: { version: number; dueOn: string } }>(
      `mutation($input: CorrectCaseInput!) { correctCase(input: $input) { version dueOn sequence status } }`,
      {
        input: {
          caseId: created.id,
          receivedOn: '2026-03-02',
          subject: 'CCTV cameras (corrected)',
          channel: 'post',
          requester: { name: 'Corrected Name', email: 'corrected@example.net' },
          reason: 'Typed from the wrong letter',
        },
      },
      officer,
    );
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data?.correctCase).toMatchObject({ version: 2, dueOn: '2026-03-31' });
    const after = await read(created.id);
    expect(after).toMatchObject({
      receivedOn: '2026-03-02',
      subject: 'CCTV cameras (corrected)',
      dueDate: '2026-03-31',
      requester: { name: 'Corrected Name', email: 'corrected@example.net' },
    });
    const event = after?.history.at(-1);
    expect(event?.type).toBe('CASE_CORRECTED');
    expect(event?.actorLabel).toContain('officer@test.example.org');
    expect(event?.payload).toMatchObject({
      receivedOn: { from: '2026-03-09', to: '2026-03-02' },
      channel: { from: 'email', to: 'post' },
      subject: { from: 'CCTV cameras and facial recognition', to: 'CCTV cameras (corrected)' },
      requester: 'corrected',
    });
    // The requester's details are not in the history.
    expect(JSON.stringify(after?.history)).not.toContain('Corrected Name');
    expect(await verify(created.id)).toMatchObject({ ok: true, eventsChecked: 2 });

    const nothing = await api.graphql(
      `mutation($input: CorrectCaseInput!) { correctCase(input: $input) { version } }`,
      { input: { caseId: created.id, channel: 'post', reason: 'again' } },
      officer,
    );
    expect(nothing.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('reopens a closed case where it stood, and voids a case registered in error', async () => {
    const created = await createCase(api, officer);
    expect((await sendEvent(api, officer, { caseId: created.id, type: 'WITHDRAW' })).errors).toBeUndefined();
    expect((await read(created.id))?.status).toBe('closed');
    const reopened = await api.graphql<{ reopenCase: { status: string } }>(
      `mutation($id: ID!) { reopenCase(caseId: $id, reason: "Withdrawn by mistake") { status version } }`,
      { id: created.id },
      officer,
    );
    expect(reopened.data?.reopenCase).toMatchObject({ status: 'open', version: 3 });
    expect((await read(created.id))?.stage).toBe('received');
    expect(await verify(created.id)).toMatchObject({ ok: true, eventsChecked: 3 });

    const list = `{ cases(filter: { status: "all" }, first: 200) { edges { node { id } } } }`;
    const ids = async () =>
      (
        await api.graphql<{ cases: { edges: { node: { id: string } }[] } }>(list, {}, officer)
      ).data?.cases.edges.map((e) => e.node.id);
    expect(await ids()).toContain(created.id);
    const byOfficer = await api.graphql(
      `mutation($id: ID!) { voidCase(caseId: $id, reason: "Duplicate") { status } }`,
      { id: created.id },
      officer,
    );
    expect(byOfficer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const voided = await api.graphql<{ voidCase: { status: string } }>(
      `mutation($id: ID!) { voidCase(caseId: $id, reason: "Registered twice") { status } }`,
      { id: created.id },
      admin,
    );
    expect(voided.data?.voidCase.status).toBe('void');
    expect(await ids()).not.toContain(created.id);
    const [report] = await api.dataSource.query(
      'SELECT count(*)::int AS n FROM case_report WHERE case_id = $1',
      [created.id],
    );
    expect(report.n).toBe(0);
    const refused = await sendEvent(api, officer, { caseId: created.id, type: 'START_RESPONSE' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
    expect(await verify(created.id)).toMatchObject({ ok: true, eventsChecked: 4 });
    // A voided case's personal data can be erased on request, at once.
    const erased = await api.graphql<{ anonymiseCase: { sequence: number } }>(
      `mutation($id: ID!) { anonymiseCase(caseId: $id, reason: "Registered in error; erased on request") {
        sequence erasedEvents erasedDocuments erasedNotes erasedTaskTexts } }`,
      { id: created.id },
      admin,
    );
    expect(erased.data?.anonymiseCase).toMatchObject({ sequence: 5, erasedNotes: 0, erasedTaskTexts: 0 });
    expect(await verify(created.id)).toMatchObject({ ok: true, eventsChecked: 5 });
    const again = await api.graphql(
      'mutation($id: ID!) { anonymiseCase(caseId: $id, reason: "again") { sequence } }',
      { id: created.id },
      admin,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
    // Its requester's details cannot be put back by a correction.
    const restore = await api.graphql(
      `mutation($input: CorrectCaseInput!) { correctCase(input: $input) { version } }`,
      { input: { caseId: created.id, requester: { name: 'Back Again' }, reason: 'restore' } },
      officer,
    );
    expect(restore.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
  });

  it('moves running cases to a new version; each replays and verifies across both, offline too', async () => {
    const moving = await createCase(api, officer);
    await sendEvent(api, officer, { caseId: moving.id, type: 'START_RESPONSE' });
    const closed = await createCase(api, officer);
    await sendEvent(api, officer, { caseId: closed.id, type: 'WITHDRAW' });
    // Version 2 renames the response stage's drafting step "writing".
    const definition = foi();
    const response = definition.stages.find((s: { id: string }) => s.id === 'response');
    const rename = (id: string) => (id === 'drafting' ? 'writing' : id);
    for (const step of response.steps) step.id = rename(step.id);
    if (response.initialStep) response.initialStep = rename(response.initialStep);
    for (const t of response.transitions) {
      t.from = rename(t.from);
      if (t.to) t.to = rename(t.to);
    }
    const saved = await api.graphql<{ saveWorkflowDraft: { revision: number; errors: unknown[] } }>(
      SAVE,
      { input: { workflowId: 'foi', definition } },
      admin,
    );
    expect(saved.data?.saveWorkflowDraft.errors).toEqual([]);
    const published = await api.graphql<{ publishWorkflow: { version: number } }>(
      PUBLISH,
      { input: { workflowId: 'foi', revision: saved.data?.saveWorkflowDraft.revision } },
      admin,
    );
    expect(published.data?.publishWorkflow.version).toBe(2);
    const [v1, v2] = await api.dataSource.query(
      `SELECT id FROM workflow_version WHERE workflow_id = 'foi' AND status <> 'draft' ORDER BY version`,
    );
    const PREVIEW = `query($from: ID!, $to: ID!, $mapping: [StateMappingInput!], $ids: [ID!]) {
      migrationPreview(fromVersionId: $from, toVersionId: $to, mapping: $mapping, caseIds: $ids) {
        caseId reference movable problems from { stage step } to { stage step } } }`;
    const unmapped = await api.graphql<{
      migrationPreview: { caseId: string; movable: boolean; problems: string[] }[];
    }>(PREVIEW, { from: v1.id, to: v2.id, ids: [moving.id, closed.id] }, admin);
    expect(unmapped.data?.migrationPreview).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          caseId: moving.id,
          movable: false,
          problems: [expect.stringContaining('no counterpart')],
        }),
        expect.objectContaining({
          caseId: closed.id,
          movable: false,
          problems: expect.arrayContaining(['the case is closed']),
        }),
      ]),
    );
    const mapping = [{ from: 'response.drafting', to: 'response.writing' }];
    const preview = await api.graphql<{
      migrationPreview: { caseId: string; movable: boolean; to: unknown }[];
    }>(PREVIEW, { from: v1.id, to: v2.id, mapping, ids: [moving.id] }, admin);
    expect(preview.data?.migrationPreview).toEqual([
      expect.objectContaining({
        caseId: moving.id,
        movable: true,
        to: { stage: 'response', step: 'writing' },
      }),
    ]);
    const MIGRATE = `mutation($input: MigrateCasesInput!) { migrateCases(input: $input) { caseId moved sequence problems } }`;
    const input = { fromVersionId: v1.id, toVersionId: v2.id, mapping, caseIds: [moving.id, closed.id] };
    expect((await api.graphql(MIGRATE, { input }, officer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const moved = await api.graphql<{ migrateCases: { caseId: string; moved: boolean }[] }>(
      MIGRATE,
      { input },
      admin,
    );
    expect(moved.data?.migrateCases).toEqual([
      { caseId: moving.id, moved: true, sequence: 3, problems: [] },
      { caseId: closed.id, moved: false, sequence: null, problems: ['the case is closed'] },
    ]);
    // The case runs on version 2 now: the renamed step's events apply.
    const submitted = await sendEvent(api, officer, {
      caseId: moving.id,
      type: 'SUBMIT_FOR_APPROVAL',
      payload: {
        outcome: 'not-held',
        answers: [{ question: 'How many?', answer: 'None held.' }],
        held: false,
      },
    });
    expect(submitted.errors).toBeUndefined();
    const state = await read(moving.id);
    expect(state).toMatchObject({ stage: 'response', step: 'approval' });
    expect(state?.history[2]).toMatchObject({
      type: 'CASE_MIGRATED',
      payload: { fromVersion: 1, toVersion: 2 },
    });
    expect(await verify(moving.id)).toMatchObject({ ok: true, eventsChecked: 4 });
    const bundle = await api.graphql<{ exportCaseBundle: { definitions: Record<string, unknown> } }>(
      'query($id: ID!) { exportCaseBundle(caseId: $id) }',
      { id: moving.id },
      auditor,
    );
    expect(Object.keys(bundle.data?.exportCaseBundle.definitions ?? {})).toHaveLength(2);
    const file = join(mkdtempSync(join(tmpdir(), 'bundle-')), 'case.json');
    writeFileSync(file, JSON.stringify(bundle.data?.exportCaseBundle));
    const offline = await run(process.execPath, [cli, 'audit', 'verify', file]);
    expect(offline.stdout).toMatch(/OK/i);
    expect(offline.stdout).toContain('4 events');
  });

  it('anonymises a case: it still verifies and no trace of the requester remains in the database or files', async () => {
    const name = 'Zebedee Quaxley-Thornbury';
    const email = 'zebedee.quaxley@private.example.net';
    const created = await createCase(api, officer, {
      subject: `Parking permits for ${name}`,
      requestText: `Dear council, I am ${name} (${email}); please send the parking permit data.`,
    });
    await api.dataSource.query(
      `UPDATE requester SET name = $2, email = $3, address = '1 Quaxley Lane'
      WHERE id = (SELECT requester_id FROM "case" WHERE id = $1)`,
      [created.id, name, email],
    );
    // Staff write the requester's name and e-mail into a note and into tasks, and notices quote them.
    const colleague = await api.signIn(['officer'], 'colleague@test.example.org');
    const contributor = await api.signIn(['contributor'], 'cora.contributor@test.example.org');
    const idOf = async (token: string) =>
      (await api.graphql<{ me: { id: string } }>('{ me { id } }', {}, token)).data?.me.id as string;
    const assigned = await api.graphql(
      'mutation($input: AssignCaseInput!) { assignCase(input: $input) { id } }',
      { input: { caseId: created.id, assigneeId: await idOf(officer) } },
      colleague,
    );
    expect(assigned.errors).toBeUndefined();
    const note = await api.graphql(
      'mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id } }',
      { input: { caseId: created.id, text: `${name} phoned; replies go to ${email}.` } },
      officer,
    );
    expect(note.errors).toBeUndefined();
    const raise = async (question: string) => {
      const raised = await api.graphql<{ raiseTask: { id: string } }>(
        'mutation($input: RaiseTaskInput!) { raiseTask(input: $input) { id } }',
        { input: { caseId: created.id, question, assigneeId: await idOf(contributor), workingDays: 5 } },
        officer,
      );
      expect(raised.errors).toBeUndefined();
      return raised.data?.raiseTask.id as string;
    };
    const permitTask = await raise(`Which permits does ${name} hold?`);
    const openTask = await raise(`Any complaints about ${name}?`);
    const notices = api.app.get(NotificationsService);
    expect(await notices.run({ digests: true })).toBeGreaterThanOrEqual(3);
    for (const [mutation, input, token] of [
      ['chaseTask', { taskId: permitTask, message: `Needed for ${name} (${email}) by Friday.` }, officer],
      ['answerTask', { taskId: permitTask, answer: `${name} holds two permits.` }, contributor],
    ] as const) {
      const done = await api.graphql(
        `mutation($input: ${mutation === 'chaseTask' ? 'ChaseTaskInput' : 'AnswerTaskInput'}!) { ${mutation}(input: $input) { id } }`,
        { input },
        token,
      );
      expect(done.errors).toBeUndefined();
    }
    await notices.run();
    const search = async (text: string) =>
      (
        await api.graphql<{ cases: { edges: { node: { id: string } }[] } }>(
          'query($text: String!) { cases(filter: { text: $text, status: "all" }) { edges { node { id } } } }',
          { text },
          officer,
        )
      ).data?.cases.edges.map((e) => e.node.id);
    expect(await search('Zebedee')).toContain(created.id);
    await sendEvent(api, officer, { caseId: created.id, type: 'START_RESPONSE' });
    const answered = await sendEvent(api, officer, {
      caseId: created.id,
      type: 'SUBMIT_FOR_APPROVAL',
      payload: {
        outcome: 'granted-in-full',
        answers: [{ question: `Permits held by ${name}?`, answer: `Two permits, both for ${name}.` }],
        held: true,
      },
    });
    expect(answered.errors).toBeUndefined();
    await play(
      api,
      officer,
      created.id,
      approvedAndSent(new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' })),
    );
    const uploaded = await uploadFile(api.url, created.id, officer, {
      name: 'permit-note.txt',
      // Unique per run: blobs are shared by hash across the test databases that use this data folder.
      bytes: Buffer.from(`Permit note for ${name}, ${email}, ${Date.now()}\n`),
    });
    expect(uploaded.status).toBe(201);
    const letters = await api.graphql<{ generateLetter: { id: string }[] }>(
      'mutation($id: ID!) { generateLetter(caseId: $id, kind: "response") { id } }',
      { id: created.id },
      officer,
    );
    expect(letters.errors).toBeUndefined();
    await api.graphql(
      'mutation($id: ID!) { emailLetter(documentId: $id) { id } }',
      { id: letters.data?.generateLetter[0]?.id },
      officer,
    );
    // A cancel reason can carry personal data too (closing would cancel the task anyway).
    const cancelled = await api.graphql(
      'mutation($input: CancelTaskInput!) { cancelTask(input: $input) { id } }',
      { input: { taskId: openTask, reason: `${name} withdrew this part.` } },
      officer,
    );
    expect(cancelled.errors).toBeUndefined();
    expect(
      (await sendEvent(api, officer, { caseId: created.id, type: 'CLOSE_WITHOUT_REVIEW' })).errors,
    ).toBeUndefined();
    const [row] = await api.dataSource.query(
      'SELECT status, stage, step, outcome FROM "case" WHERE id = $1',
      [created.id],
    );
    expect(row).toMatchObject({ status: 'closed', outcome: 'granted-in-full' });
    // Notice mail goes out (to the local outbox) before the erasure, as it would in service.
    const until = Date.now() + 30_000;
    for (;;) {
      const [{ waiting }] = await api.dataSource.query(
        `SELECT count(*)::int AS waiting FROM outgoing_mail WHERE kind = 'notice' AND status <> 'sent'`,
      );
      if (waiting === 0 || Date.now() > until) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const [noticed] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_message m JOIN outgoing_mail o ON o.id = m.outgoing_mail_id
        WHERE o.kind = 'notice' AND (o.subject || o.body) ILIKE '%quaxley%'`,
    );
    expect(noticed.n).toBeGreaterThanOrEqual(2);

    // Retention: a rule for FOI answered in full with no period after closure, so the case is due now.
    const rule = await api.graphql<{ saveRetentionRule: { id: string } }>(
      `mutation { saveRetentionRule(input: { regime: "foi", outcome: "granted-in-full", monthsAfterClosure: 0 }) { id monthsAfterClosure } }`,
      {},
      admin,
    );
    expect(rule.errors).toBeUndefined();
    const queue = await api.graphql<{ disposalQueue: { caseId: string; rule: string }[] }>(
      '{ disposalQueue { caseId reference rule dueOn } }',
      {},
      admin,
    );
    expect(queue.data?.disposalQueue.map((c) => c.caseId)).toContain(created.id);
    expect(
      (
        await api.graphql(
          'mutation($id: ID!) { anonymiseCase(caseId: $id, reason: "x") { sequence } }',
          { id: created.id },
          officer,
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const approved = await api.graphql<{
      approveDisposal: { caseId: string; ok: boolean; message: string }[];
    }>(
      'mutation($ids: [ID!]!) { approveDisposal(caseIds: $ids) { caseId ok message } }',
      { ids: [created.id] },
      admin,
    );
    expect(approved.data?.approveDisposal).toEqual([
      {
        caseId: created.id,
        ok: true,
        message: 'Anonymised under FOI, granted-in-full: 0 months after closure.',
      },
    ]);

    const verified = await verify(created.id);
    expect(verified).toMatchObject({ ok: true, firstBadSequence: null });
    const all = await api.graphql<{ verifyAllCases: { failures: unknown[] } }>(
      '{ verifyAllCases { casesChecked failures { caseId reason } } }',
      {},
      auditor,
    );
    expect(all.data?.verifyAllCases.failures).toEqual([]);
    expect(await search('Zebedee')).toEqual([]);
    expect(await search(email)).toEqual([]);
    expect(verified?.erasures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'FOI, granted-in-full: 0 months after closure', hashChecked: true }),
      ]),
    );
    // The offline bundle of the anonymised case verifies with the same code, and holds none of it either.
    const bundle = await api.graphql<{ exportCaseBundle: unknown }>(
      'query($id: ID!) { exportCaseBundle(caseId: $id) }',
      { id: created.id },
      auditor,
    );
    expect(JSON.stringify(bundle.data?.exportCaseBundle).toLowerCase()).not.toContain('quaxley');
    const file = join(mkdtempSync(join(tmpdir(), 'bundle-')), 'case.json');
    writeFileSync(file, JSON.stringify(bundle.data?.exportCaseBundle));
    const offline = await run(process.execPath, [cli, 'audit', 'verify', file]);
    expect(offline.stdout).toMatch(/OK/i);
    const after = await read(created.id);
    expect(after?.requester).toMatchObject({ name: null, email: null });
    expect(after?.history.at(-1)?.type).toBe('CASE_ANONYMISED');
    expect(after?.history.find((e) => e.type === 'SUBMIT_FOR_APPROVAL')?.erasure).toMatchObject({
      fields: ['answers'],
    });
    // The note and the tasks keep who, when and what kind; every text they held is erased, and the event says how many.
    const textEvents = (after?.history ?? []).filter((e) =>
      ['NOTE_ADDED', 'TASK_RAISED', 'TASK_CHASED', 'TASK_ANSWERED', 'TASK_CANCELLED'].includes(e.type),
    );
    expect(textEvents.map((e) => e.type).sort()).toEqual([
      'NOTE_ADDED',
      'TASK_ANSWERED',
      'TASK_CANCELLED',
      'TASK_CHASED',
      'TASK_RAISED',
      'TASK_RAISED',
    ]);
    expect(after?.history.at(-1)?.payload).toMatchObject({
      notes: 1,
      taskTexts: 5,
      erasedTexts: textEvents.map((e) => e.sequence),
    });
    const [erasure] = await api.dataSource.query('SELECT erased FROM case_erasure WHERE case_id = $1', [
      created.id,
    ]);
    expect(erasure.erased).toMatchObject({ notes: 1, taskTexts: 5 });
    const kept = await api.graphql<{
      case: {
        notes: { text: string; author: { name: string } }[];
        tasks: {
          question: string;
          answer: string | null;
          cancelReason: string | null;
          status: string;
          dueOn: string;
          activity: { kind: string; message: string | null }[];
        }[];
      };
    }>(
      `query($id: ID!) { case(id: $id) { notes { text author { name } }
        tasks { question answer cancelReason status dueOn activity { kind message } } } }`,
      { id: created.id },
      officer,
    );
    expect(kept.data?.case.notes).toEqual([{ text: '[erased]', author: { name: 'Test officer' } }]);
    expect(kept.data?.case.tasks).toEqual([
      expect.objectContaining({
        question: '[erased]',
        answer: '[erased]',
        cancelReason: null,
        status: 'answered',
      }),
      expect.objectContaining({
        question: '[erased]',
        answer: null,
        cancelReason: '[erased]',
        status: 'cancelled',
      }),
    ]);
    expect(kept.data?.case.tasks[0]?.activity.find((a) => a.kind === 'chased')?.message).toBe('[erased]');
    const later = await api.graphql(
      'mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id } }',
      { input: { caseId: created.id, text: `Called ${name} again.` } },
      officer,
    );
    expect(later.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
    // Erased once and for all: the erased note takes no further change, and a change beneath the trigger is found.
    await expect(
      api.dataSource.query(`UPDATE case_note SET text = 'put back' WHERE case_id = $1`, [created.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      api.dataSource.query('DELETE FROM case_note WHERE case_id = $1', [created.id]),
    ).rejects.toThrow(/append-only/);
    await beneathTriggers(`UPDATE case_note SET text = 'put back' WHERE case_id = $1`, [created.id]);
    expect(await verify(created.id)).toMatchObject({ ok: false, firstBadSequence: textEvents[0]?.sequence });
    await beneathTriggers(`UPDATE case_note SET text = '[erased]' WHERE case_id = $1`, [created.id]);
    expect(await verify(created.id)).toMatchObject({ ok: true });

    // Every text and JSON column of every table: neither the name nor the e-mail address anywhere.
    const columns: { table_name: string; column_name: string; data_type: string }[] =
      await api.dataSource.query(
        `SELECT table_name, column_name, data_type FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'bytea', 'tsvector')`,
      );
    expect(columns.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const c of columns) {
      const value =
        c.data_type === 'bytea' ? `encode("${c.column_name}", 'escape')` : `"${c.column_name}"::text`;
      for (const needle of [name, email, 'quaxley']) {
        const [hit] = await api.dataSource.query(
          `SELECT count(*)::int AS n FROM "${c.table_name}" WHERE ${value} ILIKE $1`,
          [`%${needle}%`],
        );
        if (hit.n > 0) found.push(`${c.table_name}.${c.column_name} has ${needle}`);
      }
    }
    expect(found).toEqual([]);
    // Every stored file under the data folder (documents and uploads).
    const dataDir = loadConfig(process.env).dataDir;
    const stored = [...filesUnder(join(dataDir, 'documents')), ...filesUnder(join(dataDir, 'uploads'))];
    const leaking = stored.filter((path) => {
      const text = readFileSync(path).toString('latin1').toLowerCase();
      return text.includes(email) || text.includes('quaxley');
    });
    expect(leaking).toEqual([]);
  });

  it('erases notes and task texts only by anonymising: elsewhere the triggers refuse it and verification finds it', async () => {
    const created = await createCase(api, officer);
    const added = await api.graphql<{ addCaseNote: { id: string; eventSequence: number } }>(
      'mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id eventSequence } }',
      { input: { caseId: created.id, text: 'Olwen Tamper asked for a call back.' } },
      officer,
    );
    const { id: noteId, eventSequence } = added.data?.addCaseNote ?? { id: '', eventSequence: 0 };
    const raised = await api.graphql<{ raiseTask: { id: string } }>(
      'mutation($input: RaiseTaskInput!) { raiseTask(input: $input) { id } }',
      {
        input: {
          caseId: created.id,
          question: 'Did Olwen Tamper call?',
          assigneeId: (await api.graphql<{ me: { id: string } }>('{ me { id } }', {}, officer)).data?.me.id,
          workingDays: 3,
        },
      },
      officer,
    );
    const taskId = raised.data?.raiseTask.id as string;
    await api.graphql(
      'mutation($input: ChaseTaskInput!) { chaseTask(input: $input) { id } }',
      { input: { taskId, message: 'Olwen Tamper is waiting.' } },
      officer,
    );
    expect(await verify(created.id)).toMatchObject({ ok: true });
    // Ordinary changes are refused, and so is the erasure's own change on a case not anonymised.
    for (const sql of [
      `UPDATE case_note SET text = 'changed' WHERE id = $1`,
      `UPDATE case_note SET created_by = created_by WHERE id = $1`,
      `DELETE FROM case_note WHERE id = $1`,
      `UPDATE case_note SET text = '[erased]', text_salt = NULL, erased_at = now() WHERE id = $1`,
    ])
      await expect(api.dataSource.query(sql, [noteId]), sql).rejects.toThrow(/case_note is append-only/);
    for (const sql of [
      `UPDATE case_task_event SET message = 'changed' WHERE task_id = $1`,
      `DELETE FROM case_task_event WHERE task_id = $1`,
      `UPDATE case_task_event SET message = CASE WHEN message IS NULL THEN NULL ELSE '[erased]' END,
              message_salt = NULL, erased_at = now() WHERE task_id = $1`,
    ])
      await expect(api.dataSource.query(sql, [taskId]), sql).rejects.toThrow(
        /case_task_event is append-only/,
      );
    // Changed beneath the trigger (as the database's owner could): found, and found again when made to look erased.
    const [original] = await api.dataSource.query('SELECT text, text_salt FROM case_note WHERE id = $1', [
      noteId,
    ]);
    await beneathTriggers(`UPDATE case_note SET text = 'Nobody called.' WHERE id = $1`, [noteId]);
    const altered = {
      ok: false,
      firstBadSequence: eventSequence,
      reason: `The note recorded by event ${eventSequence} has been changed or removed.`,
    };
    expect(await verify(created.id)).toMatchObject(altered);
    const all = await api.graphql<{
      verifyAllCases: { failures: { caseId: string; firstBadSequence: number }[] };
    }>('{ verifyAllCases { failures { caseId firstBadSequence } } }', {}, auditor);
    expect(all.data?.verifyAllCases.failures).toEqual([
      { caseId: created.id, firstBadSequence: eventSequence },
    ]);
    await beneathTriggers(
      `UPDATE case_note SET text = '[erased]', text_salt = NULL, erased_at = now() WHERE id = $1`,
      [noteId],
    );
    expect(await verify(created.id)).toMatchObject(altered);
    await beneathTriggers(`UPDATE case_note SET text = $2, text_salt = $3, erased_at = NULL WHERE id = $1`, [
      noteId,
      original.text,
      original.text_salt,
    ]);
    expect(await verify(created.id)).toMatchObject({ ok: true });
    // A chaser made to look erased is found too.
    const [chaser] = await api.dataSource.query(
      `SELECT case_sequence FROM case_task_event WHERE task_id = $1 AND kind = 'chased'`,
      [taskId],
    );
    await beneathTriggers(
      `UPDATE case_task_event SET message = '[erased]', message_salt = NULL, erased_at = now() WHERE task_id = $1 AND kind = 'chased'`,
      [taskId],
    );
    expect(await verify(created.id)).toMatchObject({
      ok: false,
      firstBadSequence: chaser.case_sequence,
      reason: `The chaser recorded by event ${chaser.case_sequence} has been changed or removed.`,
    });
  });

  it('erases an event recorded before commitments: verification says erased under the rule, not altered', async () => {
    const created = await createCase(api, officer);
    await sendEvent(api, officer, { caseId: created.id, type: 'START_RESPONSE' });
    await sendEvent(api, officer, {
      caseId: created.id,
      type: 'SUBMIT_FOR_APPROVAL',
      payload: {
        outcome: 'not-held',
        answers: [{ question: 'Held?', answer: 'Not by Olwen Legacy.' }],
        held: false,
      },
    });
    // A note and a task, as recorded before their texts had commitments: the history has each text's plain SHA-256.
    const texts: Record<string, [string, string]> = {
      NOTE_ADDED: ['text', 'Olwen Legacy rang about this.'],
      TASK_RAISED: ['question', 'Has Olwen Legacy written before?'],
      TASK_ANSWERED: ['answer', 'Olwen Legacy wrote twice.'],
    };
    await api.graphql(
      'mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id } }',
      { input: { caseId: created.id, text: texts.NOTE_ADDED?.[1] } },
      officer,
    );
    const officerId = (await api.graphql<{ me: { id: string } }>('{ me { id } }', {}, officer)).data?.me.id;
    const raised = await api.graphql<{ raiseTask: { id: string } }>(
      'mutation($input: RaiseTaskInput!) { raiseTask(input: $input) { id } }',
      {
        input: {
          caseId: created.id,
          question: texts.TASK_RAISED?.[1],
          assigneeId: officerId,
          workingDays: 3,
        },
      },
      officer,
    );
    const answered = await api.graphql(
      'mutation($input: AnswerTaskInput!) { answerTask(input: $input) { id } }',
      { input: { taskId: raised.data?.raiseTask.id, answer: texts.TASK_ANSWERED?.[1] } },
      officer,
    );
    expect(answered.errors).toBeUndefined();
    await sendEvent(api, officer, { caseId: created.id, type: 'WITHDRAW' });
    const legacyPayload = (type: string, payload: unknown) => {
      const text = texts[type];
      if (!text) return payload;
      const { [`${text[0]}Commitment`]: _, ...rest } = payload as Record<string, unknown>;
      return { ...rest, [`${text[0]}Sha256`]: sha256(text[1]) };
    };
    // As a database from before commitments holds it: every event hashed with its text, no private fields.
    const rows: (RecordedEvent & { id: string })[] = (
      await api.dataSource.query(
        `SELECT id, case_id, sequence, type, payload, actor_id, recorded_at, to_char(effective_on, 'YYYY-MM-DD') AS effective_on,
                workflow_version_id, holidays_as_of, stage_after FROM case_event WHERE case_id = $1 ORDER BY sequence`,
        [created.id],
      )
    ).map((r: EventRow) => ({
      id: r.id,
      caseId: r.case_id,
      sequence: r.sequence,
      type: r.type,
      payload: legacyPayload(r.type, r.payload),
      actorId: r.actor_id,
      recordedAt: r.recorded_at.toISOString(),
      effectiveOn: r.effective_on,
      workflowVersionId: r.workflow_version_id,
      holidaysAsOf: r.holidays_as_of?.toISOString() ?? null,
      stageAfter: r.stage_after,
    }));
    await api.dataSource.transaction(async (manager) => {
      await manager.query('ALTER TABLE case_event DISABLE TRIGGER case_event_append_only');
      let prevHash = GENESIS_HASH;
      for (const row of rows) {
        const { id, ...fields } = row;
        const hash = hashEvent({ ...fields, prevHash });
        await manager.query(
          'UPDATE case_event SET payload = $4, private_fields = NULL, payload_salt = NULL, prev_hash = $2, hash = $3 WHERE id = $1',
          [id, prevHash, hash, JSON.stringify(fields.payload)],
        );
        prevHash = hash;
      }
      await manager.query('ALTER TABLE case_event ENABLE TRIGGER case_event_append_only');
      await manager.query('UPDATE case_task SET text_salt = NULL WHERE case_id = $1', [created.id]);
    });
    await beneathTriggers('UPDATE case_note SET text_salt = NULL, text_sha256 = $2 WHERE case_id = $1', [
      created.id,
      sha256(texts.NOTE_ADDED?.[1] as string),
    ]);
    expect(await verify(created.id)).toMatchObject({ ok: true, eventsChecked: 7, erasures: null });
    // A changed legacy text is still found.
    await beneathTriggers(`UPDATE case_note SET text = 'Nobody rang.' WHERE case_id = $1`, [created.id]);
    expect(await verify(created.id)).toMatchObject({ ok: false, firstBadSequence: 4 });
    await beneathTriggers('UPDATE case_note SET text = $2 WHERE case_id = $1', [
      created.id,
      texts.NOTE_ADDED?.[1],
    ]);
    expect(await verify(created.id)).toMatchObject({ ok: true });

    const erased = await api.graphql(
      'mutation($id: ID!) { anonymiseCase(caseId: $id, reason: "Erasure requested under Art 17") { sequence } }',
      { id: created.id },
      admin,
    );
    expect(erased.errors).toBeUndefined();
    expect(await verify(created.id)).toMatchObject({
      ok: true,
      eventsChecked: 8,
      erasures: [{ sequence: 3, rule: 'on request', hashChecked: false }],
    });
    const [{ n }] = await api.dataSource.query(
      `SELECT (SELECT count(*) FROM case_event WHERE case_id = $1 AND payload::text ILIKE '%Olwen%')
            + (SELECT count(*) FROM case_note WHERE case_id = $1 AND text ILIKE '%Olwen%')
            + (SELECT count(*) FROM case_task WHERE case_id = $1 AND (question || answer) ILIKE '%Olwen%') AS n`,
      [created.id],
    );
    expect(Number(n)).toBe(0);
    // Any other change to that event is still refused.
    await expect(
      api.dataSource.query(`UPDATE case_event SET stage_after = 'x' WHERE case_id = $1 AND sequence = 3`, [
        created.id,
      ]),
    ).rejects.toThrow(/append-only/);
  });
});
