import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Run-time holiday removals (a proclamation moved or cancelled a published holiday), and the history
 * of the settings deadlines and guards depend on (the controller's nation, the sector with its s.12
 * limit, the receipt rule): each row holds the settings in force from its time, so replay can use
 * them as they stood at each event.
 */
export class CalendarSettings1764000000007 implements MigrationInterface {
  name = 'CalendarSettings1764000000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "holiday" ADD COLUMN "removed" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE TABLE "calendar_setting" ("id" BIGSERIAL NOT NULL, "nation" text, "sector" text, "receipt_rule" text NOT NULL,
         "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "calendar_setting_pkey" PRIMARY KEY ("id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calendar_setting"`);
    await queryRunner.query(`ALTER TABLE "holiday" DROP COLUMN "removed"`);
  }
}
