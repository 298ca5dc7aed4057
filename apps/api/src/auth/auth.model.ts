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

@ObjectType({ description: 'How people sign in here: the sign-in page shows what is on.' })
export class SignInOptions {
  @Field({
    description:
      'E-mail and password sign-in (the login mutation); off when RECORDFLOW_PASSWORD_SIGN_IN=off.',
  })
  password: boolean;

  @Field({ description: 'Single sign-on through an OpenID Connect provider, started at GET /auth/oidc.' })
  oidc: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'The provider as the sign-in button names it ("Sign in with …"); null without single sign-on.',
  })
  oidcProviderName: string | null;
}
