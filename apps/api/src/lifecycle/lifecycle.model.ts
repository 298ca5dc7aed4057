import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

@InputType()
export class CorrectRequesterInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;
}

@InputType({ description: 'Registration details to correct; fields left out stay as they are.' })
export class CorrectCaseInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Refuse with VERSION_CONFLICT unless the case is at this version.',
  })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'The corrected date of receipt: every deadline is counted again from it.',
  })
  receivedOn?: string | null;

  @Field(() => String, { nullable: true })
  channel?: string | null;

  @Field(() => CorrectRequesterInput, {
    nullable: true,
    description: "The requester's corrected details (the history records only that they were corrected).",
  })
  requester?: CorrectRequesterInput | null;

  @Field({ description: 'Why the correction is made; kept in the history.' })
  reason: string;
}

@ObjectType({ description: 'A lifecycle change recorded on a case.' })
export class LifecycleResult {
  @Field(() => ID)
  caseId: string;

  @Field()
  reference: string;

  @Field({ description: 'open, closed or void.' })
  status: string;

  @Field(() => Int)
  version: number;

  @Field(() => Int, { description: 'The event that recorded the change.' })
  sequence: number;

  @Field(() => GraphQLLocalDate, { nullable: true })
  dueOn: string | null;
}

@InputType({
  description:
    'An old stage ("received") or step ("response.drafting") and where it lands in the new version.',
})
export class StateMappingInput {
  @Field()
  from: string;

  @Field({ description: 'A stage id, or "stage.step".' })
  to: string;
}

@InputType()
export class MigrateCasesInput {
  @Field(() => ID)
  fromVersionId: string;

  @Field(() => ID)
  toVersionId: string;

  @Field(() => [StateMappingInput], {
    defaultValue: [],
    description: 'Old stages and steps onto new ones; unmapped ones keep their ids.',
  })
  mapping: StateMappingInput[];

  @Field(() => [ID])
  caseIds: string[];
}

@ObjectType()
export class StatePoint {
  @Field()
  stage: string;

  @Field()
  step: string;
}

@ObjectType({ description: 'Where a case would land on the new version, or why it cannot move.' })
export class MigrationPreviewCase {
  @Field(() => ID)
  caseId: string;

  @Field()
  reference: string;

  @Field(() => StatePoint)
  from: StatePoint;

  @Field(() => StatePoint)
  to: StatePoint;

  @Field()
  movable: boolean;

  @Field(() => [String], { description: 'Why it cannot move (empty when it can).' })
  problems: string[];
}

@ObjectType({ description: "One case's outcome in a migration." })
export class MigratedCase {
  @Field(() => ID)
  caseId: string;

  @Field(() => String, { nullable: true })
  reference: string | null;

  @Field()
  moved: boolean;

  @Field(() => Int, { nullable: true, description: 'The CASE_MIGRATED event.' })
  sequence: number | null;

  @Field(() => [String])
  problems: string[];
}

@ObjectType()
export class RetentionRuleModel {
  @Field(() => ID)
  id: string;

  @Field()
  regime: string;

  @Field(() => String, { nullable: true, description: 'Null: any outcome without a rule of its own.' })
  outcome: string | null;

  @Field(() => Int)
  monthsAfterClosure: number;

  @Field()
  updatedAt: Date;
}

@InputType()
export class RetentionRuleInput {
  @Field()
  regime: string;

  @Field(() => String, { nullable: true })
  outcome?: string | null;

  @Field(() => Int)
  monthsAfterClosure: number;
}

@ObjectType({
  description: 'A case past its retention period, waiting for an administrator to approve disposal.',
})
export class DisposalCase {
  @Field(() => ID)
  caseId: string;

  @Field()
  reference: string;

  @Field()
  regime: string;

  @Field(() => String, { nullable: true })
  outcome: string | null;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => GraphQLLocalDate)
  dueOn: string;

  @Field()
  rule: string;
}

@ObjectType()
export class DisposalResult {
  @Field(() => ID)
  caseId: string;

  @Field()
  ok: boolean;

  @Field()
  message: string;
}

@ObjectType({ description: "The requester's personal data erased from a case." })
export class AnonymisationResult {
  @Field(() => ID)
  caseId: string;

  @Field(() => Int, { description: 'The CASE_ANONYMISED event.' })
  sequence: number;

  @Field(() => Int, { description: 'Events whose free text was erased.' })
  erasedEvents: number;

  @Field(() => Int)
  erasedDocuments: number;

  @Field(() => Int, { description: 'Internal notes whose text was erased.' })
  erasedNotes: number;

  @Field(() => Int, { description: "Tasks' questions, chasers, answers and cancel reasons erased." })
  erasedTaskTexts: number;
}
