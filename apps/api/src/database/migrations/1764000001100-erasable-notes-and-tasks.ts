import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notes' and tasks' texts hashed as salted commitments (the salt beside the text, not in the history),
 * and the one change case_note and case_task_event allow: erasing a row's text on an anonymised case.
 */
export class ErasableNotesAndTasks1764000001100 implements MigrationInterface {
  name = 'ErasableNotesAndTasks1764000001100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "case_note" ADD "text_salt" text, ADD "erased_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_task" ADD "text_salt" text, ADD "erased_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_task_event" ADD "message_salt" text, ADD "erased_at" TIMESTAMP WITH TIME ZONE`,
    );
    // Append-only still. The one UPDATE allowed erases the row once, on a case already anonymised: the text
    // becomes '[erased]' (ERASED_TEXT; a missing text stays missing), the salt goes, erased_at is set, nothing else changes.
    await queryRunner.query(`CREATE FUNCTION "case_text_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        text_column text := CASE TG_TABLE_NAME WHEN 'case_note' THEN 'text' ELSE 'message' END;
        salt_column text := CASE TG_TABLE_NAME WHEN 'case_note' THEN 'text_salt' ELSE 'message_salt' END;
        old_row jsonb;
        new_row jsonb;
        erased_text text;
        anonymised boolean;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          old_row := to_jsonb(OLD);
          new_row := to_jsonb(NEW);
          erased_text := CASE WHEN old_row->>text_column IS NULL THEN NULL ELSE '[erased]' END;
          IF TG_TABLE_NAME = 'case_note' THEN
            SELECT c.anonymised_at IS NOT NULL INTO anonymised FROM "case" c WHERE c.id = (old_row->>'case_id')::uuid;
          ELSE
            SELECT c.anonymised_at IS NOT NULL INTO anonymised
              FROM case_task t JOIN "case" c ON c.id = t.case_id WHERE t.id = (old_row->>'task_id')::uuid;
          END IF;
          IF coalesce(anonymised, false)
             AND old_row->>'erased_at' IS NULL AND new_row->>'erased_at' IS NOT NULL
             AND new_row->>salt_column IS NULL
             AND new_row->>text_column IS NOT DISTINCT FROM erased_text
             AND new_row - text_column - salt_column - 'erased_at' = old_row - text_column - salt_column - 'erased_at' THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['case_note', 'case_task_event']) {
      await queryRunner.query(`DROP TRIGGER "${table}_append_only" ON "${table}"`);
      await queryRunner.query(`CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION "case_text_append_only"()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['case_task_event', 'case_note']) {
      await queryRunner.query(`DROP TRIGGER "${table}_append_only" ON "${table}"`);
      await queryRunner.query(`CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION "people_append_only"()`);
    }
    await queryRunner.query(`DROP FUNCTION "case_text_append_only"()`);
    await queryRunner.query(
      `ALTER TABLE "case_task_event" DROP COLUMN "erased_at", DROP COLUMN "message_salt"`,
    );
    await queryRunner.query(`ALTER TABLE "case_task" DROP COLUMN "erased_at", DROP COLUMN "text_salt"`);
    await queryRunner.query(`ALTER TABLE "case_note" DROP COLUMN "erased_at", DROP COLUMN "text_salt"`);
  }
}
