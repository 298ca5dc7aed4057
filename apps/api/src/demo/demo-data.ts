import type { DataSource } from 'typeorm';
import { createUser } from '../users/users.service';

export const DEMO_PASSWORD = 'recordflow';

export const DEMO_USERS: { email: string; name: string; roles: string[] }[] = [
  { email: 'admin@example.org', name: 'Ada Administrator', roles: ['admin'] },
  { email: 'officer@example.org', name: 'Olu Officer', roles: ['officer'] },
  { email: 'auditor@example.org', name: 'Aud Auditor', roles: ['auditor'] },
  // Approves what officers draft: never their own (separation of duties).
  { email: 'approver@example.org', name: 'Abi Approver', roles: ['officer', 'approver'] },
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
    for (const user of DEMO_USERS) await createUser(manager, { ...user, password: DEMO_PASSWORD });
    return { loaded: true };
  });
}
