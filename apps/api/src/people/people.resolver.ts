import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { toUserModel } from '../auth/auth.resolver';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { requestLoader } from '../common/loaders';
import { UserModel } from '../users/user.model';
import {
  CreateRoleInput,
  CreateTeamInput,
  CreateUserInput,
  ResetUserPasswordInput,
  RoleModel,
  SignInEventModel,
  TeamModel,
  UpdateUserInput,
  UserAuditEntryModel,
} from './people.model';
import { PeopleService, type UserRow } from './people.service';

const toModel = (row: UserRow): UserModel => ({ ...toUserModel(row), invitation: row.invitation ?? null });

@Resolver()
export class PeopleResolver {
  constructor(private readonly people: PeopleService) {}

  @Roles('admin')
  @Query(() => [UserModel], {
    description: 'Every user, disabled ones too (history names them). Role: admin.',
  })
  async users(): Promise<UserModel[]> {
    return (await this.people.users()).map(toModel);
  }

  @Roles('officer', 'admin')
  @Query(() => [UserModel], {
    description:
      'People who may take a case: enabled officers, members of the team when teamId is given. Roles: officer, admin.',
  })
  async assignees(@Args('teamId', { type: () => ID, nullable: true }) teamId?: string): Promise<UserModel[]> {
    return (await this.people.assignees(teamId)).map(toModel);
  }

  @Roles('admin')
  @Mutation(() => UserModel, {
    description:
      'Adds a user with a password, or invites them (no password: the answer carries a one-time set-password token). Errors: VALIDATION_FAILED (with fields). Role: admin.',
  })
  async createUser(@CurrentUser() actor: Actor, @Args('input') input: CreateUserInput): Promise<UserModel> {
    return toModel(await this.people.createUser(actor, input));
  }

  @Roles('admin')
  @Mutation(() => UserModel, {
    description:
      "Changes a user's name, roles, teams, or disables / enables them (never deletes). Takes effect at their next request. Errors: NOT_FOUND, VALIDATION_FAILED. Role: admin.",
  })
  async updateUser(@CurrentUser() actor: Actor, @Args('input') input: UpdateUserInput): Promise<UserModel> {
    return toModel(await this.people.updateUser(actor, input));
  }

  @Roles('admin')
  @Mutation(() => UserModel, {
    description:
      "Sets a user's password, or clears it and returns a one-time set-password token; their sessions end. Role: admin.",
  })
  async resetUserPassword(
    @CurrentUser() actor: Actor,
    @Args('input') input: ResetUserPasswordInput,
  ): Promise<UserModel> {
    return toModel(await this.people.resetPassword(actor, input));
  }

  @Roles('admin')
  @Mutation(() => UserModel, {
    description:
      'Ends every session of the user: their tokens are refused at their next request. Role: admin.',
  })
  async endUserSessions(
    @CurrentUser() actor: Actor,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<UserModel> {
    return toModel(await this.people.endSessions(actor, userId));
  }

  @Roles('admin', 'officer', 'auditor')
  @Query(() => [TeamModel], { description: 'Every team. Roles: admin, officer, auditor.' })
  teams(): Promise<TeamModel[]> {
    return this.people.teams();
  }

  @Roles('admin')
  @Mutation(() => TeamModel, { description: 'Adds a team. Errors: VALIDATION_FAILED. Role: admin.' })
  createTeam(@CurrentUser() actor: Actor, @Args('input') input: CreateTeamInput): Promise<TeamModel> {
    return this.people.createTeam(actor, input.name);
  }

  @Roles('admin', 'officer', 'auditor')
  @Query(() => [RoleModel], {
    description:
      'Built-in and administrator-defined roles (workflow transitions may name any of them). Roles: admin, officer, auditor.',
  })
  roles(): Promise<RoleModel[]> {
    return this.people.roles();
  }

  @Roles('admin')
  @Mutation(() => RoleModel, {
    description:
      'Defines a workflow role (approver, legal, press-office). Errors: VALIDATION_FAILED. Role: admin.',
  })
  createRole(@CurrentUser() actor: Actor, @Args('input') input: CreateRoleInput): Promise<RoleModel> {
    return this.people.createRole(actor, input);
  }

  @Roles('admin', 'auditor')
  @Query(() => [UserAuditEntryModel], {
    description:
      'Changes to users, teams and roles, newest first; of one target when targetId is given. Roles: admin, auditor.',
  })
  async userAudit(
    @Context() context: object,
    @Args('targetId', { type: () => String, nullable: true }) targetId?: string,
    @Args('limit', { type: () => Int, defaultValue: 100 }) limit = 100,
  ): Promise<UserAuditEntryModel[]> {
    const rows = await this.people.audit(targetId, limit);
    const users = requestLoader(context, 'audit-actors', async (ids) => {
      const found = await this.people.findUsers(ids);
      return ids.map((id) => found.find((u) => u.id === id) ?? null);
    });
    return Promise.all(
      rows.map(async (row) => {
        const user = row.actorId ? await users.load(row.actorId) : null;
        return { ...row, actor: user ? toUserModel(user) : null };
      }),
    );
  }

  @Roles('admin', 'auditor')
  @Query(() => [SignInEventModel], {
    description:
      'Sign-ins, failures, throttled attempts and ended sessions, newest first. Roles: admin, auditor.',
  })
  signInEvents(
    @Args('userId', { type: () => ID, nullable: true }) userId?: string,
    @Args('limit', { type: () => Int, defaultValue: 100 }) limit = 100,
  ): Promise<SignInEventModel[]> {
    return this.people.signInEvents(userId, limit);
  }
}

@Roles('admin', 'officer', 'auditor')
@Resolver(() => UserModel)
export class UserTeamsResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => [TeamModel])
  async teams(@Parent() user: UserModel, @Context() context: object): Promise<TeamModel[]> {
    const teams = requestLoader(context, 'user-teams', async (ids) => {
      const byUser = await this.people.teamsOfUsers(ids);
      return ids.map((id) => byUser.get(id) ?? []);
    });
    return teams.load(user.id);
  }
}

@Roles('admin', 'officer', 'auditor')
@Resolver(() => TeamModel)
export class TeamMembersResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => [UserModel])
  async members(@Parent() team: TeamModel, @Context() context: object): Promise<UserModel[]> {
    const members = requestLoader(context, 'team-members', async (ids) => {
      const byTeam = await this.people.membersOfTeams(ids);
      return ids.map((id) => byTeam.get(id) ?? []);
    });
    return (await members.load(team.id)).map(toModel);
  }
}
