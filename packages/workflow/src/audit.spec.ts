import fc from 'fast-check';
import { canonicalize } from 'json-canonicalize';
import { describe, expect, it } from 'vitest';
import type { HashedFields } from './audit';
import { sha256Hex } from './canonical';
import {
  type CaseSnapshot,
  calendarAsOf,
  DEADLINES_RECOMPUTED,
  describeState,
  GENESIS_HASH,
  hashDefinition,
  hashEvent,
  initialSnapshot,
  type RecordedEvent,
  type RecordedHoliday,
  recomputeDeadlines,
  replayEvents,
  step,
  verifyBundle,
  verifyHistory,
  type WorkflowDefinition,
} from './index';
import { builtIn } from './test-support/built-ins';

const foi = builtIn('foi');
const V1 = '00000000-0000-4000-8000-000000000001';
const V2 = '00000000-0000-4000-8000-000000000002';
// What PostgreSQL hands back: jsonb reorders keys (shorter first), so nothing arrives in canonical order.
const fromDatabase = <T>(value: T): T => JSON.parse(JSON.stringify(value));

// A bank holiday added while the case ran: Fri 23 Jan 2026, in every division.
const HOLIDAY: RecordedHoliday = {
  date: '2026-01-23',
  title: 'Extra holiday',
  divisions: ['england-and-wales', 'scotland', 'northern-ireland'],
  createdAt: '2026-01-15T12:00:00.000Z',
};

/** A case as the engine records it: each event stepped, its stage noted, hashed and chained. */
function recordCase(caseId = '11111111-1111-4111-8111-111111111111') {
  const events: RecordedEvent[] = [];
  let snapshot: CaseSnapshot | undefined;
  const add = (type: string, payload: Record<string, unknown>, at: string, holidaysAsOf: string | null) => {
    const calendar = calendarAsOf([HOLIDAY], holidaysAsOf);
    if (type === 'CASE_CREATED') snapshot = initialSnapshot(foi, { receivedOn: at, calendar }).snapshot;
    else if (type === DEADLINES_RECOMPUTED)
      snapshot = recomputeDeadlines(foi, snapshot as CaseSnapshot, calendar).snapshot;
    else snapshot = step(foi, snapshot as CaseSnapshot, { type, payload, at }, at, { calendar }).snapshot;
    const fields = {
      caseId,
      sequence: events.length + 1,
      type,
      payload,
      actorId: null,
      recordedAt: `${at}T09:0${events.length % 10}:00.000Z`,
      effectiveOn: at,
      workflowVersionId: V1,
      holidaysAsOf,
      stageAfter: describeState(foi, snapshot).stage,
      prevHash: events.at(-1)?.hash ?? GENESIS_HASH,
    };
    events.push({ ...fields, hash: hashEvent(fields) });
  };
  add('CASE_CREATED', { receivedOn: '2026-01-14', workflowId: 'foi', regime: 'foi' }, '2026-01-14', null);
  add('START_RESPONSE', {}, '2026-01-15', null);
  add(DEADLINES_RECOMPUTED, {}, '2026-01-15', '2026-01-15T12:00:00.000Z');
  add(
    'SUBMIT_FOR_APPROVAL',
    {
      outcome: 'granted-in-full',
      answers: [{ question: 'How many cameras?', answer: 'No such cameras.' }],
      held: true,
    },
    '2026-01-16',
    '2026-01-16T09:00:00.000Z',
  );
  add(
    'REQUEST_CHANGES',
    { changesRequested: 'Say which cameras.' },
    '2026-01-19',
    '2026-01-19T09:00:00.000Z',
  );
  add(
    'SUBMIT_FOR_APPROVAL',
    {
      outcome: 'granted-in-full',
      answers: [{ question: 'How many cameras?', answer: 'No cameras of that make.' }],
      held: true,
    },
    '2026-01-20',
    '2026-01-20T09:00:00.000Z',
  );
  add('APPROVE_RESPONSE', {}, '2026-01-21', '2026-01-21T09:00:00.000Z');
  add('RESPONSE_SENT', { letter: 'response', channel: 'email' }, '2026-01-21', '2026-01-21T09:30:00.000Z');
  return {
    events: fromDatabase(events),
    definitions: { [V1]: foi } as Record<string, WorkflowDefinition>,
    holidays: [HOLIDAY],
    storedSnapshot: fromDatabase(snapshot) as CaseSnapshot,
  };
}

/** Re-hashes the chain from `from` on, as someone rewriting history to hide an edit would. */
function rehash(events: RecordedEvent[], from = 1): RecordedEvent[] {
  const out = events.map((e) => ({ ...e }));
  for (let i = from - 1; i < out.length; i++) {
    const event = out[i] as RecordedEvent;
    event.prevHash = i === 0 ? GENESIS_HASH : (out[i - 1] as RecordedEvent).hash;
    event.hash = hashEvent(event);
  }
  return out;
}

describe('hashEvent', () => {
  const event: HashedFields = {
    caseId: '11111111-1111-4111-8111-111111111111',
    sequence: 4,
    type: 'SUBMIT_FOR_APPROVAL',
    payload: {
      outcome: 'granted-in-full',
      held: true,
      answers: [{ question: 'How many cameras?', answer: 'No such cameras.' }],
    },
    actorId: '22222222-2222-4222-8222-222222222222',
    recordedAt: '2026-01-16T09:03:00.000Z',
    effectiveOn: '2026-01-16',
    workflowVersionId: V1,
    holidaysAsOf: null,
    stageAfter: 'response',
    prevHash: 'ab'.repeat(32),
  };

  it('gives the hashes it gave before it wrote the canonical JSON itself', () => {
    expect(hashEvent(event)).toBe('e3e0eebd6c05f3b37c3af320ffcfab29ab90ec794788f072c054b43a445e498a');
    expect(
      hashEvent({
        ...event,
        payload: {
          note: 'Quote " backslash \\ tab \t newline \n é € 😀 lone \ud800 end',
          n: 1.5e-7,
          big: 1e21,
          neg: -0,
        },
      }),
    ).toBe('cde2c356809e47cc84b98593b7dfae401eab306aa028e933d6022703127e548c');
    expect(
      hashEvent({
        ...event,
        type: 'NOTE_ADDED',
        payload: { text: 'Private words', kind: 'note' },
        privateFields: ['text'],
        payloadSalt: 'c2FsdA',
      }),
    ).toBe('a5d76aa698a1f9cfbe543c51c6de3291ba86917d2f3611255a4aeb21cab3c804');
    // Not plain JSON (a missing field, dates, undefined): written the careful way, as before.
    expect(
      hashEvent({
        ...event,
        actorId: undefined as unknown as null,
        holidaysAsOf: new Date(Date.UTC(2026, 0, 15, 12)) as unknown as string,
        payload: { when: new Date(Date.UTC(2026, 0, 1)), gone: undefined, list: [undefined, 1] },
      }),
    ).toBe('e9fbcf8571ce22a0e9ece9980d0007a7e44ec7e807e4817d7b03562403d1b005');
  });

  it('hashes the canonical JSON json-canonicalize writes of the fields, whatever they hold', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string(),
      fc.constantFrom('"', '\\', '\n', '\ud800'),
    );
    const anything = fc.oneof(fc.jsonValue(), text, fc.constant(undefined), fc.date({ noInvalidDate: true }));
    const fields = fc.record({
      caseId: fc.oneof(text, anything),
      sequence: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), anything),
      type: text,
      payload: anything,
      actorId: fc.oneof(fc.constant(null), text),
      recordedAt: fc.oneof(text, anything),
      effectiveOn: text,
      workflowVersionId: text,
      holidaysAsOf: fc.oneof(fc.constant(null), text, anything),
      stageAfter: text,
      prevHash: text,
    });
    fc.assert(
      fc.property(fields, (f) => {
        expect(hashEvent(f as unknown as HashedFields)).toBe(sha256Hex(canonicalize(f)));
      }),
      { numRuns: 3000 },
    );
  }, 60_000);
});

describe('verifyHistory', () => {
  it('passes a case recorded through its stages, with a holiday added part way', () => {
    const record = recordCase();
    expect(verifyHistory(record)).toEqual({
      ok: true,
      eventsChecked: 8,
      firstBadSequence: null,
      reason: null,
    });
    // The holiday counted from event 3 on: the response deadline moved a working day later.
    expect(replayEvents(record).map((s) => s.context.deadlines.response?.due)).toEqual([
      '2026-02-11',
      '2026-02-11',
      '2026-02-12',
      '2026-02-12',
      '2026-02-12',
      '2026-02-12',
      '2026-02-12',
      undefined,
    ]);
  });

  it('names the event whose payload was altered', () => {
    const record = recordCase();
    (record.events[3] as RecordedEvent).payload = {
      outcome: 'granted-in-full',
      answers: [{ question: 'How many cameras?', answer: 'No such cameras!' }],
      held: true,
    };
    expect(verifyHistory(record)).toEqual({
      ok: false,
      eventsChecked: 3,
      firstBadSequence: 4,
      reason: 'its content does not match its hash: it was altered after it was recorded',
    });
  });

  it('names the event whose link to the one before is broken', () => {
    const record = recordCase();
    (record.events[4] as RecordedEvent).prevHash = (record.events[2] as RecordedEvent).hash;
    expect(verifyHistory(record)).toMatchObject({
      ok: false,
      firstBadSequence: 5,
      reason: "its previous-hash does not match event 4's hash: the chain is broken",
    });
  });

  it('names the first of two events swapped, with their sequence numbers swapped too', () => {
    const record = recordCase();
    const [fifth, sixth] = [record.events[4] as RecordedEvent, record.events[5] as RecordedEvent];
    record.events[4] = { ...sixth, sequence: 5 };
    record.events[5] = { ...fifth, sequence: 6 };
    expect(verifyHistory(record)).toMatchObject({
      ok: false,
      firstBadSequence: 5,
      reason: "its previous-hash does not match event 4's hash: the chain is broken",
    });
  });

  it('names the gap or repeat when events are out of order', () => {
    const record = recordCase();
    const moved = record.events.splice(4, 1);
    record.events.push(...moved);
    expect(verifyHistory(record)).toMatchObject({
      ok: false,
      eventsChecked: 4,
      firstBadSequence: 5,
      reason: 'event 5 is missing (the next recorded event is 6)',
    });
  });

  it('names the last event when the stored snapshot differs from the replay', () => {
    const record = recordCase();
    (record.storedSnapshot.context.record as Record<string, unknown>).outcome = 'refused-in-full';
    expect(verifyHistory(record)).toEqual({
      ok: false,
      eventsChecked: 8,
      firstBadSequence: 8,
      reason: 'the stored snapshot differs from the replay of the events: the case row was altered',
    });
  });

  it('finds a rewritten and re-hashed payload by replaying it', () => {
    const record = recordCase();
    // A rewrite the workflow still accepts (a refusal without exemptions would be refused at event 6).
    (record.events[5] as RecordedEvent).payload = {
      outcome: 'granted-in-full',
      answers: [{ question: 'How many cameras?', answer: 'All of the cameras are.' }],
      held: true,
    };
    const result = verifyHistory({ ...record, events: rehash(record.events, 6) });
    expect(result).toMatchObject({ ok: false, firstBadSequence: 8 });
    expect(result.reason).toContain('the stored snapshot differs from the replay');
  });

  it('names the event recorded under a definition version whose steps differ, even with the chain re-hashed', () => {
    const record = recordCase();
    // Version 2 sends a submission straight out, with no approval step.
    const v2 = structuredClone(foi);
    const response = v2.stages.find((s) => s.id === 'response');
    const submit = response?.transitions.find((t) => t.event === 'SUBMIT_FOR_APPROVAL');
    if (!response || !submit) throw new Error('foi.json has no SUBMIT_FOR_APPROVAL in its response stage');
    submit.event = 'SEND_STRAIGHT_OUT';
    (record.events[3] as RecordedEvent).workflowVersionId = V2;
    const result = verifyHistory({
      ...record,
      events: rehash(record.events, 4),
      definitions: { ...record.definitions, [V2]: v2 },
    });
    expect(result).toMatchObject({ ok: false, eventsChecked: 3, firstBadSequence: 4 });
    expect(result.reason).toMatch(/^it cannot be replayed: "SUBMIT_FOR_APPROVAL" is not allowed/);
  });

  it('names the event whose definition version is not in the record', () => {
    const record = recordCase();
    (record.events[2] as RecordedEvent).workflowVersionId = V2;
    expect(verifyHistory({ ...record, events: rehash(record.events, 3) })).toEqual({
      ok: false,
      eventsChecked: 2,
      firstBadSequence: 3,
      reason: `it cannot be replayed: definition version ${V2} is not in the record`,
    });
  });

  it('replays with the holidays as they stood: a holiday missing or dated later gives other deadlines', () => {
    const record = recordCase();
    const failure = {
      ok: false,
      eventsChecked: 8,
      firstBadSequence: 8,
      reason: 'the stored snapshot differs from the replay of the events: the case row was altered',
    };
    expect(verifyHistory({ ...record, holidays: [] })).toEqual(failure);
    const later = { ...HOLIDAY, createdAt: '2026-01-22T00:00:00.000Z' };
    expect(verifyHistory({ ...record, holidays: [later] })).toEqual(failure);
  });

  it('verifies a bundle and names the first altered event in it', () => {
    const record = recordCase();
    const bundle = {
      format: 'recordflow-case-bundle/1' as const,
      exportedAt: '2026-02-01T00:00:00.000Z',
      case: { id: 'x', reference: 'FOI-1', regime: 'foi', workflowId: 'foi' },
      events: record.events,
      definitions: {
        [V1]: { workflowId: 'foi', version: 1, definitionHash: hashDefinition(foi), definition: foi },
      },
      holidays: record.holidays,
      snapshot: record.storedSnapshot,
    };
    expect(verifyBundle(fromDatabase(bundle))).toMatchObject({
      ok: true,
      eventsChecked: 8,
      definitionsChecked: 1,
    });
    (bundle.events[1] as RecordedEvent).effectiveOn = '2026-01-16';
    expect(verifyBundle(fromDatabase(bundle))).toMatchObject({
      ok: false,
      firstBadSequence: 2,
      reason: 'its content does not match its hash: it was altered after it was recorded',
    });
  });
});
