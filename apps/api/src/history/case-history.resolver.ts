import { Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Roles } from '../auth/roles.decorator';
import { CaseEventModel, CaseModel } from '../cases/case.model';
import { toEventModel } from '../cases/event-model';
import { inKeyOrder, requestLoader } from '../common/loaders';
import { AuditService } from './audit.service';

/** A case's history as a field of the case: the events of a whole list of cases in one query. */
@Roles('officer', 'auditor', 'admin')
@Resolver(() => CaseModel)
export class CaseHistoryResolver {
  constructor(private readonly audit: AuditService) {}

  @ResolveField(() => [CaseEventModel], { description: 'Every event, oldest first, with actor and hashes.' })
  async history(
    @Parent() model: CaseModel,
    @Context() context: object,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CaseEventModel[]> {
    const histories = requestLoader(context, 'histories', async (caseIds) =>
      inKeyOrder(
        caseIds,
        await this.audit.eventsOf(caseIds),
        (e) => e.caseId,
        (events) => events,
      ),
    );
    const events = (await histories.load(model.id)).map(toEventModel);
    // Replay only when the state after each event is asked for.
    if (!JSON.stringify(info.fieldNodes[0]?.selectionSet ?? {}).includes('"stateAfter"')) return events;
    const { snapshots } = await this.audit.replay(model.id);
    return events.map((event, i) => ({
      ...event,
      stateAfter: snapshots[i] as unknown as Record<string, unknown>,
    }));
  }
}
