import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Invitation', {
  description:
    'A one-time set-password token: give it to the person (as a link to /set-password?token=…); it is shown only once.',
})
export class InvitationModel {
  @Field()
  token: string;

  @Field()
  expiresAt: Date;
}

@ObjectType('User', { description: 'A person who signs in to Recordflow.' })
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => [String], {
    description: 'Built-in (admin, officer, auditor) and administrator-defined role names.',
  })
  roles: string[];

  @Field({ description: 'A disabled user cannot sign in; their sessions ended when they were disabled.' })
  disabled: boolean;

  @Field({ description: 'Invited and not yet set a password.' })
  invited: boolean;

  @Field(() => InvitationModel, {
    nullable: true,
    description:
      'Only in the answer of createUser without a password and of resetUserPassword without one: the set-password token.',
  })
  invitation?: InvitationModel | null;
}
