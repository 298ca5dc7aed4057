import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { refusal } from '../common/errors';
import type { Role } from '../users/user.entity';
import { requestOf } from './current-user';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { TokensService } from './tokens.service';

/** Deny by default: an operation runs only if it is @Public or the caller holds one of its @Roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
  ) {}

  /** Each handler's rule (per class, as a class may set it), read once: the guard runs on every resolver call. */
  private readonly rules = new WeakMap<
    object,
    WeakMap<object, { public: boolean; roles: Role[] | undefined }>
  >();

  private ruleOf(context: ExecutionContext) {
    const handler = context.getHandler();
    const type = context.getClass();
    let byClass = this.rules.get(handler);
    if (!byClass) {
      byClass = new WeakMap();
      this.rules.set(handler, byClass);
    }
    let rule = byClass.get(type);
    if (!rule) {
      const targets = [handler, type];
      rule = {
        public: Boolean(this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)),
        roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets),
      };
      byClass.set(type, rule);
    }
    return rule;
  }

  canActivate(context: ExecutionContext): boolean {
    const rule = this.ruleOf(context);
    const request = requestOf(context);
    const header = request.headers.authorization;
    const bearer = typeof header === 'string' && /^Bearer\s+(.+)$/i.exec(header)?.[1];
    // Field resolvers pass this guard too: verify the token once per request.
    if (bearer && !request.actor) {
      const actor = this.tokens.verify(bearer);
      if (!actor) {
        throw refusal('UNAUTHENTICATED', 'Your sign-in token is expired or invalid. Sign in again.');
      }
      request.actor = actor;
    }
    if (rule.public) return true;

    const roles = rule.roles;
    if (!request.actor)
      throw refusal('UNAUTHENTICATED', 'Sign in first: send your token as "Authorization: Bearer <token>".');
    if (!roles || roles.length === 0) {
      throw refusal('FORBIDDEN', 'This operation has no role rule, so nobody may call it.');
    }
    if (!roles.some((role) => request.actor?.roles.includes(role))) {
      throw refusal(
        'FORBIDDEN',
        `Only ${roles.join(' or ')} users may do this; you are ${request.actor.roles.join(', ')}.`,
        {
          requiredRoles: roles,
        },
      );
    }
    return true;
  }
}
