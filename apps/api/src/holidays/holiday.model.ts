import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

@ObjectType('Holiday', { description: 'A holiday added at run time, on top of the published bank holidays.' })
export class HolidayModel {
  @Field(() => GraphQLLocalDate)
  date: string;

  @Field()
  title: string;

  @Field(() => [String], { description: 'england-and-wales, scotland, northern-ireland' })
  divisions: string[];

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

@ObjectType({ description: 'A holiday added, and the open cases whose deadlines moved because of it.' })
export class AddHolidayResult {
  @Field(() => HolidayModel)
  holiday: HolidayModel;

  @Field(() => Int, {
    description: 'Open cases whose deadlines changed (each change is an event in their history).',
  })
  casesRecomputed: number;
}
