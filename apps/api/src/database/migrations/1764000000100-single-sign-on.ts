import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Single sign-on: how each sign-in happened, and the one-time codes that hand a provider's sign-in to the web app. */
export class SingleSignOn1764000000100 implements MigrationInterface {
  name = 'SingleSignOn1764000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sign_in_event" ADD "method" text NOT NULL DEFAULT 'password'`);
    await queryRunner.query(
      `CREATE TABLE "sign_in_code" ("code_hash" text NOT NULL, "user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_sign_in_code" PRIMARY KEY ("code_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "sign_in_code_expires" ON "sign_in_code"  ("expires_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sign_in_code"`);
    await queryRunner.query(`ALTER TABLE "sign_in_event" DROP COLUMN "method"`);
  }
}
