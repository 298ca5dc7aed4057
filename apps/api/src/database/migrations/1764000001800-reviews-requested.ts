import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PROJECT as PROJECT_BEFORE, refold } from './1764000001300-timeliness-extended';

/**
 * The stages of a workflow definition where its statutory review runs: those of kind "internal-review". Every FOI,
 * EIR, FOISA and EISR workflow must have one (validateWorkflow), whatever an administrator calls the stage or the
 * event that leads there (FOI's internal review, EIR's reconsideration, FOISA's and EISR's review). A subject access
 * workflow has none: UK GDPR gives no statutory review, and the SAR stage of that kind holds the complaints,
 * entered as soon as the response is sent.
 */
const REVIEW_STAGES = `CREATE FUNCTION "workflow_review_stages"(definition jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(array_agg(s->>'id'), '{}') FROM jsonb_array_elements(definition->'stages') s
     WHERE s->>'kind' = 'internal-review' AND definition->>'regime' <> 'sar'
  $$`;

/**
 * The report trigger of 1764000001300 with a review counted as requested on the date of the event that first brings
 * the case into a review stage of its workflow version, instead of on FOI's REQUEST_INTERNAL_REVIEW alone.
 */
const PROJECT = `CREATE OR REPLACE FUNCTION "case_report_project"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        c record;
        ctx jsonb;
        rec jsonb;
        answering boolean;
        extending boolean;
        requesting boolean := false;
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
        -- Only an event that changes the case's stage or workflow version can bring it into a review stage: the
        -- definition is read for those alone.
        IF NOT EXISTS (SELECT 1 FROM case_event p
                        WHERE p.case_id = NEW.case_id AND p.sequence = NEW.sequence - 1
                          AND p.stage_after = NEW.stage_after AND p.workflow_version_id = NEW.workflow_version_id) THEN
          requesting := coalesce((SELECT NEW.stage_after = ANY (workflow_review_stages(v.definition))
                                    FROM workflow_version v WHERE v.id = NEW.workflow_version_id), false);
        END IF;
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
          review_requested_on = CASE WHEN requesting
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

/** Each case's first event that stands in a review stage of the workflow version it was recorded under. */
const REQUESTED_BY_STAGE = `SELECT DISTINCT ON (e.case_id) e.case_id, e.effective_on
    FROM case_event e
    JOIN (SELECT v.id, unnest(workflow_review_stages(v.definition)) AS stage FROM workflow_version v) s
      ON s.id = e.workflow_version_id AND s.stage = e.stage_after
   ORDER BY e.case_id, e.sequence`;

/** Each case's first REQUEST_INTERNAL_REVIEW, as the trigger of 1764000001300 counts it. */
const REQUESTED_BY_TYPE = `SELECT DISTINCT ON (case_id) case_id, effective_on
    FROM case_event WHERE type = 'REQUEST_INTERNAL_REVIEW' ORDER BY case_id, sequence`;

/**
 * Reviews requested under EIR (reg 11 reconsideration), FOISA (s.20) and EISR (reg 16) are counted as FOI's are:
 * the cases already recorded get their review request from their history, and the monthly totals are counted again.
 */
export class ReviewsRequested1764000001800 implements MigrationInterface {
  name = 'ReviewsRequested1764000001800';

  async up(queryRunner: QueryRunner): Promise<void> {
    // No case event may change a report row while the requests and the totals are counted again.
    await queryRunner.query(`LOCK TABLE case_report IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(REVIEW_STAGES);
    await queryRunner.query(PROJECT);
    await recount(queryRunner, REQUESTED_BY_STAGE);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`LOCK TABLE case_report IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(PROJECT_BEFORE);
    await queryRunner.query(`DROP FUNCTION "workflow_review_stages"(jsonb)`);
    await recount(queryRunner, REQUESTED_BY_TYPE);
  }
}

/** Sets every report row's review request to the one its history gives (none if it gives none), then the totals. */
async function recount(queryRunner: QueryRunner, requested: string): Promise<void> {
  await queryRunner.query(`UPDATE case_report r SET review_requested_on = q.effective_on
      FROM case_report o LEFT JOIN (${requested}) q ON q.case_id = o.case_id
     WHERE o.case_id = r.case_id AND r.review_requested_on IS DISTINCT FROM q.effective_on`);
  await refold(queryRunner);
}
