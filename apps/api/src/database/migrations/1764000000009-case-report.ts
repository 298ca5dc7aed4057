import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The events that answer a request the first time (they record "timeliness" in every built-in workflow). */
const ANSWERS = `('APPROVE_AND_SEND', 'SEND_COST_LIMIT_REFUSAL')`;

/**
 * Reporting's summary of each case: one case_report row, kept by a trigger on every case_event insert,
 * so it is written in the same statement (and transaction) as the event and the append stays one round trip.
 * The trigger reads the case's snapshot as the same statement left it: the state right after the event.
 */
export class CaseReport1764000000009 implements MigrationInterface {
  name = 'CaseReport1764000000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "case_report" (
      "case_id" uuid PRIMARY KEY REFERENCES "case"("id") ON DELETE CASCADE,
      "regime" text NOT NULL,
      "workflow_id" text NOT NULL,
      "received_on" date NOT NULL,
      "response_due" date,
      "answered_on" date,
      "timeliness" text,
      "extended" boolean NOT NULL DEFAULT false,
      "first_outcome" text,
      "outcome" text,
      "exemptions" text[] NOT NULL DEFAULT '{}',
      "review_requested_on" date,
      "review_decided_on" date,
      "review_outcome" text,
      "review_timeliness" text,
      "complaint_on" date,
      "decision" text,
      "decision_on" date,
      "closed_on" date,
      "published_on" date,
      "published_summary" text,
      "last_sequence" integer NOT NULL
    )`);
    await queryRunner.query(`CREATE INDEX "case_report_received" ON "case_report" ("received_on", "regime")`);
    await queryRunner.query(
      `CREATE INDEX "case_report_published" ON "case_report" ("published_on") WHERE "published_on" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE FUNCTION "case_report_project"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        c record;
        ctx jsonb;
        rec jsonb;
        answering boolean;
      BEGIN
        SELECT regime, workflow_id, received_on, snapshot, status INTO c FROM "case" WHERE id = NEW.case_id;
        ctx := c.snapshot->'context';
        rec := coalesce(ctx->'record', '{}'::jsonb);
        INSERT INTO case_report (case_id, regime, workflow_id, received_on, last_sequence)
          VALUES (NEW.case_id, c.regime, c.workflow_id, c.received_on, NEW.sequence)
          ON CONFLICT (case_id) DO NOTHING;
        answering := rec ? 'timeliness';
        UPDATE case_report r SET
          last_sequence = NEW.sequence,
          -- The response deadline as it stood before the answer (closing clears the case's deadlines).
          response_due = CASE WHEN r.answered_on IS NULL
                              THEN coalesce((ctx->'deadlines'->'response'->>'due')::date, r.response_due)
                              ELSE r.response_due END,
          answered_on = CASE WHEN r.answered_on IS NULL AND answering THEN NEW.effective_on ELSE r.answered_on END,
          timeliness = coalesce(r.timeliness, rec->>'timeliness'),
          extended = r.extended OR coalesce(ctx->'clock'->'events' @> '[{"type":"extend"}]'::jsonb, false),
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
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "case_report_project" AFTER INSERT ON "case_event"
      FOR EACH ROW EXECUTE FUNCTION "case_report_project"()`);
    // Existing cases: from their events and their latest snapshot (the deadline before an old answer is not kept).
    await queryRunner.query(`INSERT INTO case_report
      SELECT c.id, c.regime, c.workflow_id, c.received_on,
             (c.snapshot->'context'->'deadlines'->'response'->>'due')::date,
             (SELECT min(e.effective_on) FROM case_event e WHERE e.case_id = c.id AND e.type IN ${ANSWERS}),
             c.snapshot->'context'->'record'->>'timeliness',
             coalesce(c.snapshot->'context'->'clock'->'events' @> '[{"type":"extend"}]'::jsonb, false),
             CASE WHEN c.snapshot->'context'->'record' ? 'timeliness' THEN c.snapshot->'context'->'record'->>'outcome' END,
             c.snapshot->'context'->'record'->>'outcome',
             CASE WHEN jsonb_typeof(c.snapshot->'context'->'record'->'exemptions') = 'array'
                  THEN ARRAY(SELECT jsonb_array_elements_text(c.snapshot->'context'->'record'->'exemptions'))
                  ELSE '{}' END,
             (SELECT min(e.effective_on) FROM case_event e WHERE e.case_id = c.id AND e.type = 'REQUEST_INTERNAL_REVIEW'),
             (SELECT max(e.effective_on) FROM case_event e WHERE e.case_id = c.id AND e.type = 'REVIEW_DECIDED'),
             c.snapshot->'context'->'record'->>'reviewOutcome',
             c.snapshot->'context'->'record'->>'reviewTimeliness',
             (SELECT min(e.effective_on) FROM case_event e WHERE e.case_id = c.id AND e.type = 'REGULATOR_COMPLAINT_RECEIVED'),
             c.snapshot->'context'->'record'->>'decision',
             (SELECT max(e.effective_on) FROM case_event e WHERE e.case_id = c.id AND e.type = 'DECISION_NOTICE_ISSUED'),
             CASE WHEN c.status = 'closed' THEN (SELECT max(e.effective_on) FROM case_event e WHERE e.case_id = c.id) END,
             NULL, NULL,
             c.version
        FROM "case" c`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "case_report_project" ON "case_event"`);
    await queryRunner.query(`DROP FUNCTION "case_report_project"()`);
    await queryRunner.query(`DROP TABLE "case_report"`);
  }
}
