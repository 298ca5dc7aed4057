import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { toUserModel } from '../auth/auth.resolver';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { inKeyOrder, requestLoader } from '../common/loaders';
import {
  CreateWorkflowInput,
  PublishWorkflowInput,
  SaveWorkflowDraftInput,
} from './dto/save-workflow-draft.input';
import type { Workflow } from './workflow.entity';
import { WorkflowDraftModel, WorkflowModel, WorkflowVersionModel } from './workflow.model';
import type { WorkflowVersion } from './workflow-version.entity';
import { WorkflowsService } from './workflows.service';

function toVersionModel(row: WorkflowVersion): WorkflowVersionModel {
  return {
    id: row.id,
    version: row.version ?? 0,
    status: row.status,
    definition: row.definition as Record<string, unknown>,
    definitionHash: row.definitionHash,
    publishedAt: row.publishedAt ?? undefined,
    publishedBy: row.publishedByUser ? toUserModel(row.publishedByUser) : null,
  };
}

@Roles('admin', 'officer', 'auditor')
@Resolver(() => WorkflowModel)
export class WorkflowsResolver {
  constructor(private readonly workflowsService: WorkflowsService) {}

  @Roles('admin', 'officer', 'auditor')
  @Query(() => [WorkflowModel], { description: 'Every workflow. Roles: admin, officer, auditor.' })
  workflows(): Promise<Workflow[]> {
    return this.workflowsService.list();
  }

  @Roles('admin', 'officer', 'auditor')
  @Query(() => WorkflowModel, {
    description: 'One workflow by id (e.g. "foi"). Roles: admin, officer, auditor.',
  })
  workflow(@Args('id', { type: () => ID }) id: string): Promise<Workflow> {
    return this.workflowsService.get(id);
  }

  @ResolveField(() => WorkflowVersionModel, { nullable: true })
  async published(
    @Parent() workflow: Workflow,
    @Context() context: object,
  ): Promise<WorkflowVersionModel | null> {
    const [latest] = await this.versionsLoader(context).load(workflow.id);
    return latest?.status === 'published' ? toVersionModel(latest) : null;
  }

  @ResolveField(() => [WorkflowVersionModel])
  async versions(@Parent() workflow: Workflow, @Context() context: object): Promise<WorkflowVersionModel[]> {
    return (await this.versionsLoader(context).load(workflow.id)).map(toVersionModel);
  }

  @ResolveField(() => WorkflowDraftModel, { nullable: true })
  async draft(@Parent() workflow: Workflow, @Context() context: object): Promise<WorkflowDraftModel | null> {
    const drafts = requestLoader(context, 'workflowDrafts', async (ids) =>
      inKeyOrder(
        ids,
        await this.workflowsService.draftsOf(ids),
        (v) => v.workflowId,
        ([row]) => row ?? null,
      ),
    );
    const row = await drafts.load(workflow.id);
    return row ? await this.toDraftModel(row) : null;
  }

  /** Each workflow's published and archived versions, newest first: one query for a list of workflows. */
  private versionsLoader(context: object) {
    return requestLoader(context, 'workflowVersions', async (ids) =>
      inKeyOrder(
        ids,
        await this.workflowsService.versionsOf(ids),
        (v) => v.workflowId,
        (rows) => rows,
      ),
    );
  }

  @Roles('admin')
  @Mutation(() => WorkflowDraftModel, {
    description:
      'Saves a draft (creating the workflow when its id is new). Refused when the definition is not a workflow at all, or when someone saved since baseRevision (VERSION_CONFLICT). Role: admin.',
  })
  async saveWorkflowDraft(
    @CurrentUser() actor: Actor,
    @Args('input') input: SaveWorkflowDraftInput,
  ): Promise<WorkflowDraftModel> {
    const saved = await this.workflowsService.saveDraft(actor, input);
    return this.toDraftModel({ ...saved, savedByUser: undefined }, actor);
  }

  @Roles('admin')
  @Mutation(() => WorkflowModel, {
    description:
      'Creates a workflow with a first draft: blank (received and closed, to build on), a copy of another workflow (copyFrom), or an imported definition (definition; refused with every problem listed when it is not valid, and nothing is saved). Refused when the id is taken. Role: admin.',
  })
  createWorkflow(@CurrentUser() actor: Actor, @Args('input') input: CreateWorkflowInput): Promise<Workflow> {
    return this.workflowsService.create(actor, input);
  }

  @Roles('admin')
  @Mutation(() => WorkflowVersionModel, {
    description:
      'Publishes the draft as the next immutable version; new cases start on it, running cases keep theirs. Refused while the draft has errors (VALIDATION_FAILED). Role: admin.',
  })
  async publishWorkflow(
    @CurrentUser() actor: Actor,
    @Args('input') input: PublishWorkflowInput,
  ): Promise<WorkflowVersionModel> {
    const version = await this.workflowsService.publish(actor, input);
    return { ...toVersionModel(version), publishedBy: toUserModel(actor) };
  }

  private async toDraftModel(row: WorkflowVersion, savedBy?: Actor): Promise<WorkflowDraftModel> {
    const { errors, warnings } = await this.workflowsService.problems(row.definition);
    const user = savedBy ?? row.savedByUser;
    return {
      revision: row.revision,
      definition: row.definition as Record<string, unknown>,
      savedAt: row.savedAt,
      savedBy: user ? toUserModel(user) : null,
      errors,
      warnings,
    };
  }
}
