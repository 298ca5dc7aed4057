// Persisted transitions per second through the case service and GraphQL over HTTP, beside two baselines
// measured in the same run on the same database: raw SQL (lock the row, update it, insert an event), and
// the service's own one-statement, version-checked write of the same rows with no engine work.
import { spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { api, benchDatabase, fmt, freePort, throughput } from './support.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
// Long enough for V8 to optimise the hot paths of a fresh api process: the figures are steady-state ones.
const WARM_UP_SECONDS = 3;
const ROUNDS = 2;
const TOGGLE = [
  {
    type: 'SUBMIT_FOR_APPROVAL',
    payload: {
      outcome: 'granted-in-full',
      answers: [{ question: 'The request', answer: 'The answers.' }],
      held: true,
    },
  },
  { type: 'REQUEST_CHANGES', payload: { changesRequested: 'Please add the figures.' } },
];

export default async function run() {
  const database = await benchDatabase();
  const { app, dataSource } = await api.createApp({
    databaseUrl: database.url,
    database: api.DatabaseMode.SERVER,
    demo: false,
    timerIntervalMs: 0,
  });
  // GraphQL is served by an api process of its own, as in production, so the benchmark's client does not
  // share its thread. (A second api process gave less, not more: on 2 cores the machine is the limit.)
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [
      // BENCH_CPU_PROF=<folder> writes the api process's CPU profile there when it stops.
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      fileURLToPath(new URL('../../apps/api/dist/main.js', import.meta.url)),
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PORT: String(port),
        RECORDFLOW_DEMO: 'false',
        LOG_LEVEL: 'warn',
        // No timers: they would move the benchmark's cases (received in January) on their own.
        RECORDFLOW_TIMER_INTERVAL_MS: '0',
      },
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if ((await fetch(`${url}/health`).catch(() => null))?.ok) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    const user = await api.createUser(dataSource.manager, {
      email: 'bench@example.org',
      name: 'Bench Officer',
      password: 'bench password',
      // Drafts and sends back (REQUEST_CHANGES is the approver's): the loop toggles between the two.
      roles: ['officer', 'approver'],
    });
    const login = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation { login(email: "bench@example.org", password: "bench password") { token } }',
      }),
    }).then((r) => r.json());
    const token = login.data.login.token;
    const { CasesService, actorOf } = await import('../../apps/api/dist/cases/cases.service.js');
    const cases = app.get(CasesService);
    const actor = actorOf({
      id: user.id,
      email: user.email,
      name: user.name,
      roles: ['officer', 'approver'],
    });
    const newCase = async () => {
      const created = await cases.create(actor, {
        workflowId: 'foi',
        receivedOn: '2026-01-14',
        channel: 'email',
        subject: 'Benchmark',
        requestText: 'Benchmark request',
        requester: { name: 'Bench Requester', email: 'bench.requester@example.net' },
      });
      await cases.send(actor, { caseId: created.id, type: 'START_RESPONSE', effectiveOn: '2026-01-15' });
      return created.id;
    };

    const pool = new pg.Pool({ connectionString: database.url, max: 8 });
    pool.on('error', () => {}); // idle clients are cut when the scratch database is dropped
    const rawCases = await Promise.all(Array.from({ length: 8 }, newCase));
    const rawSnapshot = (await pool.query('SELECT snapshot FROM "case" WHERE id = $1', [rawCases[0]])).rows[0]
      .snapshot;
    const raw = (clients, seconds = SECONDS) =>
      throughput(clients, seconds, async (client) => {
        const db = await pool.connect();
        try {
          await db.query('BEGIN');
          const { rows } = await db.query('SELECT version FROM "case" WHERE id = $1 FOR UPDATE', [
            rawCases[client],
          ]);
          const version = rows[0].version + 1;
          await db.query('UPDATE "case" SET version = $2, snapshot = $3, updated_at = now() WHERE id = $1', [
            rawCases[client],
            version,
            rawSnapshot,
          ]);
          await db.query(
            `INSERT INTO case_event (case_id, sequence, type, payload, actor_id, actor_label, recorded_at, effective_on, workflow_version_id, stage_after, prev_hash, hash)
             SELECT id, $2, 'RAW', $3, NULL, 'bench', now(), '2026-01-20', workflow_version_id, stage, 'x', 'y' FROM "case" WHERE id = $1`,
            [rawCases[client], version, TOGGLE[version % 2].payload],
          );
          await db.query('COMMIT');
        } finally {
          db.release();
        }
      });

    // The service's own write pattern with no engine work: the one version-checked statement it sends for
    // each transition (case row, event, timers), its parameters recorded from the service's own writes.
    const statementOf = new Map();
    const driverPool = dataSource.driver.master;
    const poolQuery = driverPool.query;
    driverPool.query = function (config, ...rest) {
      if (config?.name === 'recordflow_append_event') statementOf.set(config.values[2], config);
      return poolQuery.call(this, config, ...rest);
    };
    const template = await newCase();
    await cases.send(actor, { caseId: template, ...TOGGLE[0], effectiveOn: '2026-01-20' });
    await cases.send(actor, { caseId: template, ...TOGGLE[1], effectiveOn: '2026-01-20' });
    driverPool.query = poolQuery;
    const statementCases = await Promise.all(Array.from({ length: 8 }, newCase));
    const statementVersions = statementCases.map(() => 2);
    const statement = (clients, seconds = SECONDS) =>
      throughput(clients, seconds, async (client) => {
        const version = statementVersions[client] + 1;
        // Drafting (odd versions after the two set-up events) submits; approval asks for changes.
        const { name, text, values } = statementOf.get(TOGGLE[(version + 1) % 2].type);
        const written = await pool.query({
          name,
          text,
          values: [statementCases[client], version, ...values.slice(2, 6), new Date(), ...values.slice(7)],
        });
        if (written.rows[0]?.id == null) throw new Error('The one-statement write missed its version');
        statementVersions[client] = version;
      });

    const serviceCases = await Promise.all(Array.from({ length: 8 }, newCase));
    // Each case alternates between drafting and approval; the next event follows the step it is in.
    const steps = new Map();
    const toggle = (caseId) => TOGGLE[steps.get(caseId) === 'approval' ? 1 : 0];
    const service = (clients, seconds = SECONDS) =>
      throughput(clients, seconds, (client) =>
        cases
          .send(actor, {
            caseId: serviceCases[client],
            ...toggle(serviceCases[client]),
            effectiveOn: '2026-01-20',
          })
          .then((result) => steps.set(serviceCases[client], result.case.step)),
      );

    const httpCases = await Promise.all(Array.from({ length: 8 }, newCase));
    const query =
      'mutation($input: SendCaseEventInput!) { sendCaseEvent(input: $input) { case { version step } } }';
    // node:http with keep-alive, not fetch: the client shares this machine's cores with the server, and
    // fetch spends about twice the CPU per request (measured: /health 1,600/s with fetch, 2,200/s with this).
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const post = (body) =>
      new Promise((resolve, reject) => {
        const request = httpRequest(
          `${url}/graphql`,
          {
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          },
          (response) => {
            const chunks = [];
            response.on('data', (chunk) => chunks.push(chunk));
            response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    const http = (clients, seconds = SECONDS) =>
      throughput(clients, seconds, async (client) => {
        // Each client moves its own case, following the step it is in: every request is one persisted transition.
        const caseId = httpCases[client];
        const result = await post(
          JSON.stringify({
            query,
            variables: { input: { caseId, ...toggle(caseId), effectiveOn: '2026-01-20' } },
          }),
        );
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        steps.set(caseId, result.data.sendCaseEvent.case.step);
      });

    console.log(
      `database: ${database.where}; best of ${ROUNDS} rounds of ${SECONDS} s each, after ${WARM_UP_SECONDS} s of warm-up; each client moves its own case`,
    );
    // Warm up each path (JIT, lazily loaded modules, prepared statements, pool connections) before measuring.
    for (const path of [service, http, statement, raw]) await path(8, WARM_UP_SECONDS);
    for (const clients of [1, 8]) {
      // Rounds interleave the three paths, so a noisy moment on this shared machine hits each alike;
      // each path's best round is its figure. Raw last in a round: the baseline gets the warmest database.
      const best = { service: 0, http: 0, statement: 0, raw: 0 };
      for (let round = 0; round < ROUNDS; round++) {
        best.service = Math.max(best.service, await service(clients));
        best.http = Math.max(best.http, await http(clients));
        best.statement = Math.max(best.statement, await statement(clients));
        best.raw = Math.max(best.raw, await raw(clients));
      }
      const share = (n) => `${fmt(n).padStart(6)}/s (${Math.round((n / best.raw) * 100)}% of raw)`;
      const label = `${clients} client${clients > 1 ? 's' : ' '}`;
      console.log(
        `${label}: raw SQL ${fmt(best.raw).padStart(6)}/s | service ${share(best.service)} | GraphQL over HTTP ${share(best.http)}`,
      );
      console.log(
        `${label}: one-statement write ${fmt(best.statement).padStart(6)}/s | service ${fmt(best.service).padStart(6)}/s (${(best.service / best.statement).toFixed(2)}× of it)`,
      );
    }
    await pool.end();
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await app.close();
    await database.close();
  }
}
