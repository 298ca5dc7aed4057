#!/usr/bin/env node
// Verifying every case: generates cases with real hash chains (20 events each, stepped through foi.json as
// the engine records them), then times AuditService.verifyAll on this thread and on worker threads, and
// extrapolates to 20,000,000 events.
//   node test/load/verify-all.mjs [--cases 5000] [--workers <n>] [--keep | --reuse <database url>]
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { api, benchDatabase } from '../bench/support.mjs';

const require = createRequire(import.meta.url);
const workflow = require('../../packages/workflow/dist/index.js');
const { AuditService } = require('../../apps/api/dist/history/audit.service.js');

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '5000' },
    workers: { type: 'string', default: String(availableParallelism()) },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const CASES = Number(values.cases);
const EVENTS_PER_CASE = 20;
const TARGET_EVENTS = 20_000_000;

const database = values.reuse ? { url: values.reuse, close: async () => {} } : await benchDatabase();
const { app, dataSource } = await api.createApp({
  databaseUrl: database.url,
  database: api.DatabaseMode.SERVER,
  demo: false,
  timerIntervalMs: 0,
});
if (!values.reuse) await generate();
const [{ cases, events }] = await dataSource.query(
  'SELECT (SELECT count(*)::int FROM "case") AS cases, (SELECT count(*)::int FROM case_event) AS events',
);
console.log(`${cases.toLocaleString('en-GB')} cases, ${events.toLocaleString('en-GB')} events`);

const audit = new AuditService(dataSource);
for (const workers of [0, Number(values.workers)]) {
  const started = performance.now();
  const result = await audit.verifyAll({ workers });
  const seconds = (performance.now() - started) / 1000;
  if (result.casesChecked !== cases || result.failures.length > 0) {
    throw new Error(`expected ${cases} cases and no failures: ${JSON.stringify(result).slice(0, 500)}`);
  }
  const perSecond = events / seconds;
  console.log(
    `verifyAll, ${workers === 0 ? 'this thread only' : `${workers} worker threads`}:`.padEnd(36) +
      `${Math.round(perSecond).toLocaleString('en-GB').padStart(8)} events/s (${seconds.toFixed(1)} s); ` +
      `20,000,000 events would take ${(TARGET_EVENTS / perSecond / 60).toFixed(0)} min`,
  );
}
await app.close();
if (values.keep) console.log(`kept: node test/load/verify-all.mjs --reuse ${database.url}`);
else await database.close();

/** Cases as the engine records them, written in batches straight into the tables. */
async function generate() {
  const [{ id: versionId, definition }] = await dataSource.query(
    `SELECT id, definition FROM workflow_version WHERE workflow_id = 'foi' AND status = 'published'`,
  );
  const started = Date.now();
  for (let first = 0; first < CASES; first += 500) {
    const caseRows = [];
    const eventRows = [];
    for (let i = first; i < Math.min(first + 500, CASES); i++) {
      const { row, events } = history(i, versionId, definition);
      caseRows.push(row);
      eventRows.push(...events);
    }
    await dataSource.query(
      `INSERT INTO "case" (id, reference, regime, workflow_id, workflow_version_id, subject, request_text, channel,
                           received_on, status, stage, step, snapshot, version)
       SELECT id, reference, 'foi', 'foi', $2, 'Generated request', 'Generated request', 'email', received_on,
              'open', stage, step, snapshot, version
         FROM jsonb_to_recordset($1::jsonb)
           AS x(id uuid, reference text, received_on date, stage text, step text, snapshot jsonb, version int)`,
      [JSON.stringify(caseRows), versionId],
    );
    await dataSource.query(
      `INSERT INTO case_event (case_id, sequence, type, payload, actor_id, actor_label, recorded_at, effective_on,
                               workflow_version_id, holidays_as_of, stage_after, prev_hash, hash)
       SELECT "caseId", sequence, type, payload, NULL, 'generator', "recordedAt", "effectiveOn",
              "workflowVersionId", NULL, "stageAfter", "prevHash", hash
         FROM jsonb_to_recordset($1::jsonb)
           AS x("caseId" uuid, sequence int, type text, payload jsonb, "recordedAt" timestamptz, "effectiveOn" date,
                "workflowVersionId" uuid, "stageAfter" text, "prevHash" text, hash text)`,
      [JSON.stringify(eventRows)],
    );
  }
  await dataSource.query('VACUUM (ANALYZE)');
  console.log(
    `${CASES.toLocaleString('en-GB')} cases × ${EVENTS_PER_CASE} events generated in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

/** One case: created, started, then drafting and approval in turn, each event hashed into the chain. */
function history(n, versionId, definition) {
  const caseId = randomUUID();
  const events = [];
  let snapshot;
  const add = (type, payload, effectiveOn) => {
    snapshot =
      type === 'CASE_CREATED'
        ? workflow.initialSnapshot(definition, { receivedOn: effectiveOn }).snapshot
        : workflow.step(definition, snapshot, { type, payload, at: effectiveOn }, effectiveOn).snapshot;
    const fields = {
      caseId,
      sequence: events.length + 1,
      type,
      payload,
      actorId: null,
      recordedAt: new Date(Date.UTC(2026, 0, 14, 9, events.length)).toISOString(),
      effectiveOn,
      workflowVersionId: versionId,
      holidaysAsOf: null,
      stageAfter: workflow.describeState(definition, snapshot).stage,
      prevHash: events.at(-1)?.hash ?? workflow.GENESIS_HASH,
    };
    events.push({ ...fields, hash: workflow.hashEvent(fields) });
  };
  add('CASE_CREATED', { receivedOn: '2026-01-14', workflowId: 'foi', regime: 'foi' }, '2026-01-14');
  add('START_RESPONSE', {}, '2026-01-15');
  for (let i = 2; i < EVENTS_PER_CASE; i++) {
    if (i % 2 === 0)
      add(
        'SUBMIT_FOR_APPROVAL',
        {
          outcome: 'granted-in-full',
          answers: [{ question: 'How many?', answer: `Answer ${n}.${i}` }],
          held: true,
        },
        '2026-01-20',
      );
    else add('REQUEST_CHANGES', { changesRequested: `Change ${i}` }, '2026-01-20');
  }
  const where = workflow.describeState(definition, snapshot);
  return {
    row: {
      id: caseId,
      reference: `FOI-2026-${String(n).padStart(7, '0')}`,
      received_on: '2026-01-14',
      stage: where.stage,
      step: where.step,
      snapshot,
      version: events.length,
    },
    events,
  };
}
