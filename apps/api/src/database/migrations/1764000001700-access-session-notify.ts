import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The session check now also says which restricted workflows a user may not see (their teams against
 * each workflow's teams), so what it reads grows to team membership and workflow access: a change to
 * either is announced on recordflow_user_session like a change to the user row (migration
 * 1764000000900), naming the member for a membership and every user ('*') for a workflow's access.
 */
export class AccessSessionNotify1764000001700 implements MigrationInterface {
  name = 'AccessSessionNotify1764000001700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION recordflow_membership_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('recordflow_user_session',
          CASE TG_OP WHEN 'INSERT' THEN NEW.user_id::text WHEN 'DELETE' THEN OLD.user_id::text ELSE '*' END
          || ' ' || txid_current());
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER membership_changed AFTER INSERT OR UPDATE OR DELETE ON user_team FOR EACH ROW
        EXECUTE FUNCTION recordflow_membership_notify()`);
    await queryRunner.query(`
      CREATE TRIGGER membership_truncated AFTER TRUNCATE ON user_team FOR EACH STATEMENT
        EXECUTE FUNCTION recordflow_membership_notify()`);
    // A workflow's access concerns everybody: one announcement per statement, whatever the rows.
    await queryRunner.query(`
      CREATE FUNCTION recordflow_workflow_access_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('recordflow_user_session', '* ' || txid_current());
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER workflow_access_changed AFTER INSERT OR DELETE OR TRUNCATE ON workflow_team
        FOR EACH STATEMENT EXECUTE FUNCTION recordflow_workflow_access_notify()`);
    await queryRunner.query(`
      CREATE TRIGGER workflow_team_moved AFTER UPDATE ON workflow_team FOR EACH ROW
        EXECUTE FUNCTION recordflow_workflow_access_notify()`);
    await queryRunner.query(`
      CREATE TRIGGER workflow_added_or_removed AFTER INSERT OR DELETE OR TRUNCATE ON workflow
        FOR EACH STATEMENT EXECUTE FUNCTION recordflow_workflow_access_notify()`);
    await queryRunner.query(`
      CREATE TRIGGER workflow_restriction_changed AFTER UPDATE ON workflow FOR EACH ROW
        WHEN (OLD.restricted IS DISTINCT FROM NEW.restricted OR OLD.id IS DISTINCT FROM NEW.id)
        EXECUTE FUNCTION recordflow_workflow_access_notify()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER workflow_restriction_changed ON workflow`);
    await queryRunner.query(`DROP TRIGGER workflow_added_or_removed ON workflow`);
    await queryRunner.query(`DROP TRIGGER workflow_team_moved ON workflow_team`);
    await queryRunner.query(`DROP TRIGGER workflow_access_changed ON workflow_team`);
    await queryRunner.query(`DROP FUNCTION recordflow_workflow_access_notify()`);
    await queryRunner.query(`DROP TRIGGER membership_truncated ON user_team`);
    await queryRunner.query(`DROP TRIGGER membership_changed ON user_team`);
    await queryRunner.query(`DROP FUNCTION recordflow_membership_notify()`);
  }
}
