#!/usr/bin/env node
// Load and fault test: N api processes on one PostgreSQL, M simulated officers moving FOI cases over
// GraphQL for a bounded time; one process is killed with SIGKILL mid-run and restarted. Then checks:
// no 5xx, no acknowledged event lost or applied twice, every case verifies, every due timer fired once.
//   node test/load/run.mjs [--processes 3] [--officers 32] [--seconds 60]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { api, benchDatabase, freePort } from '../bench/support.mjs';

const { values } = parseArgs({
  options: {
    processes: { type: 'string', default: '3' },
    officers: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '60' },
  },
});
const PROCESSES = Number(values.processes);
const OFFICERS = Number(values.officers);
const SECONDS = Number(values.seconds);
const MAIN = fileURLToPath(new URL('../../apps/api/dist/main.js', import.meta.url));

const database = await benchDatabase();
const servers = [];

function startServer(slot, port) {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      RECORDFLOW_DEMO: 'false',
      RECORDFLOW_TIMER_INTERVAL_MS: '1000',
      RECORDFLOW_JWT_SECRET: 'load-test-secret-shared-by-every-replica',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  servers[slot] = { child, url: `http://127.0.0.1:${port}`, port, up: false };
  return servers[slot];
}

async function waitUp(server) {
  for (let i = 0; i < 300; i++) {
    if ((await fetch(`${server.url}/health`).catch(() => null))?.ok) {
      server.up = true;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`api on ${server.url} did not start`);
}

// Users first, in this process (the servers migrate under an advisory lock, so this is safe).
process.env.RECORDFLOW_JWT_SECRET = 'load-test-secret-shared-by-every-replica';
const { app, dataSource } = await api.createApp({
  databaseUrl: database.url,
  database: api.DatabaseMode.SERVER,
  demo: false,
  timerIntervalMs: 0,
});
for (let i = 0; i < OFFICERS; i++) {
  await api.createUser(dataSource.manager, {
    email: `officer${i}@load.example.org`,
    name: `Officer ${i}`,
    password: 'load test password',
    roles: ['officer', 'approver'],
  });
}
const ports = await Promise.all(Array.from({ length: PROCESSES }, () => freePort()));
await Promise.all(ports.map((port, slot) => waitUp(startServer(slot, port))));

const stats = { requests: 0, serverErrors: 0, networkErrors: 0, latencies: [], acknowledged: new Map() };
let next = 0;
const live = () => servers.filter((s) => s.up);

/** One GraphQL request, retried on another process when the one it hit is gone (same idempotency key). */
async function call(token, query, variables) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const targets = live();
    const server = targets[next++ % targets.length];
    const started = performance.now();
    try {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      stats.requests++;
      stats.latencies.push(performance.now() - started);
      if (response.status >= 500) stats.serverErrors++;
      return await response.json();
    } catch {
      stats.networkErrors++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error('no api process answered');
}

const JOURNEY = [
  { type: 'START_RESPONSE' },
  {
    type: 'SUBMIT_FOR_APPROVAL',
    payload: {
      outcome: 'granted-in-full',
      answers: [{ question: 'The request', answer: 'The answers.' }],
      held: true,
    },
  },
  { type: 'REQUEST_CHANGES', payload: { changesRequested: 'Give the figures per year.' } },
];

async function officer(i, until) {
  const login = await call(
    null,
    'mutation($e: String!) { login(email: $e, password: "load test password") { token } }',
    {
      e: `officer${i}@load.example.org`,
    },
  );
  const token = login.data.login.token;
  let n = 0;
  while (Date.now() < until) {
    const created = await call(
      token,
      'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
      {
        input: {
          workflowId: 'foi',
          receivedOn: '2026-01-14',
          channel: 'email',
          subject: `Load ${i}-${n}`,
          requestText: 'Load test request',
          requester: { name: 'Load Requester', email: 'load.requester@example.net' },
        },
      },
    );
    const caseId = created.data?.createCase?.id;
    if (!caseId) continue;
    for (const [step, event] of JOURNEY.entries()) {
      if (Date.now() >= until) break;
      const key = `officer${i}-case${n}-step${step}`;
      const result = await call(
        token,
        'mutation($input: SendCaseEventInput!) { sendCaseEvent(input: $input) { event { sequence } } }',
        { input: { caseId, ...event, effectiveOn: '2026-02-20', idempotencyKey: key } },
      );
      const sequence = result.data?.sendCaseEvent?.event?.sequence;
      if (sequence) stats.acknowledged.set(key, { caseId, sequence });
    }
    n++;
  }
}

const started = Date.now();
const until = started + SECONDS * 1000;
const killer = (async () => {
  await new Promise((resolve) => setTimeout(resolve, (SECONDS * 1000) / 2));
  const victim = servers[0];
  victim.up = false;
  victim.child.kill('SIGKILL');
  console.log(
    `killed api process ${victim.child.pid} with SIGKILL at ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await waitUp(startServer(0, victim.port));
  console.log(`restarted it at ${((Date.now() - started) / 1000).toFixed(1)} s`);
})();
await Promise.all([...Array.from({ length: OFFICERS }, (_, i) => officer(i, until)), killer]);
const elapsed = (Date.now() - started) / 1000;

// Let the timers settle: every process polls each second.
for (let i = 0; i < 30; i++) {
  const [{ n }] = await dataSource.query(
    `SELECT count(*)::int AS n FROM timer WHERE status = 'pending' AND fire_on <= current_date`,
  );
  if (n === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

const checks = [];
const check = (name, ok, detail) => checks.push({ name, ok, detail });
check('no 5xx answer', stats.serverErrors === 0, `${stats.serverErrors} of ${stats.requests}`);

const keys = [...stats.acknowledged.keys()];
const stored = await dataSource.query(
  'SELECT idempotency_key, case_id, sequence FROM case_event WHERE idempotency_key = ANY($1)',
  [keys],
);
const byKey = new Map(stored.map((row) => [row.idempotency_key, row]));
const lost = keys.filter((key) => {
  const row = byKey.get(key);
  const ack = stats.acknowledged.get(key);
  return !row || row.case_id !== ack.caseId || row.sequence !== ack.sequence;
});
check(
  'every acknowledged event stored, as acknowledged',
  lost.length === 0,
  `${keys.length - lost.length} of ${keys.length}`,
);
const [{ doubled }] = await dataSource.query(
  `SELECT count(*)::int AS doubled FROM (SELECT case_id, type, payload FROM case_event WHERE type <> 'MARK_OVERDUE' AND type <> 'CASE_CREATED'
     GROUP BY case_id, type, payload HAVING count(*) > 1) d`,
);
check('no event applied twice', doubled === 0, `${doubled} duplicated`);
const [{ gaps }] = await dataSource.query(
  `SELECT count(*)::int AS gaps FROM (SELECT case_id FROM case_event GROUP BY case_id HAVING max(sequence) <> count(*)) g`,
);
check('no gap in any history', gaps === 0, `${gaps} cases with gaps`);
const { AuditService } = await import('../../apps/api/dist/history/audit.service.js');
const verification = await new AuditService(dataSource).verifyAll();
check(
  'every case verifies (chain and replay)',
  verification.failures.length === 0,
  `${verification.casesChecked} cases, ${verification.failures.length} failed`,
);
const [{ pending }] = await dataSource.query(
  `SELECT count(*)::int AS pending FROM timer WHERE status = 'pending' AND fire_on <= current_date`,
);
const [{ twice }] = await dataSource.query(
  `SELECT count(*)::int AS twice FROM (SELECT idempotency_key FROM case_event WHERE idempotency_key LIKE 'timer:%' GROUP BY idempotency_key HAVING count(*) > 1) t`,
);
const [{ fired }] = await dataSource.query(`SELECT count(*)::int AS fired FROM timer WHERE status = 'fired'`);
check(
  'every due timer fired exactly once',
  pending === 0 && twice === 0,
  `${fired} fired, ${pending} still due, ${twice} twice`,
);

const sorted = stats.latencies.sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]?.toFixed(1);
console.log(`${PROCESSES} api processes, ${OFFICERS} officers, ${elapsed.toFixed(0)} s on ${database.where}`);
console.log(
  `throughput: ${(stats.requests / elapsed).toFixed(0)} requests/s (${stats.requests} requests, ${keys.length} events acknowledged, ${stats.networkErrors} connection failures retried)`,
);
console.log(`latency: p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms`);
for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'} ${c.name}: ${c.detail}`);

for (const server of servers) server.child.kill('SIGTERM');
await Promise.all(
  servers.map(
    (s) => new Promise((resolve) => (s.child.exitCode !== null ? resolve() : s.child.once('exit', resolve))),
  ),
);
await app.close();
await database.close();
process.exit(checks.every((c) => c.ok) ? 0 : 1);
