import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Word search on reference and subject replaces trigram search: on a million cases a trigram index
 * reads the long posting list of every common trigram (tens of ms), where a word index goes to the
 * rarest word. The words are stored, so a list walked in due-date order tests each row cheaply; a
 * trigger (not a generated column) keeps them, so only a change of reference or subject recomputes
 * them, not every transition. ASCII punctuation splits words ("FOI-2026-000123" is foi, 2026, 000123)
 * whatever the server's locale.
 */
export class CaseWordSearch1764000000004 implements MigrationInterface {
  name = 'CaseWordSearch1764000000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case" ADD COLUMN "search_words" tsvector`);
    await queryRunner.query(
      `CREATE FUNCTION case_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.search_words := to_tsvector('simple',
           regexp_replace(NEW.reference || ' ' || NEW.subject, '[\\x01-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7F]+', ' ', 'g'));
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER case_search_words BEFORE INSERT OR UPDATE OF reference, subject ON "case"
       FOR EACH ROW EXECUTE FUNCTION case_search_words()`,
    );
    // Fills existing rows through the trigger.
    await queryRunner.query(`UPDATE "case" SET subject = subject`);
    await queryRunner.query(`CREATE INDEX "case_search_words" ON "case" USING gin ("search_words")`);
    await queryRunner.query(`DROP INDEX "case_text_search"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "case_text_search" ON "case" USING gin (("reference" || ' ' || "subject") gin_trgm_ops)`,
    );
    await queryRunner.query(`DROP TRIGGER case_search_words ON "case"`);
    await queryRunner.query(`DROP FUNCTION case_search_words()`);
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "search_words"`);
  }
}
