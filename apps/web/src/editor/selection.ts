import type { Problem, WorkflowDefinition } from '@recordflow/workflow';

/** What the side panel edits: the workflow itself, or one stage, route, step or transition. */
export type Selection =
  | { kind: 'workflow' }
  | { kind: 'stage'; stageId: string }
  | { kind: 'route'; stageId: string; outcome: string }
  | { kind: 'step'; stageId: string; stepId: string }
  | { kind: 'transition'; stageId: string; transitionId: string };

export const WORKFLOW: Selection = { kind: 'workflow' };

/** Where a selection is drawn: the stage graph (null) or inside one stage. */
export function viewOf(selection: Selection): string | null {
  return selection.kind === 'step' || selection.kind === 'transition' ? selection.stageId : null;
}

/** The node or edge a validation problem is about, read from its path ("stages[3].transitions[0].to"). */
export function selectionForProblem(definition: WorkflowDefinition, problem: Problem): Selection {
  const stage = /^stages\[(\d+)\]/.exec(problem.path);
  const stageId = stage ? definition.stages[Number(stage[1])]?.id : undefined;
  if (!stageId) return WORKFLOW;
  const at = definition.stages[Number(stage?.[1])];
  const inner = /^stages\[\d+\]\.(steps|transitions|routes)\[(\d+)\]/.exec(problem.path);
  if (!at || !inner) return { kind: 'stage', stageId };
  const index = Number(inner[2]);
  if (inner[1] === 'steps') {
    const step = at.steps[index];
    return step ? { kind: 'step', stageId, stepId: step.id } : { kind: 'stage', stageId };
  }
  if (inner[1] === 'transitions') {
    const transition = at.transitions[index];
    return transition
      ? { kind: 'transition', stageId, transitionId: transition.id }
      : { kind: 'stage', stageId };
  }
  const route = at.routes[index];
  return route ? { kind: 'route', stageId, outcome: route.outcome } : { kind: 'stage', stageId };
}

/** Whether a problem belongs to the selected item (its own fields or anything inside it). */
export function problemIsAbout(
  definition: WorkflowDefinition,
  problem: Problem,
  selection: Selection,
): boolean {
  const target = selectionForProblem(definition, problem);
  if (selection.kind === 'workflow') return target.kind === 'workflow';
  if (selection.kind === 'stage') return 'stageId' in target && target.stageId === selection.stageId;
  return JSON.stringify(target) === JSON.stringify(selection);
}
