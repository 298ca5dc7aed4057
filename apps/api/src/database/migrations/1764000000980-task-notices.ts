import type { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = `'assignment', 'due-soon', 'overdue', 'digest', 'team-digest'`;
const AFTER = `${BEFORE}, 'task'`;

/** Notices about tasks to service areas (raised, reminded, overdue, answered): a kind of its own, with its own preference. */
export class TaskNotices1764000000980 implements MigrationInterface {
  name = 'TaskNotices1764000000980';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.kinds(queryRunner, AFTER);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM notification WHERE kind = 'task'`);
    await queryRunner.query(`DELETE FROM notification_preference WHERE kind = 'task'`);
    await this.kinds(queryRunner, BEFORE);
  }

  private async kinds(queryRunner: QueryRunner, kinds: string) {
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_known"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_known" CHECK (kind IN (${kinds}))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preference" DROP CONSTRAINT "notification_preference_kind_known"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_kind_known" CHECK (kind IN (${kinds}))`,
    );
  }
}
