import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CaseAccess } from '../access/case-access.service';
import { toUserModel } from '../auth/auth.resolver';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { CaseModel } from '../cases/case.model';
import { inKeyOrder, requestLoader } from '../common/loaders';
import { UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import {
  CaseLinkKind,
  CaseLinkModel,
  LINK_LABELS,
  LinkCasesInput,
  LinkSuggestion,
  UnlinkCasesInput,
} from './link.model';
import { type LinkRow, LinksService } from './links.service';

const toModel = (row: LinkRow): CaseLinkModel & { createdById: string } => ({
  id: row.id,
  kind: row.kind as CaseLinkKind,
  outgoing: row.outgoing,
  label: LINK_LABELS[row.kind][row.outgoing ? 'outgoing' : 'incoming'],
  other: row.other,
  createdAt: row.createdAt,
  removedAt: row.removedAt,
  createdById: row.createdBy,
});

@Resolver(() => CaseModel)
export class CaseLinksResolver {
  constructor(
    private readonly linksService: LinksService,
    private readonly access: CaseAccess,
  ) {}

  @Roles('officer')
  @Mutation(() => CaseLinkModel, {
    description:
      "Links two cases with a kind; both cases' histories record it (CASE_LINKED). Errors: NOT_FOUND, VALIDATION_FAILED (the same case, already linked so, aggregation outside 60 working days or across regimes). Role: officer.",
  })
  async linkCases(@CurrentUser() actor: Actor, @Args('input') input: LinkCasesInput): Promise<CaseLinkModel> {
    return toModel(await this.linksService.link(actor, input));
  }

  @Roles('officer')
  @Mutation(() => CaseLinkModel, {
    description:
      "Removes a link (kept, marked removed); both cases' histories record it (CASE_UNLINKED). Role: officer.",
  })
  async unlinkCases(
    @CurrentUser() actor: Actor,
    @Args('input') input: UnlinkCasesInput,
  ): Promise<CaseLinkModel> {
    await this.access.checkLink(actor, input.linkId);
    return toModel(await this.linksService.unlink(actor, input.linkId));
  }

  @Roles('officer', 'auditor', 'admin')
  @ResolveField(() => [CaseLinkModel], {
    description: 'The live links of the case, both ways, oldest first.',
  })
  async links(
    @CurrentUser() actor: Actor,
    @Parent() model: CaseModel,
    @Context() context: object,
  ): Promise<CaseLinkModel[]> {
    const loader = requestLoader(context, 'case-links', async (ids) => {
      // A link to a case hidden from this person is left out, as that case is.
      const byCase = await this.linksService.linksOf(ids, await this.access.hiddenWorkflows(actor));
      return ids.map((id) => (byCase.get(id) ?? []).map(toModel));
    });
    return loader.load(model.id);
  }

  @Roles('officer', 'admin')
  @ResolveField(() => [LinkSuggestion], {
    description:
      'Cases that may belong with this one (same requester, or similar subject and request text), for the officer to link or ignore; nothing is linked by this. Roles: officer, admin (it compares the requester).',
  })
  async linkSuggestions(@CurrentUser() actor: Actor, @Parent() model: CaseModel): Promise<LinkSuggestion[]> {
    const hidden = await this.access.hiddenWorkflows(actor);
    return (await this.linksService.suggestions(model.id, hidden)).map((s) => ({
      ...s,
      suggestedKind: s.suggestedKind as CaseLinkKind,
    }));
  }
}

@Resolver(() => CaseLinkModel)
export class CaseLinkFieldsResolver {
  constructor(private readonly users: UsersService) {}

  @Roles('officer', 'auditor', 'admin')
  @ResolveField(() => UserModel, { name: 'createdBy', nullable: true })
  async createdBy(@Parent() link: CaseLinkModel & { createdById: string }, @Context() context: object) {
    const users = requestLoader(context, 'users', async (ids) =>
      inKeyOrder(
        ids,
        await this.users.findByIds(ids),
        (u) => u.id,
        ([user]) => user ?? null,
      ),
    );
    const user = await users.load(link.createdById);
    return user ? toUserModel(user) : null;
  }
}
