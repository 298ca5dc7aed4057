import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who the upgrade's changes are attributed to in user_audit (no person made them). */
export const UPGRADE_LABEL = 'upgrade: subject access requests restricted';
const REVERT_LABEL = 'downgrade: subject access restriction undone';

/**
 * Subject access requests are restricted from the start: a new installation creates its SAR workflows
 * restricted, and this upgrade restricts those of an existing one, so that nobody who is working on a
 * SAR loses it and nobody else keeps seeing SARs. Each open workflow of the sar regime becomes
 * restricted to the teams that hold its open cases and the teams of the officers assigned to them
 * (with any teams an administrator named before); with none, only administrators see its cases until
 * an administrator names the teams (the Teams page says so). A workflow an administrator deliberately
 * opened (their last access change left it unrestricted) stays open. Each change is in user_audit.
 */
export class SubjectAccessRestricted1764000001200 implements MigrationInterface {
  name = 'SubjectAccessRestricted1764000001200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const workflows: { id: string }[] = await queryRunner.query(
      `SELECT w.id FROM workflow w
        WHERE w.regime = 'sar' AND NOT w.restricted
          AND coalesce((SELECT (a.change->'after'->>'restricted')::boolean FROM user_audit a
                         WHERE a.target_kind = 'workflow' AND a.target_id = w.id AND a.action = 'access-set'
                           AND a.actor_id IS NOT NULL
                         ORDER BY a.id DESC LIMIT 1), true)
        ORDER BY w.id`,
    );
    for (const { id } of workflows) {
      const before = await teamsOf(queryRunner, id);
      const handling: { team_id: string }[] = await queryRunner.query(
        `SELECT c.team_id FROM "case" c WHERE c.workflow_id = $1 AND c.status = 'open' AND c.team_id IS NOT NULL
         UNION
         SELECT m.team_id FROM "case" c JOIN user_team m ON m.user_id = c.assignee_id
          WHERE c.workflow_id = $1 AND c.status = 'open'`,
        [id],
      );
      const teamIds = [...new Set([...before, ...handling.map((h) => h.team_id)])].sort();
      await queryRunner.query(
        `INSERT INTO workflow_team (workflow_id, team_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [id, teamIds],
      );
      await queryRunner.query('UPDATE workflow SET restricted = true WHERE id = $1', [id]);
      await audit(queryRunner, UPGRADE_LABEL, id, {
        before: { restricted: false, teamIds: before },
        after: { restricted: true, teamIds },
        reason:
          teamIds.length > 0
            ? 'Subject access requests are restricted: to the teams that hold its open cases or whose officers are assigned to them.'
            : 'Subject access requests are restricted: no team holds its open cases yet, so only administrators see them until an administrator names the teams.',
      });
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const changes: { id: string; target_id: string; change: { before: Access; after: Access } }[] =
      await queryRunner.query(
        `SELECT DISTINCT ON (target_id) id, target_id, change FROM user_audit
          WHERE actor_label = $1 AND action = 'access-set' AND target_kind = 'workflow'
          ORDER BY target_id, id DESC`,
        [UPGRADE_LABEL],
      );
    for (const { id, target_id: workflowId, change } of changes) {
      // Someone has set its access since the upgrade: theirs is the decision that stands.
      const [since] = await queryRunner.query(
        `SELECT 1 FROM user_audit WHERE target_kind = 'workflow' AND target_id = $1 AND action = 'access-set' AND id > $2`,
        [workflowId, id],
      );
      if (since) continue;
      const added = change.after.teamIds.filter((t) => !change.before.teamIds.includes(t));
      await queryRunner.query(
        'DELETE FROM workflow_team WHERE workflow_id = $1 AND team_id = ANY($2::uuid[])',
        [workflowId, added],
      );
      await queryRunner.query('UPDATE workflow SET restricted = false WHERE id = $1', [workflowId]);
      await audit(queryRunner, REVERT_LABEL, workflowId, { before: change.after, after: change.before });
    }
  }
}

interface Access {
  restricted: boolean;
  teamIds: string[];
}

async function teamsOf(queryRunner: QueryRunner, workflowId: string): Promise<string[]> {
  const rows: { team_id: string }[] = await queryRunner.query(
    'SELECT team_id FROM workflow_team WHERE workflow_id = $1 ORDER BY team_id',
    [workflowId],
  );
  return rows.map((r) => r.team_id);
}

function audit(queryRunner: QueryRunner, label: string, workflowId: string, change: object) {
  return queryRunner.query(
    `INSERT INTO user_audit (actor_id, actor_label, target_kind, target_id, action, change)
     VALUES (NULL, $1, 'workflow', $2, 'access-set', $3)`,
    [label, workflowId, JSON.stringify(change)],
  );
}
