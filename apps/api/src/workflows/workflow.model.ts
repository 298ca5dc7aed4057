import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { UserModel } from '../users/user.model';

@ObjectType({ description: 'A problem found in a workflow definition: where, and what to do about it.' })
export class WorkflowProblem {
  @Field({ description: 'e.g. stages[3].transitions[0].to.stage' })
  path: string;

  @Field()
  code: string;

  @Field()
  message: string;
}

@ObjectType({ description: 'A published (immutable) or archived version of a workflow.' })
export class WorkflowVersionModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field({
    description: 'published (used for new cases) or archived (kept for the cases that started on it).',
  })
  status: string;

  @Field(() => GraphQLJSONObject)
  definition: Record<string, unknown>;

  @Field({ description: 'SHA-256 of the canonical definition.' })
  definitionHash: string;

  @Field({ nullable: true })
  publishedAt?: Date;

  @Field(() => UserModel, {
    nullable: true,
    description: 'Null for the built-in versions loaded at first start.',
  })
  publishedBy?: UserModel | null;
}

@ObjectType({ description: 'The draft an administrator is editing; publishing makes it the next version.' })
export class WorkflowDraftModel {
  @Field(() => Int, { description: 'Bumped by each save; a save naming an older revision is a conflict.' })
  revision: number;

  @Field(() => GraphQLJSONObject)
  definition: Record<string, unknown>;

  @Field()
  savedAt: Date;

  @Field(() => UserModel, { nullable: true })
  savedBy?: UserModel | null;

  @Field(() => [WorkflowProblem], { description: 'Errors: publishing is refused until there are none.' })
  errors: WorkflowProblem[];

  @Field(() => [WorkflowProblem])
  warnings: WorkflowProblem[];
}

@ObjectType('Workflow')
export class WorkflowModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'Its regime, one of the `regimes` query (e.g. foi).' })
  regime: string;

  @Field(() => WorkflowVersionModel, { nullable: true, description: 'The version new cases start on.' })
  published?: WorkflowVersionModel | null;

  @Field(() => WorkflowDraftModel, { nullable: true })
  draft?: WorkflowDraftModel | null;

  @Field(() => [WorkflowVersionModel], { description: 'Every published version, newest first.' })
  versions: WorkflowVersionModel[];
}
