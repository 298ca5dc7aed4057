import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

@ObjectType('Holiday', {
  description:
    'A run-time change to the published bank holidays: a holiday added, or (removed) a published one made a working day again.',
})
export class HolidayModel {
  @Field(() => GraphQLLocalDate)
  date: string;

  @Field({ description: "The holiday's title; for a removal, why it was removed." })
  title: string;

  @Field(() => [String], { description: 'england-and-wales, scotland, northern-ireland' })
  divisions: string[];

  @Field({
    description:
      'True when the date is a working day again there (e.g. the holiday was moved by proclamation).',
  })
  removed: boolean;

  @Field()
  createdAt: Date;
}

@InputType()
export class AddHolidayInput {
  @Field(() => GraphQLLocalDate)
  date: string;

  @Field({ description: 'e.g. "State Funeral of Queen Elizabeth II"' })
  title: string;

  @Field(() => [String], {
    description: 'Where it is a bank holiday: england-and-wales, scotland, northern-ireland.',
  })
  divisions: string[];
}

@InputType()
export class RemoveHolidayInput {
  @Field({ description: 'The bank holiday to make a working day again, YYYY-MM-DD.' })
  date: string;

  @Field(() => [String], { description: 'Where: england-and-wales, scotland, northern-ireland.' })
  divisions: string[];

  @Field({ description: 'Why, e.g. "moved to 8 May by proclamation".' })
  reason: string;
}

@InputType()
export class MoveHolidayInput {
  @Field({ description: 'The bank holiday moved away from, YYYY-MM-DD (a working day again).' })
  from: string;

  @Field({ description: 'The new date of the holiday, YYYY-MM-DD.' })
  to: string;

  @Field({ description: 'The holiday\'s title on its new date, e.g. "Early May bank holiday (VE Day)".' })
  title: string;

  @Field(() => [String], { description: 'Where: england-and-wales, scotland, northern-ireland.' })
  divisions: string[];
}

@InputType({ description: 'One proposed change to the bank holidays, for a preview.' })
export class HolidayChangeInput {
  @Field({ description: 'YYYY-MM-DD' })
  date: string;

  @Field({ description: "The holiday's title, or for a removal why it is removed." })
  title: string;

  @Field(() => [String], { description: 'england-and-wales, scotland, northern-ireland' })
  divisions: string[];

  @Field({ defaultValue: false, description: 'True to make a published holiday a working day again.' })
  removed: boolean;
}

@ObjectType({ description: 'A holiday added, and the open cases whose deadlines moved because of it.' })
export class AddHolidayResult {
  @Field(() => HolidayModel)
  holiday: HolidayModel;

  @Field(() => Int, {
    description: 'Open cases whose deadlines changed (each change is an event in their history).',
  })
  casesRecomputed: number;
}

@ObjectType({
  description: 'The holiday changes recorded, and the open cases whose deadlines moved because of them.',
})
export class HolidayChangeResult {
  @Field(() => [HolidayModel], {
    description: 'In the order they apply: for a move, the removal then the new date.',
  })
  changes: HolidayModel[];

  @Field(() => Int, {
    description: 'Open cases whose deadlines changed (each change is an event in their history).',
  })
  casesRecomputed: number;
}

@ObjectType('DeadlineMove', { description: "One of a case's deadlines, before and after a calendar change." })
export class DeadlineMoveModel {
  @Field({ description: "The deadline's name in the workflow, e.g. response" })
  name: string;

  @Field()
  label: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  from: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  to: string | null;
}

@ObjectType('CaseDeadlinesPreview', {
  description: 'An open case whose deadlines a proposed calendar change would move.',
})
export class CaseDeadlinesPreviewModel {
  @Field(() => ID)
  caseId: string;

  @Field()
  reference: string;

  @Field(() => [DeadlineMoveModel])
  changes: DeadlineMoveModel[];
}
