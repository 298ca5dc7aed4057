import { type CaseSnapshot, describeState, type WorkflowDefinition } from '@recordflow/workflow';

export interface StateView {
  stage: string;
  stageLabel: string;
  step: string;
  stepLabel: string;
  final: boolean;
  outcome?: string | null;
}

/** Where the case stands, in the definition's own words. */
export function stateOf(definition: WorkflowDefinition, snapshot: CaseSnapshot): StateView {
  const state = describeState(definition, snapshot);
  return {
    stage: state.stage,
    stageLabel: state.stageLabel,
    step: state.step,
    stepLabel: state.stepLabel,
    final: state.final,
    outcome: snapshot.context.record?.outcome as string | undefined,
  };
}

/** The authority's earliest deadline still set: what the case list sorts by and the overdue filter compares. */
export function dueDateOf(snapshot: CaseSnapshot): string | null {
  const dues = Object.values(snapshot.context.deadlines ?? {})
    // A requester's window (to ask for a review, to complain) is not the authority's deadline.
    .filter((deadline) => deadline.party !== 'requester')
    .map((deadline) => deadline.due)
    .filter((due): due is string => typeof due === 'string')
    .sort();
  return dues[0] ?? null;
}
