import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { type CaseSnapshot, describeState, type WorkflowDefinition } from '@recordflow/workflow';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Roles } from '../auth/roles.decorator';
import { toEventModel } from '../cases/event-model';
import { AllCasesVerification, CaseReplay, HistoryVerification } from './audit.model';
import { AuditService } from './audit.service';

export function deadlinesOf(snapshot: CaseSnapshot) {
  return Object.entries(snapshot.context.deadlines ?? {}).map(([name, d]) => ({
    name,
    label: d.label,
    due: d.due ?? null,
    statutory: Boolean(d.statutory),
  }));
}

/** Auditors' queries: read-only, for the internal auditor, the ICO or a tribunal. */
@Roles('auditor', 'admin')
@Resolver()
export class HistoryResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => CaseReplay, {
    description:
      "The case's state after event toSequence, recomputed from the events and their recorded workflow versions with effects off. Roles: auditor, admin.",
  })
  async replayCase(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('toSequence', { type: () => Int }) toSequence: number,
  ): Promise<CaseReplay> {
    const { record, snapshots } = await this.audit.replay(caseId, toSequence);
    const snapshot = snapshots.at(-1) as CaseSnapshot;
    const recorded = record.events.find((e) => e.sequence === toSequence);
    const definition = record.definitions[recorded?.workflowVersionId ?? ''] as WorkflowDefinition;
    const state = describeState(definition, snapshot);
    const event = await this.audit.event(caseId, toSequence);
    return {
      sequence: toSequence,
      event: toEventModel(event),
      stage: state.stage,
      stageLabel: state.stageLabel,
      step: state.step,
      stepLabel: state.stepLabel,
      deadlines: deadlinesOf(snapshot),
      state: snapshot as unknown as Record<string, unknown>,
    };
  }

  @Query(() => HistoryVerification, {
    description:
      'Checks the hash chain and that replaying the events gives the stored snapshot; names the first bad event. Roles: auditor, admin.',
  })
  async verifyCaseHistory(@Args('caseId', { type: () => ID }) caseId: string): Promise<HistoryVerification> {
    return this.audit.verify(caseId);
  }

  @Query(() => GraphQLJSONObject, {
    description:
      "A self-contained bundle (the request's subject and text, events, the workflow versions used, hashes, run-time holidays) to verify offline with `recordflow audit verify`. No requester personal data: their name, e-mail and address are replaced by [the requester] in the request text. Roles: auditor, admin.",
  })
  async exportCaseBundle(
    @Args('caseId', { type: () => ID }) caseId: string,
  ): Promise<Record<string, unknown>> {
    return (await this.audit.bundle(caseId)) as unknown as Record<string, unknown>;
  }

  @Query(() => AllCasesVerification, {
    description: 'Verifies every case and lists those that fail. Roles: auditor, admin.',
  })
  verifyAllCases(): Promise<AllCasesVerification> {
    return this.audit.verifyAll();
  }
}
