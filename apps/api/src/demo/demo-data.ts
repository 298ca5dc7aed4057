import type { DataSource } from 'typeorm';
import { recordChange } from '../people/audit';
import { createUser } from '../users/users.service';

export const DEMO_PASSWORD = 'recordflow';

export const DEMO_USERS: { email: string; name: string; roles: string[]; team?: string }[] = [
  { email: 'admin@example.org', name: 'Ada Administrator', roles: ['admin'] },
  { email: 'officer@example.org', name: 'Olu Officer', roles: ['officer'] },
  { email: 'auditor@example.org', name: 'Aud Auditor', roles: ['auditor'] },
  // A service area to send tasks to.
  { email: 'highways@example.org', name: 'Hana Highways', roles: ['contributor'], team: 'Highways' },
  // Approves what officers draft: never their own (separation of duties).
  { email: 'approver@example.org', name: 'Abi Approver', roles: ['officer', 'approver'] },
];

const MARKER = 'demo.loaded-at';

/** Subject access requests are handled by this team; the demo officer is in it. */
export const DEMO_SAR_TEAM = 'Data Protection';
const DEMO = { id: null, label: 'demo data' };

/**
 * Loads the demo users once per database (demo-cases.ts adds the demo cases), and a Data Protection team
 * that handles the subject access workflow (restricted from the start).
 */
export async function loadDemoData(
  dataSource: DataSource,
): Promise<{ loaded: false } | { loaded: true; sarTeamId: string }> {
  return dataSource.transaction(async (manager) => {
    // Taken by whichever replica loads first; the others see the marker and skip.
    const [claimed] = await manager.query(
      `INSERT INTO setting (key, value) VALUES ($1, to_jsonb(now())) ON CONFLICT (key) DO NOTHING RETURNING key`,
      [MARKER],
    );
    if (!claimed) return { loaded: false };
    const [sarTeam] = await manager.query<{ id: string }[]>(
      `INSERT INTO team (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [DEMO_SAR_TEAM],
    );
    const sarTeamId = (sarTeam as { id: string }).id;
    await recordChange(manager, DEMO, { kind: 'team', id: sarTeamId }, 'created', { name: DEMO_SAR_TEAM });
    for (const { team, ...user } of DEMO_USERS) {
      // Officers handle the demo's subject access requests; a contributor belongs to its service area's team.
      const teamIds: string[] = user.roles.includes('officer') ? [sarTeamId] : [];
      if (team) {
        const [row] = await manager.query(
          `INSERT INTO team (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
          [team],
        );
        teamIds.push(row.id);
      }
      await createUser(manager, { ...user, teamIds, password: DEMO_PASSWORD }, DEMO);
    }
    // The subject access workflow starts restricted to no team: the demo names the one that handles it.
    const named = await manager.query(
      `INSERT INTO workflow_team (workflow_id, team_id) SELECT id, $1 FROM workflow WHERE id = 'sar' AND restricted
       ON CONFLICT DO NOTHING RETURNING workflow_id`,
      [sarTeamId],
    );
    if (named.length > 0) {
      await recordChange(manager, DEMO, { kind: 'workflow', id: 'sar' }, 'access-set', {
        before: { restricted: true, teamIds: [] },
        after: { restricted: true, teamIds: [sarTeamId] },
      });
    }
    return { loaded: true, sarTeamId };
  });
}
