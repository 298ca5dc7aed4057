import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { refusal } from '../common/errors';
import type { User } from '../users/user.entity';
import { RoleName, UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { LoginResult } from './auth.model';
import { type Actor, CurrentUser } from './current-user';
import { LoginThrottle } from './login-throttle';
import { Public, Roles } from './roles.decorator';
import { TokensService } from './tokens.service';

export const toUserModel = (user: Pick<User, 'id' | 'email' | 'name' | 'roles'>): UserModel => ({
  id: user.id,
  email: user.email,
  name: user.name,
  roles: user.roles as RoleName[],
});

@Resolver()
export class AuthResolver {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
    private readonly throttle: LoginThrottle,
  ) {}

  @Public()
  @Mutation(() => LoginResult, {
    description: 'Sign in with e-mail and password. Open to everyone; rate-limited.',
  })
  async login(@Args('email') email: string, @Args('password') password: string): Promise<LoginResult> {
    this.throttle.check(email);
    const user = await this.users.authenticate(email, password);
    if (!user) {
      this.throttle.failed(email);
      throw refusal('UNAUTHENTICATED', 'The e-mail or password is wrong.');
    }
    this.throttle.succeeded(email);
    const { token, expiresAt } = this.tokens.issue(user);
    return { token, expiresAt, user: toUserModel(user) };
  }

  @Roles('admin', 'officer', 'auditor')
  @Query(() => UserModel, { description: 'The signed-in user. Roles: admin, officer, auditor.' })
  me(@CurrentUser() actor: Actor): UserModel {
    return toUserModel(actor);
  }
}
