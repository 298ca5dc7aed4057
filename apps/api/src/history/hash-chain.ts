import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';

/** The previous hash of a case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an event's hash covers: everything recorded about it except the requester's personal data (kept apart). */
export interface HashedEventFields {
  caseId: string;
  sequence: number;
  type: string;
  payload: unknown;
  actorId: string | null;
  /** ISO 8601 instant. */
  recordedAt: string;
  effectiveOn: string;
  workflowVersionId: string;
  holidaysAsOf: string | null;
  stageAfter: string;
  prevHash: string;
}

/** SHA-256 over the RFC 8785 canonical JSON of the event, chained to the one before by prevHash. */
export function hashEvent(event: HashedEventFields): string {
  const fields: HashedEventFields = {
    caseId: event.caseId,
    sequence: event.sequence,
    type: event.type,
    payload: event.payload,
    actorId: event.actorId,
    recordedAt: event.recordedAt,
    effectiveOn: event.effectiveOn,
    workflowVersionId: event.workflowVersionId,
    holidaysAsOf: event.holidaysAsOf,
    stageAfter: event.stageAfter,
    prevHash: event.prevHash,
  };
  return createHash('sha256').update(canonicalize(fields)).digest('hex');
}

/** SHA-256 of a workflow definition's canonical JSON: names a definition version in bundles. */
export function hashDefinition(definition: unknown): string {
  return createHash('sha256').update(canonicalize(definition)).digest('hex');
}
