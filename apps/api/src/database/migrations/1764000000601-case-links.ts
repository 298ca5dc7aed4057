import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Links between cases (refined request, repeat, same requester, aggregated for s.12, review of, complaint about). */
export class CaseLinks1764000000601 implements MigrationInterface {
  name = 'CaseLinks1764000000601';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "other_case_id" uuid NOT NULL, "kind" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "removed_at" TIMESTAMP WITH TIME ZONE, "removed_by" uuid, CONSTRAINT "case_link_not_itself" CHECK (case_id <> other_case_id), CONSTRAINT "case_link_kind_known" CHECK (kind IN ('refined-request', 'repeat', 'same-requester', 'aggregated-s12', 'review-of', 'complaint-about')), CONSTRAINT "PK_e80e18102707048fbbd0bdbc7f7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "case_link_other" ON "case_link"  ("other_case_id") `);
    await queryRunner.query(`CREATE INDEX "case_link_case" ON "case_link"  ("case_id") `);
    // One live link per pair and kind, whichever way round it was made.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "case_link_live_pair" ON "case_link" (least("case_id", "other_case_id"), greatest("case_id", "other_case_id"), "kind") WHERE "removed_at" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_link" ADD CONSTRAINT "FK_343c283904435f8650298f633a4" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_link" ADD CONSTRAINT "FK_2decb506e545ff555999e343965" FOREIGN KEY ("other_case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_link" ADD CONSTRAINT "FK_d58cb0db10c4bff8afc3dfe4c58" FOREIGN KEY ("created_by") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_link" ADD CONSTRAINT "FK_6a2aba66eea86bc811c08bd155a" FOREIGN KEY ("removed_by") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_link"`);
  }
}
