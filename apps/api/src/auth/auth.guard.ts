import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CaseAccess } from '../access/case-access.service';
import { refusal } from '../common/errors';
import { checkArguments } from '../common/input-check';
import { type Actor, requestOf } from './current-user';
import { CASE_CHECKED_IN_READ_KEY, PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { SessionCache } from './session-cache';
import { TokensService } from './tokens.service';

/**
 * Deny by default: an operation runs only if it is @Public or the caller holds one of its @Roles; then
 * its arguments are checked (common/input-check.ts), and every case they name must be one the caller
 * may see (CaseAccess.checkCases: a restricted workflow's case is NOT_FOUND to anyone outside its teams).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
    private readonly sessions: SessionCache,
    private readonly access: CaseAccess,
  ) {}

  /** Each handler's rule (per class, as a class may set it), read once: the guard runs on every resolver call. */
  private readonly rules = new WeakMap<
    object,
    WeakMap<object, { public: boolean; roles: string[] | undefined; caseCheckedInRead: boolean }>
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
        roles: this.reflector.getAllAndOverride<string[] | undefined>(ROLES_KEY, targets),
        caseCheckedInRead: Boolean(
          this.reflector.getAllAndOverride<boolean>(CASE_CHECKED_IN_READ_KEY, targets),
        ),
      };
      byClass.set(type, rule);
    }
    return rule;
  }

  /**
   * The token's user as the database has them now (kept in memory between the user table's change
   * announcements, else one primary-key read), so disabling a user, changing their roles or ending
   * their sessions takes effect at their next request.
   */
  private async actorOf(bearer: string): Promise<Actor> {
    const claims = this.tokens.verify(bearer);
    const user = claims && (await this.sessions.check(claims.userId));
    if (!claims || !user) {
      throw refusal('UNAUTHENTICATED', 'Your sign-in token is expired or invalid. Sign in again.');
    }
    if (user.disabled || user.session_version !== claims.sessionVersion) {
      throw refusal(
        'UNAUTHENTICATED',
        'Your session has ended (an administrator ended or changed it). Sign in again.',
      );
    }
    return {
      id: claims.userId,
      email: user.email,
      name: user.name,
      roles: user.roles,
      hiddenWorkflows: user.hidden_workflows,
      restrictedWorkflows: user.restricted_workflows,
      teamIds: user.team_ids,
    };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.ruleOf(context);
    const request = requestOf(context);
    const header = request.headers.authorization;
    const bearer = typeof header === 'string' && /^Bearer\s+(.+)$/i.exec(header)?.[1];
    // Field resolvers pass this guard too: verify the token once per request.
    if (bearer && !request.actor) {
      request.actorCheck ??= this.actorOf(bearer);
      request.actor = await request.actorCheck;
    }
    if (rule.public) {
      checkArguments(context);
      return true;
    }

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
    // Let through: now the arguments must be ones PostgreSQL can take, naming only cases the caller may see.
    const cases = checkArguments(context);
    if (cases.length > 0 && !rule.caseCheckedInRead) await this.access.checkCases(request.actor, cases);
    return true;
  }
}
