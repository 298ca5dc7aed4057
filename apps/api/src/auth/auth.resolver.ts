import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { refusal } from '../common/errors';
import { PeopleService } from '../people/people.service';
import type { User } from '../users/user.entity';
import { UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { LoginResult, SignInOptions } from './auth.model';
import { type Actor, CurrentUser, type RequestWithActor } from './current-user';
import { LoginThrottle } from './login-throttle';
import { OidcService } from './oidc.service';
import { Public, Roles } from './roles.decorator';
import { SIGN_IN_SETTINGS, type SignInSettings } from './sign-in-settings';
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
    private readonly oidc: OidcService,
    @Inject(SIGN_IN_SETTINGS) private readonly signInSettings: SignInSettings,
  ) {}

  @Public()
  @Query(() => SignInOptions, {
    description: 'Which ways of signing in are on (password, single sign-on). Open to everyone.',
  })
  signInOptions(): SignInOptions {
    const { password, oidc } = this.signInSettings;
    return { password, oidc: oidc !== null, oidcProviderName: oidc?.providerName ?? null };
  }

  @Public()
  @Mutation(() => LoginResult, {
    description:
      'Exchanges the one-time code a single sign-on hands the web app (in /sign-in#code=…) for a session, once and within a minute. Open to everyone. Errors: UNAUTHENTICATED.',
  })
  async exchangeSignInCode(@Args('code') code: string): Promise<LoginResult> {
    const { token, expiresAt, user } = await this.oidc.exchange(code);
    return { token, expiresAt, user: toUserModel(user) };
  }

  @Public()
  @Mutation(() => LoginResult, {
    description:
      'Sign in with e-mail and password. Open to everyone; failures from one address meet growing waits (TOO_MANY_REQUESTS); refused with PASSWORD_SIGN_IN_OFF when only single sign-on is on.',
  })
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context() context: { req: RequestWithActor },
  ): Promise<LoginResult> {
    const client = clientOf(context);
    if (!this.signInSettings.password) {
      await this.people.recordSignIn(email, null, client, 'refused-password-off');
      throw refusal(
        'PASSWORD_SIGN_IN_OFF',
        'Password sign-in is turned off here: use the single sign-on button on the sign-in page.',
      );
    }
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
