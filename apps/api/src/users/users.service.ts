import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import argon2 from 'argon2';
import { DataSource, type EntityManager, In } from 'typeorm';
import { type FieldProblem, isUuid, refusal } from '../common/errors';
import { preparedQuery } from '../database/prepared';
import { type ChangeActor, COMMAND_LINE, recordChange } from '../people/audit';
import { RoleDefinition } from '../people/role.entity';
import { Team, UserTeam } from '../people/team.entity';
import { User } from './user.entity';

export interface NewUser {
  email: string;
  name: string;
  /** Omitted or null: an invitation (the user sets a password with a one-time token). */
  password?: string | null;
  roles: string[];
  teamIds?: string[];
  /** False for someone who signs in only through the provider: no password, no set-password link. */
  invite?: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An invitation or reset link lasts a week. */
export const SET_PASSWORD_DAYS = 7;

export const passwordProblem = (password: string): string | null =>
  password.length < 8 ? 'The password must have at least 8 characters.' : null;

/** Checks a new user's details, naming the field of each problem (role names are checked against the database). */
function userFieldProblems(input: NewUser): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (!EMAIL.test(input.email)) add('email', `"${input.email}" is not an e-mail address.`);
  if (input.name.trim() === '') add('name', 'The name is empty.');
  const weak = input.password == null ? null : passwordProblem(input.password);
  if (weak) add('password', weak);
  if (input.roles.length === 0) add('roles', 'Give at least one role, such as officer.');
  return problems;
}

/** Checks a new user's details; every problem as a sentence. */
export const userProblems = (input: NewUser): string[] => userFieldProblems(input).map((p) => p.message);

const failed = (problems: FieldProblem[]) =>
  refusal('VALIDATION_FAILED', problems.map((p) => p.message).join(' '), { fields: problems });

/** Role names nobody defined, as a sentence (none when all are known). */
export async function roleProblems(manager: EntityManager, roles: readonly string[]): Promise<string[]> {
  const known = (
    await manager.getRepository(RoleDefinition).find({ order: { builtIn: 'DESC', name: 'ASC' } })
  ).map((r) => r.name);
  const unknown = [...new Set(roles)].filter((role) => !known.includes(role));
  return unknown.length > 0 ? [`Unknown role ${unknown.join(', ')}: the roles are ${known.join(', ')}.`] : [];
}

/** Refuses role names nobody defined and team ids that name no team. */
export async function checkRolesAndTeams(
  manager: EntityManager,
  roles: string[] | undefined,
  teamIds: string[] | undefined,
): Promise<void> {
  const problems: FieldProblem[] = [];
  if (roles) {
    if (roles.length === 0)
      problems.push({ field: 'roles', message: 'Give at least one role, such as officer.' });
    for (const message of await roleProblems(manager, roles)) problems.push({ field: 'roles', message });
  }
  if (teamIds && teamIds.length > 0) {
    const ids = [...new Set(teamIds)];
    const found = ids.every(isUuid) ? await manager.getRepository(Team).countBy({ id: In(ids) }) : -1;
    if (found !== ids.length)
      problems.push({ field: 'teamIds', message: 'One of the teams does not exist.' });
  }
  if (problems.length > 0) throw failed(problems);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A new one-time set-password token; only its hash is kept. */
export function newSetPasswordToken(): { token: string; hash: string; expiresAt: Date } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token), expiresAt: new Date(Date.now() + SET_PASSWORD_DAYS * 86_400_000) };
}

export const hashSetPasswordToken = sha256;

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

/**
 * Creates a user with an argon2id password hash, or invited (no password, a one-time token returned);
 * refuses bad details and a taken e-mail; records who did it in user_audit.
 */
export async function createUser(
  manager: EntityManager,
  input: NewUser,
  actor: ChangeActor = COMMAND_LINE,
): Promise<User & { setPasswordToken?: { token: string; expiresAt: Date } }> {
  const problems = userFieldProblems(input);
  if (problems.length > 0) throw failed(problems);
  const roles = [...new Set(input.roles)];
  const teamIds = [...new Set(input.teamIds ?? [])];
  await checkRolesAndTeams(manager, roles, teamIds);
  const email = input.email.trim().toLowerCase();
  const taken = () =>
    refusal('VALIDATION_FAILED', `A user with the e-mail ${email} already exists.`, {
      fields: [{ field: 'email', message: 'already taken' }],
    });
  if (await manager.getRepository(User).exists({ where: { email } })) throw taken();
  const invitation = input.password == null && input.invite !== false ? newSetPasswordToken() : null;
  const passwordHash = input.password == null ? null : await hashPassword(input.password);
  const user = await manager
    .getRepository(User)
    .save({
      email,
      name: input.name.trim(),
      passwordHash,
      roles,
      setPasswordTokenHash: invitation?.hash ?? null,
      setPasswordExpiresAt: invitation?.expiresAt ?? null,
    })
    .catch((error: { code?: string; constraint?: string }) => {
      // Two administrators adding the same e-mail at once: the unique index decides.
      if (error.code === '23505' && error.constraint === 'user_email_key') throw taken();
      throw error;
    });
  if (teamIds.length > 0)
    await manager.getRepository(UserTeam).insert(teamIds.map((teamId) => ({ userId: user.id, teamId })));
  await recordChange(manager, actor, { kind: 'user', id: user.id }, 'created', {
    email,
    name: user.name,
    roles,
    teamIds,
    invited: invitation !== null,
  });
  return invitation
    ? { ...user, setPasswordToken: { token: invitation.token, expiresAt: invitation.expiresAt } }
    : user;
}

/** What the guard needs of the signed-in user on every request: one primary-key read. */
export interface SessionCheck {
  email: string;
  name: string;
  roles: string[];
  disabled: boolean;
  session_version: number;
  /** The restricted workflows whose cases this user may not see (none for an administrator). */
  hidden_workflows: string[];
  /** Every restricted workflow: reads of their cases' personal data are logged, of others' not. */
  restricted_workflows: string[];
  /** The teams this user is a member of (their team queue). */
  team_ids: string[];
}

@Injectable()
export class UsersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(input: NewUser, actor?: ChangeActor) {
    return this.dataSource.transaction((manager) => createUser(manager, input, actor));
  }

  /** The user whose e-mail and password match (enabled or not: the caller says why it refuses), or null. */
  async authenticate(email: string, password: string): Promise<User | null> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
    // Verify against a dummy hash when there is no such user (or no password yet), so timing does not reveal which e-mails exist.
    const hash = user?.passwordHash ?? (await dummyHash);
    const matches = await argon2.verify(hash, password).catch(() => false);
    return user?.passwordHash && matches ? user : null;
  }

  /** The guard's per-request check: roles, state, session version, teams and workflow access, by primary key. */
  async sessionCheck(id: string): Promise<SessionCheck | null> {
    const [row] = await preparedQuery<SessionCheck>(
      this.dataSource.manager,
      'recordflow_session_check',
      `SELECT u.email, u.name, u.roles, u.disabled, u.session_version,
              CASE WHEN 'admin' = ANY(u.roles) THEN '{}'::text[] ELSE ARRAY(
                SELECT w.id FROM workflow w WHERE w.restricted AND NOT EXISTS (
                  SELECT 1 FROM workflow_team wt JOIN user_team ut ON ut.team_id = wt.team_id
                   WHERE wt.workflow_id = w.id AND ut.user_id = u.id)) END AS hidden_workflows,
              ARRAY(SELECT w.id FROM workflow w WHERE w.restricted) AS restricted_workflows,
              ARRAY(SELECT ut.team_id FROM user_team ut WHERE ut.user_id = u.id) AS team_ids
         FROM "user" u WHERE u.id = $1`,
      [id],
    );
    return row ?? null;
  }

  findById(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ id });
  }

  /** Users by id, for a page of rows at once. */
  findByIds(ids: readonly string[]): Promise<User[]> {
    return this.dataSource.getRepository(User).findBy({ id: In([...ids]) });
  }

  list(): Promise<User[]> {
    return this.dataSource.getRepository(User).find({ order: { email: 'ASC' } });
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(User).count();
  }
}

const dummyHash = argon2.hash('not a password anyone has', { type: argon2.argon2id });
