import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: each notice once by its key (the same notice found by two replicas is one row),
 * each user's choice per kind, and outgoing mail that is not a case's letter (a notice has no case).
 */
export class Notifications1764000000501 implements MigrationInterface {
  name = 'Notifications1764000000501';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "user_id" uuid NOT NULL, "kind" text NOT NULL, "case_id" uuid, "title" text NOT NULL, "body" text NOT NULL, "in_app" boolean NOT NULL, "outgoing_mail_id" uuid, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_key" UNIQUE ("key"), CONSTRAINT "notification_kind_known" CHECK (kind IN ('assignment', 'due-soon', 'overdue', 'digest', 'team-digest')), CONSTRAINT "PK_notification" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_inbox" ON "notification" ("user_id", "created_at") WHERE in_app`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_notification_user" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_notification_case" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_preference" ("user_id" uuid NOT NULL, "kind" text NOT NULL, "email" boolean NOT NULL, "in_app" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_preference_kind_known" CHECK (kind IN ('assignment', 'due-soon', 'overdue', 'digest', 'team-digest')), CONSTRAINT "PK_notification_preference" PRIMARY KEY ("user_id", "kind"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preference" ADD CONSTRAINT "FK_notification_preference_user" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Assignments are found from the history: only the recent ones are ever scanned.
    await queryRunner.query(
      `CREATE INDEX "case_event_assigned" ON "case_event" ("recorded_at") WHERE type = 'CASE_ASSIGNED'`,
    );
    // A notice's e-mail has no case and no letters.
    await queryRunner.query(`ALTER TABLE "outgoing_mail" ALTER COLUMN "case_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "outbox_message" ALTER COLUMN "case_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "outgoing_mail" ADD "kind" text NOT NULL DEFAULT 'letter'`);
    await queryRunner.query(
      `ALTER TABLE "outgoing_mail" ADD CONSTRAINT "outgoing_mail_kind_known" CHECK (kind IN ('letter', 'notice') AND (kind = 'notice' OR case_id IS NOT NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "outbox_message" WHERE case_id IS NULL`);
    await queryRunner.query(`DELETE FROM "outgoing_mail" WHERE kind = 'notice'`);
    await queryRunner.query(`ALTER TABLE "outgoing_mail" DROP CONSTRAINT "outgoing_mail_kind_known"`);
    await queryRunner.query(`ALTER TABLE "outgoing_mail" DROP COLUMN "kind"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" ALTER COLUMN "case_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "outgoing_mail" ALTER COLUMN "case_id" SET NOT NULL`);
    await queryRunner.query(`DROP INDEX "public"."case_event_assigned"`);
    await queryRunner.query(`DROP TABLE "notification_preference"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
