import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { SessionCache } from '../auth/session-cache';
import { invalid, isUuid, notFound } from '../common/errors';
import { User } from '../users/user.entity';
import {
  checkRolesAndTeams,
  createUser,
  hashPassword,
  hashSetPasswordToken,
  newSetPasswordToken,
  passwordProblem,
} from '../users/users.service';
import { type ChangeActor, recordChange } from './audit';
import type {
  CreateRoleInput,
  CreateUserInput,
  ResetUserPasswordInput,
  UpdateUserInput,
} from './people.model';
import { RoleDefinition } from './role.entity';
import { SignInEvent } from './sign-in-event.entity';
import { Team, UserTeam } from './team.entity';
import { UserAudit } from './user-audit.entity';

/** A user as the administration pages show them. */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  roles: string[];
  disabled: boolean;
  invited: boolean;
  invitation?: { token: string; expiresAt: Date } | null;
}

const ROLE_NAME = /^[a-z][a-z0-9-]{1,39}$/;
/** Workflows use "system" for what timers send; no person may hold it. */
const RESERVED_ROLES = ['system'];

export const changeActor = (actor: Actor): ChangeActor => ({
  id: actor.id,
  label: `${actor.name} <${actor.email}>`,
});

const USER_COLUMNS = `id, email, name, roles, disabled, (password_hash IS NULL) AS invited`;

/** Users, teams and roles: every change attributable in user_audit. */
@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionCache,
  ) {}

  users(): Promise<UserRow[]> {
    return this.dataSource.query(`SELECT ${USER_COLUMNS} FROM "user" ORDER BY lower(name), email`);
  }

  /** People who may take a case: enabled officers, in the team when one is named. */
  async assignees(teamId: string | null | undefined): Promise<UserRow[]> {
    if (teamId) await this.teamOrFail(this.dataSource.manager, teamId);
    return this.dataSource.query(
      `SELECT ${USER_COLUMNS} FROM "user" u
        WHERE NOT disabled AND 'officer' = ANY(roles)
          AND ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM user_team m WHERE m.user_id = u.id AND m.team_id = $1))
        ORDER BY lower(name), email`,
      [teamId ?? null],
    );
  }

  async createUser(actor: Actor, input: CreateUserInput): Promise<UserRow> {
    const user = await this.dataSource.transaction((manager) =>
      createUser(
        manager,
        { ...input, teamIds: input.teamIds ?? [], password: input.password ?? null },
        changeActor(actor),
      ),
    );
    return {
      ...this.rowOf(user, user.setPasswordToken !== undefined),
      invitation: user.setPasswordToken ?? null,
    };
  }

  async updateUser(actor: Actor, input: UpdateUserInput): Promise<UserRow> {
    let change: string | null = null;
    const updated = await this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, input.id);
      const roles = input.roles ? [...new Set(input.roles)] : undefined;
      const teamIds = input.teamIds ? [...new Set(input.teamIds)] : undefined;
      if (input.name != null && input.name.trim() === '') throw invalid('input.name', 'The name is empty.');
      await checkRolesAndTeams(manager, roles, teamIds);
      if (user.id === actor.id && input.disabled === true)
        throw invalid('input.disabled', 'You cannot disable yourself; ask another administrator.');
      if (user.id === actor.id && roles && !roles.includes('admin'))
        throw invalid('input.roles', 'You cannot remove your own admin role; ask another administrator.');

      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const set: Partial<User> = {};
      if (input.name != null && input.name.trim() !== user.name) {
        before.name = user.name;
        after.name = set.name = input.name.trim();
      }
      if (roles && !sameSet(roles, user.roles)) {
        before.roles = user.roles;
        after.roles = set.roles = roles;
      }
      if (input.disabled != null && input.disabled !== user.disabled) {
        before.disabled = user.disabled;
        after.disabled = set.disabled = input.disabled;
        // Disabling ends every session; enabling again does not revive them.
        if (input.disabled) set.sessionVersion = user.sessionVersion + 1;
      }
      if (teamIds) {
        const current = (await manager.getRepository(UserTeam).findBy({ userId: user.id })).map(
          (m) => m.teamId,
        );
        if (!sameSet(current, teamIds)) {
          before.teamIds = current;
          after.teamIds = teamIds;
          await manager.getRepository(UserTeam).delete({ userId: user.id });
          if (teamIds.length > 0)
            await manager
              .getRepository(UserTeam)
              .insert(teamIds.map((teamId) => ({ userId: user.id, teamId })));
        }
      }
      if (Object.keys(set).length > 0) await manager.getRepository(User).update({ id: user.id }, set);
      // Teams decide which restricted cases the user sees, which the session check keeps too.
      if (Object.keys(set).length > 0 || after.teamIds) change = await this.sessions.transactionId(manager);
      if (Object.keys(after).length > 0)
        await recordChange(manager, changeActor(actor), { kind: 'user', id: user.id }, 'updated', {
          before,
          after,
        });
      return this.readUser(manager, user.id);
    });
    if (change) await this.sessions.changed(updated.id, change);
    return updated;
  }

  /** Sets a password, or clears it and issues a one-time set-password token; every session ends either way. */
  async resetPassword(actor: Actor, input: ResetUserPasswordInput): Promise<UserRow> {
    if (input.password != null) {
      const weak = passwordProblem(input.password);
      if (weak) throw invalid('input.password', weak);
    }
    let change = '';
    const reset = await this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, input.userId);
      change = await this.sessions.transactionId(manager);
      const link = input.password == null ? newSetPasswordToken() : null;
      await manager.getRepository(User).update(
        { id: user.id },
        {
          passwordHash: input.password == null ? null : await hashPassword(input.password),
          setPasswordTokenHash: link?.hash ?? null,
          setPasswordExpiresAt: link?.expiresAt ?? null,
          sessionVersion: user.sessionVersion + 1,
        },
      );
      await recordChange(manager, changeActor(actor), { kind: 'user', id: user.id }, 'password-reset', {
        setPasswordLink: link !== null,
      });
      const row = await this.readUser(manager, user.id);
      return { ...row, invitation: link ? { token: link.token, expiresAt: link.expiresAt } : null };
    });
    await this.sessions.changed(reset.id, change);
    return reset;
  }

  /** Ends every session of the user at their next request. */
  async endSessions(actor: Actor, userId: string): Promise<UserRow> {
    let change = '';
    const ended = await this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, userId);
      change = await this.sessions.transactionId(manager);
      await manager.getRepository(User).update({ id: user.id }, { sessionVersion: user.sessionVersion + 1 });
      await recordChange(manager, changeActor(actor), { kind: 'user', id: user.id }, 'sessions-ended', {});
      await manager.getRepository(SignInEvent).insert({
        email: user.email,
        userId: user.id,
        clientIp: null,
        outcome: 'sessions-ended',
        actorId: actor.id,
      });
      return this.readUser(manager, user.id);
    });
    await this.sessions.changed(ended.id, change);
    return ended;
  }

  /** Uses a one-time set-password token (invitation or reset); the token then stops working. */
  async setPassword(token: string, password: string, clientIp: string | null): Promise<void> {
    const weak = passwordProblem(password);
    if (weak) throw invalid('password', weak);
    let change = '';
    const userId = await this.dataSource.transaction(async (manager) => {
      const [user] = await manager.query<
        { id: string; email: string; name: string; session_version: number }[]
      >(
        `SELECT id, email, name, session_version FROM "user"
          WHERE set_password_token_hash = $1 AND set_password_expires_at > now() AND NOT disabled FOR UPDATE`,
        [hashSetPasswordToken(token)],
      );
      if (!user)
        throw invalid(
          'token',
          'This set-password link is unknown, used or expired: ask an administrator for a new one.',
        );
      await manager.getRepository(User).update(
        { id: user.id },
        {
          passwordHash: await hashPassword(password),
          setPasswordTokenHash: null,
          setPasswordExpiresAt: null,
          sessionVersion: user.session_version + 1,
        },
      );
      await recordChange(
        manager,
        { id: user.id, label: `${user.name} <${user.email}>` },
        { kind: 'user', id: user.id },
        'password-set',
        {},
      );
      await manager
        .getRepository(SignInEvent)
        .insert({ email: user.email, userId: user.id, clientIp, outcome: 'password-set', actorId: null });
      change = await this.sessions.transactionId(manager);
      return user.id;
    });
    await this.sessions.changed(userId, change);
  }

  /** Appends a sign-in, failure or throttled attempt to sign_in_event. */
  async recordSignIn(
    email: string,
    userId: string | null,
    clientIp: string,
    outcome: string,
    method: 'password' | 'oidc' = 'password',
  ): Promise<void> {
    await this.dataSource.getRepository(SignInEvent).insert({
      email: email.trim().toLowerCase().slice(0, 320),
      userId,
      clientIp,
      outcome,
      method,
      actorId: null,
    });
  }

  teams(): Promise<Team[]> {
    return this.dataSource.getRepository(Team).find({ order: { name: 'ASC' } });
  }

  /** The teams of each user, for a page of users at once. */
  async teamsOfUsers(userIds: readonly string[]): Promise<Map<string, Team[]>> {
    const rows = await this.dataSource.query<{ user_id: string; id: string; name: string }[]>(
      `SELECT m.user_id, t.id, t.name FROM user_team m JOIN team t ON t.id = m.team_id
        WHERE m.user_id = ANY($1::uuid[]) ORDER BY t.name`,
      [[...userIds]],
    );
    const byUser = new Map<string, Team[]>();
    for (const row of rows)
      byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row as unknown as Team]);
    return byUser;
  }

  /** The members of each team. */
  async membersOfTeams(teamIds: readonly string[]): Promise<Map<string, UserRow[]>> {
    const rows = await this.dataSource.query<(UserRow & { team_id: string })[]>(
      `SELECT m.team_id, ${USER_COLUMNS} FROM user_team m JOIN "user" u ON u.id = m.user_id
        WHERE m.team_id = ANY($1::uuid[]) ORDER BY lower(u.name), u.email`,
      [[...teamIds]],
    );
    const byTeam = new Map<string, UserRow[]>();
    for (const row of rows) byTeam.set(row.team_id, [...(byTeam.get(row.team_id) ?? []), row]);
    return byTeam;
  }

  async createTeam(actor: Actor, name: string): Promise<Team> {
    const trimmed = name.trim();
    if (trimmed === '' || trimmed.length > 80)
      throw invalid('input.name', 'A team name has 1 to 80 characters.');
    return this.dataSource.transaction(async (manager) => {
      await manager.query('LOCK TABLE team IN SHARE ROW EXCLUSIVE MODE');
      const [taken] = await manager.query('SELECT 1 FROM team WHERE lower(name) = lower($1)', [trimmed]);
      if (taken) throw invalid('input.name', `A team called "${trimmed}" already exists.`);
      const team = await manager.getRepository(Team).save({ name: trimmed });
      await recordChange(manager, changeActor(actor), { kind: 'team', id: team.id }, 'created', {
        name: trimmed,
      });
      return team;
    });
  }

  roles(): Promise<RoleDefinition[]> {
    return this.dataSource.getRepository(RoleDefinition).find({ order: { builtIn: 'DESC', name: 'ASC' } });
  }

  async roleNames(): Promise<string[]> {
    return (await this.roles()).map((r) => r.name);
  }

  async createRole(actor: Actor, input: CreateRoleInput): Promise<RoleDefinition> {
    const name = input.name.trim();
    if (!ROLE_NAME.test(name))
      throw invalid(
        'input.name',
        `"${input.name}" is not a role name: 2 to 40 lower-case letters, digits and hyphens, starting with a letter (such as "press-office").`,
      );
    if (RESERVED_ROLES.includes(name))
      throw invalid('input.name', `"${name}" is reserved: workflows use it for what timers send.`);
    if (input.description.length > 500)
      throw invalid('input.description', 'A description has at most 500 characters.');
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query(
        `INSERT INTO role (name, description) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING name`,
        [name, input.description.trim()],
      );
      if (inserted.length === 0) throw invalid('input.name', `The role "${name}" already exists.`);
      await recordChange(manager, changeActor(actor), { kind: 'role', id: name }, 'created', {
        description: input.description.trim(),
      });
      return manager.getRepository(RoleDefinition).findOneByOrFail({ name });
    });
  }

  audit(targetId: string | null | undefined, limit: number): Promise<UserAudit[]> {
    checkLimit(limit);
    return this.dataSource.getRepository(UserAudit).find({
      where: targetId ? { targetId } : {},
      order: { id: 'DESC' },
      take: limit,
    });
  }

  signInEvents(userId: string | null | undefined, limit: number): Promise<SignInEvent[]> {
    checkLimit(limit);
    return this.dataSource.getRepository(SignInEvent).find({
      where: userId ? { userId } : {},
      order: { id: 'DESC' },
      take: limit,
    });
  }

  async teamOrFail(manager: EntityManager, teamId: string): Promise<Team> {
    const team = isUuid(teamId) ? await manager.getRepository(Team).findOneBy({ id: teamId }) : null;
    if (!team) throw notFound('team', teamId);
    return team;
  }

  private async lockUser(manager: EntityManager, id: string): Promise<User> {
    const user = isUuid(id)
      ? await manager.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!user) throw notFound('user', id);
    return user;
  }

  private async readUser(manager: EntityManager, id: string): Promise<UserRow> {
    const [row] = await manager.query(`SELECT ${USER_COLUMNS} FROM "user" WHERE id = $1`, [id]);
    return row;
  }

  private rowOf(user: User, invited: boolean): UserRow {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      disabled: user.disabled,
      invited,
    };
  }

  findUsers(ids: readonly string[]): Promise<User[]> {
    return this.dataSource.getRepository(User).findBy({ id: In([...ids]) });
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw invalid('limit', 'limit is between 1 and 500.');
}
