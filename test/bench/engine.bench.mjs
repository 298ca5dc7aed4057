// Persisted transitions per second through the case service and GraphQL over HTTP, beside a raw-SQL
// baseline (lock the row, update it, insert an event) measured in the same run on the same database.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { api, benchDatabase, fmt, freePort, throughput } from './support.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const TOGGLE = [
  {
    type: 'SUBMIT_FOR_APPROVAL',
    payload: { outcome: 'granted-in-full', answers: 'The answers.', held: true },
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
  // GraphQL is served by its own process, as in production, so the benchmark's client does not share its thread.
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [fileURLToPath(new URL('../../apps/api/dist/main.js', import.meta.url))],
    {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PORT: String(port),
        RECORDFLOW_DEMO: 'false',
        LOG_LEVEL: 'warn',
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
      roles: ['officer'],
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
    const actor = actorOf({ id: user.id, email: user.email, name: user.name, roles: ['officer'] });
    const newCase = async () => {
      const created = await cases.create(actor, {
        workflowId: 'foi',
        receivedOn: '2026-01-14',
        channel: 'email',
        subject: 'Benchmark',
        requestText: 'Benchmark request',
      });
      await cases.send(actor, { caseId: created.id, type: 'START_RESPONSE', effectiveOn: '2026-01-15' });
      return created.id;
    };

    const pool = new pg.Pool({ connectionString: database.url, max: 8 });
    pool.on('error', () => {}); // idle clients are cut when the scratch database is dropped
    const rawCases = await Promise.all(Array.from({ length: 8 }, newCase));
    const rawSnapshot = (await pool.query('SELECT snapshot FROM "case" WHERE id = $1', [rawCases[0]])).rows[0]
      .snapshot;
    const raw = (clients) =>
      throughput(clients, SECONDS, async (client) => {
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

    const serviceCases = await Promise.all(Array.from({ length: 8 }, newCase));
    // Each case alternates between drafting and approval; the next event follows the step it is in.
    const steps = new Map();
    const toggle = (caseId) => TOGGLE[steps.get(caseId) === 'approval' ? 1 : 0];
    const service = (clients) =>
      throughput(clients, SECONDS, (client) =>
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
      'mutation($input: SendCaseEventInput!) { sendCaseEvent(input: $input) { case { version } } }';
    const http = (clients) =>
      throughput(clients, SECONDS, async (client, n) => {
        const result = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query,
            variables: { input: { caseId: httpCases[client], ...TOGGLE[n % 2], effectiveOn: '2026-01-20' } },
          }),
        }).then((r) => r.json());
        const allowed = result.errors?.[0]?.extensions?.allowed;
        if (allowed) {
          // Out of step with the case (it moved under us): follow what it allows and go on.
          steps.set(httpCases[client], allowed.includes('REQUEST_CHANGES') ? 'approval' : 'drafting');
          return;
        }
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        steps.set(httpCases[client], result.data.sendCaseEvent.case.step);
      });

    console.log(`database: ${database.where}; ${SECONDS} s per measurement; each client moves its own case`);
    for (const clients of [1, 8]) {
      // Service first, raw last: the baseline gets the warmest database, not the other way round.
      const s = await service(clients);
      const h = await http(clients);
      const r = await raw(clients);
      console.log(
        `${clients} client${clients > 1 ? 's' : ' '}: raw SQL ${fmt(r).padStart(6)}/s | service ${fmt(s).padStart(6)}/s (${Math.round((s / r) * 100)}% of raw) | GraphQL over HTTP ${fmt(h).padStart(6)}/s (${Math.round((h / r) * 100)}% of raw)`,
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
