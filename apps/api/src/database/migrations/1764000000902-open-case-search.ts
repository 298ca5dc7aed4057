import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open cases' words apart (the case list's default filter): a search of open cases reads only their
 * postings, and counting them visits only open matches, not every case with the word (issue 24).
 */
export class OpenCaseSearch1764000000902 implements MigrationInterface {
  name = 'OpenCaseSearch1764000000902';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "case_open_search_words" ON "case" USING gin ("search_words") WHERE "status" = 'open'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "case_open_search_words"`);
  }
}
