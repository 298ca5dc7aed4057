import {
  type AnyActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  assign,
  createActor,
  setup,
} from 'xstate';
import type { CaseContext, StepRuntime } from './context';
import { ACTIONS, type ActionSpec, GUARDS, type GuardSpec } from './registry';
import type { Reference, StageDefinition, TransitionDefinition, WorkflowDefinition } from './schema';

/** The machine's input: the context a new case starts with. */
export interface MachineInput {
  context: CaseContext;
}

// The actions are pure functions of (context, params, runtime); the runtime is set only for the length of
// one synchronous transition, so the machine stays free of I/O and of the clock.
let runtime: StepRuntime | undefined;

export function withRuntime<T>(current: StepRuntime, work: () => T): T {
  const previous = runtime;
  runtime = current;
  try {
    return work();
  } finally {
    runtime = previous;
  }
}

function activeRuntime(): StepRuntime {
  if (!runtime)
    throw new Error('A workflow machine ran outside step(): its actions need the event date and calendar.');
  return runtime;
}

type AnyAction = ActionSpec<unknown>;
type AnyGuard = GuardSpec<unknown>;

/** A registry reference with its parameters parsed once (defaults applied). */
// A definition's references never change, so each is parsed once (runActions runs on every new case).
const parsedActions = new WeakMap<Reference, { type: string; params: never }>();

function action(reference: Reference) {
  const parsed = parsedActions.get(reference);
  if (parsed) return parsed;
  const spec = (ACTIONS as unknown as Record<string, AnyAction>)[reference.name];
  if (!spec)
    throw new Error(`Unknown action "${reference.name}": validate the definition before compiling it.`);
  const made = { type: reference.name, params: spec.params.parse(reference.params ?? {}) as never };
  parsedActions.set(reference, made);
  return made;
}

/**
 * The machine's name for a list of registry actions run in turn. XState copies its whole snapshot (state
 * value, tags) for each assign action it runs, so a list of two or more is one assign that runs them all:
 * each action sees the context the one before it left, exactly as with one assign each.
 */
const IN_TURN = '(actions in turn)';

function actionList(references: readonly Reference[]) {
  const parsed = references.map(action);
  if (parsed.length < 2) return parsed;
  return [{ type: IN_TURN, params: { actions: parsed } as never }];
}

function runInTurn(
  context: CaseContext,
  actions: readonly { type: string; params: never }[],
  current: StepRuntime,
): CaseContext {
  let next = context;
  for (const { type, params } of actions) {
    const spec = (ACTIONS as unknown as Record<string, AnyAction>)[type] as AnyAction;
    // Merged into a copy as XState's assign merges each result into the context it had.
    next = Object.assign({}, next, spec.run(next, params, current));
  }
  return next;
}

function guard(reference: Reference) {
  const spec = (GUARDS as unknown as Record<string, AnyGuard>)[reference.name];
  if (!spec)
    throw new Error(`Unknown guard "${reference.name}": validate the definition before compiling it.`);
  return { type: reference.name, params: spec.params.parse(reference.params ?? {}) as never };
}

function transitionConfig(transition: TransitionDefinition, target: string | undefined) {
  return {
    ...(target ? { target } : {}),
    ...(transition.guard ? { guard: guard(transition.guard) } : {}),
    actions: actionList(transition.actions),
  };
}

function byEvent(
  transitions: TransitionDefinition[],
  target: (t: TransitionDefinition) => string | undefined,
) {
  const on: Record<string, ReturnType<typeof transitionConfig>[]> = {};
  for (const transition of transitions) {
    on[transition.event] = [
      ...(on[transition.event] ?? []),
      transitionConfig(transition, target(transition)),
    ];
  }
  return on;
}

function stageConfig(stage: StageDefinition) {
  const entry = actionList(stage.onEntry);
  if (stage.final) return { type: 'final' as const, entry };
  return {
    initial: stage.initialStep,
    entry,
    // Transitions from any step ("*") belong to the stage and target its child steps.
    on: byEvent(
      stage.transitions.filter((t) => t.from === '*'),
      (t) => (t.to ? `.${t.to}` : undefined),
    ),
    states: Object.fromEntries(
      stage.steps.map((step) => [
        step.id,
        step.final
          ? { type: 'final' as const, output: { outcome: step.outcome } }
          : {
              on: byEvent(
                stage.transitions.filter((t) => t.from === step.id),
                (t) => t.to,
              ),
            },
      ]),
    ),
    // A final step's outcome routes the case to the next stage.
    onDone: stage.routes.map((route) => ({
      target: `#case.${route.to}`,
      guard: { type: 'outcome.is', params: { outcome: route.outcome } as never },
      actions: actionList(route.actions),
    })),
  };
}

/** Runs registry actions outside the machine (a workflow's onCreate list). */
export function runActions(
  references: readonly Reference[],
  context: CaseContext,
  current: StepRuntime,
): CaseContext {
  let next = context;
  for (const reference of references) {
    const { type, params } = action(reference);
    next = (ACTIONS as unknown as Record<string, AnyAction>)[type]?.run(next, params, current) ?? next;
  }
  return next;
}

const machines = new WeakMap<WorkflowDefinition, AnyStateMachine>();
const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();

/**
 * An inert actor scope, made once per machine. XState's transition() builds a throwaway actor per call
 * (and computes its initial state); a workflow machine only assigns, spawns nothing and has no effects
 * to run, so one scope that drops executable actions serves every pure transition.
 */
function inertScope(machine: AnyStateMachine): AnyActorScope {
  const cached = scopes.get(machine);
  if (cached) return cached;
  const self = createActor(machine);
  const none = () => {};
  const scope: AnyActorScope = {
    self,
    id: self.id,
    sessionId: self.sessionId,
    logger: none,
    defer: none,
    emit: none,
    system: self.system,
    stopChild: none,
    actionExecutor: none,
  };
  scopes.set(machine, scope);
  return scope;
}

/** The machine's initial state for a case context (entry actions applied), as initialTransition() gives. */
export function initialState(machine: AnyStateMachine, input: MachineInput): AnyMachineSnapshot {
  return machine.getInitialSnapshot(inertScope(machine), input);
}

/** The state after one event, as transition() gives, without its per-call actor. */
export function nextState(
  machine: AnyStateMachine,
  current: AnyMachineSnapshot,
  event: { type: string },
): AnyMachineSnapshot {
  return machine.transition(current, event, inertScope(machine));
}

/** Compiles a validated definition to an XState v5 machine; actions and guards are the registry's, by name. */
export function compileWorkflow(definition: WorkflowDefinition): AnyStateMachine {
  const cached = machines.get(definition);
  if (cached) return cached;
  const actions = {
    ...Object.fromEntries(
      Object.entries(ACTIONS as unknown as Record<string, AnyAction>).map(([name, spec]) => [
        name,
        assign(({ context }: { context: CaseContext }, params: unknown) =>
          spec.run(context, params, activeRuntime()),
        ),
      ]),
    ),
    [IN_TURN]: assign(
      ({ context }: { context: CaseContext }, params: { actions: { type: string; params: never }[] }) =>
        runInTurn(context, params.actions, activeRuntime()),
    ),
  };
  const guards = {
    ...Object.fromEntries(
      Object.entries(GUARDS as unknown as Record<string, AnyGuard>).map(([name, spec]) => [
        name,
        ({ context }: { context: CaseContext }, params: unknown) =>
          spec.test(context, params, activeRuntime()),
      ]),
    ),
    'outcome.is': ({ event }: { event: { output?: { outcome?: string } } }, params: { outcome: string }) =>
      event.output?.outcome === params.outcome,
  };
  // A definition is data, so its machine is typed loosely; the registry types the actions themselves.
  const machine = (setup as (config: unknown) => { createMachine: (config: unknown) => AnyStateMachine })({
    actions: actions as never,
    guards: guards as never,
  }).createMachine({
    id: 'case',
    context: ({ input }: { input: MachineInput }) => input.context,
    initial: definition.initialStage,
    states: Object.fromEntries(definition.stages.map((stage) => [stage.id, stageConfig(stage)])),
  });
  machines.set(definition, machine);
  return machine;
}
