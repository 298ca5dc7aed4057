import { describe, expect, it } from 'vitest';
import {
  CASE_CORRECTED,
  CASE_MIGRATED,
  CASE_REOPENED,
  type CaseSnapshot,
  correctReceivedOn,
  describeState,
  erasePayload,
  GENESIS_HASH,
  hashEvent,
  initialSnapshot,
  migratedSnapshot,
  planMigration,
  privateFieldsOf,
  type RecordedEvent,
  reopenedSnapshot,
  replayEvents,
  step,
  verifyHistory,
  type WorkflowDefinition,
} from './index';
import { builtIn } from './test-support/built-ins';

const foi = builtIn('foi');
// Version 2 of foi: the drafting step renamed "writing".
const foi2: WorkflowDefinition = {
  ...foi,
  stages: foi.stages.map((stage) =>
    stage.id !== 'response'
      ? stage
      : {
          ...stage,
          initialStep: stage.initialStep === 'drafting' ? 'writing' : stage.initialStep,
          steps: stage.steps.map((s) => (s.id === 'drafting' ? { ...s, id: 'writing' } : s)),
          transitions: stage.transitions.map((t) => ({
            ...t,
            from: t.from === 'drafting' ? 'writing' : t.from,
            to: t.to === 'drafting' ? 'writing' : t.to,
          })),
        },
  ),
};
const V1 = '00000000-0000-4000-8000-000000000001';
const V2 = '00000000-0000-4000-8000-000000000002';
const definitions: Record<string, WorkflowDefinition> = { [V1]: foi, [V2]: foi2 };
const SALT = 'a'.repeat(64);

/** A case recorded as the engine does, with free text hashed as commitments. */
function recorder() {
  const events: RecordedEvent[] = [];
  const snapshots: CaseSnapshot[] = [];
  const add = (
    type: string,
    payload: Record<string, unknown>,
    at: string,
    next: (before: CaseSnapshot) => CaseSnapshot,
    version = V1,
    privateFields: string[] = [],
  ) => {
    const snapshot = next(snapshots.at(-1) as CaseSnapshot);
    snapshots.push(snapshot);
    const fields = {
      caseId: '11111111-1111-4111-8111-111111111111',
      sequence: events.length + 1,
      type,
      payload,
      actorId: null,
      recordedAt: `${at}T09:00:0${events.length % 10}.000Z`,
      effectiveOn: at,
      workflowVersionId: version,
      holidaysAsOf: null,
      stageAfter: describeState(definitions[version] as WorkflowDefinition, snapshot).stage,
      prevHash: events.at(-1)?.hash ?? GENESIS_HASH,
      privateFields,
      payloadSalt: privateFields.length > 0 ? SALT : null,
    };
    events.push({ ...fields, hash: hashEvent(fields) });
  };
  const stepped =
    (def: WorkflowDefinition, type: string, payload: Record<string, unknown>, at: string) =>
    (before: CaseSnapshot) =>
      step(def, before, { type, payload, at }, at).snapshot;
  return { events, snapshots, add, stepped };
}

const answers = {
  outcome: 'granted-in-full',
  answers: [{ question: 'Ask Zebedee Quaxley?', answer: 'Zebedee Quaxley has the files.' }],
  held: true,
};

describe('lifecycle events replay and verify', () => {
  it('a corrected received date restarts the count from the new date', () => {
    const first = initialSnapshot(foi, { receivedOn: '2026-03-09' }).snapshot;
    const corrected = correctReceivedOn(first, '2026-03-02', {}).snapshot;
    expect(first.context.deadlines.response?.due).toBe('2026-04-09');
    expect(corrected.context.receivedOn).toBe('2026-03-02');
    expect(corrected.context.deadlines.response?.due).toBe('2026-03-31');
  });

  it('a case moved to version 2 mid-response replays and verifies across both versions', () => {
    const r = recorder();
    r.add(
      'CASE_CREATED',
      { receivedOn: '2026-03-02' },
      '2026-03-02',
      () => initialSnapshot(foi, { receivedOn: '2026-03-02' }).snapshot,
    );
    r.add('START_RESPONSE', {}, '2026-03-03', r.stepped(foi, 'START_RESPONSE', {}, '2026-03-03'));
    const plan = planMigration(foi, foi2, r.snapshots.at(-1) as CaseSnapshot, {
      'response.drafting': 'writing',
    });
    expect(plan.problems).toEqual([]);
    expect(plan.to).toEqual({ stage: 'response', step: 'writing' });
    r.add(
      CASE_MIGRATED,
      { fromVersionId: V1, toVersionId: V2, from: plan.from, to: plan.to, mapping: {} },
      '2026-03-04',
      (before) => migratedSnapshot(before, plan.to),
      V2,
    );
    r.add(
      'SUBMIT_FOR_APPROVAL',
      answers,
      '2026-03-05',
      r.stepped(foi2, 'SUBMIT_FOR_APPROVAL', answers, '2026-03-05'),
      V2,
      privateFieldsOf(foi2, 'SUBMIT_FOR_APPROVAL', answers),
    );
    const stored = r.snapshots.at(-1) as CaseSnapshot;
    expect(describeState(foi2, stored).step).toBe('approval');
    const result = verifyHistory({ events: r.events, definitions, holidays: [], storedSnapshot: stored });
    expect(result).toMatchObject({ ok: true, eventsChecked: 4 });
    // Without the mapping the case cannot move, and the plan says why.
    expect(planMigration(foi, foi2, r.snapshots[1] as CaseSnapshot, {}).problems[0]).toContain(
      'has no counterpart',
    );
  });

  it('erasing committed free text leaves the chain verifying and says so', () => {
    const r = recorder();
    r.add(
      'CASE_CREATED',
      { receivedOn: '2026-03-02' },
      '2026-03-02',
      () => initialSnapshot(foi, { receivedOn: '2026-03-02' }).snapshot,
    );
    r.add('START_RESPONSE', {}, '2026-03-03', r.stepped(foi, 'START_RESPONSE', {}, '2026-03-03'));
    const fields = privateFieldsOf(foi, 'SUBMIT_FOR_APPROVAL', answers);
    expect(fields).toEqual(['answers']);
    r.add(
      'SUBMIT_FOR_APPROVAL',
      answers,
      '2026-03-05',
      r.stepped(foi, 'SUBMIT_FOR_APPROVAL', answers, '2026-03-05'),
      V1,
      fields,
    );
    const erased = r.events.map((e) =>
      e.privateFields?.length
        ? {
            ...e,
            payload: erasePayload(e.payload as Record<string, unknown>, e.privateFields, SALT, true),
            payloadSalt: null,
            erasure: { fields: e.privateFields, rule: 'FOI two years', erasedAt: '2028-03-05T00:00:00.000Z' },
          }
        : e,
    );
    expect(JSON.stringify(erased)).not.toContain('Zebedee');
    const replayed = replayEvents({ events: erased, definitions, holidays: [] }).at(-1) as CaseSnapshot;
    const result = verifyHistory({ events: erased, definitions, holidays: [], storedSnapshot: replayed });
    expect(result).toMatchObject({
      ok: true,
      erasures: [{ sequence: 3, rule: 'FOI two years', hashChecked: true }],
    });
    // Changing an erased commitment is still caught.
    const forged = erased.map((e) =>
      e.sequence === 3
        ? { ...e, payload: { ...(e.payload as object), answers: { $erased: '0'.repeat(64) } } }
        : e,
    );
    expect(
      verifyHistory({ events: forged, definitions, holidays: [], storedSnapshot: replayed }),
    ).toMatchObject({
      ok: false,
      firstBadSequence: 3,
    });
  });

  it('an event hashed with its text reports the erasure instead of a broken hash', () => {
    const r = recorder();
    r.add(
      'CASE_CREATED',
      { receivedOn: '2026-03-02' },
      '2026-03-02',
      () => initialSnapshot(foi, { receivedOn: '2026-03-02' }).snapshot,
    );
    r.add('START_RESPONSE', {}, '2026-03-03', r.stepped(foi, 'START_RESPONSE', {}, '2026-03-03'));
    r.add(
      'SUBMIT_FOR_APPROVAL',
      answers,
      '2026-03-05',
      r.stepped(foi, 'SUBMIT_FOR_APPROVAL', answers, '2026-03-05'),
    );
    // Recorded before commitments: no privateFields, the text itself hashed.
    const legacy = r.events.map(({ privateFields: _p, payloadSalt: _s, ...e }) => e);
    const erased = legacy.map((e) =>
      e.sequence === 3
        ? {
            ...e,
            payload: erasePayload(e.payload as Record<string, unknown>, ['answers'], null, false),
            erasure: { fields: ['answers'], rule: 'SAR one year', erasedAt: '2027-01-01T00:00:00.000Z' },
          }
        : e,
    );
    // The hashes were computed with privateFields: []; recompute the legacy chain to start from.
    let prev = GENESIS_HASH;
    const chain = legacy.map((e) => {
      const fixed = { ...e, prevHash: prev };
      const hash = hashEvent(fixed);
      prev = hash;
      return { ...fixed, hash };
    });
    const erasedChain = chain.map((e, i) =>
      i === 2 ? { ...(erased[2] as RecordedEvent), prevHash: e.prevHash, hash: e.hash } : e,
    );
    const replayed = replayEvents({ events: erasedChain, definitions, holidays: [] }).at(-1) as CaseSnapshot;
    expect(
      verifyHistory({ events: erasedChain, definitions, holidays: [], storedSnapshot: replayed }),
    ).toMatchObject({
      ok: true,
      erasures: [{ sequence: 3, rule: 'SAR one year', hashChecked: false }],
    });
  });

  it('a reopened case stands where it was before it closed; a correction replays', () => {
    const r = recorder();
    r.add(
      'CASE_CREATED',
      { receivedOn: '2026-03-02' },
      '2026-03-02',
      () => initialSnapshot(foi, { receivedOn: '2026-03-02' }).snapshot,
    );
    r.add('WITHDRAW', {}, '2026-03-03', r.stepped(foi, 'WITHDRAW', {}, '2026-03-03'));
    expect((r.snapshots.at(-1) as CaseSnapshot).status).toBe('done');
    r.add(
      CASE_REOPENED,
      { reason: 'withdrawn by mistake', restoresSequence: 1 },
      '2026-03-04',
      (before) => reopenedSnapshot(before, r.snapshots[0] as CaseSnapshot, {}, '2026-03-04').snapshot,
    );
    r.add(
      CASE_CORRECTED,
      { receivedOn: { from: '2026-03-02', to: '2026-03-01' }, subject: { from: 'a', to: 'b' } },
      '2026-03-04',
      (before) => correctReceivedOn(before, '2026-03-01', {}).snapshot,
      V1,
      ['subject'],
    );
    const stored = r.snapshots.at(-1) as CaseSnapshot;
    expect(describeState(foi, stored).stage).toBe('received');
    expect(
      verifyHistory({ events: r.events, definitions, holidays: [], storedSnapshot: stored }),
    ).toMatchObject({
      ok: true,
      eventsChecked: 4,
    });
  });
});
