import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CaseBundle, RecordedEvent } from '@recordflow/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { approvedAndSent, createCase, play, type Step } from '../support/cases';

const run = promisify(execFile);
const cli = join(__dirname, '../../apps/cli/dist/main.js');

const VERIFY =
  'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok eventsChecked firstBadSequence reason } }';
const BUNDLE = 'query($id: ID!) { exportCaseBundle(caseId: $id) }';

/** The example response letter's request: received 14 Jan 2026, answered 16 Jan, review upheld, ICO decision. */
const EXAMPLE_EVENTS: Step[] = [
  { type: 'START_RESPONSE', effectiveOn: '2026-01-16' },
  {
    type: 'SUBMIT_FOR_APPROVAL',
    effectiveOn: '2026-01-16',
    payload: {
      outcome: 'granted-in-full',
      answers: [
        { question: 'How many Chinese cameras?', answer: 'No Chinese cameras; no facial recognition.' },
      ],
      held: true,
    },
  },
  ...approvedAndSent('2026-01-16'),
  { type: 'REQUEST_INTERNAL_REVIEW', effectiveOn: '2026-02-16', payload: { reviewGrounds: 'Incomplete.' } },
  {
    type: 'REVIEW_DECIDED',
    effectiveOn: '2026-03-10',
    payload: { reviewOutcome: 'upheld', reviewReasons: 'Complete.' },
  },
  {
    type: 'REGULATOR_COMPLAINT_RECEIVED',
    effectiveOn: '2026-03-20',
    payload: { regulatorReference: 'IC-400123' },
  },
  {
    type: 'DECISION_NOTICE_ISSUED',
    effectiveOn: '2026-07-01',
    payload: { decisionNoticeReference: 'IC-400123-DN', decision: 'complaint-not-upheld' },
  },
];

describe('auditors: replay and tamper evidence', () => {
  let api: TestApi;
  let officer: string;
  let auditor: string;
  beforeAll(async () => {
    api = await startTestApi('audit');
    officer = await api.signIn(['officer']);
    auditor = await api.signIn(['auditor']);
  });
  afterAll(() => api?.close());

  /** Builds the example case and keeps the state the engine recorded after each event. */
  async function exampleCase() {
    const created = await createCase(api, officer);
    const recorded: unknown[] = [];
    const stateOf = async () =>
      (
        await api.graphql<{ case: { state: unknown } }>(
          'query($id: ID!) { case(id: $id) { state } }',
          { id: created.id },
          officer,
        )
      ).data?.case.state;
    recorded.push(await stateOf());
    for (const step of EXAMPLE_EVENTS) {
      await play(api, officer, created.id, [step]);
      // Sending a letter is two events: LETTER_SENT (the state as it was), then RESPONSE_SENT.
      if ('sendLetter' in step) recorded.push(recorded.at(-1));
      recorded.push(await stateOf());
    }
    return { id: created.id, reference: created.reference, recorded };
  }

  // Tampering needs the append-only trigger off, as someone with superuser access would do.
  const tamper = (sql: string, params: unknown[]) =>
    api.dataSource.transaction(async (manager) => {
      await manager.query('ALTER TABLE case_event DISABLE TRIGGER case_event_append_only');
      await manager.query(sql, params);
      await manager.query('ALTER TABLE case_event ENABLE TRIGGER case_event_append_only');
    });
  const verify = async (id: string) =>
    (await api.graphql<{ verifyCaseHistory: Record<string, unknown> }>(VERIFY, { id }, auditor)).data
      ?.verifyCaseHistory;

  it('replays the example case at every sequence to exactly what was recorded at that time', async () => {
    const example = await exampleCase();
    for (let sequence = 1; sequence <= example.recorded.length; sequence++) {
      const replay = await api.graphql<{
        replayCase: { state: unknown; stage: string; event: { sequence: number } };
      }>(
        'query($id: ID!, $to: Int!) { replayCase(caseId: $id, toSequence: $to) { state stage event { sequence } } }',
        { id: example.id, to: sequence },
        auditor,
      );
      expect(replay.errors).toBeUndefined();
      expect(replay.data?.replayCase.state, `after event ${sequence}`).toEqual(
        example.recorded[sequence - 1],
      );
    }
    const history = await api.graphql<{
      case: { history: { sequence: number; stageAfter: string; stateAfter: unknown }[] };
    }>(
      'query($id: ID!) { case(id: $id) { history { sequence stageAfter stateAfter } } }',
      { id: example.id },
      auditor,
    );
    expect(history.data?.case.history.map((e) => e.stateAfter)).toEqual(example.recorded);
    expect(await verify(example.id)).toEqual({
      ok: true,
      eventsChecked: 10,
      firstBadSequence: null,
      reason: null,
    });
  });

  it('detects one changed byte in a stored payload, naming the event', async () => {
    const { id } = await exampleCase();
    await tamper(
      `UPDATE case_event SET payload = jsonb_set(payload, '{answers,0,answer}', '"No Chinese cameras; no facial recognitioN."') WHERE case_id = $1 AND sequence = 3`,
      [id],
    );
    expect(await verify(id)).toEqual({
      ok: false,
      eventsChecked: 2,
      firstBadSequence: 3,
      reason: 'its content does not match its hash: it was altered after it was recorded',
    });
  });

  it('detects a deleted event', async () => {
    const { id } = await exampleCase();
    await tamper('DELETE FROM case_event WHERE case_id = $1 AND sequence = 5', [id]);
    expect(await verify(id)).toMatchObject({
      ok: false,
      firstBadSequence: 5,
      reason: 'event 5 is missing (the next recorded event is 6)',
    });
  });

  it('detects two events swapped', async () => {
    const { id } = await exampleCase();
    // Through a spare number: the unique (case, sequence) index forbids a direct swap.
    await tamper('UPDATE case_event SET sequence = -6 WHERE case_id = $1 AND sequence = 6', [id]);
    await tamper('UPDATE case_event SET sequence = 6 WHERE case_id = $1 AND sequence = 7', [id]);
    await tamper('UPDATE case_event SET sequence = 7 WHERE case_id = $1 AND sequence = -6', [id]);
    expect(await verify(id)).toMatchObject({
      ok: false,
      firstBadSequence: 6,
      reason: "its previous-hash does not match event 5's hash: the chain is broken",
    });
  });

  it('detects a snapshot edited directly in SQL', async () => {
    const { id } = await exampleCase();
    await api.dataSource.query(
      `UPDATE "case" SET snapshot = jsonb_set(snapshot, '{context,record,outcome}', '"refused-in-full"') WHERE id = $1`,
      [id],
    );
    expect(await verify(id)).toEqual({
      ok: false,
      eventsChecked: 10,
      firstBadSequence: 10,
      reason: 'the stored snapshot differs from the replay of the events: the case row was altered',
    });
    const all = await api.graphql<{
      verifyAllCases: { casesChecked: number; failures: { caseId: string; firstBadSequence: number }[] };
    }>('{ verifyAllCases { casesChecked failures { caseId firstBadSequence reason } } }', {}, auditor);
    expect(all.data?.verifyAllCases.failures.map((f) => f.caseId)).toContain(id);
  });

  it('exports a bundle that verifies offline, and names the first bad event when the bundle is altered', async () => {
    const { id, reference } = await exampleCase();
    const bundle = (await api.graphql<{ exportCaseBundle: CaseBundle }>(BUNDLE, { id }, auditor)).data
      ?.exportCaseBundle as CaseBundle;
    expect(JSON.stringify(bundle)).not.toContain('requester@example.net');
    const dir = mkdtempSync(join(tmpdir(), 'recordflow-bundle-'));
    const write = (name: string, content: unknown) => {
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify(content));
      return file;
    };
    const good = await run(process.execPath, [cli, 'audit', 'verify', write('good.json', bundle)]);
    expect(good.stdout).toBe(
      `OK ${reference}: 10 events and 1 workflow versions checked; the hash chain is intact and replaying the events gives the recorded state.\n`,
    );

    const altered = structuredClone(bundle);
    (altered.events[3]?.payload as Record<string, unknown>).outcome = 'refused-in-full';
    const reordered = structuredClone(bundle);
    reordered.events.splice(4, 2, reordered.events[5] as RecordedEvent, reordered.events[4] as RecordedEvent);
    const deleted = structuredClone(bundle);
    deleted.events.splice(2, 1);
    const failures = await Promise.all(
      [
        ['altered.json', altered],
        ['reordered.json', reordered],
        ['deleted.json', deleted],
      ].map(([name, content]) =>
        run(process.execPath, [cli, 'audit', 'verify', write(name as string, content)]).catch((e) => e),
      ),
    );
    expect(failures.map((f) => f.code)).toEqual([1, 1, 1]);
    expect(failures[0].stdout).toContain('First problem at event 4: its content does not match its hash');
    expect(failures[1].stdout).toContain(
      'First problem at event 5: event 5 is missing (the next recorded event is 6)',
    );
    expect(failures[2].stdout).toContain(
      'First problem at event 3: event 3 is missing (the next recorded event is 4)',
    );
  });

  it('puts the request text in the bundle without the requester’s name, e-mail or address, and it still verifies offline', async () => {
    const created = await api.graphql<{ createCase: { id: string; reference: string } }>(
      'mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference } }',
      {
        input: {
          workflowId: 'foi',
          receivedOn: '2026-01-14',
          channel: 'post',
          subject: 'Street lighting',
          requestText:
            'How many street lights did the council replace in 2025?\n\nYours, Samira Okafor\n12 Mill Lane, Barnet\nsamira.okafor@example.net',
          requester: {
            name: 'Samira Okafor',
            email: 'samira.okafor@example.net',
            address: '12 Mill Lane\nBarnet\nEN5 1AA',
          },
        },
      },
      officer,
    );
    if (!created.data) throw new Error(JSON.stringify(created.errors));
    const { id, reference } = created.data.createCase;
    const bundle = (await api.graphql<{ exportCaseBundle: CaseBundle }>(BUNDLE, { id }, auditor)).data
      ?.exportCaseBundle as CaseBundle;
    expect(bundle.case.subject).toBe('Street lighting');
    expect(bundle.case.requestText).toBe(
      'How many street lights did the council replace in 2025?\n\nYours, [the requester]\n[the requester], [the requester]\n[the requester]',
    );
    for (const personal of ['Samira', 'Okafor', 'Mill Lane', 'samira.okafor@example.net', 'EN5 1AA']) {
      expect(JSON.stringify(bundle)).not.toContain(personal);
    }
    const dir = mkdtempSync(join(tmpdir(), 'recordflow-bundle-'));
    const file = join(dir, 'with-request.json');
    writeFileSync(file, JSON.stringify(bundle));
    const verified = await run(process.execPath, [cli, 'audit', 'verify', file]);
    expect(verified.stdout).toMatch(new RegExp(`^OK ${reference}: 1 events`));
  });

  it('is read-only and for auditors and administrators: an officer is refused', async () => {
    const { id } = await exampleCase();
    const result = await api.graphql(VERIFY, { id }, officer);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
