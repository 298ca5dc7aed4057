#!/usr/bin/env node
// Large-data benchmark: 1,000,000 cases with 20 events each, generated in PostgreSQL, then the p95
// latency of the officers' list queries (as the api runs them) and of a year's statistics query.
//   node test/load/large-data.mjs [--cases 1000000] [--runs 40] [--keep | --reuse <database url>]
// --keep leaves the generated database in place and prints its url; --reuse measures one kept earlier.
import { parseArgs } from 'node:util';
import { api, benchDatabase } from '../bench/support.mjs';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '40' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const CASES = Number(values.cases);
const RUNS = Number(values.runs);

const database = values.reuse ? { url: values.reuse, close: async () => {} } : await benchDatabase();
const { app, dataSource } = await api.createApp({
  databaseUrl: database.url,
  database: api.DatabaseMode.SERVER,
  demo: false,
  timerIntervalMs: 0,
});
if (values.reuse) await dataSource.query('VACUUM (ANALYZE) "case"'); // as autovacuum would after a migration
const officers = values.reuse
  ? await dataSource.query(`SELECT id FROM "user" WHERE email LIKE '%@large.example.org' ORDER BY email`)
  : await generate();

// Each officer in one team (kept databases from before teams existed get them here).
await dataSource.query(
  `INSERT INTO user_team (user_id, team_id)
   SELECT u.id, t.id FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM "user" WHERE email LIKE '%@large.example.org') u
     JOIN (SELECT id, row_number() OVER (ORDER BY name) AS n FROM team) t ON t.n = 1 + u.n % 5
   ON CONFLICT DO NOTHING`,
);
const [{ id: teamId }] = await dataSource.query(`SELECT id FROM team ORDER BY name LIMIT 1`);

const { CasesQuery } = await import('../../apps/api/dist/cases/cases.query.js');
const { StatisticsService } = await import('../../apps/api/dist/reporting/statistics.service.js');
const query = app.get(CasesQuery);
const statistics = app.get(StatisticsService);
// What a running api does every few seconds: fold reporting's differences into the monthly totals.
const foldStarted = Date.now();
await statistics.foldDeltas();
console.log(`report totals folded in ${((Date.now() - foldStarted) / 1000).toFixed(1)} s`);
const actor = { id: officers[7].id, email: '', name: '', roles: ['officer'] };
// What the case list screen runs: the first page of 25, then (as GraphQL resolves it) the count shown beside it.
const screen = (filter) => async () => {
  await query.page(actor, filter, 25, null);
  await query.count(actor, filter, 1000);
};
const measures = {
  overdue: screen({ overdue: true }),
  'due within 5 working days': screen({ dueSoon: true }),
  'by assignee and stage': screen({ assigneeId: officers[3].id, stage: 'response' }),
  'mine, all open': screen({ mine: true }),
  'team queue (my teams, open)': screen({ teamQueue: true }),
  'text search on reference and subject': screen({ text: 'pothole repairs request 4214', status: 'all' }),
  'text search, one common word (1 case in 8)': screen({ text: 'pothole' }),
  'text search, a reference as typed': screen({ text: 'FOI-2024-0000424', status: 'all' }),
  "a quarter's statistics (2025-Q2, per month)": () =>
    statistics.statistics({ from: '2025-04-01', to: '2025-06-30', groupBy: 'MONTH' }),
  "a quarter's statistics, one team": () =>
    statistics.statistics({ from: '2025-04-01', to: '2025-06-30', groupBy: 'QUARTER', teamId }),
  'the dashboard (twelve months, per month)': () =>
    statistics.statistics({ from: '2025-01-01', to: '2025-12-31', groupBy: 'MONTH' }),
  'the dashboard, FOI only': () =>
    statistics.statistics({ from: '2025-01-01', to: '2025-12-31', groupBy: 'MONTH', regime: 'foi' }),
};
for (const [label, run] of Object.entries(measures)) {
  await run();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(46)} p50 ${times[Math.floor(RUNS / 2)].toFixed(1).padStart(7)} ms  p95 ${times[Math.floor(RUNS * 0.95)].toFixed(1).padStart(7)} ms`,
  );
}
await app.close();
if (values.keep) console.log(`kept: node test/load/large-data.mjs --reuse ${database.url}`);
else await database.close();

async function generate() {
  const officers = [];
  for (let i = 0; i < 50; i++) {
    officers.push(
      await api.createUser(dataSource.manager, {
        email: `o${i}@large.example.org`,
        name: `Officer ${i}`,
        password: 'large data test',
        roles: ['officer'],
      }),
    );
  }
  const versions = Object.fromEntries(
    (
      await dataSource.query(
        `SELECT workflow_id, id FROM workflow_version WHERE workflow_id IN ('foi', 'eir', 'sar') AND status = 'published'`,
      )
    ).map((row) => [row.workflow_id, row.id]),
  );
  const teams = [];
  for (const name of ['Information Governance', 'Highways', 'Housing', 'Planning', 'Data Protection'])
    teams.push((await dataSource.query(`INSERT INTO team (name) VALUES ($1) RETURNING id`, [name]))[0].id);
  const stages = ['received', 'clarification', 'response', 'review-window', 'internal-review'];
  const topics = [
    'parking fines',
    'CCTV cameras',
    'pothole repairs',
    'school admissions',
    'housing repairs',
    'bin collections',
    'planning appeals',
    'agency staff',
  ];

  let started = Date.now();
  // 70% closed, 30% open; open cases due from two months ago to two months ahead; spread over 50 officers;
  // topics independent of due date (i / 7), so no search finds its matches bunched at the list's head.
  await dataSource.query(
    `INSERT INTO "case" (reference, regime, workflow_id, workflow_version_id, subject, request_text, channel, received_on, status, stage, step,
                         snapshot, version, due_on, assignee_id, outcome, closed_at, team_id)
     SELECT 'FOI-' || (2020 + i % 7) || '-' || lpad(i::text, 7, '0'), w.regime, w.regime, (($1::jsonb)->>w.regime)::uuid,
            ($2::text[])[1 + (i / 7) % 8] || ' request ' || i, 'Generated request ' || i, 'email',
            date '2020-01-01' + (i::bigint * 2500 / $5)::int,
            CASE WHEN i % 10 < 7 THEN 'closed' ELSE 'open' END,
            CASE WHEN i % 10 < 7 THEN 'closed' ELSE ($3::text[])[1 + i % 5] END, 'drafting',
            '{}'::jsonb, 20,
            CASE WHEN i % 10 < 7 THEN NULL ELSE current_date - 60 + (i % 120) END,
            ($4::uuid[])[1 + i % 50],
            CASE WHEN i % 10 < 7 THEN (ARRAY['granted-in-full','granted-in-part','refused-in-full','not-held'])[1 + i % 4] END,
            CASE WHEN i % 10 < 7 THEN now() END,
            ($6::uuid[])[1 + (i / 10) % 5]
       FROM generate_series(1, $5::int) i
      CROSS JOIN LATERAL (SELECT CASE WHEN i % 20 = 0 THEN 'sar' WHEN i % 10 = 1 THEN 'eir' ELSE 'foi' END AS regime) w`,
    [JSON.stringify(versions), topics, stages, officers.map((o) => o.id), CASES, teams],
  );
  console.log(
    `${CASES.toLocaleString('en-GB')} cases generated in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  started = Date.now();
  await dataSource.query('ALTER TABLE case_event DISABLE TRIGGER case_event_append_only');
  // The events are placeholders: reporting's rows are generated below as the trigger would have left them.
  await dataSource.query('ALTER TABLE case_event DISABLE TRIGGER case_report_project');
  await dataSource.query(
    `INSERT INTO case_event (case_id, sequence, type, payload, actor_id, actor_label, recorded_at, effective_on, workflow_version_id, stage_after, prev_hash, hash)
     SELECT c.id, s, 'GENERATED', jsonb_build_object('n', s), NULL, 'generator', now(), c.received_on, c.workflow_version_id, c.stage,
            md5(c.id::text || (s - 1)), md5(c.id::text || s)
       FROM "case" c CROSS JOIN generate_series(1, 20) s`,
  );
  await dataSource.query('ALTER TABLE case_event ENABLE TRIGGER case_event_append_only');
  await dataSource.query('ALTER TABLE case_event ENABLE TRIGGER case_report_project');
  await generateReports();
  // As autovacuum would after a bulk load: statistics, and a visibility map so index-only scans stay in the index.
  await dataSource.query('VACUUM (ANALYZE)');
  const [{ events }] = await dataSource.query('SELECT count(*)::int AS events FROM case_event');
  console.log(
    `${events.toLocaleString('en-GB')} events generated in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return officers;
}

/**
 * Reporting's row per case, as the event trigger would have left it: closed cases answered 5 to 34 days after
 * receipt against a 28-day deadline (one in five late), one in 23 extended, exemptions on partial and
 * full refusals, one in 30 reviewed (a third overturned) and one in 200 taken to the regulator.
 */
async function generateReports() {
  const started = Date.now();
  await dataSource.query(
    `INSERT INTO case_report (case_id, regime, workflow_id, received_on, response_due, answered_on, timeliness, extended,
                              first_outcome, outcome, exemptions, review_requested_on, review_decided_on, review_outcome,
                              review_timeliness, complaint_on, decision, decision_on, closed_on, last_sequence)
     SELECT c.id, c.regime, c.workflow_id, c.received_on, c.received_on + 28, a.answered,
            CASE WHEN a.answered IS NULL THEN NULL WHEN a.answered <= c.received_on + 28 THEN 'in-time' ELSE 'late' END,
            n % 23 = 0, c.outcome, c.outcome,
            CASE c.outcome WHEN 'granted-in-part' THEN ARRAY['s.40(2)']
                           WHEN 'refused-in-full' THEN CASE n % 3 WHEN 0 THEN ARRAY['s.43(2)', 's.31(1)(a)']
                                                                  WHEN 1 THEN ARRAY['s.21'] ELSE ARRAY['s.40(2)', 's.41'] END
                           ELSE '{}' END,
            CASE WHEN a.answered IS NOT NULL AND n % 30 = 0 THEN a.answered + 10 END,
            CASE WHEN a.answered IS NOT NULL AND n % 30 = 0 THEN a.answered + 10 + 15 + n % 20 END,
            CASE WHEN a.answered IS NOT NULL AND n % 30 = 0 THEN CASE WHEN n % 90 = 0 THEN 'overturned' ELSE 'upheld' END END,
            CASE WHEN a.answered IS NOT NULL AND n % 30 = 0 THEN CASE WHEN n % 20 < 18 THEN 'in-time' ELSE 'late' END END,
            CASE WHEN a.answered IS NOT NULL AND n % 200 = 0 THEN a.answered + 60 END,
            CASE WHEN a.answered IS NOT NULL AND n % 400 = 0 THEN 'complaint-upheld' END,
            CASE WHEN a.answered IS NOT NULL AND n % 400 = 0 THEN a.answered + 200 END,
            a.answered, 20
       FROM "case" c
      CROSS JOIN LATERAL (SELECT hashtext(c.id::text) & 2147483647 AS n) h
      CROSS JOIN LATERAL (SELECT CASE WHEN c.status = 'closed' THEN c.received_on + 5 + n % 30 END AS answered) a`,
  );
  await dataSource.query('VACUUM (ANALYZE) case_report');
  console.log(`reporting rows generated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
