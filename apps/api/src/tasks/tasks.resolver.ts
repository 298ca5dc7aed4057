import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { CaseModel } from '../cases/case.model';
import { requestLoader } from '../common/loaders';
import { UserModel } from '../users/user.model';
import {
  AnswerTaskInput,
  CancelTaskInput,
  ChaseTaskInput,
  RaiseTaskInput,
  TASK_LIST,
  TaskModel,
  TasksFilter,
} from './tasks.model';
import { MAX_WORKING_DAYS, TasksService } from './tasks.service';

@Resolver()
export class TasksResolver {
  constructor(private readonly service: TasksService) {}

  @Roles('officer', 'admin', 'contributor')
  @Query(() => [TaskModel], {
    description:
      'Tasks to service areas, soonest due first (open ones unless the filter says otherwise). A contributor gets only the tasks given to them or their teams. Errors: BAD_USER_INPUT (first), NOT_FOUND (a malformed id, or a caseId no case has or that you may not see). Roles: officer, admin, contributor.',
  })
  tasks(
    @CurrentUser() actor: Actor,
    @Args('filter', { type: () => TasksFilter, nullable: true }) filter: TasksFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: TASK_LIST.default }) first: number,
  ): Promise<TaskModel[]> {
    return this.service.list(actor, filter ?? {}, first);
  }

  @Roles('officer', 'admin', 'contributor')
  @Query(() => TaskModel, {
    description:
      'One task. A contributor gets NOT_FOUND for a task not given to them or their teams. Roles: officer, admin, contributor.',
  })
  task(@CurrentUser() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<TaskModel> {
    return this.service.get(actor, id);
  }

  @Roles('officer', 'admin')
  @Query(() => [UserModel], {
    description:
      'People a task may be given to: enabled officers and contributors, members of the team when teamId is given. Roles: officer, admin.',
  })
  taskAssignees(@Args('teamId', { type: () => ID, nullable: true }) teamId?: string): Promise<UserModel[]> {
    return this.service.assignees(teamId);
  }

  @Roles('officer')
  @Mutation(() => TaskModel, {
    description: `Asks a team and/or a person a question about an open case, due in 1 to ${MAX_WORKING_DAYS} working days (the authority's nation and holidays); recorded as TASK_RAISED. Errors: NOT_FOUND (case, team, user), VALIDATION_FAILED, EVENT_NOT_ALLOWED (a closed case). Role: officer.`,
  })
  raiseTask(@CurrentUser() actor: Actor, @Args('input') input: RaiseTaskInput): Promise<TaskModel> {
    return this.service.raise(actor, input);
  }

  @Roles('officer')
  @Mutation(() => TaskModel, {
    description:
      'Chases an open task; recorded as TASK_CHASED. Errors: NOT_FOUND, EVENT_NOT_ALLOWED (answered or cancelled). Role: officer.',
  })
  chaseTask(@CurrentUser() actor: Actor, @Args('input') input: ChaseTaskInput): Promise<TaskModel> {
    return this.service.chase(actor, input);
  }

  @Roles('officer', 'contributor')
  @Mutation(() => TaskModel, {
    description:
      "Answers an open task, with the files uploaded to it; the answer lands on the case (TASK_ANSWERED). A contributor answers only their own or their team's tasks. Errors: NOT_FOUND, VALIDATION_FAILED, EVENT_NOT_ALLOWED (answered or cancelled). Roles: officer, contributor.",
  })
  answerTask(@CurrentUser() actor: Actor, @Args('input') input: AnswerTaskInput): Promise<TaskModel> {
    return this.service.answer(actor, input);
  }

  @Roles('officer')
  @Mutation(() => TaskModel, {
    description:
      'Cancels an open task, with the reason; recorded as TASK_CANCELLED. Errors: NOT_FOUND, VALIDATION_FAILED, EVENT_NOT_ALLOWED. Role: officer.',
  })
  cancelTask(@CurrentUser() actor: Actor, @Args('input') input: CancelTaskInput): Promise<TaskModel> {
    return this.service.cancel(actor, input);
  }
}

@Roles('officer', 'admin')
@Resolver(() => CaseModel)
export class CaseTasksResolver {
  constructor(private readonly service: TasksService) {}

  @ResolveField(() => [TaskModel], {
    description: 'The tasks raised on the case, oldest first, with their answers. Roles: officer, admin.',
  })
  async tasks(@Parent() model: CaseModel, @Context() context: object): Promise<TaskModel[]> {
    const loader = requestLoader(context, 'case-tasks', async (ids) => {
      const byCase = await this.service.ofCases(ids);
      return ids.map((id) => byCase.get(id) ?? []);
    });
    return loader.load(model.id);
  }
}
