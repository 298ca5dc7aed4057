import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case lifecycle: voided cases, free text hashed as salted commitments (so it can be erased while the
 * chain verifies), the one UPDATE case_event allows (erasing private fields), retention rules and the
 * record of each erasure, and erased documents.
 */
export class CaseLifecycle1764000000700 implements MigrationInterface {
  name = 'CaseLifecycle1764000000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case" DROP CONSTRAINT "case_status_known"`);
    await queryRunner.query(
      `ALTER TABLE "case" ADD CONSTRAINT "case_status_known" CHECK (status IN ('open', 'closed', 'void'))`,
    );
    await queryRunner.query(`ALTER TABLE "case" ADD "anonymised_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "case_event" ADD "private_fields" text array, ADD "payload_salt" text, ADD "erasure" jsonb`,
    );
    // Append-only still; the one change allowed is erasing private fields, and it must say under which rule.
    await queryRunner.query(`CREATE OR REPLACE FUNCTION "case_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.erasure IS NOT NULL
           AND NEW.id = OLD.id AND NEW.case_id = OLD.case_id AND NEW.sequence = OLD.sequence AND NEW.type = OLD.type
           AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id AND NEW.actor_label = OLD.actor_label
           AND NEW.recorded_at = OLD.recorded_at AND NEW.effective_on = OLD.effective_on
           AND NEW.workflow_version_id = OLD.workflow_version_id
           AND NEW.holidays_as_of IS NOT DISTINCT FROM OLD.holidays_as_of AND NEW.stage_after = OLD.stage_after
           AND NEW.idempotency_key IS NOT DISTINCT FROM OLD.idempotency_key AND NEW.prev_hash = OLD.prev_hash
           AND NEW.hash = OLD.hash AND NEW.private_fields IS NOT DISTINCT FROM OLD.private_fields
           AND NEW.payload_salt IS NULL THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'case_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(FUNCTION);
    await queryRunner.query(
      `DELETE FROM case_report r USING "case" c WHERE c.id = r.case_id AND c.status = 'void'`,
    );
    await queryRunner.query(`CREATE TABLE "retention_rule" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "regime" text NOT NULL,
      "outcome" text,
      "months_after_closure" integer NOT NULL,
      "updated_by" uuid,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "retention_rule_months" CHECK ("months_after_closure" BETWEEN 0 AND 1200)
    )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "retention_rule_key" ON "retention_rule" ("regime", coalesce("outcome", ''))`,
    );
    await queryRunner.query(`CREATE TABLE "case_erasure" (
      "id" BIGSERIAL PRIMARY KEY,
      "case_id" uuid NOT NULL REFERENCES "case"("id") ON DELETE RESTRICT,
      "rule" text NOT NULL,
      "rule_id" uuid,
      "reason" text NOT NULL,
      "actor_id" uuid,
      "actor_label" text NOT NULL,
      "erased_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "event_sequence" integer NOT NULL,
      "erased" jsonb NOT NULL
    )`);
    await queryRunner.query(`CREATE INDEX "case_erasure_case" ON "case_erasure" ("case_id")`);
    await queryRunner.query(`CREATE TRIGGER "case_erasure_append_only" BEFORE UPDATE OR DELETE ON "case_erasure"
      FOR EACH ROW EXECUTE FUNCTION "case_event_append_only"()`);
    await queryRunner.query(`ALTER TABLE "attachment" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "case_document" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_document" DROP COLUMN "erased_at"`);
    await queryRunner.query(`ALTER TABLE "attachment" DROP COLUMN "erased_at"`);
    await queryRunner.query(`DROP TABLE "case_erasure"`);
    await queryRunner.query(`DROP TABLE "retention_rule"`);
    await queryRunner.query(
      `ALTER TABLE "case_event" DROP COLUMN "erasure", DROP COLUMN "payload_salt", DROP COLUMN "private_fields"`,
    );
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "anonymised_at"`);
    await queryRunner.query(`ALTER TABLE "case" DROP CONSTRAINT "case_status_known"`);
    await queryRunner.query(
      `ALTER TABLE "case" ADD CONSTRAINT "case_status_known" CHECK (status IN ('open', 'closed'))`,
    );
  }
}

/** The report trigger of 1764000000009 with a voided case's row removed and a corrected received date followed. */
export const FUNCTION = `CREATE OR REPLACE FUNCTION "case_report_project"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        c record;
        ctx jsonb;
        rec jsonb;
        answering boolean;
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
        UPDATE case_report r SET
          last_sequence = NEW.sequence,
          received_on = c.received_on,
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
      END $$`;
