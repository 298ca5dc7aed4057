import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { GraphQLJSONObject, GraphQLLocalDate } from 'graphql-scalars';

@InputType()
export class SendCaseEventInput {
  @Field(() => ID)
  caseId: string;

  @Field({ description: 'One of the case\'s allowedEvents, e.g. "REQUEST_CLARIFICATION".' })
  type: string;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "The event's inputs, as its inputSchema says.",
  })
  payload?: Record<string, unknown>;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description:
      'The day it happened in law (e.g. a clarification received by post yesterday); defaults to today.',
  })
  effectiveOn?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Refuse with VERSION_CONFLICT unless the case is at this version.',
  })
  expectedVersion?: number;

  @Field({
    nullable: true,
    description: 'A retry with the same key returns the first result and applies nothing twice.',
  })
  idempotencyKey?: string;
}

@InputType()
export class AssignCaseInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The officer to assign (a member of the team when teamId is given); null for nobody.',
  })
  assigneeId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The team whose queue holds the case; null for no team's.",
  })
  teamId?: string | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number;
}
