// step() over 1,000 events of a real FOI case beside raw XState transition() on an equivalent machine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const workflow = require('../../packages/workflow/dist/index.js');
const { assign, initialTransition, setup, transition } = createRequire(
  new URL('../../packages/workflow/package.json', import.meta.url),
)('xstate');

const N = 1000;
const definition = workflow.validateWorkflow(
  JSON.parse(readFileSync(new URL('../../workflows/foi.json', import.meta.url), 'utf8')),
).definition;

// An officer drafting and an approver sending it back, 1,000 times: every event runs guards, actions and deadlines.
const events = Array.from({ length: N }, (_, i) =>
  i % 2 === 0
    ? {
        type: 'SUBMIT_FOR_APPROVAL',
        payload: {
          outcome: 'granted-in-full',
          answers: [{ question: 'The request', answer: `Answer ${i}` }],
          held: true,
        },
      }
    : { type: 'REQUEST_CHANGES', payload: { changesRequested: `Change ${i}` } },
);

function startedCase() {
  const { snapshot } = workflow.initialSnapshot(definition, { receivedOn: '2026-01-14' });
  return workflow.step(definition, snapshot, { type: 'START_RESPONSE' }, '2026-01-15').snapshot;
}

function runStep() {
  let snapshot = startedCase();
  for (const event of events)
    snapshot = workflow.step(definition, snapshot, { ...event, at: '2026-01-20' }, '2026-01-20').snapshot;
  return snapshot.value.response;
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
function runRaw() {
  let [snapshot] = initialTransition(raw);
  for (const event of events) [snapshot] = transition(raw, snapshot, event);
  return snapshot.value;
}

function time(label, fn) {
  for (let i = 0; i < 5; i++) fn(); // warm up
  const runs = [];
  let result;
  for (let i = 0; i < 10; i++) {
    const started = process.hrtime.bigint();
    result = fn();
    runs.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} median ${runs[5].toFixed(1).padStart(6)} ms  (ends ${result})`);
}

export default async function run() {
  time(`step(): ${N} events on foi.json (validation, guards, deadlines)`, runStep);
  time(`baseline: raw XState transition(): ${N} events`, runRaw);
}
