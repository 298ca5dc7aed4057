import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A team's queue in the case list's order (due date, then reference): its first page without sorting. */
export class TeamQueueOrder1764000000801 implements MigrationInterface {
  name = 'TeamQueueOrder1764000000801';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "case_team_order" ON "case" ("team_id", "status", (coalesce("due_on", '9999-12-31'::date)), "reference")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "case_team_order"`);
  }
}
