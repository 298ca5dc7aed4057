import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON, GraphQLJSONObject, GraphQLLocalDate } from 'graphql-scalars';
import { UserModel } from '../users/user.model';

@ObjectType({ description: 'A day not counted towards a deadline, and why.' })
export class SkippedDay {
  @Field(() => GraphQLLocalDate)
  date: string;

  @Field({ description: 'e.g. "Saturday", "St Patrick\'s Day (Northern Ireland)", "paused: fees notice".' })
  reason: string;
}

@ObjectType({
  description: 'How a deadline was counted: the days counted and each day skipped with its reason.',
})
export class DeadlineExplanation {
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Day 0 of the count (after any restart).' })
  received?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  due?: string | null;

  @Field({ description: 'running, paused, stopped or not-started' })
  status: string;

  @Field(() => [GraphQLLocalDate])
  counted: string[];

  @Field(() => [SkippedDay])
  skipped: SkippedDay[];

  @Field()
  summary: string;
}

@ObjectType({ description: 'A deadline of the case, derived from its statutory clock or from an event.' })
export class CaseDeadline {
  @Field()
  name: string;

  @Field()
  label: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  due?: string | null;

  @Field({ description: 'Set by law (the response deadline) rather than by local policy.' })
  statutory: boolean;
}

@ObjectType({ description: 'An event the case accepts now, with the inputs it needs.' })
export class AllowedEvent {
  @Field()
  type: string;

  @Field()
  label: string;

  @Field(() => [String], { description: 'Roles that may send it.' })
  roles: string[];

  @Field(() => GraphQLJSONObject, { description: 'JSON Schema of the payload.' })
  inputSchema: Record<string, unknown>;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the signed-in user may not send it, when something about them stands in the way (separation of duties: they drafted the response); null otherwise.',
  })
  unavailableReason: string | null;
}

@ObjectType({ description: 'Personal data erased from an event: which fields, when, under which rule.' })
export class EventErasure {
  @Field(() => [String])
  fields: string[];

  @Field({ description: 'The retention rule in words, or "on request".' })
  rule: string;

  @Field()
  erasedAt: Date;
}

@ObjectType('CaseEvent', { description: 'One accepted event in a case history (hash-chained).' })
export class CaseEventModel {
  @Field(() => Int)
  sequence: number;

  @Field()
  type: string;

  @Field(() => GraphQLJSON)
  payload: unknown;

  @Field(() => UserModel, {
    nullable: true,
    description: 'Null when the system sent it (a timer, a recomputation).',
  })
  actor?: UserModel | null;

  @Field({ description: 'The actor as recorded at the time.' })
  actorLabel: string;

  @Field()
  recordedAt: Date;

  @Field(() => GraphQLLocalDate)
  effectiveOn: string;

  @Field(() => Int, { description: 'The workflow version the event was applied with.' })
  workflowVersion: number;

  @Field()
  stageAfter: string;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'The case state after this event, recomputed by replay (the same as was recorded when the history verifies).',
  })
  stateAfter?: Record<string, unknown> | null;

  @Field()
  prevHash: string;

  @Field()
  hash: string;

  @Field(() => EventErasure, { nullable: true, description: 'Set when free text of this event was erased.' })
  erasure?: EventErasure | null;
}

@ObjectType('Requester')
export class RequesterModel {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the personal data was erased.' })
  erasedAt?: Date | null;
}

@ObjectType('Case')
export class CaseModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'e.g. FOI-2026-000123' })
  reference: string;

  @Field()
  regime: string;

  @Field()
  workflowId: string;

  @Field(() => Int)
  workflowVersion: number;

  @Field()
  subject: string;

  @Field()
  requestText: string;

  @Field()
  channel: string;

  @Field(() => GraphQLLocalDate)
  receivedOn: string;

  @Field({ description: 'open or closed' })
  status: string;

  @Field({
    description:
      'Registered late, the officer is still recording what already happened: its timers (overdue marking) wait until finishCatchingUp.',
  })
  catchingUp: boolean;

  @Field()
  stage: string;

  @Field()
  stageLabel: string;

  @Field()
  step: string;

  @Field()
  stepLabel: string;

  @Field(() => GraphQLJSONObject, {
    description: 'The workflow snapshot (context: clock, deadlines, record).',
  })
  state: Record<string, unknown>;

  @Field(() => Int, { description: 'Number of events applied; send it as expectedVersion.' })
  version: number;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'The earliest open deadline.' })
  dueDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Closure outcome, e.g. granted-in-full.' })
  outcome?: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class CaseEdge {
  @Field()
  cursor: string;

  @Field(() => CaseModel)
  node: CaseModel;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType({ description: 'A page of cases, sorted by due date (soonest first), then reference.' })
export class CaseConnection {
  @Field(() => [CaseEdge])
  edges: CaseEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  /** Counts the list's matches when a count is asked for (not a GraphQL field). */
  counter: (upTo?: number) => Promise<CaseCount>;
}

@ObjectType({ description: 'How many cases a list holds.' })
export class CaseCount {
  @Field(() => Int, { description: 'Matching cases; when exact is false, at least this many.' })
  value: number;

  @Field({ description: 'False when more cases match than were counted (value stopped at upTo).' })
  exact: boolean;
}

@ObjectType({ description: 'The result of an accepted event.' })
export class CaseEventResult {
  @Field(() => CaseModel)
  case: CaseModel;

  @Field(() => CaseEventModel)
  event: CaseEventModel;

  @Field({
    description: 'True when this was a retry of an idempotency key already applied: nothing new was applied.',
  })
  replayed: boolean;
}
