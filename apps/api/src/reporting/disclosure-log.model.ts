import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

@ObjectType({
  description: 'A response published in the disclosure log: never the requester’s name, e-mail or address.',
})
export class DisclosureLogEntry {
  @Field(() => ID) caseId!: string;
  @Field() reference!: string;
  @Field() regime!: string;
  @Field() subject!: string;
  @Field() requestText!: string;
  @Field(() => String, { nullable: true, description: 'The outcome that stands.' }) outcome!: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When the response was sent.' })
  respondedOn!: string | null;
  @Field(() => GraphQLLocalDate) publishedOn!: string;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The response letter, when one was generated, addressed to no one by name.',
  })
  responseText!: string | null;
}

@ObjectType({ description: 'A disclosure log change, recorded as an event in the case history.' })
export class DisclosureLogChange {
  @Field(() => ID) caseId!: string;
  @Field(() => Int, { description: "The event's sequence in the case history." }) sequence!: number;
  @Field({ description: 'Whether the response is now in the disclosure log.' }) published!: boolean;
}

@ObjectType({ description: 'An answered response an administrator may publish in the disclosure log.' })
export class DisclosureCandidate {
  @Field(() => ID) caseId!: string;
  @Field() reference!: string;
  @Field() regime!: string;
  @Field() subject!: string;
  @Field(() => String, { nullable: true, description: 'The outcome that stands.' }) outcome!: string | null;
  @Field(() => GraphQLLocalDate, { description: 'When the response was sent.' }) respondedOn!: string;
}
