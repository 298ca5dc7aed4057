import type { MigrationInterface, QueryRunner } from 'typeorm';

const SORT = `(coalesce("due_on", '9999-12-31'::date)), "reference"`;

/**
 * The case list's order indexes also carry the workflow (and, for the whole list, the regime and due
 * date): with a restricted workflow hidden from the officer, or the due-soon rule per regime, the
 * list's count up to 1,000 is then read from the index alone instead of 1,000 table rows.
 */
export class ListCountsIndexOnly1764000001900 implements MigrationInterface {
  name = 'ListCountsIndexOnly1764000001900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.replace(
      queryRunner,
      'case_list_order',
      `"status", ${SORT}`,
      `INCLUDE ("workflow_id", "regime", "due_on")`,
    );
    await this.replace(
      queryRunner,
      'case_team_order',
      `"team_id", "status", ${SORT}`,
      `INCLUDE ("workflow_id")`,
    );
    await this.replace(
      queryRunner,
      'case_assignee_order',
      `"assignee_id", "status", ${SORT}`,
      `INCLUDE ("workflow_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.replace(queryRunner, 'case_list_order', `"status", ${SORT}`, '');
    await this.replace(queryRunner, 'case_team_order', `"team_id", "status", ${SORT}`, '');
    await this.replace(queryRunner, 'case_assignee_order', `"assignee_id", "status", ${SORT}`, '');
  }

  /** Builds the new index beside the old, so the list keeps an index at every moment of the swap. */
  private async replace(queryRunner: QueryRunner, name: string, columns: string, include: string) {
    await queryRunner.query(`CREATE INDEX "${name}_next" ON "case" (${columns}) ${include}`);
    await queryRunner.query(`DROP INDEX "${name}"`);
    await queryRunner.query(`ALTER INDEX "${name}_next" RENAME TO "${name}"`);
  }
}
