import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Announces every change to what the per-request session check reads (e-mail, name, roles, disabled,
 * session version) on the channel recordflow_user_session, with the user's id (or '*' for all) and
 * the transaction's id, so each api process can keep that check in memory and acknowledge each change. A trigger, not the services: the command line and
 * hand-written SQL are announced too. PostgreSQL sends it at commit, to every listening replica.
 */
export class UserSessionNotify1764000000900 implements MigrationInterface {
  name = 'UserSessionNotify1764000000900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION recordflow_user_session_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('recordflow_user_session',
          CASE WHEN TG_LEVEL = 'ROW' THEN OLD.id::text ELSE '*' END || ' ' || txid_current());
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER user_session_changed AFTER UPDATE ON "user" FOR EACH ROW
        WHEN (OLD.email IS DISTINCT FROM NEW.email OR OLD.name IS DISTINCT FROM NEW.name
              OR OLD.roles IS DISTINCT FROM NEW.roles OR OLD.disabled IS DISTINCT FROM NEW.disabled
              OR OLD.session_version IS DISTINCT FROM NEW.session_version OR OLD.id IS DISTINCT FROM NEW.id)
        EXECUTE FUNCTION recordflow_user_session_notify()`);
    await queryRunner.query(`
      CREATE TRIGGER user_session_deleted AFTER DELETE ON "user" FOR EACH ROW
        EXECUTE FUNCTION recordflow_user_session_notify()`);
    await queryRunner.query(`
      CREATE TRIGGER user_session_truncated AFTER TRUNCATE ON "user" FOR EACH STATEMENT
        EXECUTE FUNCTION recordflow_user_session_notify()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER user_session_truncated ON "user"`);
    await queryRunner.query(`DROP TRIGGER user_session_deleted ON "user"`);
    await queryRunner.query(`DROP TRIGGER user_session_changed ON "user"`);
    await queryRunner.query(`DROP FUNCTION recordflow_user_session_notify()`);
  }
}
