import type { StageDefinition, WorkflowDefinition } from '@recordflow/workflow';
import { dequal } from 'dequal';

export type Change = 'added' | 'removed' | 'changed' | 'unchanged';

export interface StageChange {
  id: string;
  label: string;
  change: Change;
  /** The stage as it is in `before` when removed, else as in `after`. */
  stage: StageDefinition;
  /** For a changed stage: what differs, in words ("label", "steps", …). */
  fields: string[];
}

export interface RouteChange {
  stageId: string;
  outcome: string;
  to: string;
  label: string;
  change: Change;
}

export interface WorkflowDiff {
  stages: StageChange[];
  routes: RouteChange[];
  /** Workflow-level fields that differ: name, initial stage, actions on creation, reopen routes. */
  workflow: string[];
  /** True when nothing but drawing positions differs. */
  same: boolean;
}

// Positions are where the editor draws a node, not part of the process: moving a node is no change.
const withoutPositions = (stage: StageDefinition) => ({
  ...stage,
  position: undefined,
  steps: stage.steps.map((s) => ({ ...s, position: undefined })),
  routes: undefined,
});

const STAGE_FIELDS: [keyof StageDefinition, string][] = [
  ['label', 'label'],
  ['kind', 'kind'],
  ['description', 'description'],
  ['final', 'final'],
  ['initialStep', 'first step'],
  ['steps', 'steps'],
  ['transitions', 'transitions'],
  ['onEntry', 'actions on entry'],
];

/** What changed from `before` to `after`: stages and routes added, removed or changed. */
export function diffWorkflows(before: WorkflowDefinition, after: WorkflowDefinition): WorkflowDiff {
  const old = new Map(before.stages.map((s) => [s.id, s]));
  const now = new Map(after.stages.map((s) => [s.id, s]));
  const stages: StageChange[] = [];
  for (const stage of after.stages) {
    const was = old.get(stage.id);
    if (!was) {
      stages.push({ id: stage.id, label: stage.label, change: 'added', stage, fields: [] });
      continue;
    }
    const fields = dequal(withoutPositions(was), withoutPositions(stage))
      ? []
      : STAGE_FIELDS.filter(([key]) =>
          key === 'steps'
            ? !dequal(withoutPositions(was).steps, withoutPositions(stage).steps)
            : !dequal(was[key], stage[key]),
        ).map(([, name]) => name);
    stages.push({
      id: stage.id,
      label: stage.label,
      change: fields.length > 0 ? 'changed' : 'unchanged',
      stage,
      fields,
    });
  }
  for (const stage of before.stages) {
    if (!now.has(stage.id))
      stages.push({ id: stage.id, label: stage.label, change: 'removed', stage, fields: [] });
  }

  const routeKey = (stageId: string, outcome: string) => `${stageId}\u0000${outcome}`;
  const oldRoutes = new Map(
    before.stages.flatMap((s) => s.routes.map((r) => [routeKey(s.id, r.outcome), { stageId: s.id, ...r }])),
  );
  const newRoutes = new Map(
    after.stages.flatMap((s) => s.routes.map((r) => [routeKey(s.id, r.outcome), { stageId: s.id, ...r }])),
  );
  const routes: RouteChange[] = [];
  for (const [key, route] of newRoutes) {
    const was = oldRoutes.get(key);
    // A route that now goes elsewhere is drawn as the old edge removed and the new one added.
    if (was && was.to !== route.to) {
      routes.push({ ...describe(was), change: 'removed' });
      routes.push({ ...describe(route), change: 'added' });
      continue;
    }
    routes.push({
      ...describe(route),
      change: !was ? 'added' : dequal(was, route) ? 'unchanged' : 'changed',
    });
  }
  for (const [key, route] of oldRoutes)
    if (!newRoutes.has(key)) routes.push({ ...describe(route), change: 'removed' });

  const workflow: string[] = [];
  if (before.name !== after.name) workflow.push('name');
  if (before.description !== after.description) workflow.push('description');
  if (before.initialStage !== after.initialStage) workflow.push('initial stage');
  if (!dequal(before.onCreate, after.onCreate)) workflow.push('actions on creation');
  if (!dequal(before.reopenOn ?? [], after.reopenOn ?? [])) workflow.push('reopen routes');

  const same =
    workflow.length === 0 &&
    stages.every((s) => s.change === 'unchanged') &&
    routes.every((r) => r.change === 'unchanged');
  return { stages, routes, workflow, same };
}

function describe(route: { stageId: string; outcome: string; to: string; label?: string }) {
  return {
    stageId: route.stageId,
    outcome: route.outcome,
    to: route.to,
    label: route.label ?? route.outcome,
  };
}
