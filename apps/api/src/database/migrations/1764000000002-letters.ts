import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Letters: administrators' templates, and the documents generated for cases. */
export class Letters1764000000002 implements MigrationInterface {
  name = 'Letters1764000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "template" text NOT NULL, "format" text NOT NULL, "filename" text NOT NULL, "content" bytea NOT NULL, "sha256" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_sequence" integer, CONSTRAINT "PK_ec7b8f5c5bbda47d84b23d6f944" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "case_document_case" ON "case_document" ("case_id", "created_at")`);
    await queryRunner.query(
      `CREATE TABLE "letter_template" ("kind" text NOT NULL, "body" text NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_af77acb0b669ec8ed4e3ba96b72" PRIMARY KEY ("kind"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_document" ADD CONSTRAINT "FK_0732b850f7a973dfdf2f61da2a9" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_document" DROP CONSTRAINT "FK_0732b850f7a973dfdf2f61da2a9"`);
    await queryRunner.query(`DROP TABLE "letter_template"`);
    await queryRunner.query(`DROP INDEX "public"."case_document_case"`);
    await queryRunner.query(`DROP TABLE "case_document"`);
  }
}
