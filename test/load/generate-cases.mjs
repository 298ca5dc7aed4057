// Generates many cases straight in PostgreSQL (one INSERT … SELECT), for the large-data test and the
// search benchmark. Request texts are drawn from a council's vocabulary, common words far more often
// than rare ones, so a word search meets lists as long as real ones do.
import { api } from '../bench/support.mjs';

const TOPICS = [
  'parking fines',
  'CCTV cameras',
  'pothole repairs',
  'school admissions',
  'housing repairs',
  'bin collections',
  'planning appeals',
  'agency staff',
];

/** Most frequent first: a word's share of texts falls with its place in the list. */
export const VOCABULARY = (
  'council information request please provide number total cost years including details list ' +
  'spend contract staff budget service department residents report policy records data copies ' +
  'meeting minutes correspondence emails between officers councillors complaints received ' +
  'road roads repairs pothole potholes highways traffic parking fines penalty charge notices ' +
  'school schools pupils admissions teachers education children social care adults safeguarding ' +
  'housing tenants rent arrears homeless temporary accommodation repairs damp mould ' +
  'waste recycling bins collection missed fly tipping street cleaning litter graffiti ' +
  'planning application applications enforcement appeals building control conservation trees ' +
  'library libraries leisure centre parks playgrounds allotments cemetery burial ' +
  'consultants agency interim salaries expenses travel hospitality gifts overtime sickness ' +
  'contracts procurement tender suppliers invoices payments grants funding loans ' +
  'cctv cameras surveillance licensing taxis alcohol premises gambling food hygiene inspections ' +
  'council tax business rates benefits discretionary hardship fund debt recovery bailiffs ' +
  'energy electricity gas carbon emissions climate solar panels insulation retrofit ' +
  'flooding drainage gullies sewers rivers bridges streetlights lighting pavements cycle lanes ' +
  'asbestos survey legionella fire risk assessments cladding inspections compliance ' +
  'dogs fouling noise nuisance pest control rats pigeons japanese knotweed ' +
  'elections polling stations electoral register canvass postal votes ' +
  'covid vaccination testing isolation payments mortuary excess deaths ' +
  'zebra crossing speed bumps pelican toucan puffin roundabout junction ' +
  'artificial intelligence chatbot algorithm software licences microsoft cloud cyber attack ransomware breach'
).split(' ');

/** 10,007 phrases of 12 words, the first words of the vocabulary most often; a case's text joins two of them. */
const PHRASES = `SELECT n, (SELECT string_agg(v[1 + floor(cardinality(v) * power((abs(hashint4(n * 16 + k)) % 10007) / 10007.0, 2.5))::int], ' ')
                           FROM generate_series(1, 12) k) AS words
                  FROM generate_series(0, 10006) n, (SELECT $6::text[] AS v) vocabulary`;

/**
 * `cases` cases (FOI, EIR, SAR): 70% closed, 30% open, due from two months ago to two months ahead, spread over
 * 50 officers; with `events` 20 events each. Returns the officers.
 */
export async function generateCases(dataSource, { cases, events = true, log = console.log }) {
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

  let started = Date.now();
  // Topics independent of due date (i / 7), so no search finds its matches bunched at the list's head.
  // Received in order over about seven years, as they are registered; 1 in 20 a SAR, 1 in 10 EIR; five teams.
  await dataSource.query(
    `WITH phrases AS MATERIALIZED (${PHRASES})
     INSERT INTO "case" (reference, regime, workflow_id, workflow_version_id, subject, request_text, channel, received_on, status, stage, step,
                         snapshot, version, due_on, assignee_id, outcome, closed_at, team_id)
     SELECT 'FOI-' || (2020 + i % 7) || '-' || lpad(i::text, 7, '0'), w.regime, w.regime, (($1::jsonb)->>w.regime)::uuid,
            ($2::text[])[1 + (i / 7) % 8] || ' request ' || i, 'Please provide ' || a.words || ' ' || b.words, 'email',
            date '2020-01-01' + (i::bigint * 2500 / $5)::int,
            CASE WHEN i % 10 < 7 THEN 'closed' ELSE 'open' END,
            CASE WHEN i % 10 < 7 THEN 'closed' ELSE ($3::text[])[1 + i % 5] END, 'drafting',
            '{}'::jsonb, 20,
            CASE WHEN i % 10 < 7 THEN NULL ELSE current_date - 60 + (i % 120) END,
            ($4::uuid[])[1 + i % 50],
            CASE WHEN i % 10 < 7 THEN (ARRAY['granted-in-full','granted-in-part','refused-in-full','not-held'])[1 + i % 4] END,
            CASE WHEN i % 10 < 7 THEN now() END,
            ($7::uuid[])[1 + (i / 10) % 5]
       FROM generate_series(1, $5::int) i
      CROSS JOIN LATERAL (SELECT CASE WHEN i % 20 = 0 THEN 'sar' WHEN i % 10 = 1 THEN 'eir' ELSE 'foi' END AS regime) w
       JOIN phrases a ON a.n = abs(hashint4(i)) % 10007
       JOIN phrases b ON b.n = abs(hashint4(i + 1000003)) % 10007`,
    [JSON.stringify(versions), TOPICS, stages, officers.map((o) => o.id), cases, VOCABULARY, teams],
  );
  log(`${cases.toLocaleString('en-GB')} cases generated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (events) {
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
    await generateReports(dataSource, log);
  }
  // As autovacuum would after a bulk load: statistics, and a visibility map so index-only scans stay in the index.
  await dataSource.query('VACUUM (ANALYZE)');
  if (events) {
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM case_event');
    log(`${n.toLocaleString('en-GB')} events generated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return officers;
}

/**
 * Reporting's row per case, as the event trigger would have left it: closed cases answered 5 to 34 days after
 * receipt against a 28-day deadline (one in five late), one in 23 extended, exemptions on partial and
 * full refusals, one in 30 reviewed (a third overturned) and one in 200 taken to the regulator.
 */
async function generateReports(dataSource, log) {
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
  log(`reporting rows generated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
