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

@InputType()
export class CreateWorkflowInput {
  @Field(() => ID, {
    description: 'The new workflow\'s id: lower-case letters, digits and hyphens, e.g. "foi-schools".',
  })
  id: string;

  @Field({ description: 'Its name, e.g. "FOI for maintained schools".' })
  name: string;

  @Field({ description: 'Its regime, one of the `regimes` query.' })
  regime: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Copy this workflow, by its id (e.g. "foi"): its published version, or its draft when it has none; same regime only.',
  })
  copyFrom?: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'An imported definition (as exported, workflows/schema.json). It must be valid: every problem is listed and nothing is saved otherwise. Its id and name become the ones given here.',
  })
  definition?: Record<string, unknown> | null;
}
