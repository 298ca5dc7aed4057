import { COMPLIANCE_VARIATIONS, REGIMES } from '@recordflow/calendar';
import { z } from 'zod';

const slug = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]*$/,
    'use lower-case letters, digits and hyphens, starting with a letter (e.g. "internal-review")',
  );
const eventType = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, 'use UPPER_SNAKE_CASE (e.g. "REQUEST_CLARIFICATION")');
const fieldName = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*$/, 'use camelCase letters and digits (e.g. "clarificationQuestion")');

/** The roles every Recordflow knows; administrators define more, which validateWorkflow is told of. */
export const ROLE_NAMES = ['admin', 'officer', 'auditor', 'system'] as const;
/**
 * The event the engine sends (as the officer who sent the letter, with the system's rights) when a letter
 * is recorded as sent and the case accepts it: `{ letter, channel }`. The built-in workflows stop the
 * clock on it, so the response counts as sent when its letter goes out, dated the day it went.
 */
export const RESPONSE_SENT = 'RESPONSE_SENT';
/** The role the built-in workflows' approval step needs; every database has it (seeded), so it is always known. */
export const APPROVER_ROLE = 'approver';
const roleName = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'use a role name such as "officer" or "press-office"')
  .describe('A built-in role (admin, officer, auditor, system) or one an administrator defined.');
export const STAGE_KINDS = [
  'received',
  'clarification',
  'fees',
  'cost-limit',
  'public-interest',
  'response',
  'internal-review',
  'regulator',
  'tribunal',
  'closed',
  'custom',
] as const;
export const INPUT_TYPES = [
  'text',
  'longText',
  'date',
  'number',
  'boolean',
  'choice',
  'multiChoice',
  'exemptions',
  'money',
  'questionAnswers',
  'sections',
] as const;

export const positionSchema = z
  .object({ x: z.number(), y: z.number() })
  .describe('Where the editor draws it.');

/** A guard or action named from the registry, with its parameters. */
export const referenceSchema = z.object({
  name: z.string().min(1).describe('A name from the registry, e.g. "clock.start".'),
  params: z.record(z.string(), z.unknown()).optional(),
});

export const inputSchema = z.object({
  name: fieldName,
  label: z.string().min(1),
  type: z.enum(INPUT_TYPES),
  required: z.boolean().default(true),
  options: z.array(z.object({ value: z.string().min(1), label: z.string().min(1) })).optional(),
  help: z.string().optional(),
});

export const transitionSchema = z.object({
  id: slug,
  event: eventType,
  label: z.string().min(1).describe("What the officer's button says."),
  from: z.string().min(1).describe('The step it leaves, or "*" for any step of the stage.'),
  to: z
    .string()
    .min(1)
    .optional()
    .describe('The step of the same stage it goes to; omit to stay in the step.'),
  roles: z.array(roleName).min(1),
  inputs: z.array(inputSchema).default([]),
  guard: referenceSchema.optional(),
  actions: z.array(referenceSchema).default([]),
});

export const stepSchema = z.object({
  id: slug,
  label: z.string().min(1),
  position: positionSchema,
  final: z.boolean().default(false),
  outcome: slug.optional().describe('For a final step: the outcome the stage routes on.'),
});

export const routeSchema = z.object({
  outcome: slug,
  to: slug.describe('The stage the outcome leads to.'),
  label: z.string().optional(),
  actions: z.array(referenceSchema).default([]),
});

export const stageSchema = z.object({
  id: slug,
  label: z.string().min(1),
  kind: z.enum(STAGE_KINDS),
  description: z.string().optional(),
  position: positionSchema,
  final: z.boolean().default(false).describe('A final stage (closed) ends the case.'),
  initialStep: slug.optional(),
  steps: z.array(stepSchema).default([]),
  transitions: z.array(transitionSchema).default([]),
  routes: z.array(routeSchema).default([]),
  onEntry: z.array(referenceSchema).default([]).describe('Actions run whenever the case enters the stage.'),
});

export const reopenSchema = z.object({
  event: eventType.describe('The event a closed case accepts, e.g. a late "REQUEST_INTERNAL_REVIEW".'),
  to: slug.describe(
    "The stage the case re-enters (its onEntry runs); the event is then handled there by the transition from the stage's first step, as if the stage had stayed open (same inputs, roles and actions).",
  ),
  label: z
    .string()
    .min(1)
    .optional()
    .describe("What the officer's button says; defaults to the transition's."),
  guard: referenceSchema
    .optional()
    .describe(
      'When the closed case accepts it, e.g. record.absent: no review requested yet. It tests the case, not the inputs.',
    ),
  actions: z.array(referenceSchema).default([]).describe('Actions run before the case re-enters the stage.'),
});

export const workflowDefinitionSchema = z.object({
  $schema: z.string().optional(),
  id: slug,
  name: z.string().min(1),
  regime: z.enum(REGIMES as unknown as [string, ...string[]]),
  description: z.string().optional(),
  complianceVariation: z
    .enum(COMPLIANCE_VARIATIONS as unknown as [string, ...string[]])
    .optional()
    .describe(
      'A lawful variation of the time limits this workflow uses (Time for Compliance Regulations 2004; FOISA s.21(2)), e.g. "maintained-school" for up to 60 working days.',
    ),
  initialStage: slug,
  onCreate: z
    .array(referenceSchema)
    .default([])
    .describe('Actions run once, when a case is created (the clock starts).'),
  stages: z.array(stageSchema).min(1),
  reopenOn: z
    .array(reopenSchema)
    .optional()
    .describe(
      'Events a closed case still accepts, each reopening it at a stage: e.g. a late internal review request or regulator complaint the law lets the authority or the regulator accept.',
    ),
});

export type Position = z.infer<typeof positionSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type InputDefinition = z.infer<typeof inputSchema>;
export type TransitionDefinition = z.infer<typeof transitionSchema>;
export type StepDefinition = z.infer<typeof stepSchema>;
export type RouteDefinition = z.infer<typeof routeSchema>;
export type StageDefinition = z.infer<typeof stageSchema>;
export type ReopenDefinition = z.infer<typeof reopenSchema>;
export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema> & {
  regime: (typeof REGIMES)[number];
  complianceVariation?: (typeof COMPLIANCE_VARIATIONS)[number];
};
/** A built-in or administrator-defined role name. */
export type RoleName = string;

/** The JSON Schema that workflows/schema.json holds and each workflow file names in $schema. */
export function workflowJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(workflowDefinitionSchema, { io: 'input' }) as Record<string, unknown>),
    $id: 'https://recordflow.example/workflows/schema.json',
    title: 'Recordflow workflow definition',
  };
}
