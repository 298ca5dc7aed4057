import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { requestLoader } from '../common/loaders';
import { TeamModel } from '../people/people.model';
import { WorkflowModel } from '../workflows/workflow.model';
import { PersonalDataReadModel, SetWorkflowAccessInput, WorkflowAccessModel } from './access.model';
import { CaseAccess, type WorkflowAccess } from './case-access.service';

@Resolver()
export class AccessResolver {
  constructor(private readonly access: CaseAccess) {}

  @Roles('admin')
  @Mutation(() => WorkflowAccessModel, {
    description:
      "Restricts a workflow's cases to administrators and members of its teams (subject access requests to Data Protection, say), or opens them to every officer and auditor again. Subject access workflows start restricted to no team (administrators only) until an administrator names the teams here. Recorded in userAudit. Errors: NOT_FOUND, VALIDATION_FAILED. Role: admin.",
  })
  async setWorkflowAccess(
    @CurrentUser() actor: Actor,
    @Args('input') input: SetWorkflowAccessInput,
  ): Promise<WorkflowAccessModel> {
    return { workflowId: input.workflowId, ...(await this.access.setWorkflowAccess(actor, input)) };
  }

  @Roles('auditor', 'admin')
  @Query(() => [PersonalDataReadModel], {
    description:
      'Who read the personal data of restricted cases, newest first: of one case when caseId is given, else of every case you may see. Errors: NOT_FOUND (caseId). Roles: auditor, admin.',
  })
  personalDataReads(
    @CurrentUser() actor: Actor,
    @Args('caseId', { type: () => ID, nullable: true }) caseId: string | null,
    @Args('limit', { type: () => Int, defaultValue: 100 }) limit: number,
  ): Promise<PersonalDataReadModel[]> {
    return this.access.reads(actor, caseId, limit);
  }
}

/** A workflow's restriction, shown with the workflow. */
@Roles('admin', 'officer', 'auditor')
@Resolver(() => WorkflowModel)
export class WorkflowAccessResolver {
  constructor(private readonly access: CaseAccess) {}

  @ResolveField(() => Boolean, {
    description:
      'Its cases are seen only by administrators and members of accessTeams (by administrators alone while accessTeams is empty).',
  })
  async restricted(@Parent() workflow: WorkflowModel, @Context() context: object): Promise<boolean> {
    return (await this.load(workflow, context)).restricted;
  }

  @ResolveField(() => [TeamModel], { description: 'The teams that see its cases when it is restricted.' })
  async accessTeams(@Parent() workflow: WorkflowModel, @Context() context: object): Promise<TeamModel[]> {
    return (await this.load(workflow, context)).teams;
  }

  private load(workflow: WorkflowModel, context: object): Promise<WorkflowAccess> {
    const loader = requestLoader(context, 'workflow-access', async (ids) => {
      const byId = await this.access.accessOf(ids);
      return ids.map((id) => byId.get(id) ?? { restricted: false, teams: [] });
    });
    return loader.load(workflow.id);
  }
}
