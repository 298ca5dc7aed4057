import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes shaped like the officers' list queries: filter and order by the due date (no date sorts
 * last), per status and per assignee, and trigram search on reference and subject.
 */
export class CaseListIndexes1764000000003 implements MigrationInterface {
  name = 'CaseListIndexes1764000000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`DROP INDEX "case_open_due"`);
    await queryRunner.query(`DROP INDEX "case_assignee_due"`);
    await queryRunner.query(
      `CREATE INDEX "case_list_order" ON "case" ("status", (coalesce("due_on", '9999-12-31'::date)), "reference")`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_assignee_order" ON "case" ("assignee_id", "status", (coalesce("due_on", '9999-12-31'::date)), "reference")`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_text_search" ON "case" USING gin (("reference" || ' ' || "subject") gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_received_stats" ON "case" ("received_on", "status", "outcome")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "case_received_stats"`);
    await queryRunner.query(`DROP INDEX "case_text_search"`);
    await queryRunner.query(`DROP INDEX "case_assignee_order"`);
    await queryRunner.query(`DROP INDEX "case_list_order"`);
    await queryRunner.query(`CREATE INDEX "case_assignee_due" ON "case" ("assignee_id", "status", "due_on")`);
    await queryRunner.query(`CREATE INDEX "case_open_due" ON "case" ("status", "due_on")`);
  }
}
