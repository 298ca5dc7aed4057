import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import argon2 from 'argon2';
import { DataSource, type EntityManager, In } from 'typeorm';
import { type FieldProblem, refusal } from '../common/errors';
import { ROLES, type Role, User } from './user.entity';

export interface NewUser {
  email: string;
  name: string;
  password: string;
  roles: Role[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks a new user's details, naming the field of each problem. */
function userFieldProblems(input: NewUser): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (!EMAIL.test(input.email)) add('email', `"${input.email}" is not an e-mail address.`);
  if (input.name.trim() === '') add('name', 'The name is empty.');
  if (input.password.length < 8) add('password', 'The password must have at least 8 characters.');
  if (input.roles.length === 0) add('roles', `Give at least one role: ${ROLES.join(', ')}.`);
  const unknown = input.roles.filter((role) => !ROLES.includes(role));
  if (unknown.length > 0)
    add('roles', `Unknown role ${unknown.join(', ')}: the roles are ${ROLES.join(', ')}.`);
  return problems;
}

/** Checks a new user's details; every problem as a sentence. */
export const userProblems = (input: NewUser): string[] => userFieldProblems(input).map((p) => p.message);

/** Creates a user with an argon2id password hash; refuses bad details and a taken e-mail. */
export async function createUser(manager: EntityManager, input: NewUser): Promise<User> {
  const problems = userFieldProblems(input);
  if (problems.length > 0) {
    throw refusal('VALIDATION_FAILED', problems.map((p) => p.message).join(' '), { fields: problems });
  }
  const email = input.email.trim().toLowerCase();
  const taken = await manager.getRepository(User).exists({ where: { email } });
  if (taken) {
    throw refusal('VALIDATION_FAILED', `A user with the e-mail ${email} already exists.`, {
      fields: [{ field: 'email', message: 'already taken' }],
    });
  }
  const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
  return manager
    .getRepository(User)
    .save({ email, name: input.name.trim(), passwordHash, roles: input.roles });
}

@Injectable()
export class UsersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(input: NewUser): Promise<User> {
    return createUser(this.dataSource.manager, input);
  }

  /** The user whose e-mail and password match, or null; the same time is spent either way. */
  async authenticate(email: string, password: string): Promise<User | null> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
    // Verify against a dummy hash when there is no such user, so timing does not reveal which e-mails exist.
    const hash = user?.passwordHash ?? (await dummyHash);
    const matches = await argon2.verify(hash, password).catch(() => false);
    return user && matches && !user.disabled ? user : null;
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
