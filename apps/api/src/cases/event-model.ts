import { toUserModel } from '../auth/auth.resolver';
import type { CaseEventModel } from './case.model';
import type { CaseEvent } from './case-event.entity';

/** An event row as GraphQL shows it (actor and workflow version joined). */
export function toEventModel(event: CaseEvent): CaseEventModel {
  return {
    sequence: event.sequence,
    type: event.type,
    payload: event.payload,
    actor: event.actor ? toUserModel(event.actor) : null,
    actorLabel: event.actorLabel,
    recordedAt: event.recordedAt,
    effectiveOn: event.effectiveOn,
    workflowVersion: event.workflowVersion?.version ?? 0,
    stageAfter: event.stageAfter,
    prevHash: event.prevHash,
    hash: event.hash,
    erasure: event.erasure
      ? { fields: event.erasure.fields, rule: event.erasure.rule, erasedAt: new Date(event.erasure.erasedAt) }
      : null,
  };
}
