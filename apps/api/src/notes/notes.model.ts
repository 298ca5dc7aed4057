import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../users/user.model';

@ObjectType('CaseNote', { description: 'An internal note on a case: for staff, never in a letter.' })
export class CaseNoteModel {
  @Field(() => ID)
  id: string;

  @Field()
  text: string;

  @Field(() => UserModel)
  author: UserModel;

  @Field()
  createdAt: Date;

  @Field(() => Int, { description: 'The NOTE_ADDED event in the case history.' })
  eventSequence: number;
}

@InputType()
export class AddCaseNoteInput {
  @Field(() => ID)
  caseId: string;

  @Field()
  text: string;
}
