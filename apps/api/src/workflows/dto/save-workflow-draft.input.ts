import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@InputType()
export class SaveWorkflowDraftInput {
  @Field(() => ID, { description: "The workflow's id; a new id creates a new workflow." })
  workflowId: string;

  @Field(() => GraphQLJSONObject, { description: 'The whole definition, as in workflows/schema.json.' })
  definition: Record<string, unknown>;

  @Field(() => Int, {
    nullable: true,
    description: 'The draft revision this edit started from; omit only when there is no draft yet.',
  })
  baseRevision?: number | null;
}

@InputType()
export class PublishWorkflowInput {
  @Field(() => ID)
  workflowId: string;

  @Field(() => Int, {
    description: 'The draft revision being published, so an unseen save is not published.',
  })
  revision: number;
}
