import { type ComplianceVariationDescription, describeComplianceVariation } from '@recordflow/calendar';
import type { z } from 'zod';
import { ACTIONS, GUARDS, LETTER_TEMPLATES } from './registry';
import {
  APPROVER_ROLE,
  RESPONSE_SENT,
  type Reference,
  ROLE_NAMES,
  type StageDefinition,
  type WorkflowDefinition,
  workflowDefinitionSchema,
} from './schema';

export interface Problem {
  /** Where, e.g. stages[3].transitions[0].to */
  path: string;
  code: string;
  /** A sentence a person can act on. */
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: Problem[];
  warnings: Problem[];
  /** The parsed definition (defaults filled in), when it has the shape of a workflow at all. */
  definition?: WorkflowDefinition;
}

const list = (items: Iterable<string>) => [...items].map((i) => `"${i}"`).join(', ') || 'none';

function pathOf(segments: readonly PropertyKey[]): string {
  return segments
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`))
    .join('');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  return value;
}

function schemaProblems(error: z.ZodError, input: unknown): Problem[] {
  return error.issues.map((issue) => {
    const path = pathOf(issue.path) || '(root)';
    let message = issue.message;
    if (
      issue.code !== 'unrecognized_keys' &&
      issue.path.length > 0 &&
      valueAt(input, issue.path) === undefined
    )
      message = `${path} is missing: it is required.`;
    else if (issue.code === 'unrecognized_keys')
      message = `Unknown field${issue.keys.length > 1 ? 's' : ''} ${list(issue.keys)}.`;
    else message = `${path}: ${issue.message}.`;
    return { path, code: 'schema', message };
  });
}

export interface ValidateOptions {
  /**
   * Every role a transition may name: the built-in ones and those the administrators defined.
   * Default: the built-in ROLE_NAMES.
   */
  knownRoles?: readonly string[];
}

/** Checks a definition against the schema, the registry, the graph and the regime's law; every problem at once. */
export function validateWorkflow(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const knownRoles = new Set<string>([...ROLE_NAMES, APPROVER_ROLE, ...(options.knownRoles ?? [])]);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      valid: false,
      errors: [
        {
          path: '(root)',
          code: 'schema',
          message: 'A workflow definition is a JSON object with id, name, regime, initialStage and stages.',
        },
      ],
      warnings: [],
    };
  }
  const parsed = workflowDefinitionSchema.safeParse(input);
  if (!parsed.success) return { valid: false, errors: schemaProblems(parsed.error, input), warnings: [] };
  const definition = parsed.data as WorkflowDefinition;
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const error = (path: string, code: string, message: string) => errors.push({ path, code, message });
  const warn = (path: string, code: string, message: string) => warnings.push({ path, code, message });

  const stageIds = new Set<string>();
  definition.stages.forEach((stage, s) => {
    if (stageIds.has(stage.id))
      error(
        `stages[${s}].id`,
        'duplicate-id',
        `Two stages have the id "${stage.id}"; stage ids must be unique.`,
      );
    stageIds.add(stage.id);
  });
  if (!stageIds.has(definition.initialStage)) {
    error(
      'initialStage',
      'unknown-target',
      `The initial stage "${definition.initialStage}" does not exist. Stages: ${list(stageIds)}.`,
    );
  }

  const deadlineNames = new Set(['response']);
  // RESPONSE_SENT is sent by the engine itself when a letter is recorded as sent.
  const sentByTimers = new Set<string>([RESPONSE_SENT]);
  const forEachReference = (visit: (ref: Reference, path: string, kind: 'action' | 'guard') => void) => {
    for (const [i, a] of definition.onCreate.entries()) visit(a, `onCreate[${i}]`, 'action');
    for (const [s, stage] of definition.stages.entries()) {
      for (const [i, a] of stage.onEntry.entries()) visit(a, `stages[${s}].onEntry[${i}]`, 'action');
      for (const [i, t] of stage.transitions.entries()) {
        if (t.guard) visit(t.guard, `stages[${s}].transitions[${i}].guard`, 'guard');
        for (const [j, a] of t.actions.entries())
          visit(a, `stages[${s}].transitions[${i}].actions[${j}]`, 'action');
      }
      for (const [i, r] of stage.routes.entries()) {
        for (const [j, a] of r.actions.entries())
          visit(a, `stages[${s}].routes[${i}].actions[${j}]`, 'action');
      }
    }
    for (const [i, r] of (definition.reopenOn ?? []).entries()) {
      if (r.guard) visit(r.guard, `reopenOn[${i}].guard`, 'guard');
      for (const [j, a] of r.actions.entries()) visit(a, `reopenOn[${i}].actions[${j}]`, 'action');
    }
  };
  forEachReference((ref, _path, kind) => {
    if (kind === 'action' && ref.name === 'deadline.set' && typeof ref.params?.name === 'string')
      deadlineNames.add(ref.params.name);
    if (kind === 'action' && ref.name === 'timer.schedule' && typeof ref.params?.event === 'string')
      sentByTimers.add(ref.params.event);
  });

  // Registry names and parameters.
  forEachReference((ref, path, kind) => {
    const registry = (kind === 'action' ? ACTIONS : GUARDS) as unknown as Record<
      string,
      { params: z.ZodType }
    >;
    const spec = registry[ref.name];
    if (!spec) {
      error(
        `${path}.name`,
        `unknown-${kind}`,
        `Unknown ${kind} "${ref.name}". Known ${kind}s: ${list(Object.keys(registry))}.`,
      );
      return;
    }
    if (
      ref.name === 'letter.queue' &&
      typeof ref.params?.template === 'string' &&
      !(LETTER_TEMPLATES as readonly string[]).includes(ref.params.template)
    ) {
      error(
        `${path}.params.template`,
        'unknown-letter',
        `Unknown letter template "${ref.params.template}". Templates: ${list(LETTER_TEMPLATES)}.`,
      );
      return;
    }
    const result = spec.params.safeParse(ref.params ?? {});
    if (!result.success) {
      for (const issue of result.error.issues) {
        const where = issue.path.length > 0 ? `${path}.params.${pathOf(issue.path)}` : `${path}.params`;
        const what =
          issue.code === 'unrecognized_keys' ? `unknown parameter ${list(issue.keys)}` : issue.message;
        error(where, 'bad-params', `Bad parameters for ${kind} "${ref.name}": ${what}.`);
      }
    }
    const deadline = ref.params?.deadline;
    if (typeof deadline === 'string' && !deadlineNames.has(deadline)) {
      error(
        `${path}.params.deadline`,
        'unknown-deadline',
        `No action sets a deadline named "${deadline}". Deadlines: ${list(deadlineNames)}.`,
      );
    }
  });

  definition.stages.forEach((stage, s) => {
    checkStage(stage, `stages[${s}]`, stageIds, sentByTimers, knownRoles, error, warn);
  });
  checkStageGraph(definition, error);
  checkReopenRoutes(definition, error);
  checkRegime(definition, error);
  return { valid: errors.length === 0, errors, warnings, definition };
}

type Report = (path: string, code: string, message: string) => void;

function checkStage(
  stage: StageDefinition,
  at: string,
  stageIds: Set<string>,
  sentByTimers: Set<string>,
  knownRoles: Set<string>,
  error: Report,
  warn: Report,
) {
  if (stage.final) {
    if (stage.transitions.length > 0 || stage.routes.length > 0) {
      error(
        at,
        'final-with-exits',
        `Stage "${stage.id}" is final (it ends the case) but has transitions or routes; remove them or make it not final.`,
      );
    }
    return;
  }
  const stepIds = new Set<string>();
  stage.steps.forEach((step, i) => {
    if (stepIds.has(step.id))
      error(
        `${at}.steps[${i}].id`,
        'duplicate-id',
        `Stage "${stage.id}" has two steps with the id "${step.id}".`,
      );
    stepIds.add(step.id);
    if (step.final && !step.outcome)
      error(
        `${at}.steps[${i}].outcome`,
        'missing-outcome',
        `Final step "${step.id}" of stage "${stage.id}" needs an outcome to route on.`,
      );
  });
  if (stage.steps.length === 0) {
    error(
      `${at}.steps`,
      'no-steps',
      `Stage "${stage.id}" has no steps; give it at least a starting step and a final step.`,
    );
    return;
  }
  if (!stage.initialStep || !stepIds.has(stage.initialStep)) {
    error(
      `${at}.initialStep`,
      'unknown-target',
      `Stage "${stage.id}" starts at step "${stage.initialStep ?? ''}", which it does not have. Steps: ${list(stepIds)}.`,
    );
  }
  const transitionIds = new Set<string>();
  stage.transitions.forEach((t, i) => {
    const path = `${at}.transitions[${i}]`;
    if (transitionIds.has(t.id))
      error(`${path}.id`, 'duplicate-id', `Stage "${stage.id}" has two transitions with the id "${t.id}".`);
    transitionIds.add(t.id);
    if (t.from !== '*' && !stepIds.has(t.from)) {
      error(
        `${path}.from`,
        'unknown-target',
        `Transition "${t.id}" leaves step "${t.from}", which stage "${stage.id}" does not have. Steps: ${list(stepIds)}.`,
      );
    }
    if (t.to !== undefined && !stepIds.has(t.to)) {
      error(
        `${path}.to`,
        'unknown-target',
        `Transition "${t.id}" goes to step "${t.to}", which stage "${stage.id}" does not have. Steps: ${list(stepIds)}.`,
      );
    }
    if (stage.steps.find((s) => s.id === t.from)?.final) {
      error(
        `${path}.from`,
        'from-final',
        `Transition "${t.id}" leaves final step "${t.from}"; a final step ends the stage.`,
      );
    }
    const inputs = new Set(t.inputs.map((input) => input.name));
    t.inputs.forEach((input, j) => {
      if ((input.type === 'choice' || input.type === 'multiChoice') && !input.options?.length) {
        error(
          `${path}.inputs[${j}].options`,
          'missing-options',
          `Input "${input.name}" is a ${input.type} but lists no options.`,
        );
      }
    });
    const guardField = t.guard?.params?.field;
    if (t.guard?.name.startsWith('input.') && typeof guardField === 'string' && !inputs.has(guardField)) {
      error(
        `${path}.guard.params.field`,
        'unknown-input',
        `The guard of "${t.id}" reads input "${guardField}", which the event does not ask for. Inputs: ${list(inputs)}.`,
      );
    }
    t.actions.forEach((a, j) => {
      if (a.name !== 'case.record') return;
      for (const field of (a.params?.fields as string[] | undefined) ?? []) {
        if (!inputs.has(field)) {
          error(
            `${path}.actions[${j}].params.fields`,
            'unknown-input',
            `"${t.id}" records input "${field}", which the event does not ask for. Inputs: ${list(inputs)}.`,
          );
        }
      }
    });
    for (const [r, role] of t.roles.entries()) {
      if (!knownRoles.has(role)) {
        error(
          `${path}.roles[${r}]`,
          'unknown-role',
          `"${t.id}" may be sent by "${role}", a role nobody defined. Roles: ${list(knownRoles)}.`,
        );
      }
    }
    if (t.roles.every((r) => r === 'system') && !sentByTimers.has(t.event)) {
      warn(
        `${path}.roles`,
        'never-sent',
        `Only the system may send "${t.event}", but no timer sends it: the transition can never happen.`,
      );
    }
  });
  // Two unguarded transitions for one event from one step: the second could never be taken.
  const unguarded = new Map<string, string>();
  for (const t of stage.transitions) {
    if (t.guard) continue;
    const key = `${t.from}|${t.event}`;
    if (unguarded.has(key)) {
      error(
        `${at}.transitions`,
        'duplicate-event',
        `Stage "${stage.id}" has two unguarded "${t.event}" transitions from "${t.from}" ("${unguarded.get(key)}" and "${t.id}"); give one a guard.`,
      );
    }
    unguarded.set(key, t.id);
  }

  // Steps: reachable from the initial step, and each can reach a final step.
  const edges = new Map<string, Set<string>>();
  for (const step of stage.steps) edges.set(step.id, new Set());
  for (const t of stage.transitions) {
    // A transition without a target stays in its step: it is no way out.
    if (t.to === undefined) continue;
    for (const from of t.from === '*' ? stage.steps.filter((s) => !s.final).map((s) => s.id) : [t.from]) {
      edges.get(from)?.add(t.to);
    }
  }
  const reachable = search(stage.initialStep ? [stage.initialStep] : [], edges);
  stage.steps.forEach((step, i) => {
    if (!reachable.has(step.id))
      error(
        `${at}.steps[${i}]`,
        'unreachable',
        `Step "${step.id}" of stage "${stage.id}" cannot be reached from its first step "${stage.initialStep}".`,
      );
    else if (!step.final && (edges.get(step.id)?.size ?? 0) === 0) {
      error(
        `${at}.steps[${i}]`,
        'dead-end',
        `Step "${step.id}" of stage "${stage.id}" is not final and has no way out; add a transition from it or make it final.`,
      );
    }
  });
  const finals = stage.steps.filter((s) => s.final).map((s) => s.id);
  const reverse = new Map<string, Set<string>>();
  for (const [from, tos] of edges)
    for (const to of tos) reverse.set(to, new Set([...(reverse.get(to) ?? []), from]));
  const canFinish = search(finals, reverse);
  stage.steps.forEach((step, i) => {
    if (reachable.has(step.id) && !canFinish.has(step.id) && (edges.get(step.id)?.size ?? 0) > 0) {
      error(
        `${at}.steps[${i}]`,
        'no-exit',
        `From step "${step.id}" of stage "${stage.id}" no final step can be reached: the steps loop with no exit.`,
      );
    }
  });

  // Routes: each outcome routed exactly once, to a known stage.
  const outcomes = new Set(stage.steps.filter((s) => s.final && s.outcome).map((s) => s.outcome as string));
  const routed = new Set<string>();
  stage.routes.forEach((route, i) => {
    if (routed.has(route.outcome))
      error(
        `${at}.routes[${i}].outcome`,
        'duplicate-id',
        `Stage "${stage.id}" routes outcome "${route.outcome}" twice.`,
      );
    routed.add(route.outcome);
    if (!stageIds.has(route.to)) {
      error(
        `${at}.routes[${i}].to`,
        'unknown-target',
        `Outcome "${route.outcome}" of stage "${stage.id}" goes to stage "${route.to}", which does not exist. Stages: ${list(stageIds)}.`,
      );
    }
    if (!outcomes.has(route.outcome)) {
      error(
        `${at}.routes[${i}].outcome`,
        'unknown-outcome',
        `Stage "${stage.id}" routes outcome "${route.outcome}", but no final step has it. Outcomes: ${list(outcomes)}.`,
      );
    }
  });
  for (const outcome of outcomes) {
    if (!routed.has(outcome)) {
      error(
        `${at}.routes`,
        'dead-end',
        `Outcome "${outcome}" of stage "${stage.id}" is not routed anywhere: the case would stop there. Route it to a stage.`,
      );
    }
  }
  if (
    !stage.transitions.some((t) => t.actions.some((a) => a.name === 'letter.queue')) &&
    !stage.onEntry.some((a) => a.name === 'letter.queue')
  ) {
    warn(
      at,
      'no-letter',
      `Stage "${stage.id}" sends no letter; most stages end in one (add a letter.queue action).`,
    );
  }
}

function search(starts: string[], edges: Map<string, Set<string>>): Set<string> {
  const seen = new Set<string>(starts);
  const queue = [...starts];
  while (queue.length > 0) {
    for (const next of edges.get(queue.shift() as string) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** The stage graph: edges are routes. */
export function stageEdges(definition: WorkflowDefinition): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const stage of definition.stages) edges.set(stage.id, new Set(stage.routes.map((r) => r.to)));
  return edges;
}

function checkStageGraph(definition: WorkflowDefinition, error: Report) {
  const edges = stageEdges(definition);
  // A closed case can re-enter a reopen route's stage, so it counts as reachable from the final stages.
  const reopenTargets = (definition.reopenOn ?? []).map((r) => r.to);
  for (const stage of definition.stages.filter((s) => s.final))
    edges.set(stage.id, new Set([...(edges.get(stage.id) ?? []), ...reopenTargets]));
  const reachable = search([definition.initialStage], edges);
  const reverse = new Map<string, Set<string>>();
  for (const [from, tos] of edges)
    for (const to of tos) reverse.set(to, new Set([...(reverse.get(to) ?? []), from]));
  const finals = definition.stages.filter((s) => s.final).map((s) => s.id);
  if (finals.length === 0)
    error(
      'stages',
      'no-final-stage',
      'No stage is final: add a closed stage (final: true) that cases end in.',
    );
  const canClose = search(finals, reverse);
  definition.stages.forEach((stage, s) => {
    if (!reachable.has(stage.id)) {
      error(
        `stages[${s}]`,
        'unreachable',
        `Stage "${stage.id}" cannot be reached from the initial stage "${definition.initialStage}": no outcome routes to it.`,
      );
    } else if (!canClose.has(stage.id) && stage.routes.length > 0) {
      error(
        `stages[${s}]`,
        'no-exit',
        `From stage "${stage.id}" no final stage can be reached: the stages loop with no exit.`,
      );
    } else if (!stage.final && stage.routes.length === 0) {
      error(
        `stages[${s}].routes`,
        'dead-end',
        `Stage "${stage.id}" is not final and routes nowhere; route its outcomes to other stages.`,
      );
    }
  });
}

/** Each reopen route re-enters a stage that exists, is not final, and handles the event from its first step. */
function checkReopenRoutes(definition: WorkflowDefinition, error: Report) {
  for (const [i, route] of (definition.reopenOn ?? []).entries()) {
    const at = `reopenOn[${i}]`;
    const stage = definition.stages.find((s) => s.id === route.to);
    if (!stage) {
      error(
        `${at}.to`,
        'unknown-target',
        `Reopen route "${route.event}" goes to stage "${route.to}", which does not exist. Stages: ${list(definition.stages.map((s) => s.id))}.`,
      );
      continue;
    }
    if (stage.final) {
      error(
        `${at}.to`,
        'reopen-to-final',
        `Reopen route "${route.event}" goes to stage "${route.to}", which is final: a reopened case must re-enter a stage that is not final.`,
      );
      continue;
    }
    const first = stage.initialStep ?? stage.steps[0]?.id;
    if (!stage.transitions.some((t) => t.event === route.event && (t.from === first || t.from === '*'))) {
      error(
        `${at}.event`,
        'reopen-unhandled',
        `Reopen route "${route.event}" goes to stage "${route.to}", but no transition there handles "${route.event}" from its first step "${first}"; add one or choose another stage.`,
      );
    }
  }
}

interface StatutoryRule {
  kinds: string[];
  limit: { workingDays?: number; months?: number };
  law: string;
  /** The longest total a clock.extend may set, in the limit's unit; 0 when the law allows no extension. */
  maxExtension: number;
  extensionLaw: string;
  /** The internal-review deadline (deadline.set "reviewDue") the statute sets. */
  review?: { workingDays: number; law: string };
}

const STATUTORY_RULES: Record<WorkflowDefinition['regime'], StatutoryRule> = {
  foi: {
    kinds: ['received', 'response', 'internal-review'],
    limit: { workingDays: 20 },
    law: 'FOIA 2000 s.10(1)',
    maxExtension: 40,
    extensionLaw: 'FOIA s.10(3) as the ICO reads it: no more than 20 further working days',
  },
  eir: {
    kinds: ['received', 'response', 'internal-review'],
    limit: { workingDays: 20 },
    law: 'EIR 2004 reg 5(2)',
    maxExtension: 40,
    extensionLaw: 'EIR reg 7: 40 working days in total',
  },
  foisa: {
    kinds: ['received', 'response', 'internal-review'],
    limit: { workingDays: 20 },
    law: 'FOISA 2002 s.10(1)',
    maxExtension: 0,
    extensionLaw: 'FOISA has no extension of the 20 working days',
    review: { workingDays: 20, law: 'FOISA 2002 s.21(1)' },
  },
  eisr: {
    kinds: ['received', 'response', 'internal-review'],
    limit: { workingDays: 20 },
    law: 'EISR 2004 reg 5(2)',
    maxExtension: 40,
    extensionLaw: 'EISR reg 7: 40 working days in total',
    review: { workingDays: 20, law: 'EISR 2004 reg 16(4)' },
  },
  sar: {
    kinds: ['received', 'response'],
    limit: { months: 1 },
    law: 'UK GDPR Art 12(3)',
    maxExtension: 3,
    extensionLaw: 'UK GDPR Art 12(3): two further months, three in total',
  },
};

const describeCount = (value: number, unit: 'working days' | 'months') =>
  unit === 'months' ? `${value} calendar month${value === 1 ? '' : 's'}` : `${value} working days`;

function checkRegime(definition: WorkflowDefinition, error: Report) {
  const rule = STATUTORY_RULES[definition.regime];
  for (const kind of rule.kinds) {
    if (!definition.stages.some((s) => s.kind === kind)) {
      error(
        'stages',
        'missing-statutory-stage',
        `A ${definition.regime} workflow needs a stage of kind "${kind}" (${rule.law} and its process).`,
      );
    }
  }
  const variation = definition.complianceVariation
    ? describeComplianceVariation(definition.complianceVariation)
    : undefined;
  if (variation && variation.regime !== definition.regime) {
    error(
      'complianceVariation',
      'wrong-compliance-variation',
      `The variation "${variation.variation}" (${variation.law}) applies to ${variation.regime} workflows, not ${definition.regime}.`,
    );
    return;
  }
  const unit = rule.limit.months !== undefined ? 'months' : 'working days';
  const start = definition.onCreate.find((a) => a.name === 'clock.start');
  if (!start) {
    error(
      'onCreate',
      'missing-statutory-deadline',
      `A new case must start the statutory clock (a clock.start action in onCreate): ${rule.law} counts from the date of receipt.`,
    );
  } else {
    checkStartLimit(start.params ?? {}, rule, unit, variation, error);
  }
  const maxExtension =
    rule.maxExtension > 0 && variation?.responseWorkingDays
      ? Math.max(rule.maxExtension, variation.responseWorkingDays + 20)
      : rule.maxExtension;
  const check = (ref: Reference, path: string) => {
    if (ref.name === 'clock.extend') checkExtension(ref.params ?? {}, path, rule, unit, maxExtension, error);
    if (ref.name === 'deadline.set' && ref.params?.name === 'reviewDue' && rule.review)
      checkReview(ref.params, path, rule.review, variation, error);
  };
  for (const [i, a] of definition.onCreate.entries()) check(a, `onCreate[${i}]`);
  for (const [s, stage] of definition.stages.entries()) {
    for (const [i, a] of stage.onEntry.entries()) check(a, `stages[${s}].onEntry[${i}]`);
    for (const [i, t] of stage.transitions.entries())
      for (const [j, a] of t.actions.entries()) check(a, `stages[${s}].transitions[${i}].actions[${j}]`);
    for (const [i, r] of stage.routes.entries())
      for (const [j, a] of r.actions.entries()) check(a, `stages[${s}].routes[${i}].actions[${j}]`);
  }
}

function checkStartLimit(
  params: Record<string, unknown>,
  rule: StatutoryRule,
  unit: 'working days' | 'months',
  variation: ComplianceVariationDescription | undefined,
  error: Report,
) {
  const expected = unit === 'months' ? rule.limit.months : rule.limit.workingDays;
  const given = unit === 'months' ? params.months : params.workingDays;
  const otherUnit = unit === 'months' ? params.workingDays : params.months;
  const longest = variation?.responseWorkingDays ?? expected;
  const lawful =
    otherUnit === undefined &&
    (given === undefined ||
      given === expected ||
      (typeof given === 'number' &&
        expected !== undefined &&
        longest !== undefined &&
        given >= expected &&
        given <= longest));
  if (lawful) return;
  const allowed =
    variation?.responseWorkingDays !== undefined
      ? `${expected} working days, or up to ${variation.responseWorkingDays} with the declared variation (${variation.law}: ${variation.description})`
      : describeCount(expected ?? 0, unit);
  const hint =
    variation === undefined && unit === 'working days'
      ? ' A school, archive or armed-forces body with a longer lawful limit declares it with complianceVariation.'
      : '';
  error(
    'onCreate',
    'wrong-statutory-deadline',
    `${rule.law} sets the response deadline at ${allowed}; the clock here starts with a different limit.${hint}`,
  );
}

function checkExtension(
  params: Record<string, unknown>,
  path: string,
  rule: StatutoryRule,
  unit: 'working days' | 'months',
  maxExtension: number,
  error: Report,
) {
  const total = unit === 'months' ? params.totalMonths : params.totalWorkingDays;
  const otherUnit = unit === 'months' ? params.totalWorkingDays : params.totalMonths;
  if (maxExtension === 0) {
    error(`${path}`, 'wrong-statutory-extension', `${rule.extensionLaw}: remove this clock.extend.`);
    return;
  }
  if (otherUnit !== undefined) {
    error(
      `${path}.params`,
      'wrong-statutory-extension',
      `A ${unit === 'months' ? 'subject access' : 'working-day'} clock is extended in ${unit}: give ${unit === 'months' ? 'totalMonths' : 'totalWorkingDays'} (${rule.extensionLaw}).`,
    );
    return;
  }
  if (typeof total === 'number' && total > maxExtension) {
    error(
      `${path}.params`,
      'wrong-statutory-extension',
      `The extension sets ${describeCount(total, unit)} in total; the law allows at most ${describeCount(maxExtension, unit)} (${rule.extensionLaw}).`,
    );
  }
}

function checkReview(
  params: Record<string, unknown>,
  path: string,
  review: { workingDays: number; law: string },
  variation: ComplianceVariationDescription | undefined,
  error: Report,
) {
  const longest = variation?.reviewWorkingDays ?? review.workingDays;
  const given = params.workingDays;
  if (given === undefined || (typeof given === 'number' && given >= review.workingDays && given <= longest))
    return;
  const allowed = variation?.reviewWorkingDays
    ? `${review.workingDays} working days, or up to ${longest} with the declared variation (${variation.law})`
    : `${review.workingDays} working days`;
  error(
    `${path}.params`,
    'wrong-statutory-deadline',
    `${review.law} sets the review deadline at ${allowed}; this review deadline differs.`,
  );
}

/** Parses workflow JSON text and validates it; malformed JSON is one clear problem. */
export function parseWorkflowJson(text: string, options: ValidateOptions = {}): ValidationResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    return {
      valid: false,
      errors: [
        {
          path: '(root)',
          code: 'malformed-json',
          message: `The file is not valid JSON: ${(cause as Error).message}.`,
        },
      ],
      warnings: [],
    };
  }
  return validateWorkflow(json, options);
}
