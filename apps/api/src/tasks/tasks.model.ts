import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { TeamModel } from '../people/people.model';
import { UserModel } from '../users/user.model';

export enum TaskStatusFilter {
  OPEN = 'open',
  ANSWERED = 'answered',
  CANCELLED = 'cancelled',
  ALL = 'all',
}
registerEnumType(TaskStatusFilter, { name: 'TaskStatusFilter' });

@ObjectType('TaskCase', {
  description:
    "What a task needs of its case: reference, subject and the request text with the requester's name, e-mail and address taken out. Never the requester.",
})
export class TaskCaseModel {
  @Field(() => ID)
  id: string;

  @Field()
  reference: string;

  @Field()
  subject: string;

  @Field()
  regime: string;

  @Field(() => GraphQLLocalDate)
  receivedOn: string;

  @Field({
    description: 'The request as written, each mention of the requester replaced by "[the requester]".',
  })
  requestText: string;
}

@ObjectType('TaskActivity', { description: 'One thing that happened to a task.' })
export class TaskActivityModel {
  @Field()
  at: Date;

  @Field({ description: 'raised, chased, reminded, overdue, file-added, answered or cancelled.' })
  kind: string;

  @Field({ description: 'Who did it ("system" for the reminder and overdue marks).' })
  actorName: string;

  @Field(() => String, { nullable: true, description: "A chaser's words." })
  message: string | null;
}

@ObjectType('TaskFile', { description: 'A file given with the answer: a document of the case.' })
export class TaskFileModel {
  @Field(() => ID, { description: 'The document version (attachment) id.' })
  id: string;

  @Field()
  filename: string;

  @Field(() => Int)
  size: number;

  @Field()
  sha256: string;
}

@ObjectType('Task', {
  description:
    'A question to a service area (a team, a person or both) about a case, with an internal deadline in working days.',
})
export class TaskModel {
  @Field(() => ID)
  id: string;

  @Field()
  question: string;

  @Field({ description: 'open, answered or cancelled.' })
  status: string;

  @Field(() => Int)
  workingDays: number;

  @Field(() => GraphQLLocalDate)
  raisedOn: string;

  @Field(() => GraphQLLocalDate, {
    description: 'The internal deadline, counted on the authority’s working days.',
  })
  dueOn: string;

  @Field(() => GraphQLLocalDate, { description: 'When the reminder is marked.' })
  remindOn: string;

  @Field(() => Date, { nullable: true, description: 'When the reminder was marked.' })
  remindedAt: Date | null;

  @Field({ description: 'Open and marked overdue (the day after its deadline passed).' })
  overdue: boolean;

  @Field(() => Date, { nullable: true })
  overdueAt: Date | null;

  @Field(() => TeamModel, { nullable: true })
  team: TeamModel | null;

  @Field(() => UserModel, { nullable: true })
  assignee: UserModel | null;

  @Field(() => UserModel, { description: 'The officer who asked.' })
  raisedBy: UserModel;

  @Field()
  raisedAt: Date;

  @Field(() => String, { nullable: true })
  answer: string | null;

  @Field(() => UserModel, { nullable: true, description: 'Who answered or cancelled it.' })
  closedBy: UserModel | null;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => String, { nullable: true })
  cancelReason: string | null;

  @Field(() => Int, { description: 'How many chasers were sent.' })
  chasers: number;

  @Field(() => TaskCaseModel)
  case: TaskCaseModel;

  @Field(() => [TaskFileModel])
  files: TaskFileModel[];

  @Field(() => [TaskActivityModel])
  activity: TaskActivityModel[];
}

@InputType()
export class TasksFilter {
  @Field(() => TaskStatusFilter, { nullable: true, defaultValue: TaskStatusFilter.OPEN })
  status?: TaskStatusFilter;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only tasks given to you or to a team of yours (always so for contributors).',
  })
  mine?: boolean | null;

  @Field(() => ID, { nullable: true })
  caseId?: string | null;

  @Field(() => ID, { nullable: true })
  teamId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only tasks marked overdue.' })
  overdue?: boolean | null;
}

@InputType()
export class RaiseTaskInput {
  @Field(() => ID)
  caseId: string;

  @Field({ description: 'What the service area is asked.' })
  question: string;

  @Field(() => ID, { nullable: true, description: 'The team whose task queue holds it.' })
  teamId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The person asked (an officer or contributor; a member of the team when teamId is given).',
  })
  assigneeId?: string | null;

  @Field(() => Int, { description: 'The internal deadline: 1 to 60 working days from today.' })
  workingDays: number;
}

@InputType()
export class ChaseTaskInput {
  @Field(() => ID)
  taskId: string;

  @Field(() => String, { nullable: true, description: 'A few words to go with the chaser.' })
  message?: string | null;
}

@InputType()
export class AnswerTaskInput {
  @Field(() => ID)
  taskId: string;

  @Field({ description: "The service area's answer (files are uploaded first to /api/tasks/{id}/files)." })
  answer: string;
}

@InputType()
export class CancelTaskInput {
  @Field(() => ID)
  taskId: string;

  @Field()
  reason: string;
}

export const TASK_LIST = { default: 50, max: 200 };
