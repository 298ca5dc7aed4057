import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Restricted workflows (seen only by their teams and administrators) and the log of personal data read on their cases. */
export class RestrictedWorkflows1764000000101 implements MigrationInterface {
  name = 'RestrictedWorkflows1764000000101';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workflow" ADD "restricted" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE TABLE "workflow_team" ("workflow_id" text NOT NULL, "team_id" uuid NOT NULL, CONSTRAINT "PK_workflow_team" PRIMARY KEY ("workflow_id", "team_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "workflow_team_team" ON "workflow_team"  ("team_id") `);
    await queryRunner.query(
      `ALTER TABLE "workflow_team" ADD CONSTRAINT "FK_workflow_team_workflow" FOREIGN KEY ("workflow_id") REFERENCES "workflow"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workflow_team" ADD CONSTRAINT "FK_workflow_team_team" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "personal_data_read" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid NOT NULL, "case_id" uuid NOT NULL, "field_group" text NOT NULL, CONSTRAINT "PK_personal_data_read" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "personal_data_read_case" ON "personal_data_read"  ("case_id", "at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "personal_data_read_actor" ON "personal_data_read"  ("actor_id", "at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "personal_data_read" ADD CONSTRAINT "FK_personal_data_read_actor" FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "personal_data_read" ADD CONSTRAINT "FK_personal_data_read_case" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE TRIGGER "personal_data_read_append_only" BEFORE UPDATE OR DELETE ON "personal_data_read"
      FOR EACH ROW EXECUTE FUNCTION "people_append_only"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "personal_data_read"`);
    await queryRunner.query(`DROP TABLE "workflow_team"`);
    await queryRunner.query(`ALTER TABLE "workflow" DROP COLUMN "restricted"`);
  }
}
