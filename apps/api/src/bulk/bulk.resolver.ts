import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CaseAccess } from '../access/case-access.service';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import {
  BulkActionInput,
  type BulkActionKind,
  BulkJobItemPage,
  BulkJobModel,
  BulkPreview,
} from './bulk.model';
import { BulkService } from './bulk.service';
import type { BulkJob } from './bulk-job.entity';

const toModel = (job: BulkJob): BulkJobModel => ({
  id: job.id,
  action: job.kind as BulkActionKind,
  status: job.status,
  total: job.total,
  succeeded: job.succeeded,
  failed: job.failed,
  pending: job.total - job.succeeded - job.failed,
  createdAt: job.createdAt,
  finishedAt: job.finishedAt,
});

@Resolver(() => BulkJobModel)
export class BulkResolver {
  constructor(
    private readonly bulk: BulkService,
    private readonly access: CaseAccess,
  ) {}

  @Roles('officer')
  @Query(() => BulkPreview, {
    description:
      'What a bulk action would do to each case (allowed or not, and why), judged as the action itself will judge it; nothing changes. Role: officer.',
  })
  async previewBulkAction(
    @CurrentUser() actor: Actor,
    @Args('input') input: BulkActionInput,
  ): Promise<BulkPreview> {
    const items = await this.bulk.preview(actor, input);
    const allowed = items.filter((item) => item.allowed).length;
    return { total: items.length, allowed, refused: items.length - allowed, items };
  }

  @Roles('officer')
  @Mutation(() => BulkJobModel, {
    description:
      'Starts a bulk action (at most 10,000 cases): each case changes through the normal path with its own event; a case changed meanwhile is reported as VERSION_CONFLICT and left as it is. Poll bulkJob for progress. Role: officer.',
  })
  async startBulkAction(
    @CurrentUser() actor: Actor,
    @Args('input') input: BulkActionInput,
  ): Promise<BulkJobModel> {
    return toModel(await this.bulk.start(actor, input));
  }

  @Roles('officer', 'admin')
  @Query(() => BulkJobModel, { description: 'A bulk job and its progress. Roles: officer, admin.' })
  async bulkJob(@Args('id', { type: () => ID }) id: string): Promise<BulkJobModel> {
    return toModel(await this.bulk.job(id));
  }

  @Roles('officer', 'admin')
  @ResolveField(() => BulkJobItemPage, { description: "The job's cases and how each went, in order." })
  async items(
    @CurrentUser() actor: Actor,
    @Parent() job: BulkJobModel,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('status', { type: () => String, nullable: true, description: 'pending, done or failed' })
    status: string | null,
  ): Promise<BulkJobItemPage> {
    // Cases hidden from this person are left out of the page, as they are out of every list.
    const hidden = await this.access.hiddenWorkflows(actor);
    const items = await this.bulk.items(job.id, first, after ?? null, status ?? null, hidden);
    return { items, endCursor: items.length === first ? String(items.at(-1)?.position) : null };
  }
}
