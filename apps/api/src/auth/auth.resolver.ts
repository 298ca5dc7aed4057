import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { refusal } from '../common/errors';
import { PeopleService } from '../people/people.service';
import type { User } from '../users/user.entity';
import { UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { LoginResult } from './auth.model';
import { type Actor, CurrentUser, type RequestWithActor } from './current-user';
import { LoginThrottle } from './login-throttle';
import { Public, Roles } from './roles.decorator';
import { TokensService } from './tokens.service';

export const toUserModel = (
  user: Pick<User, 'id' | 'email' | 'name' | 'roles'> & { disabled?: boolean; invited?: boolean },
): UserModel => ({
  id: user.id,
  email: user.email,
  name: user.name,
  roles: user.roles,
  disabled: user.disabled ?? false,
  invited: user.invited ?? false,
});

const clientOf = (context: { req: RequestWithActor }) => context.req.ip ?? 'unknown';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly users: UsersService,
    private readonly people: PeopleService,
    private readonly tokens: TokensService,
    private readonly throttle: LoginThrottle,
  ) {}

  @Public()
  @Mutation(() => LoginResult, {
    description:
      'Sign in with e-mail and password. Open to everyone; failures from one address meet growing waits (TOO_MANY_REQUESTS).',
  })
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context() context: { req: RequestWithActor },
  ): Promise<LoginResult> {
    const client = clientOf(context);
    try {
      this.throttle.check(email, client);
    } catch (error) {
      await this.people.recordSignIn(email, null, client, 'throttled');
      throw error;
    }
    const user = await this.users.authenticate(email, password);
    if (!user || user.disabled) {
      this.throttle.failed(email, client);
      await this.people.recordSignIn(email, user?.id ?? null, client, user ? 'refused-disabled' : 'failed');
      throw refusal('UNAUTHENTICATED', 'The e-mail or password is wrong.');
    }
    this.throttle.succeeded(email, client);
    await this.people.recordSignIn(email, user.id, client, 'signed-in');
    const { token, expiresAt } = this.tokens.issue(user, user.sessionVersion);
    return { token, expiresAt, user: toUserModel(user) };
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Sets your password with the one-time token of an invitation or reset (then sign in). Open to everyone. Errors: VALIDATION_FAILED.',
  })
  async setPassword(
    @Args('token') token: string,
    @Args('password') password: string,
    @Context() context: { req: RequestWithActor },
  ): Promise<boolean> {
    await this.people.setPassword(token, password, clientOf(context));
    return true;
  }

  @Roles('admin', 'officer', 'auditor', 'contributor')
  @Query(() => UserModel, { description: 'The signed-in user. Roles: admin, officer, auditor, contributor.' })
  me(@CurrentUser() actor: Actor): UserModel {
    return toUserModel(actor);
  }
}
