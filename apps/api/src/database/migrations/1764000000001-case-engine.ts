import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case engine: users, workflows and their versions, cases, the hash-chained event history,
 * requesters (personal data apart from the chain), timers and run-time holidays.
 * Generated from the entities, then given what entities cannot say: case-insensitive e-mail,
 * one draft per workflow, one pending timer per name, an append-only history and immutable versions.
 */
export class CaseEngine1764000000001 implements MigrationInterface {
  name = 'CaseEngine1764000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "password_hash" text NOT NULL, "roles" text array NOT NULL, "disabled" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "user_roles_known" CHECK (roles <@ ARRAY['admin', 'officer', 'auditor']::text[] AND cardinality(roles) > 0), CONSTRAINT "PK_cace4a159ff9f2512dd42373760" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "workflow" ("id" text NOT NULL, "name" text NOT NULL, "regime" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_eb5e4cc1a9ef2e94805b676751b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "workflow_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workflow_id" text NOT NULL, "version" integer, "status" text NOT NULL, "definition" jsonb NOT NULL, "definition_hash" text NOT NULL, "revision" integer NOT NULL DEFAULT '1', "saved_by" uuid, "saved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "workflow_version_numbered_once_published" CHECK ((status = 'draft') = (version IS NULL)), CONSTRAINT "workflow_version_status_known" CHECK (status IN ('draft', 'published', 'archived')), CONSTRAINT "PK_e61d12662fd18f475bba2e86b7d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "workflow_version_number_key" ON "workflow_version"  ("workflow_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "requester" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text, "email" text, "address" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "erased_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_9e4474f3b2551017a7d356f993b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" text NOT NULL, "regime" text NOT NULL, "workflow_id" text NOT NULL, "workflow_version_id" uuid NOT NULL, "subject" text NOT NULL, "request_text" text NOT NULL, "channel" text NOT NULL, "received_on" date NOT NULL, "requester_id" uuid, "status" text NOT NULL, "stage" text NOT NULL, "step" text NOT NULL, "snapshot" jsonb NOT NULL, "version" integer NOT NULL, "due_on" date, "assignee_id" uuid, "outcome" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "case_status_known" CHECK (status IN ('open', 'closed')), CONSTRAINT "PK_a1b20a2aef6fc438389d2c4aca0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "case_stage" ON "case"  ("stage", "status") `);
    await queryRunner.query(
      `CREATE INDEX "case_assignee_due" ON "case"  ("assignee_id", "status", "due_on") `,
    );
    await queryRunner.query(`CREATE INDEX "case_open_due" ON "case"  ("status", "due_on") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "case_reference_key" ON "case"  ("reference") `);
    await queryRunner.query(
      `CREATE TABLE "reference_counter" ("prefix" text NOT NULL, "year" integer NOT NULL, "last" integer NOT NULL, CONSTRAINT "PK_05a961e9b7b4ae9c0b318173c02" PRIMARY KEY ("prefix", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_event" ("id" BIGSERIAL NOT NULL, "case_id" uuid NOT NULL, "sequence" integer NOT NULL, "type" text NOT NULL, "payload" jsonb NOT NULL, "actor_id" uuid, "actor_label" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "effective_on" date NOT NULL, "workflow_version_id" uuid NOT NULL, "holidays_as_of" TIMESTAMP WITH TIME ZONE, "stage_after" text NOT NULL, "idempotency_key" text, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_5b6e18b2d4fd178711a2269645e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "case_event_idempotency_key" ON "case_event"  ("case_id", "idempotency_key") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "case_event_sequence_key" ON "case_event"  ("case_id", "sequence") `,
    );
    await queryRunner.query(
      `CREATE TABLE "holiday" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "date" date NOT NULL, "title" text NOT NULL, "divisions" text array NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3e7492c25f80418a7aad0aec053" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "holiday_date_title_key" ON "holiday"  ("date", "title") `);
    await queryRunner.query(
      `CREATE TABLE "timer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "name" text NOT NULL, "event" text NOT NULL, "fire_on" date NOT NULL, "status" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "done_at" TIMESTAMP WITH TIME ZONE, "fired_sequence" integer, "note" text, CONSTRAINT "timer_status_known" CHECK (status IN ('pending', 'fired', 'cancelled')), CONSTRAINT "PK_b476163e854c74bff55b29d320a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "timer_due" ON "timer"  ("status", "fire_on") `);
    await queryRunner.query(
      `ALTER TABLE "workflow_version" ADD CONSTRAINT "FK_153471a442f721e7aa4008d7c2f" FOREIGN KEY ("workflow_id") REFERENCES "workflow"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workflow_version" ADD CONSTRAINT "FK_1ed1e7c6ebc0423aed1c89008a2" FOREIGN KEY ("saved_by") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workflow_version" ADD CONSTRAINT "FK_7a4143d61c1f200b63d23413a0c" FOREIGN KEY ("published_by") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case" ADD CONSTRAINT "FK_bf96d3f531a0b2e9a7da44bd943" FOREIGN KEY ("workflow_version_id") REFERENCES "workflow_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case" ADD CONSTRAINT "FK_5793de0c1fddba9c0628e2e9347" FOREIGN KEY ("requester_id") REFERENCES "requester"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case" ADD CONSTRAINT "FK_bbc1f51254130f6f65d719ba66c" FOREIGN KEY ("assignee_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_event" ADD CONSTRAINT "FK_85962fcd8d72296385c01a5dd45" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_event" ADD CONSTRAINT "FK_852fb4c24cccedbcbf0ef5b77fc" FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_event" ADD CONSTRAINT "FK_a59cb6e53e45ba888c5a664abca" FOREIGN KEY ("workflow_version_id") REFERENCES "workflow_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "timer" ADD CONSTRAINT "FK_f13645bec14589b0f834fb498cb" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "user_email_key" ON "user" (lower("email"))`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "workflow_version_one_draft" ON "workflow_version" ("workflow_id") WHERE "status" = 'draft'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "timer_one_pending" ON "timer" ("case_id", "name") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(`CREATE FUNCTION "case_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "case_event_append_only" BEFORE UPDATE OR DELETE ON "case_event"
      FOR EACH ROW EXECUTE FUNCTION "case_event_append_only"()`);
    await queryRunner.query(`CREATE FUNCTION "workflow_version_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'draft' AND (NEW.definition IS DISTINCT FROM OLD.definition
            OR NEW.version IS DISTINCT FROM OLD.version OR NEW.definition_hash IS DISTINCT FROM OLD.definition_hash
            OR NEW.status = 'draft') THEN
          RAISE EXCEPTION 'workflow version % of % is published and cannot change', OLD.version, OLD.workflow_id
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "workflow_version_immutable" BEFORE UPDATE ON "workflow_version"
      FOR EACH ROW EXECUTE FUNCTION "workflow_version_immutable"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "workflow_version_immutable" ON "workflow_version"`);
    await queryRunner.query(`DROP FUNCTION "workflow_version_immutable"()`);
    await queryRunner.query(`DROP TRIGGER "case_event_append_only" ON "case_event"`);
    await queryRunner.query(`DROP FUNCTION "case_event_append_only"()`);
    await queryRunner.query(`DROP INDEX "timer_one_pending"`);
    await queryRunner.query(`DROP INDEX "workflow_version_one_draft"`);
    await queryRunner.query(`DROP INDEX "user_email_key"`);
    await queryRunner.query(`ALTER TABLE "timer" DROP CONSTRAINT "FK_f13645bec14589b0f834fb498cb"`);
    await queryRunner.query(`ALTER TABLE "case_event" DROP CONSTRAINT "FK_a59cb6e53e45ba888c5a664abca"`);
    await queryRunner.query(`ALTER TABLE "case_event" DROP CONSTRAINT "FK_852fb4c24cccedbcbf0ef5b77fc"`);
    await queryRunner.query(`ALTER TABLE "case_event" DROP CONSTRAINT "FK_85962fcd8d72296385c01a5dd45"`);
    await queryRunner.query(`ALTER TABLE "case" DROP CONSTRAINT "FK_bbc1f51254130f6f65d719ba66c"`);
    await queryRunner.query(`ALTER TABLE "case" DROP CONSTRAINT "FK_5793de0c1fddba9c0628e2e9347"`);
    await queryRunner.query(`ALTER TABLE "case" DROP CONSTRAINT "FK_bf96d3f531a0b2e9a7da44bd943"`);
    await queryRunner.query(
      `ALTER TABLE "workflow_version" DROP CONSTRAINT "FK_7a4143d61c1f200b63d23413a0c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "workflow_version" DROP CONSTRAINT "FK_1ed1e7c6ebc0423aed1c89008a2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "workflow_version" DROP CONSTRAINT "FK_153471a442f721e7aa4008d7c2f"`,
    );
    await queryRunner.query(`DROP INDEX "public"."timer_due"`);
    await queryRunner.query(`DROP TABLE "timer"`);
    await queryRunner.query(`DROP INDEX "public"."holiday_date_title_key"`);
    await queryRunner.query(`DROP TABLE "holiday"`);
    await queryRunner.query(`DROP INDEX "public"."case_event_sequence_key"`);
    await queryRunner.query(`DROP INDEX "public"."case_event_idempotency_key"`);
    await queryRunner.query(`DROP TABLE "case_event"`);
    await queryRunner.query(`DROP TABLE "reference_counter"`);
    await queryRunner.query(`DROP INDEX "public"."case_reference_key"`);
    await queryRunner.query(`DROP INDEX "public"."case_open_due"`);
    await queryRunner.query(`DROP INDEX "public"."case_assignee_due"`);
    await queryRunner.query(`DROP INDEX "public"."case_stage"`);
    await queryRunner.query(`DROP TABLE "case"`);
    await queryRunner.query(`DROP TABLE "requester"`);
    await queryRunner.query(`DROP INDEX "public"."workflow_version_number_key"`);
    await queryRunner.query(`DROP TABLE "workflow_version"`);
    await queryRunner.query(`DROP TABLE "workflow"`);
    await queryRunner.query(`DROP TABLE "user"`);
  }
}
