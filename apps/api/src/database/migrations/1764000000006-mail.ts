import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Mail: the durable queue of letters to e-mail, and the local outbox used when no SMTP server is set. */
export class Mail1764000000006 implements MigrationInterface {
  name = 'Mail1764000000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outgoing_mail" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "document_ids" uuid array NOT NULL, "to_address" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "message_id" text NOT NULL, "actor" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'queued', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_attempt_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "response" text, "sent_at" TIMESTAMP WITH TIME ZONE, "sent_sequence" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "outgoing_mail_message_id" UNIQUE ("message_id"), CONSTRAINT "outgoing_mail_status_known" CHECK (status IN ('queued', 'sending', 'sent', 'failed')), CONSTRAINT "PK_ed85381cac829352bf9e8238ff8" PRIMARY KEY ("id"))`,
    );
    // Only unfinished mail is ever scanned for work.
    await queryRunner.query(
      `CREATE INDEX "outgoing_mail_due" ON "outgoing_mail" ("next_attempt_at") WHERE status IN ('queued', 'sending')`,
    );
    await queryRunner.query(`CREATE INDEX "outgoing_mail_case" ON "outgoing_mail" ("case_id", "created_at")`);
    await queryRunner.query(
      `CREATE TABLE "outbox_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "outgoing_mail_id" uuid NOT NULL, "case_id" uuid NOT NULL, "to_address" text NOT NULL, "from_address" text NOT NULL, "subject" text NOT NULL, "message_id" text NOT NULL, "raw" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "REL_98d621e43bc8bc859202b9f876" UNIQUE ("outgoing_mail_id"), CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "outbox_message_recent" ON "outbox_message" ("created_at")`);
    await queryRunner.query(
      `ALTER TABLE "outgoing_mail" ADD CONSTRAINT "FK_b34d42824d285ff5c1aaeec8fca" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outbox_message" ADD CONSTRAINT "FK_98d621e43bc8bc859202b9f8764" FOREIGN KEY ("outgoing_mail_id") REFERENCES "outgoing_mail"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP CONSTRAINT "FK_98d621e43bc8bc859202b9f8764"`);
    await queryRunner.query(`ALTER TABLE "outgoing_mail" DROP CONSTRAINT "FK_b34d42824d285ff5c1aaeec8fca"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_message_recent"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
    await queryRunner.query(`DROP INDEX "public"."outgoing_mail_case"`);
    await queryRunner.query(`DROP INDEX "public"."outgoing_mail_due"`);
    await queryRunner.query(`DROP TABLE "outgoing_mail"`);
  }
}
