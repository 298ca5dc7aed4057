import type {
  RouteDefinition,
  StageDefinition,
  StepDefinition,
  TransitionDefinition,
  WorkflowDefinition,
} from '@recordflow/workflow';

// Every edit is a pure function from one definition to the next: undo is then just an older value.

type Position = { x: number; y: number };

/** "Legal review" → "legal-review": an id the schema accepts. */
export function slugify(label: string, fallback = 'item'): string {
  const slug = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');
  return slug || fallback;
}

/** "legal-review" → "LEGAL_REVIEW": an event type the schema accepts. */
export const eventName = (slug: string) => slug.toUpperCase().replace(/-/g, '_');

/** The first of base, base-2, base-3 … not already taken. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

const mapStage = (
  definition: WorkflowDefinition,
  stageId: string,
  change: (stage: StageDefinition) => StageDefinition,
): WorkflowDefinition => ({
  ...definition,
  stages: definition.stages.map((stage) => (stage.id === stageId ? change(stage) : stage)),
});

export const stageOf = (definition: WorkflowDefinition, stageId: string) =>
  definition.stages.find((s) => s.id === stageId);

export function updateWorkflow(
  definition: WorkflowDefinition,
  patch: Partial<Pick<WorkflowDefinition, 'name' | 'description' | 'initialStage' | 'onCreate'>>,
): WorkflowDefinition {
  return { ...definition, ...patch };
}

/**
 * A new stage that is valid on its own: a working step, a "done" final step and the transition between
 * them, so an administrator only has to route it in and out.
 */
export function addStage(
  definition: WorkflowDefinition,
  label: string,
  position: Position,
): { definition: WorkflowDefinition; stageId: string } {
  const stageId = uniqueId(
    slugify(label, 'stage'),
    definition.stages.map((s) => s.id),
  );
  const stage: StageDefinition = {
    id: stageId,
    label,
    kind: 'custom',
    position,
    final: false,
    initialStep: 'working',
    steps: [
      { id: 'working', label: 'In progress', position: { x: 0, y: 0 }, final: false },
      { id: 'done', label: 'Done', position: { x: 0, y: 160 }, final: true, outcome: 'done' },
    ],
    transitions: [
      {
        id: 'complete',
        event: `COMPLETE_${eventName(stageId)}`,
        label: `Complete ${label.toLowerCase()}`,
        from: 'working',
        to: 'done',
        roles: ['officer'],
        inputs: [],
        actions: [],
      },
    ],
    routes: [],
    onEntry: [],
  };
  return { definition: { ...definition, stages: [...definition.stages, stage] }, stageId };
}

export function updateStage(
  definition: WorkflowDefinition,
  stageId: string,
  patch: Partial<Omit<StageDefinition, 'id' | 'steps' | 'transitions' | 'routes'>>,
): WorkflowDefinition {
  return mapStage(definition, stageId, (stage) => ({ ...stage, ...patch }));
}

/** Renames a stage's id everywhere it is named: routes into it, reopen routes and the workflow's initial stage. */
export function renameStage(definition: WorkflowDefinition, from: string, to: string): WorkflowDefinition {
  if (from === to) return definition;
  return {
    ...definition,
    initialStage: definition.initialStage === from ? to : definition.initialStage,
    ...(definition.reopenOn
      ? { reopenOn: definition.reopenOn.map((r) => (r.to === from ? { ...r, to } : r)) }
      : {}),
    stages: definition.stages.map((stage) => ({
      ...stage,
      id: stage.id === from ? to : stage.id,
      routes: stage.routes.map((r) => (r.to === from ? { ...r, to } : r)),
    })),
  };
}

/** Deletes stages and every route (and reopen route) into them (those outcomes become unrouted, which validation shows). */
export function deleteStages(definition: WorkflowDefinition, stageIds: string[]): WorkflowDefinition {
  const gone = new Set(stageIds);
  return {
    ...definition,
    ...(definition.reopenOn ? { reopenOn: definition.reopenOn.filter((r) => !gone.has(r.to)) } : {}),
    stages: definition.stages
      .filter((s) => !gone.has(s.id))
      .map((s) => ({ ...s, routes: s.routes.filter((r) => !gone.has(r.to)) })),
  };
}

/** The outcomes of a stage's final steps that no route takes yet. */
export function unroutedOutcomes(stage: StageDefinition): string[] {
  const routed = new Set(stage.routes.map((r) => r.outcome));
  return stage.steps.flatMap((s) => (s.final && s.outcome && !routed.has(s.outcome) ? [s.outcome] : []));
}

/**
 * Connects stage `from` to stage `to`: an outcome not yet routed goes there; when every outcome is routed,
 * a new final step and the transition to it make a new outcome, so the connection never leaves a gap.
 */
export function connectStages(
  definition: WorkflowDefinition,
  from: string,
  to: string,
): { definition: WorkflowDefinition; outcome: string } {
  const source = stageOf(definition, from);
  const target = stageOf(definition, to);
  if (!source || !target) return { definition, outcome: '' };
  const free = unroutedOutcomes(source)[0];
  if (free) {
    return {
      definition: mapStage(definition, from, (stage) => ({
        ...stage,
        routes: [...stage.routes, { outcome: free, to, actions: [] }],
      })),
      outcome: free,
    };
  }
  const outcome = uniqueId(
    `to-${to}`,
    source.steps.flatMap((s) => (s.outcome ? [s.outcome] : [])),
  );
  const stepId = uniqueId(
    outcome,
    source.steps.map((s) => s.id),
  );
  const transitionId = uniqueId(
    `move-${outcome}`,
    source.transitions.map((t) => t.id),
  );
  const lowest = Math.max(0, ...source.steps.map((s) => s.position.y));
  const step: StepDefinition = {
    id: stepId,
    label: `Moved to ${target.label}`,
    position: { x: 0, y: lowest + 160 },
    final: true,
    outcome,
  };
  const transition: TransitionDefinition = {
    id: transitionId,
    event: eventName(`move-${outcome}`),
    label: `Move to ${target.label}`,
    from: '*',
    to: stepId,
    roles: ['officer'],
    inputs: [],
    actions: [],
  };
  return {
    definition: mapStage(definition, from, (stage) => ({
      ...stage,
      steps: [...stage.steps, step],
      transitions: [...stage.transitions, transition],
      routes: [...stage.routes, { outcome, to, actions: [] }],
    })),
    outcome,
  };
}

export function updateRoute(
  definition: WorkflowDefinition,
  stageId: string,
  outcome: string,
  patch: Partial<RouteDefinition>,
): WorkflowDefinition {
  return mapStage(definition, stageId, (stage) => ({
    ...stage,
    routes: stage.routes.map((r) => (r.outcome === outcome ? { ...r, ...patch } : r)),
  }));
}

export function deleteRoutes(
  definition: WorkflowDefinition,
  routes: { stageId: string; outcome: string }[],
): WorkflowDefinition {
  return {
    ...definition,
    stages: definition.stages.map((stage) => ({
      ...stage,
      routes: stage.routes.filter(
        (r) => !routes.some((gone) => gone.stageId === stage.id && gone.outcome === r.outcome),
      ),
    })),
  };
}

/** Moves nodes of the stage graph (stageId null) or of one stage's steps. */
export function movePositions(
  definition: WorkflowDefinition,
  stageId: string | null,
  positions: Record<string, Position>,
): WorkflowDefinition {
  if (stageId === null) {
    return {
      ...definition,
      stages: definition.stages.map((s) => ({ ...s, position: positions[s.id] ?? s.position })),
    };
  }
  return mapStage(definition, stageId, (stage) => ({
    ...stage,
    steps: stage.steps.map((s) => ({ ...s, position: positions[s.id] ?? s.position })),
  }));
}

// Steps and transitions inside one stage.

export function addStep(
  definition: WorkflowDefinition,
  stageId: string,
  label: string,
  position: Position,
): { definition: WorkflowDefinition; stepId: string } {
  const stage = stageOf(definition, stageId);
  const stepId = uniqueId(slugify(label, 'step'), stage?.steps.map((s) => s.id) ?? []);
  return {
    definition: mapStage(definition, stageId, (s) => ({
      ...s,
      steps: [...s.steps, { id: stepId, label, position, final: false }],
      initialStep: s.initialStep ?? stepId,
    })),
    stepId,
  };
}

export function updateStep(
  definition: WorkflowDefinition,
  stageId: string,
  stepId: string,
  patch: Partial<Omit<StepDefinition, 'id'>>,
): WorkflowDefinition {
  return mapStage(definition, stageId, (stage) => ({
    ...stage,
    steps: stage.steps.map((s) => {
      if (s.id !== stepId) return s;
      const next = { ...s, ...patch };
      // Only a final step routes on an outcome.
      if (!next.final) delete next.outcome;
      return next;
    }),
  }));
}

/** Renames a step's id in its stage: transitions from and to it, and the stage's first step. */
export function renameStep(
  definition: WorkflowDefinition,
  stageId: string,
  from: string,
  to: string,
): WorkflowDefinition {
  if (from === to) return definition;
  return mapStage(definition, stageId, (stage) => ({
    ...stage,
    initialStep: stage.initialStep === from ? to : stage.initialStep,
    steps: stage.steps.map((s) => (s.id === from ? { ...s, id: to } : s)),
    transitions: stage.transitions.map((t) => ({
      ...t,
      from: t.from === from ? to : t.from,
      to: t.to === from ? to : t.to,
    })),
  }));
}

/** Renames a final step's outcome and the route that takes it, so the route is not lost. */
export function renameOutcome(
  definition: WorkflowDefinition,
  stageId: string,
  stepId: string,
  outcome: string,
): WorkflowDefinition {
  return mapStage(definition, stageId, (stage) => {
    const old = stage.steps.find((s) => s.id === stepId)?.outcome;
    return {
      ...stage,
      steps: stage.steps.map((s) => (s.id === stepId ? { ...s, outcome } : s)),
      routes: stage.routes.map((r) => (old && r.outcome === old ? { ...r, outcome } : r)),
    };
  });
}

export function deleteSteps(
  definition: WorkflowDefinition,
  stageId: string,
  stepIds: string[],
): WorkflowDefinition {
  const gone = new Set(stepIds);
  return mapStage(definition, stageId, (stage) => {
    const outcomes = new Set(stage.steps.filter((s) => gone.has(s.id)).map((s) => s.outcome));
    return {
      ...stage,
      steps: stage.steps.filter((s) => !gone.has(s.id)),
      transitions: stage.transitions.filter((t) => !gone.has(t.from) && !(t.to && gone.has(t.to))),
      routes: stage.routes.filter((r) => !outcomes.has(r.outcome)),
    };
  });
}

/** A transition from one step to another (or from "*", any step), with a button label to edit. */
export function connectSteps(
  definition: WorkflowDefinition,
  stageId: string,
  from: string,
  to: string,
): { definition: WorkflowDefinition; transitionId: string } {
  const stage = stageOf(definition, stageId);
  const target = stage?.steps.find((s) => s.id === to);
  if (!stage || !target) return { definition, transitionId: '' };
  const transitionId = uniqueId(
    from === '*' ? `to-${to}` : `${from}-to-${to}`,
    stage.transitions.map((t) => t.id),
  );
  const transition: TransitionDefinition = {
    id: transitionId,
    event: eventName(uniqueId(`to-${to}`, [])),
    label: `Move to ${target.label.toLowerCase()}`,
    from,
    to,
    roles: ['officer'],
    inputs: [],
    actions: [],
  };
  return {
    definition: mapStage(definition, stageId, (s) => ({ ...s, transitions: [...s.transitions, transition] })),
    transitionId,
  };
}

export function updateTransition(
  definition: WorkflowDefinition,
  stageId: string,
  transitionId: string,
  patch: Partial<TransitionDefinition>,
): WorkflowDefinition {
  return mapStage(definition, stageId, (stage) => ({
    ...stage,
    transitions: stage.transitions.map((t) => {
      if (t.id !== transitionId) return t;
      const next = { ...t, ...patch };
      if (patch.to === undefined && 'to' in patch) delete next.to;
      if (patch.guard === undefined && 'guard' in patch) delete next.guard;
      return next;
    }),
  }));
}

export function deleteTransitions(
  definition: WorkflowDefinition,
  stageId: string,
  transitionIds: string[],
): WorkflowDefinition {
  return mapStage(definition, stageId, (stage) => ({
    ...stage,
    transitions: stage.transitions.filter((t) => !transitionIds.includes(t.id)),
  }));
}
