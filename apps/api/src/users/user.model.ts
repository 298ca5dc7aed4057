import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum RoleName {
  admin = 'admin',
  officer = 'officer',
  auditor = 'auditor',
}
registerEnumType(RoleName, {
  name: 'Role',
  description: 'admin edits and publishes workflows; officer moves cases; auditor reads history.',
});

@ObjectType('User', { description: 'A person who signs in to Recordflow.' })
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => [RoleName])
  roles: RoleName[];
}
