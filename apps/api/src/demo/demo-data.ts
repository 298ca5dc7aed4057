import type { DataSource } from 'typeorm';
import type { Role } from '../users/user.entity';
import { createUser } from '../users/users.service';

export const DEMO_PASSWORD = 'recordflow';

export const DEMO_USERS: { email: string; name: string; roles: Role[]; team?: string }[] = [
  { email: 'admin@example.org', name: 'Ada Administrator', roles: ['admin'] },
  { email: 'officer@example.org', name: 'Olu Officer', roles: ['officer'] },
  { email: 'auditor@example.org', name: 'Aud Auditor', roles: ['auditor'] },
  // A service area to send tasks to.
  { email: 'highways@example.org', name: 'Hana Highways', roles: ['contributor'], team: 'Highways' },
];

const MARKER = 'demo.loaded-at';

/** Loads the demo users once per database (demo-cases.ts adds the demo cases). */
export async function loadDemoData(dataSource: DataSource): Promise<{ loaded: boolean }> {
  return dataSource.transaction(async (manager) => {
    // Taken by whichever replica loads first; the others see the marker and skip.
    const [claimed] = await manager.query(
      `INSERT INTO setting (key, value) VALUES ($1, to_jsonb(now())) ON CONFLICT (key) DO NOTHING RETURNING key`,
      [MARKER],
    );
    if (!claimed) return { loaded: false };
    for (const { team, ...user } of DEMO_USERS) {
      const teamIds: string[] = [];
      if (team) {
        const [row] = await manager.query(
          `INSERT INTO team (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
          [team],
        );
        teamIds.push(row.id);
      }
      await createUser(manager, { ...user, teamIds, password: DEMO_PASSWORD });
    }
    return { loaded: true };
  });
}
