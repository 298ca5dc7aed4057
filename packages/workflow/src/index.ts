export {
  CASE_ASSIGNED,
  CASE_CREATED,
  type CaseBundle,
  type CaseToVerify,
  calendarAsOf,
  createVerifier,
  DEADLINES_RECOMPUTED,
  DISCLOSURE_PUBLISHED,
  DISCLOSURE_WITHDRAWN,
  GENESIS_HASH,
  hashDefinition,
  hashEvent,
  LETTER_SENT,
  type RecordedEvent,
  type RecordedHoliday,
  type ReplayInput,
  replayEvents,
  type VerificationBatch,
  type VerificationResult,
  verifyBundle,
  verifyHistory,
} from './audit';
export { compileWorkflow } from './compile';
export type { CaseContext, DeadlineEntry, TimerEntry } from './context';
export { type Exemption, exemptionsFor } from './exemptions';
export { checkPayload, payloadJsonSchema } from './inputs';
export { absoluteExemptions, type RefusalRules, refusalProblems } from './refusals';
export { ACTIONS, CLOSURE_OUTCOMES, GUARDS, LETTER_TEMPLATES, registryDescription } from './registry';
export {
  INPUT_TYPES,
  type InputDefinition,
  type Reference,
  ROLE_NAMES,
  type RoleName,
  type RouteDefinition,
  STAGE_KINDS,
  type StageDefinition,
  type StepDefinition,
  type TransitionDefinition,
  type WorkflowDefinition,
  workflowDefinitionSchema,
  workflowJsonSchema,
} from './schema';
export {
  type AllowedEvent,
  allowedEvents,
  type CaseEventInput,
  type CaseSnapshot,
  describeState,
  type Effect,
  initialSnapshot,
  recomputeDeadlines,
  type StateDescription,
  type StepOptions,
  type StepResult,
  step,
  WorkflowError,
  type WorkflowErrorCode,
} from './step';
export {
  type Problem,
  parseWorkflowJson,
  stageEdges,
  type ValidationResult,
  validateWorkflow,
} from './validate';
