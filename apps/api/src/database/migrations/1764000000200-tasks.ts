import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tasks to service areas (case_task, its append-only case_task_event log and answer files), internal
 * notes on a case (append-only case_note), and the built-in contributor role.
 */
export class Tasks1764000000200 implements MigrationInterface {
  name = 'Tasks1764000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_note" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "text" text NOT NULL, "text_sha256" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "event_sequence" integer NOT NULL, CONSTRAINT "PK_7b0442af3f3d9273fb63d2799a2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "case_note_case" ON "case_note"  ("case_id", "created_at")`);
    await queryRunner.query(
      `CREATE TABLE "case_task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "team_id" uuid, "assignee_id" uuid, "question" text NOT NULL, "working_days" integer NOT NULL, "raised_on" date NOT NULL, "due_on" date NOT NULL, "remind_on" date NOT NULL, "status" text NOT NULL DEFAULT 'open', "raised_by" uuid NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reminded_at" TIMESTAMP WITH TIME ZONE, "overdue_at" TIMESTAMP WITH TIME ZONE, "answer" text, "closed_by" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" text, CONSTRAINT "case_task_given_to" CHECK (team_id IS NOT NULL OR assignee_id IS NOT NULL), CONSTRAINT "case_task_status_known" CHECK (status IN ('open', 'answered', 'cancelled')), CONSTRAINT "PK_06ca77cf52ae5e6d862daf4ec23" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_task_overdue_due" ON "case_task"  ("due_on") WHERE status = 'open' AND overdue_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_task_remind_due" ON "case_task"  ("remind_on") WHERE status = 'open' AND reminded_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_task_assignee_open" ON "case_task"  ("assignee_id") WHERE status = 'open'`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_task_team_open" ON "case_task"  ("team_id") WHERE status = 'open'`,
    );
    await queryRunner.query(`CREATE INDEX "case_task_case" ON "case_task"  ("case_id", "raised_at")`);
    await queryRunner.query(
      `CREATE TABLE "case_task_event" ("id" BIGSERIAL NOT NULL, "task_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" text NOT NULL, "actor_id" uuid, "message" text, "case_sequence" integer, CONSTRAINT "case_task_event_kind_known" CHECK (kind IN ('raised', 'chased', 'reminded', 'overdue', 'file-added', 'answered', 'cancelled')), CONSTRAINT "PK_31a9b6f67f62c5cd8bc37e4e75d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "case_task_event_task" ON "case_task_event"  ("task_id", "at")`);
    await queryRunner.query(
      `CREATE TABLE "case_task_attachment" ("task_id" uuid NOT NULL, "attachment_id" uuid NOT NULL, CONSTRAINT "PK_1c61132c6171622319c6495fbf8" PRIMARY KEY ("task_id", "attachment_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_note" ADD CONSTRAINT "FK_e9997cf60eeebccc538b273d76e" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_note" ADD CONSTRAINT "FK_078a54cacf10a5f88e78f9ba35c" FOREIGN KEY ("created_by") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_task" ADD CONSTRAINT "FK_8dbe360f490d27733f9a2e6032d" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_task" ADD CONSTRAINT "FK_a4fe87f1a0d87b6bfea55e87cbe" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_task" ADD CONSTRAINT "FK_d42497265ecc7dff2eaa7fdc864" FOREIGN KEY ("assignee_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_task" ADD CONSTRAINT "FK_de0b5ecc42f510823d0cdeb54c1" FOREIGN KEY ("raised_by") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_task" ADD CONSTRAINT "FK_2ecf1dde0bb8a442d0a74520f5c" FOREIGN KEY ("closed_by") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_task_event" ADD CONSTRAINT "FK_9aec8cafe35dc3b7bdab76fe32e" FOREIGN KEY ("task_id") REFERENCES "case_task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_task_event" ADD CONSTRAINT "FK_8ece30a8198c8a08fc82b3eac6d" FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_task_attachment" ADD CONSTRAINT "FK_a20d1b8582fd19f88cbf0ff7965" FOREIGN KEY ("task_id") REFERENCES "case_task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_task_attachment" ADD CONSTRAINT "FK_d09832029cdad545d991baae35e" FOREIGN KEY ("attachment_id") REFERENCES "attachment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // What a task or a note says, and when, is evidence: nothing rewrites it (answers close a task by UPDATE of case_task only).
    await queryRunner.query(`CREATE TRIGGER "case_task_event_append_only" BEFORE UPDATE OR DELETE ON "case_task_event"
      FOR EACH ROW EXECUTE FUNCTION "people_append_only"()`);
    await queryRunner.query(`CREATE TRIGGER "case_note_append_only" BEFORE UPDATE OR DELETE ON "case_note"
      FOR EACH ROW EXECUTE FUNCTION "people_append_only"()`);
    await queryRunner.query(
      `INSERT INTO "role" (name, description, built_in) VALUES
        ('contributor', 'A service area: sees and answers only the tasks given to them or their team.', true)
       ON CONFLICT (name) DO UPDATE SET built_in = true, description = EXCLUDED.description`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "user" SET roles = array_remove(roles, 'contributor')`);
    await queryRunner.query(
      `UPDATE "user" SET roles = ARRAY['auditor'], disabled = true WHERE cardinality(roles) = 0`,
    );
    await queryRunner.query(`DELETE FROM "role" WHERE name = 'contributor'`);
    await queryRunner.query(`DROP TRIGGER "case_note_append_only" ON "case_note"`);
    await queryRunner.query(`DROP TRIGGER "case_task_event_append_only" ON "case_task_event"`);
    await queryRunner.query(
      `ALTER TABLE "case_task_attachment" DROP CONSTRAINT "FK_d09832029cdad545d991baae35e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_task_attachment" DROP CONSTRAINT "FK_a20d1b8582fd19f88cbf0ff7965"`,
    );
    await queryRunner.query(`ALTER TABLE "case_task_event" DROP CONSTRAINT "FK_8ece30a8198c8a08fc82b3eac6d"`);
    await queryRunner.query(`ALTER TABLE "case_task_event" DROP CONSTRAINT "FK_9aec8cafe35dc3b7bdab76fe32e"`);
    await queryRunner.query(`ALTER TABLE "case_task" DROP CONSTRAINT "FK_2ecf1dde0bb8a442d0a74520f5c"`);
    await queryRunner.query(`ALTER TABLE "case_task" DROP CONSTRAINT "FK_de0b5ecc42f510823d0cdeb54c1"`);
    await queryRunner.query(`ALTER TABLE "case_task" DROP CONSTRAINT "FK_d42497265ecc7dff2eaa7fdc864"`);
    await queryRunner.query(`ALTER TABLE "case_task" DROP CONSTRAINT "FK_a4fe87f1a0d87b6bfea55e87cbe"`);
    await queryRunner.query(`ALTER TABLE "case_task" DROP CONSTRAINT "FK_8dbe360f490d27733f9a2e6032d"`);
    await queryRunner.query(`ALTER TABLE "case_note" DROP CONSTRAINT "FK_078a54cacf10a5f88e78f9ba35c"`);
    await queryRunner.query(`ALTER TABLE "case_note" DROP CONSTRAINT "FK_e9997cf60eeebccc538b273d76e"`);
    await queryRunner.query(`DROP TABLE "case_task_attachment"`);
    await queryRunner.query(`DROP INDEX "public"."case_task_event_task"`);
    await queryRunner.query(`DROP TABLE "case_task_event"`);
    await queryRunner.query(`DROP INDEX "public"."case_task_case"`);
    await queryRunner.query(`DROP INDEX "public"."case_task_team_open"`);
    await queryRunner.query(`DROP INDEX "public"."case_task_assignee_open"`);
    await queryRunner.query(`DROP INDEX "public"."case_task_remind_due"`);
    await queryRunner.query(`DROP INDEX "public"."case_task_overdue_due"`);
    await queryRunner.query(`DROP TABLE "case_task"`);
    await queryRunner.query(`DROP INDEX "public"."case_note_case"`);
    await queryRunner.query(`DROP TABLE "case_note"`);
  }
}
