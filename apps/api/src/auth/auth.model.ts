import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../users/user.model';

@ObjectType({ description: 'A signed-in session: send the token as "Authorization: Bearer <token>".' })
export class LoginResult {
  @Field()
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => UserModel)
  user: UserModel;
}
