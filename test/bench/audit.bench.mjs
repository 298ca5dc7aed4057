// Events verified per second: the hash chain alone, and chain plus replay, beside raw XState transition()
// over the same number of events, all in memory from the same run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const workflow = require('../../packages/workflow/dist/index.js');
const { assign, initialTransition, setup, transition } = createRequire(
  new URL('../../packages/workflow/package.json', import.meta.url),
)('xstate');

const definition = workflow.validateWorkflow(
  JSON.parse(readFileSync(new URL('../../workflows/foi.json', import.meta.url), 'utf8')),
).definition;
const VERSION = '00000000-0000-4000-8000-000000000001';
const CASES = 200;
const EVENTS_PER_CASE = 20;

/** A recorded history as the engine writes it: created, started, then drafting and approval in turn. */
function history(caseId) {
  const events = [];
  let prevHash = workflow.GENESIS_HASH;
  let snapshot;
  const add = (type, payload, effectiveOn) => {
    snapshot =
      type === 'CASE_CREATED'
        ? workflow.initialSnapshot(definition, { receivedOn: '2026-01-14' }).snapshot
        : workflow.step(definition, snapshot, { type, payload, at: effectiveOn }, effectiveOn).snapshot;
    const fields = {
      caseId,
      sequence: events.length + 1,
      type,
      payload,
      actorId: null,
      recordedAt: new Date(Date.UTC(2026, 0, 14, 9, events.length)).toISOString(),
      effectiveOn,
      workflowVersionId: VERSION,
      holidaysAsOf: null,
      stageAfter: workflow.describeState(definition, snapshot).stage,
      prevHash,
    };
    const event = { ...fields, hash: workflow.hashEvent(fields) };
    prevHash = event.hash;
    events.push(event);
  };
  add(
    'CASE_CREATED',
    { receivedOn: '2026-01-14', workflowId: 'foi', regime: 'foi', channel: 'email' },
    '2026-01-14',
  );
  add('START_RESPONSE', {}, '2026-01-15');
  for (let i = 2; i < EVENTS_PER_CASE; i++) {
    if (i % 2 === 0)
      add(
        'SUBMIT_FOR_APPROVAL',
        {
          outcome: 'granted-in-full',
          answers: [{ question: 'The request', answer: `Answer ${i}` }],
          held: true,
        },
        '2026-01-20',
      );
    else add('REQUEST_CHANGES', { changesRequested: `Change ${i}` }, '2026-01-20');
  }
  return { events, storedSnapshot: snapshot };
}

const raw = setup({
  actions: { record: assign(({ context, event }) => ({ record: { ...context.record, ...event.payload } })) },
}).createMachine({
  context: { record: {} },
  initial: 'drafting',
  states: {
    drafting: { on: { SUBMIT_FOR_APPROVAL: { target: 'approval', actions: 'record' } } },
    approval: { on: { REQUEST_CHANGES: { target: 'drafting', actions: 'record' } } },
  },
});

function time(label, events, fn) {
  fn();
  const started = process.hrtime.bigint();
  fn();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(
    `${label.padEnd(52)} ${Math.round((events / ms) * 1000)
      .toLocaleString('en-GB')
      .padStart(10)} events/s  (${events} in ${ms.toFixed(0)} ms)`,
  );
}

export default async function run() {
  const cases = Array.from({ length: CASES }, (_, i) => history(`case-${i}`));
  const total = CASES * EVENTS_PER_CASE;
  const input = (record) => ({ ...record, definitions: { [VERSION]: definition }, holidays: [] });
  time('hash chain only (SHA-256 over canonical JSON)', total, () => {
    for (const { events } of cases)
      for (const event of events) if (workflow.hashEvent(event) !== event.hash) throw new Error('bad');
  });
  time('verifyHistory: chain + replay + snapshot compare', total, () => {
    for (const record of cases) if (!workflow.verifyHistory(input(record)).ok) throw new Error('not ok');
  });
  time('baseline: raw XState transition(), same event count', total, () => {
    for (let c = 0; c < CASES; c++) {
      let [snapshot] = initialTransition(raw);
      for (let i = 0; i < EVENTS_PER_CASE; i++) {
        [snapshot] = transition(
          raw,
          snapshot,
          i % 2 === 0
            ? { type: 'SUBMIT_FOR_APPROVAL', payload: { i } }
            : { type: 'REQUEST_CHANGES', payload: { i } },
        );
      }
    }
  });
}
