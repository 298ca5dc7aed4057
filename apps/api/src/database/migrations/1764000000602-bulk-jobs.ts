import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Bulk actions: a job with its counts, and one item per case with how it went. */
export class BulkJobs1764000000602 implements MigrationInterface {
  name = 'BulkJobs1764000000602';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "bulk_job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "params" jsonb NOT NULL, "created_by" uuid NOT NULL, "actor" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'running', "total" integer NOT NULL, "succeeded" integer NOT NULL DEFAULT '0', "failed" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "bulk_job_status_known" CHECK (status IN ('running', 'done')), CONSTRAINT "PK_f655c79a42204bf03cf8a0ac754" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "bulk_job_running" ON "bulk_job"  ("status") `);
    await queryRunner.query(
      `CREATE TABLE "bulk_job_item" ("job_id" uuid NOT NULL, "position" integer NOT NULL, "case_id" uuid NOT NULL, "expected_version" integer, "status" text NOT NULL DEFAULT 'pending', "code" text, "message" text, "sequence" integer, "done_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "bulk_job_item_status_known" CHECK (status IN ('pending', 'done', 'failed')), CONSTRAINT "PK_409fa1aed608715ee955a90dd8f" PRIMARY KEY ("job_id", "position"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "bulk_job_item_pending" ON "bulk_job_item"  ("job_id", "status", "position") `,
    );
    await queryRunner.query(
      `ALTER TABLE "bulk_job" ADD CONSTRAINT "FK_7f526131e8828cee38aa0218f0e" FOREIGN KEY ("created_by") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bulk_job_item" ADD CONSTRAINT "FK_c10f5742e07e07eb0ad528af26a" FOREIGN KEY ("job_id") REFERENCES "bulk_job"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bulk_job_item" ADD CONSTRAINT "FK_84332fc25c49c928e62f66ae81c" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "bulk_job_item"`);
    await queryRunner.query(`DROP TABLE "bulk_job"`);
  }
}
