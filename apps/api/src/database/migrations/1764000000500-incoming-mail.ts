import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incoming mail: every message taken from the intake mailbox, once by its Message-ID, and the IMAP
 * cursor (UIDVALIDITY and the last UID committed) that says where the next poll starts.
 */
export class IncomingMail1764000000500 implements MigrationInterface {
  name = 'IncomingMail1764000000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "incoming_mail" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "message_id" text NOT NULL, "mailbox" text NOT NULL, "uid_validity" bigint, "uid" bigint, "from_address" text NOT NULL, "from_name" text, "subject" text NOT NULL, "text" text NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "arrived_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_on" date NOT NULL, "in_reply_to" text, "references" text array NOT NULL DEFAULT '{}', "attachments" jsonb NOT NULL DEFAULT '[]', "raw" bytea NOT NULL, "status" text NOT NULL, "case_id" uuid, "threaded_by" text, "offered_event" text, "offer_status" text, "event_sequence" integer, "offer_sequence" integer, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "incoming_mail_message_id" UNIQUE ("message_id"), CONSTRAINT "incoming_mail_uid" UNIQUE ("mailbox", "uid_validity", "uid"), CONSTRAINT "incoming_mail_status_known" CHECK (status IN ('draft', 'registered', 'discarded', 'threaded')), CONSTRAINT "incoming_mail_on_case" CHECK ((status IN ('registered', 'threaded')) = (case_id IS NOT NULL)), CONSTRAINT "incoming_mail_offer_known" CHECK (offer_status IS NULL OR offer_status IN ('offered', 'recorded', 'dismissed')), CONSTRAINT "PK_incoming_mail" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "incoming_mail_open" ON "incoming_mail" ("created_at") WHERE status = 'draft' OR offer_status = 'offered'`,
    );
    await queryRunner.query(`CREATE INDEX "incoming_mail_case" ON "incoming_mail" ("case_id", "created_at")`);
    await queryRunner.query(
      `ALTER TABLE "incoming_mail" ADD CONSTRAINT "FK_incoming_mail_case" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incoming_mail" ADD CONSTRAINT "FK_incoming_mail_decided_by" FOREIGN KEY ("decided_by") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "imap_cursor" ("mailbox" text NOT NULL, "uid_validity" bigint NOT NULL, "last_uid" bigint NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_imap_cursor" PRIMARY KEY ("mailbox"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "imap_cursor"`);
    await queryRunner.query(`DROP TABLE "incoming_mail"`);
  }
}
