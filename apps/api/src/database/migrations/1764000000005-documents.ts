import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Case documents: each version of an attached file, and the redactions that made a redacted version. */
export class Documents1764000000005 implements MigrationInterface {
  name = 'Documents1764000000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "attachment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL REFERENCES "case"("id") ON DELETE RESTRICT, "document_id" uuid NOT NULL, "version" integer NOT NULL, "kind" text NOT NULL, "filename" text NOT NULL, "mime_type" text NOT NULL, "size" bigint NOT NULL, "sha256" text NOT NULL, "redacted_from" uuid REFERENCES "attachment"("id") ON DELETE RESTRICT, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "event_sequence" integer NOT NULL, CONSTRAINT "attachment_pkey" PRIMARY KEY ("id"), CONSTRAINT "attachment_kind" CHECK ("kind" IN ('gathered', 'draft', 'for-release', 'released', 'correspondence')))`,
    );
    await queryRunner.query(`CREATE INDEX "attachment_case" ON "attachment" ("case_id", "created_at")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "attachment_document_version" ON "attachment" ("document_id", "version")`,
    );
    await queryRunner.query(
      `CREATE TABLE "redaction" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "attachment_id" uuid NOT NULL REFERENCES "attachment"("id") ON DELETE RESTRICT, "page" integer NOT NULL, "text" text, "rects" jsonb NOT NULL, "exemption" text NOT NULL, "reason" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "redaction_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "redaction_attachment" ON "redaction" ("attachment_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "redaction"`);
    await queryRunner.query(`DROP TABLE "attachment"`);
  }
}
