import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { UserModel } from '../users/user.model';

@ObjectType('Team', { description: 'A group of people sharing a queue of cases.' })
export class TeamModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType('RoleDefinition', {
  description: 'A role users can hold: built in (admin, officer, auditor) or defined by an administrator.',
})
export class RoleModel {
  @Field()
  name: string;

  @Field()
  description: string;

  @Field()
  builtIn: boolean;
}

@ObjectType('UserAuditEntry', { description: 'One change to a user, team or role: who, when, what.' })
export class UserAuditEntryModel {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field(() => UserModel, { nullable: true, description: 'The administrator; null for the command line.' })
  actor: UserModel | null;

  @Field()
  actorLabel: string;

  @Field({ description: 'user, team or role' })
  targetKind: string;

  @Field({ description: "The user's or team's id, or the role's name." })
  targetId: string;

  @Field({
    description:
      'created, updated, password-reset, sessions-ended or password-set (a set-password link was used).',
  })
  action: string;

  @Field(() => GraphQLJSONObject, { description: 'The values set (and, for updates, what they were).' })
  change: Record<string, unknown>;
}

@ObjectType('SignInEvent', { description: 'A sign-in, failed sign-in, throttled attempt or ended session.' })
export class SignInEventModel {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field()
  email: string;

  @Field(() => ID, { nullable: true })
  userId: string | null;

  @Field(() => String, { nullable: true })
  clientIp: string | null;

  @Field({
    description:
      'signed-in, failed, throttled, refused-disabled, refused-unknown, refused-unverified, refused-password-off, sessions-ended or password-set.',
  })
  outcome: string;

  @Field({ description: 'password, or oidc for single sign-on through the OpenID Connect provider.' })
  method: string;

  @Field(() => ID, { nullable: true, description: 'Who ended the sessions (sessions-ended).' })
  actorId: string | null;
}

@InputType()
export class CreateUserInput {
  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => [String], { description: 'Role names (see the roles query).' })
  roles: string[];

  @Field(() => String, {
    nullable: true,
    description: 'At least 8 characters; omit to invite (the answer carries a one-time set-password token).',
  })
  password?: string | null;

  @Field(() => [ID], { nullable: true })
  teamIds?: string[] | null;
}

@InputType({ description: 'Omit a field to leave it as it is.' })
export class UpdateUserInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Replaces the roles; takes effect at their next request.',
  })
  roles?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the teams.' })
  teamIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true disables (they cannot sign in; their sessions end); false enables again.',
  })
  disabled?: boolean | null;
}

@InputType()
export class ResetUserPasswordInput {
  @Field(() => ID)
  userId: string;

  @Field(() => String, {
    nullable: true,
    description: 'The new password; omit to clear it and get a one-time set-password token instead.',
  })
  password?: string | null;
}

@InputType()
export class CreateTeamInput {
  @Field()
  name: string;
}

@InputType()
export class CreateRoleInput {
  @Field({ description: 'Lower-case letters, digits and hyphens, such as "approver" or "press-office".' })
  name: string;

  @Field({ defaultValue: '' })
  description: string;
}

export const AUDIT_LIMIT = { default: 100, max: 500 };
export const LimitType = () => Int;
