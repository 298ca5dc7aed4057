import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { StateMapping } from '@recordflow/workflow';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import type { Case } from '../cases/case.entity';
import type { CaseEvent } from '../cases/case-event.entity';
import {
  AnonymisationResult,
  CorrectCaseInput,
  DisposalCase,
  DisposalResult,
  LifecycleResult,
  MigrateCasesInput,
  MigratedCase,
  MigrationPreviewCase,
  RetentionRuleInput,
  RetentionRuleModel,
  StateMappingInput,
} from './lifecycle.model';
import { LifecycleService } from './lifecycle.service';
import { RetentionService } from './retention.service';

const resultOf = ({ case: row, event }: { case: Case; event: CaseEvent }): LifecycleResult => ({
  caseId: row.id,
  reference: row.reference,
  status: row.status,
  version: row.version,
  sequence: event.sequence,
  dueOn: row.dueOn,
});

const mappingOf = (mapping: readonly StateMappingInput[] | null | undefined): StateMapping =>
  Object.fromEntries((mapping ?? []).map((m) => [m.from.trim(), m.to.trim()]));

/** Corrections, reopening, voiding, moving cases between versions, retention and anonymisation. */
@Resolver()
export class LifecycleResolver {
  constructor(
    private readonly lifecycle: LifecycleService,
    private readonly retention: RetentionService,
  ) {}

  @Roles('officer', 'admin')
  @Mutation(() => LifecycleResult, {
    description:
      'Corrects registration details (subject, received date, requester, channel) as a CASE_CORRECTED event; a new received date counts the deadlines again. Roles: officer, admin.',
  })
  async correctCase(
    @CurrentUser() user: Actor,
    @Args('input') input: CorrectCaseInput,
  ): Promise<LifecycleResult> {
    return resultOf(await this.lifecycle.correct(user, input));
  }

  @Roles('officer', 'admin')
  @Mutation(() => LifecycleResult, {
    description:
      'Reopens a closed case where it stood before it closed (CASE_REOPENED, with the reason). Roles: officer, admin.',
  })
  async reopenCase(
    @CurrentUser() user: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('reason') reason: string,
  ): Promise<LifecycleResult> {
    return resultOf(await this.lifecycle.reopen(user, caseId, reason));
  }

  @Roles('admin')
  @Mutation(() => LifecycleResult, {
    description:
      'Voids a case registered in error (CASE_VOIDED): it leaves the lists and statistics, its history stays. Role: admin.',
  })
  async voidCase(
    @CurrentUser() user: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('reason') reason: string,
  ): Promise<LifecycleResult> {
    return resultOf(await this.lifecycle.void(user, caseId, reason));
  }

  @Roles('admin')
  @Query(() => [MigrationPreviewCase], {
    description:
      'The running cases of a version (or those listed) and where each would land on another version of the same workflow, or why it cannot move. Role: admin.',
  })
  async migrationPreview(
    @Args('fromVersionId', { type: () => ID }) fromVersionId: string,
    @Args('toVersionId', { type: () => ID }) toVersionId: string,
    @Args('mapping', { type: () => [StateMappingInput], nullable: true }) mapping: StateMappingInput[] | null,
    @Args('caseIds', { type: () => [ID], nullable: true }) caseIds: string[] | null,
  ): Promise<MigrationPreviewCase[]> {
    const rows = await this.lifecycle.previewMigration(
      fromVersionId,
      toVersionId,
      mappingOf(mapping),
      caseIds,
    );
    return rows.map((r) => ({ ...r, movable: r.problems.length === 0 }));
  }

  @Roles('admin')
  @Mutation(() => [MigratedCase], {
    description:
      'Moves running cases to another version of their workflow, each by a CASE_MIGRATED event; a case that cannot move is left as it was, with the reasons. Role: admin.',
  })
  migrateCases(@CurrentUser() user: Actor, @Args('input') input: MigrateCasesInput): Promise<MigratedCase[]> {
    return this.lifecycle.migrate(user, { ...input, mapping: mappingOf(input.mapping) });
  }

  @Roles('admin')
  @Query(() => [RetentionRuleModel], {
    description: 'How long closed cases keep personal data. Role: admin.',
  })
  retentionRules(): Promise<RetentionRuleModel[]> {
    return this.retention.rules();
  }

  @Roles('admin')
  @Mutation(() => RetentionRuleModel, {
    description: 'Sets the retention period for a regime and outcome (none: any outcome). Role: admin.',
  })
  saveRetentionRule(
    @CurrentUser() user: Actor,
    @Args('input') input: RetentionRuleInput,
  ): Promise<RetentionRuleModel> {
    return this.retention.saveRule(user, input);
  }

  @Roles('admin')
  @Mutation(() => Boolean, { description: 'Removes a retention rule. Role: admin.' })
  deleteRetentionRule(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.retention.deleteRule(id);
  }

  @Roles('admin')
  @Query(() => [DisposalCase], {
    description: 'Closed cases past their retention period whose personal data is still held. Role: admin.',
  })
  disposalQueue(): Promise<DisposalCase[]> {
    return this.retention.queue();
  }

  @Roles('admin')
  @Mutation(() => [DisposalResult], {
    description: 'Anonymises the approved cases from the disposal queue, each under its rule. Role: admin.',
  })
  approveDisposal(
    @CurrentUser() user: Actor,
    @Args('caseIds', { type: () => [ID] }) caseIds: string[],
  ): Promise<DisposalResult[]> {
    return this.retention.approveDisposal(user, caseIds);
  }

  @Roles('admin')
  @Mutation(() => AnonymisationResult, {
    description:
      "Erases the requester's personal data from a closed or voided case (details, request text, free text in the history, notes' and tasks' texts, mail and notices, document bytes); the history still verifies and records the erasure. Refused while the case has an open task. Role: admin.",
  })
  async anonymiseCase(
    @CurrentUser() user: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('reason') reason: string,
  ): Promise<AnonymisationResult> {
    return { caseId, ...(await this.retention.anonymise(user, caseId, reason)) };
  }
}
