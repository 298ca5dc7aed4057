import type { EntityManager } from 'typeorm';
import { type ChangeActor, recordChange } from '../people/audit';

/** Regimes whose workflows start restricted: a subject access request is about the requester's own personal data. */
export const RESTRICTED_REGIMES: readonly string[] = ['sar'];

/**
 * A new workflow of such a regime starts restricted, to no team yet: until an administrator names the
 * teams that handle it, only administrators see its cases. Recorded in user_audit, in the caller's transaction.
 */
export async function restrictFromTheStart(
  manager: EntityManager,
  workflow: { id: string; regime: string },
  actor: ChangeActor,
): Promise<void> {
  if (!RESTRICTED_REGIMES.includes(workflow.regime)) return;
  await manager.query('UPDATE workflow SET restricted = true WHERE id = $1', [workflow.id]);
  await recordChange(manager, actor, { kind: 'workflow', id: workflow.id }, 'access-set', {
    before: { restricted: false, teamIds: [] },
    after: { restricted: true, teamIds: [] },
    reason: 'Subject access requests are restricted from the start.',
  });
}
