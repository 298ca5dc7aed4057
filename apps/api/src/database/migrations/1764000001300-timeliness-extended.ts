import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FUNCTION as PROJECT_BEFORE } from './1764000000700-case-lifecycle';
import { CONTRIBUTIONS as CONTRIBUTIONS_BEFORE } from './1764000000800-report-tally';

/**
 * The report trigger of 1764000000700 with a third timeliness: an answer in time after an extension taken on the
 * response clock (FOIA s.10(3), EIR reg 7, UK GDPR Art 12(3)) is "in-time-extended". Workflows record it so; an
 * answer recorded plain "in-time" by a workflow version from before is counted the same way.
 */
export const PROJECT = `CREATE OR REPLACE FUNCTION "case_report_project"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        c record;
        ctx jsonb;
        rec jsonb;
        answering boolean;
        extending boolean;
      BEGIN
        SELECT regime, workflow_id, received_on, snapshot, status INTO c FROM "case" WHERE id = NEW.case_id;
        -- A voided case leaves the statistics (its history stays).
        IF c.status = 'void' THEN
          DELETE FROM case_report WHERE case_id = NEW.case_id;
          RETURN NULL;
        END IF;
        ctx := c.snapshot->'context';
        rec := coalesce(ctx->'record', '{}'::jsonb);
        INSERT INTO case_report (case_id, regime, workflow_id, received_on, last_sequence)
          VALUES (NEW.case_id, c.regime, c.workflow_id, c.received_on, NEW.sequence)
          ON CONFLICT (case_id) DO NOTHING;
        answering := rec ? 'timeliness';
        extending := coalesce(ctx->'clock'->'events' @> '[{"type":"extend"}]'::jsonb, false);
        UPDATE case_report r SET
          last_sequence = NEW.sequence,
          received_on = c.received_on,
          -- The response deadline as it stood before the answer (closing clears the case's deadlines).
          response_due = CASE WHEN r.answered_on IS NULL
                              THEN coalesce((ctx->'deadlines'->'response'->>'due')::date, r.response_due)
                              ELSE r.response_due END,
          answered_on = CASE WHEN r.answered_on IS NULL AND answering THEN NEW.effective_on ELSE r.answered_on END,
          -- The first answer's timeliness; in time after an extension is "in time with a permitted extension".
          timeliness = coalesce(r.timeliness,
                                CASE WHEN rec->>'timeliness' = 'in-time' AND (r.extended OR extending)
                                     THEN 'in-time-extended' ELSE rec->>'timeliness' END),
          extended = r.extended OR extending,
          first_outcome = coalesce(r.first_outcome, CASE WHEN answering THEN rec->>'outcome' END),
          -- The outcome that stands: a fresh response after an overturned review or a decision replaces it.
          outcome = coalesce(rec->>'outcome', r.outcome),
          exemptions = CASE WHEN jsonb_typeof(rec->'exemptions') = 'array'
                            THEN ARRAY(SELECT jsonb_array_elements_text(rec->'exemptions'))
                            ELSE r.exemptions END,
          review_requested_on = CASE WHEN NEW.type = 'REQUEST_INTERNAL_REVIEW'
                                     THEN coalesce(r.review_requested_on, NEW.effective_on) ELSE r.review_requested_on END,
          review_decided_on = CASE WHEN NEW.type = 'REVIEW_DECIDED' THEN NEW.effective_on ELSE r.review_decided_on END,
          review_outcome = coalesce(rec->>'reviewOutcome', r.review_outcome),
          review_timeliness = coalesce(rec->>'reviewTimeliness', r.review_timeliness),
          complaint_on = CASE WHEN NEW.type = 'REGULATOR_COMPLAINT_RECEIVED'
                              THEN coalesce(r.complaint_on, NEW.effective_on) ELSE r.complaint_on END,
          decision = coalesce(rec->>'decision', r.decision),
          decision_on = CASE WHEN NEW.type = 'DECISION_NOTICE_ISSUED' THEN NEW.effective_on ELSE r.decision_on END,
          closed_on = CASE WHEN c.status = 'closed' THEN coalesce(r.closed_on, NEW.effective_on) END,
          published_on = CASE NEW.type WHEN 'DISCLOSURE_PUBLISHED' THEN NEW.effective_on
                                       WHEN 'DISCLOSURE_WITHDRAWN' THEN NULL ELSE r.published_on END,
          published_summary = CASE NEW.type WHEN 'DISCLOSURE_PUBLISHED' THEN NEW.payload->>'summary'
                                            WHEN 'DISCLOSURE_WITHDRAWN' THEN NULL ELSE r.published_summary END
        WHERE r.case_id = NEW.case_id;
        RETURN NULL;
      END $$`;

/** The contributions of 1764000000800, counting the stored timeliness as it is. */
const CONTRIBUTIONS = `CREATE OR REPLACE FUNCTION "case_report_contributions"(r case_report)
  RETURNS TABLE (dimension text, key text) LANGUAGE sql IMMUTABLE AS $$
    SELECT 'received', ''
    UNION ALL SELECT 'answered', '' WHERE r.answered_on IS NOT NULL
    UNION ALL SELECT 'in-time', '' WHERE r.answered_on IS NOT NULL AND r.timeliness = 'in-time'
    UNION ALL SELECT 'in-time-extended', '' WHERE r.answered_on IS NOT NULL AND r.timeliness = 'in-time-extended'
    UNION ALL SELECT 'late', '' WHERE r.answered_on IS NOT NULL AND r.timeliness = 'late'
    UNION ALL SELECT 'reviews-requested', '' WHERE r.review_requested_on IS NOT NULL
    UNION ALL SELECT 'reviews-decided', '' WHERE r.review_decided_on IS NOT NULL
    UNION ALL SELECT 'reviews-in-time', '' WHERE r.review_decided_on IS NOT NULL AND r.review_timeliness = 'in-time'
    UNION ALL SELECT 'reviews-late', '' WHERE r.review_decided_on IS NOT NULL AND r.review_timeliness = 'late'
    UNION ALL SELECT 'complaints', '' WHERE r.complaint_on IS NOT NULL
    UNION ALL SELECT 'outcome', r.outcome WHERE r.outcome IS NOT NULL
    UNION ALL SELECT DISTINCT 'exemption', e FROM unnest(r.exemptions) e
    UNION ALL SELECT 'review-outcome', r.review_outcome WHERE r.review_decided_on IS NOT NULL AND r.review_outcome IS NOT NULL
    UNION ALL SELECT 'decision', r.decision WHERE r.decision IS NOT NULL
    -- A late answer's regime, deadline and date: the process folding the totals turns it into working days late.
    UNION ALL SELECT 'late-pair', r.regime || ' ' || to_char(r.response_due, 'YYYY-MM-DD') || ' ' || to_char(r.answered_on, 'YYYY-MM-DD')
               WHERE r.answered_on IS NOT NULL AND r.timeliness = 'late' AND r.response_due IS NOT NULL
  $$`;

/**
 * Statistics tell "in time", "in time with a permitted extension" and "late" apart by the stored timeliness. Answers
 * already recorded in time after an extension (within the extended deadline) are reclassified, and the monthly
 * totals are counted again from the cases; the cases' own histories and snapshots are left as recorded.
 */
export class TimelinessExtended1764000001300 implements MigrationInterface {
  name = 'TimelinessExtended1764000001300';

  async up(queryRunner: QueryRunner): Promise<void> {
    // No case event may change a report row while the totals are counted again.
    await queryRunner.query(`LOCK TABLE case_report IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(PROJECT);
    await queryRunner.query(CONTRIBUTIONS);
    await queryRunner.query(`UPDATE case_report SET timeliness = 'in-time-extended'
      WHERE timeliness = 'in-time' AND extended AND answered_on IS NOT NULL
        AND (response_due IS NULL OR answered_on <= response_due)`);
    await refold(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`LOCK TABLE case_report IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(PROJECT_BEFORE);
    await queryRunner.query(CONTRIBUTIONS_BEFORE.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
    // Before, an extended answer in time was stored "in-time" and told apart by the extended flag.
    await queryRunner.query(
      `UPDATE case_report SET timeliness = 'in-time' WHERE timeliness = 'in-time-extended'`,
    );
    await refold(queryRunner);
  }
}

/**
 * The monthly totals counted again from every report row, with no differences left to fold; the working days late
 * are counted by the next fold (no holidays recorded for them), and until then read from the cases.
 */
export async function refold(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DELETE FROM case_report_delta`);
  await queryRunner.query(`DELETE FROM case_report_tally`);
  await queryRunner.query(`DELETE FROM case_report_tally_calendar`);
  await queryRunner.query(`INSERT INTO case_report_tally (month, regime, workflow_id, team_id, dimension, key, n)
    SELECT date_trunc('month', r.received_on)::date, r.regime, r.workflow_id, r.team_id, c.dimension, c.key, count(*)
      FROM case_report r CROSS JOIN LATERAL case_report_contributions(r) c
     WHERE c.dimension <> 'late-pair'
     GROUP BY 1, 2, 3, 4, 5, 6`);
}
