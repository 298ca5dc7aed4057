import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { CaseDeadline, CaseEventModel } from '../cases/case.model';

@ObjectType({ description: "The outcome of checking a case's hash chain and replay." })
export class HistoryVerification {
  @Field()
  ok: boolean;

  @Field(() => Int)
  eventsChecked: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The first event found altered, missing or out of order.',
  })
  firstBadSequence: number | null;

  @Field(() => String, { nullable: true, description: 'Why, in a sentence.' })
  reason: string | null;

  @Field(() => [ErasureNote], {
    nullable: true,
    description:
      'Events whose personal data was erased: when, under which rule, and whether the hash was still checked.',
  })
  erasures?: ErasureNote[];
}

@ObjectType({ description: 'An erasure found while verifying.' })
export class ErasureNote {
  @Field(() => Int)
  sequence: number;

  @Field()
  rule: string;

  @Field()
  erasedAt: string;

  @Field({ description: 'False for an event hashed with its text: reported as erased rather than altered.' })
  hashChecked: boolean;
}

@ObjectType()
export class CaseVerificationFailure extends HistoryVerification {
  @Field(() => ID)
  caseId: string;

  @Field()
  reference: string;
}

@ObjectType({ description: 'Every case verified; the failures listed.' })
export class AllCasesVerification {
  @Field(() => Int)
  casesChecked: number;

  @Field(() => [CaseVerificationFailure])
  failures: CaseVerificationFailure[];
}

@ObjectType({
  description: "A case's state recomputed at one point of its history, with effects switched off.",
})
export class CaseReplay {
  @Field(() => Int)
  sequence: number;

  @Field(() => CaseEventModel, { description: 'The event that led to this state.' })
  event: CaseEventModel;

  @Field()
  stage: string;

  @Field()
  stageLabel: string;

  @Field()
  step: string;

  @Field()
  stepLabel: string;

  @Field(() => [CaseDeadline])
  deadlines: CaseDeadline[];

  @Field(() => GraphQLJSONObject)
  state: Record<string, unknown>;
}
