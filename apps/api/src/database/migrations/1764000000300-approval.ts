import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Draft, approve, send: the approver role the built-in workflows' approval step needs; a letter's
 * printed date and how, when and to whom it was sent (the recipient stays off the hash chain); and
 * a case registered late that is catching up, whose timers wait until its record is up to date.
 */
export class Approval1764000000300 implements MigrationInterface {
  name = 'Approval1764000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO "role" (name, description, built_in) VALUES
        ('approver', 'Approves responses before they are sent; never the person who drafted them.', false)
        ON CONFLICT (name) DO NOTHING`,
    );
    await queryRunner.query(`ALTER TABLE "case_document" ADD "dated_on" date`);
    await queryRunner.query(`ALTER TABLE "case_document" ADD "sent_on" date`);
    await queryRunner.query(`ALTER TABLE "case_document" ADD "sent_channel" text`);
    await queryRunner.query(`ALTER TABLE "case_document" ADD "sent_to" text`);
    await queryRunner.query(`ALTER TABLE "case" ADD "catching_up" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "catching_up"`);
    await queryRunner.query(`ALTER TABLE "case_document" DROP COLUMN "sent_to"`);
    await queryRunner.query(`ALTER TABLE "case_document" DROP COLUMN "sent_channel"`);
    await queryRunner.query(`ALTER TABLE "case_document" DROP COLUMN "sent_on"`);
    await queryRunner.query(`ALTER TABLE "case_document" DROP COLUMN "dated_on"`);
  }
}
