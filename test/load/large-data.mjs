#!/usr/bin/env node
// Large-data benchmark: 1,000,000 cases with 20 events each, generated in PostgreSQL, then the p95
// latency of the officers' list queries (as the api runs them) and of a year's statistics query.
//   node test/load/large-data.mjs [--cases 1000000] [--runs 40] [--keep | --reuse <database url>]
// --keep leaves the generated database in place and prints its url; --reuse measures one kept earlier.
import { parseArgs } from 'node:util';
import { api, benchDatabase } from '../bench/support.mjs';
import { generateCases } from './generate-cases.mjs';

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
// The fold empties the differences table; autovacuum would reclaim it in a running api, so do it before measuring.
await dataSource.query('VACUUM (ANALYZE) case_report_delta, case_report_tally');
const actor = { id: officers[7].id, email: '', name: '', roles: ['officer'] };
// What the case list screen runs: the first page of 25 and the count shown beside it (side by side, as the api runs them).
const screen = (filter) => async () => {
  const page = await query.page(actor, filter, 25, null, 1000);
  await query.countBeside(page, actor, filter, 1000);
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

function generate() {
  return generateCases(dataSource, { cases: CASES });
}
