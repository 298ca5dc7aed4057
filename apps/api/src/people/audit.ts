import type { EntityManager } from 'typeorm';

/** Who made a change to people: an administrator, or the command line on the server. */
export interface ChangeActor {
  id: string | null;
  label: string;
}

export const COMMAND_LINE: ChangeActor = { id: null, label: 'command line' };

/** Appends one attributable change to user_audit, in the caller's transaction. */
export async function recordChange(
  manager: EntityManager,
  actor: ChangeActor,
  target: { kind: 'user' | 'team' | 'role' | 'workflow'; id: string },
  action: string,
  change: Record<string, unknown>,
): Promise<void> {
  await manager.query(
    `INSERT INTO user_audit (actor_id, actor_label, target_kind, target_id, action, change)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [actor.id, actor.label, target.kind, target.id, action, JSON.stringify(change)],
  );
}
