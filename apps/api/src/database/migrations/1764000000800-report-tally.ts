import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a case_report row counts towards: the (dimension, key) pairs the statistics add up. */
export const CONTRIBUTIONS = `CREATE FUNCTION "case_report_contributions"(r case_report)
  RETURNS TABLE (dimension text, key text) LANGUAGE sql IMMUTABLE AS $$
    SELECT 'received', ''
    UNION ALL SELECT 'answered', '' WHERE r.answered_on IS NOT NULL
    UNION ALL SELECT 'in-time', '' WHERE r.answered_on IS NOT NULL AND r.timeliness = 'in-time' AND NOT r.extended
    UNION ALL SELECT 'in-time-extended', '' WHERE r.answered_on IS NOT NULL AND r.timeliness = 'in-time' AND r.extended
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

/** The columns that change what a row contributes (a WHEN clause skips every other update cheaply). */
const COUNTED = [
  'regime',
  'workflow_id',
  'team_id',
  'received_on',
  'response_due',
  'answered_on',
  'timeliness',
  'extended',
  'outcome',
  'exemptions',
  'review_requested_on',
  'review_decided_on',
  'review_outcome',
  'review_timeliness',
  'complaint_on',
  'decision',
];

/**
 * Reporting's running totals per month: the statistics of whole months read a few hundred rows, not every case.
 * A trigger on case_report appends each change's difference (+1 for what a row now counts, -1 for what it no
 * longer does, or all of it when the row goes) to case_report_delta: inserts only, so writers never wait on a shared counter. Any process folds
 * the differences into case_report_tally now and then; readers add both. case_report gets the case's team.
 */
export class ReportTally1764000000800 implements MigrationInterface {
  name = 'ReportTally1764000000800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_report" ADD "team_id" uuid`);
    await queryRunner.query(
      `UPDATE case_report r SET team_id = c.team_id FROM "case" c WHERE c.id = r.case_id AND c.team_id IS NOT NULL`,
    );
    // The team a report row counts towards follows the case's.
    await queryRunner.query(`CREATE FUNCTION "case_report_team_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.team_id := (SELECT team_id FROM "case" WHERE id = NEW.case_id);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "case_report_team_on_insert" BEFORE INSERT ON "case_report"
      FOR EACH ROW EXECUTE FUNCTION "case_report_team_on_insert"()`);
    await queryRunner.query(`CREATE FUNCTION "case_team_to_report"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE case_report SET team_id = NEW.team_id WHERE case_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "case_team_to_report" AFTER UPDATE OF "team_id" ON "case"
      FOR EACH ROW WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id) EXECUTE FUNCTION "case_team_to_report"()`);

    await queryRunner.query(CONTRIBUTIONS);
    for (const table of ['case_report_tally', 'case_report_delta'])
      await queryRunner.query(`CREATE TABLE "${table}" (
        ${table === 'case_report_delta' ? '"id" bigserial PRIMARY KEY,' : ''}
        "month" date NOT NULL,
        "regime" text NOT NULL,
        "workflow_id" text NOT NULL,
        "team_id" uuid,
        "dimension" text NOT NULL,
        "key" text NOT NULL,
        "n" bigint NOT NULL
      )`);
    await queryRunner.query(`ALTER TABLE "case_report_tally" ADD CONSTRAINT "case_report_tally_key"
      UNIQUE NULLS NOT DISTINCT ("month", "regime", "workflow_id", "team_id", "dimension", "key")`);
    await queryRunner.query(`CREATE INDEX "case_report_delta_month" ON "case_report_delta" ("month")`);

    await queryRunner.query(`CREATE FUNCTION "case_report_to_delta"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO case_report_delta (month, regime, workflow_id, team_id, dimension, key, n)
        SELECT month, regime, workflow_id, team_id, dimension, key, sum(n)
          FROM (SELECT date_trunc('month', OLD.received_on)::date AS month, OLD.regime, OLD.workflow_id, OLD.team_id,
                       c.dimension, c.key, -1 AS n
                  FROM case_report_contributions(OLD) c WHERE TG_OP IN ('UPDATE', 'DELETE')
                UNION ALL
                SELECT date_trunc('month', NEW.received_on)::date, NEW.regime, NEW.workflow_id, NEW.team_id,
                       c.dimension, c.key, 1
                  FROM case_report_contributions(NEW) c WHERE TG_OP IN ('INSERT', 'UPDATE')) d
         GROUP BY month, regime, workflow_id, team_id, dimension, key
        HAVING sum(n) <> 0;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "case_report_to_delta_insert" AFTER INSERT OR DELETE ON "case_report"
      FOR EACH ROW EXECUTE FUNCTION "case_report_to_delta"()`);
    const changed = COUNTED.map((column) => `OLD.${column} IS DISTINCT FROM NEW.${column}`).join(' OR ');
    await queryRunner.query(`CREATE TRIGGER "case_report_to_delta_update" AFTER UPDATE ON "case_report"
      FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION "case_report_to_delta"()`);

    // The totals of the rows already there; working days late are added by the first fold (no calendar is recorded).
    await queryRunner.query(`INSERT INTO case_report_tally (month, regime, workflow_id, team_id, dimension, key, n)
      SELECT date_trunc('month', r.received_on)::date, r.regime, r.workflow_id, r.team_id, c.dimension, c.key, count(*)
        FROM case_report r CROSS JOIN LATERAL case_report_contributions(r) c
       WHERE c.dimension <> 'late-pair'
       GROUP BY 1, 2, 3, 4, 5, 6`);
    // The holidays the working days late in the totals were counted with.
    await queryRunner.query(
      `CREATE TABLE "case_report_tally_calendar" ("id" integer PRIMARY KEY DEFAULT 1 CHECK ("id" = 1), "holidays" text NOT NULL)`,
    );
    // The late answers' deadlines and dates, for the working days late of a report without reading every case.
    await queryRunner.query(`CREATE INDEX "case_report_late" ON "case_report" ("received_on")
      INCLUDE ("regime", "workflow_id", "team_id", "response_due", "answered_on")
      WHERE "timeliness" = 'late' AND "answered_on" IS NOT NULL AND "response_due" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "case_report_late"`);
    await queryRunner.query(`DROP TABLE "case_report_tally_calendar"`);
    await queryRunner.query(`DROP TRIGGER "case_report_to_delta_update" ON "case_report"`);
    await queryRunner.query(`DROP TRIGGER "case_report_to_delta_insert" ON "case_report"`);
    await queryRunner.query(`DROP FUNCTION "case_report_to_delta"()`);
    await queryRunner.query(`DROP TABLE "case_report_delta"`);
    await queryRunner.query(`DROP TABLE "case_report_tally"`);
    await queryRunner.query(`DROP FUNCTION "case_report_contributions"(case_report)`);
    await queryRunner.query(`DROP TRIGGER "case_team_to_report" ON "case"`);
    await queryRunner.query(`DROP FUNCTION "case_team_to_report"()`);
    await queryRunner.query(`DROP TRIGGER "case_report_team_on_insert" ON "case_report"`);
    await queryRunner.query(`DROP FUNCTION "case_report_team_on_insert"()`);
    await queryRunner.query(`ALTER TABLE "case_report" DROP COLUMN "team_id"`);
  }
}
