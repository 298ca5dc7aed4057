import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People: teams and their members, administrator-defined roles, a case's team, per-user session versions,
 * invitations (a user without a password yet), and the append-only user_audit and sign_in_event tables.
 */
export class People1764000000008 implements MigrationInterface {
  name = 'People1764000000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user" DROP CONSTRAINT "user_roles_known"`);
    await queryRunner.query(
      `CREATE TABLE "team" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f57d8293406df4af348402e4b74" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "team_name_key" ON "team"  ("name") `);
    await queryRunner.query(
      `CREATE TABLE "user_team" ("user_id" uuid NOT NULL, "team_id" uuid NOT NULL, CONSTRAINT "PK_86121d56b6426f7da1f521e3c21" PRIMARY KEY ("user_id", "team_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "user_team_team" ON "user_team"  ("team_id") `);
    await queryRunner.query(
      `CREATE TABLE "role" ("name" text NOT NULL, "description" text NOT NULL DEFAULT '', "built_in" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ae4578dcaed5adff96595e61660" PRIMARY KEY ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "sign_in_event" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "email" text NOT NULL, "user_id" uuid, "client_ip" text, "outcome" text NOT NULL, "actor_id" uuid, CONSTRAINT "PK_0f97b0c95ea188ec1b09bc4f88a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "sign_in_event_at" ON "sign_in_event"  ("at") `);
    await queryRunner.query(`CREATE INDEX "sign_in_event_user" ON "sign_in_event"  ("user_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "user_audit" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_label" text NOT NULL, "target_kind" text NOT NULL, "target_id" text NOT NULL, "action" text NOT NULL, "change" jsonb NOT NULL, CONSTRAINT "PK_028d1949aea3ccc867e56bd4bb4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "user_audit_target" ON "user_audit"  ("target_id", "at") `);
    await queryRunner.query(`ALTER TABLE "user" ADD "session_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "user" ADD "set_password_token_hash" text`);
    await queryRunner.query(`ALTER TABLE "user" ADD "set_password_expires_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "case" ADD "team_id" uuid`);
    await queryRunner.query(`ALTER TABLE "user" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX "case_team" ON "case"  ("team_id", "status") `);
    await queryRunner.query(
      `ALTER TABLE "user_team" ADD CONSTRAINT "FK_66f79a319649fbcc7d5bd1f6901" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_team" ADD CONSTRAINT "FK_ab79684958e64041b68533a9343" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case" ADD CONSTRAINT "FK_a2245725360f7d127d2cc802890" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_audit" ADD CONSTRAINT "FK_c687a70e06a2b7d613093db6e95" FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "role" (name, description, built_in) VALUES
        ('admin', 'Administers users, teams, roles, workflows and settings.', true),
        ('officer', 'Moves cases through their stages and sends the letters.', true),
        ('auditor', 'Reads every history and verifies nobody altered it.', true)`,
    );
    await queryRunner.query(`CREATE FUNCTION "people_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`);
    await queryRunner.query(`CREATE TRIGGER "user_audit_append_only" BEFORE UPDATE OR DELETE ON "user_audit"
      FOR EACH ROW EXECUTE FUNCTION "people_append_only"()`);
    await queryRunner.query(`CREATE TRIGGER "sign_in_event_append_only" BEFORE UPDATE OR DELETE ON "sign_in_event"
      FOR EACH ROW EXECUTE FUNCTION "people_append_only"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "sign_in_event_append_only" ON "sign_in_event"`);
    await queryRunner.query(`DROP TRIGGER "user_audit_append_only" ON "user_audit"`);
    await queryRunner.query(`DROP FUNCTION "people_append_only"()`);
    // Users may hold defined roles or have no password by now; the old table refused both.
    await queryRunner.query(
      `UPDATE "user" SET roles = ARRAY(SELECT unnest(roles) INTERSECT SELECT unnest(ARRAY['admin', 'officer', 'auditor']))`,
    );
    await queryRunner.query(
      `UPDATE "user" SET roles = ARRAY['auditor'], disabled = true WHERE cardinality(roles) = 0`,
    );
    await queryRunner.query(
      `UPDATE "user" SET password_hash = '!' , disabled = true WHERE password_hash IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "user_audit" DROP CONSTRAINT "FK_c687a70e06a2b7d613093db6e95"`);
    await queryRunner.query(`ALTER TABLE "case" DROP CONSTRAINT "FK_a2245725360f7d127d2cc802890"`);
    await queryRunner.query(`ALTER TABLE "user_team" DROP CONSTRAINT "FK_ab79684958e64041b68533a9343"`);
    await queryRunner.query(`ALTER TABLE "user_team" DROP CONSTRAINT "FK_66f79a319649fbcc7d5bd1f6901"`);
    await queryRunner.query(`DROP INDEX "public"."case_team"`);
    await queryRunner.query(`ALTER TABLE "user" ALTER COLUMN "password_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "team_id"`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "set_password_expires_at"`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "set_password_token_hash"`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "session_version"`);
    await queryRunner.query(`DROP INDEX "public"."user_audit_target"`);
    await queryRunner.query(`DROP TABLE "user_audit"`);
    await queryRunner.query(`DROP INDEX "public"."sign_in_event_user"`);
    await queryRunner.query(`DROP INDEX "public"."sign_in_event_at"`);
    await queryRunner.query(`DROP TABLE "sign_in_event"`);
    await queryRunner.query(`DROP TABLE "role"`);
    await queryRunner.query(`DROP INDEX "public"."user_team_team"`);
    await queryRunner.query(`DROP TABLE "user_team"`);
    await queryRunner.query(`DROP INDEX "public"."team_name_key"`);
    await queryRunner.query(`DROP TABLE "team"`);
    await queryRunner.query(
      `ALTER TABLE "user" ADD CONSTRAINT "user_roles_known" CHECK (((roles <@ ARRAY['admin'::text, 'officer'::text, 'auditor'::text]) AND (cardinality(roles) > 0)))`,
    );
  }
}
