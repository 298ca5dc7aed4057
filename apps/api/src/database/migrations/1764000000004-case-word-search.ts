import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Word search on reference and subject replaces trigram search: on a million cases a trigram index
 * reads the long posting list of every common trigram (tens of ms), where a word index goes to the
 * rarest word. The words are stored, so a list walked in due-date order tests each row cheaply.
 * ASCII punctuation splits words ("FOI-2026-000123" is foi, 2026, 000123) whatever the server's locale.
 */
export class CaseWordSearch1764000000004 implements MigrationInterface {
  name = 'CaseWordSearch1764000000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "case" ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (
         to_tsvector('simple', regexp_replace("reference" || ' ' || "subject", '[\\x01-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7F]+', ' ', 'g'))
       ) STORED`,
    );
    await queryRunner.query(`CREATE INDEX "case_search_words" ON "case" USING gin ("search_words")`);
    await queryRunner.query(`DROP INDEX "case_text_search"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "case_text_search" ON "case" USING gin (("reference" || ' ' || "subject") gin_trgm_ops)`,
    );
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "search_words"`);
  }
}
