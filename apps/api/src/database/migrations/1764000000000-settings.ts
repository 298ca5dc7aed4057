import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Authority-wide settings (the authority's name and address for letters, demo-data marker). */
export class Settings1764000000000 implements MigrationInterface {
  name = 'Settings1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "setting" (
        "key" text PRIMARY KEY,
        "value" jsonb NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "setting"`);
  }
}
