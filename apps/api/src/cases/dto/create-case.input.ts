import { Field, ID, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

@InputType({
  description: "The requester's personal data: kept apart from the case history so it can be erased.",
})
export class RequesterInput {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  email?: string;

  @Field({ nullable: true, description: 'Postal address, for requests that arrived by post.' })
  address?: string;
}

@InputType()
export class CreateCaseInput {
  @Field(() => ID, { description: 'The workflow to run (its published version), e.g. "foi".' })
  workflowId: string;

  @Field(() => GraphQLLocalDate, {
    description: 'Date the request was received (day 0 of the statutory clock).',
  })
  receivedOn: string;

  @Field({ description: 'How it arrived: email, post, web form, phone (SAR) …' })
  channel: string;

  @Field()
  subject: string;

  @Field({ description: 'The request as the requester wrote it.' })
  requestText: string;

  @Field(() => RequesterInput, {
    nullable: true,
    description:
      'FOI, FOISA, EIR and EISR requests need a name and an address for correspondence, e-mail or postal (FOIA s.8, FOISA s.8).',
  })
  requester?: RequesterInput;

  @Field({
    nullable: true,
    description:
      "Registered late: the officer will record what already happened, in date order, before the case's timers run (finishCatchingUp).",
  })
  catchingUp?: boolean;
}
