import {
  Args,
  Context,
  ID,
  Info,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { computeDeadline } from '@recordflow/calendar';
import { allowedEvents, type CaseSnapshot, senderRefusal } from '@recordflow/workflow';
import { GraphQLInt, type GraphQLResolveInfo, Kind, valueFromAST } from 'graphql';
import { CaseAccess } from '../access/case-access.service';
import { toUserModel } from '../auth/auth.resolver';
import { type Actor, CurrentUser } from '../auth/current-user';
import { ChecksCaseInOwnRead, Roles } from '../auth/roles.decorator';
import { ukToday } from '../common/dates';
import { refusal } from '../common/errors';
import { inKeyOrder, requestLoader } from '../common/loaders';
import { TeamModel } from '../people/people.model';
import { UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import type { CalendarAt } from './calendar-at';
import type { Case } from './case.entity';
import {
  AllowedEvent,
  CaseConnection,
  CaseCount,
  CaseDeadline,
  CaseEventResult,
  CaseModel,
  DeadlineExplanation,
  RequesterModel,
} from './case.model';
import { CasesQuery, MAX_COUNT_UP_TO } from './cases.query';
import { actorOf, CasesService } from './cases.service';
import {
  type DeadlineRules,
  DUE_SOON_WORKING_DAYS,
  deadlineRules,
  isDueSoon,
  isOverdue,
} from './deadline-status';
import { CasesFilter } from './dto/cases-filter.input';
import { CreateCaseInput } from './dto/create-case.input';
import { AssignCaseInput, SendCaseEventInput } from './dto/send-case-event.input';
import { toEventModel } from './event-model';
import { stateOf } from './snapshot-view';

/** A case as the resolvers below see it: its row, and whether that row was read with its team and requester. */
type ShownCase = CaseModel & { row: Case; joined?: boolean };

/** What a count counts up to when its query does not say. */
const DEFAULT_COUNT_UP_TO = 1000;

/** A list's counts, run only when asked for: an exact count of a long list is a scan. */
@Roles('officer', 'auditor', 'admin')
@Resolver(() => CaseConnection)
export class CaseConnectionResolver {
  @ResolveField(() => Int, {
    description: `All cases matching the filter, across pages, counted exactly (a scan on a long list: screens use count).`,
  })
  async totalCount(@Parent() connection: CaseConnection): Promise<number> {
    return (await connection.counter()).value;
  }

  @ResolveField(() => CaseCount, {
    description: `Cases matching the filter, counted up to upTo (at most ${MAX_COUNT_UP_TO.toLocaleString('en-GB')}), cheap however long the list.`,
  })
  async count(
    @Parent() connection: CaseConnection,
    @Args('upTo', { type: () => Int, defaultValue: DEFAULT_COUNT_UP_TO }) upTo: number,
  ): Promise<CaseCount> {
    return connection.counter(upTo);
  }
}

@Roles('officer', 'auditor', 'admin')
@Resolver(() => CaseModel)
export class CasesResolver {
  constructor(
    private readonly casesService: CasesService,
    private readonly query: CasesQuery,
    private readonly users: UsersService,
    private readonly access: CaseAccess,
  ) {}

  @Roles('officer', 'auditor', 'admin')
  @ChecksCaseInOwnRead()
  @Query(() => CaseModel, { description: 'One case by id. Roles: officer, auditor, admin.' })
  async case(@CurrentUser() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ShownCase> {
    // The restriction is checked in the case's own read, which brings its team and requester too.
    const row = await this.casesService.getShown(id, await this.access.hiddenWorkflows(actor));
    return { ...(await this.toModel(row)), joined: true };
  }

  @Roles('officer', 'auditor', 'admin')
  @Query(() => CaseConnection, {
    description:
      'Cases matching the filter, soonest due first, a page at a time. Roles: officer, auditor, admin.',
  })
  async cases(
    @CurrentUser() actor: Actor,
    @Args('filter', { type: () => CasesFilter, nullable: true }) filter: CasesFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 25 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Info() info: GraphQLResolveInfo,
    @Context() context: object,
  ): Promise<CaseConnection> {
    if (first < 1 || first > 200) {
      throw refusal('BAD_USER_INPUT', `first must be between 1 and 200, not ${first}.`);
    }
    // Only the count asked for (the list's tabs): no page to read beside it.
    if (!after && !asksForPage(info)) {
      return {
        edges: [],
        pageInfo: { hasNextPage: false, endCursor: null },
        counter: (upTo) =>
          this.countsFor(context, actor).load(JSON.stringify({ filter: filter ?? {}, upTo })),
      };
    }
    const page = await this.query.page(actor, filter ?? {}, first, after, countAskedFor(info));
    const models = await Promise.all(page.rows.map(async (row) => this.toModel(row)));
    return {
      edges: models.map((node, i) => ({ node, cursor: page.cursors[i] as string })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
      counter: (upTo) => this.query.countBeside(page, actor, filter ?? {}, upTo),
    };
  }

  @Roles('officer')
  @Mutation(() => CaseModel, {
    description: 'Registers a new request; its clock starts on receivedOn. Role: officer.',
  })
  async createCase(@CurrentUser() actor: Actor, @Args('input') input: CreateCaseInput): Promise<CaseModel> {
    await this.access.checkWorkflow(actor, input.workflowId);
    // The row as registered, after its first event: nothing to read back.
    return this.toModel(await this.casesService.create(actor, input));
  }

  @Roles('officer')
  @ChecksCaseInOwnRead()
  @Mutation(() => CaseEventResult, {
    description:
      'Moves a case: the event is validated, applied and recorded in one transaction. Errors: EVENT_NOT_ALLOWED (with allowed), VALIDATION_FAILED (with fields), VERSION_CONFLICT (with currentVersion), NOT_FOUND. Role: officer.',
  })
  async sendCaseEvent(
    @CurrentUser() actor: Actor,
    @Args('input') input: SendCaseEventInput,
  ): Promise<CaseEventResult> {
    // The restriction is checked on the case as the transition reads it: no read of its own.
    const hiddenWorkflows = await this.access.hiddenWorkflows(actor);
    const result = await this.casesService.send({ ...actorOf(actor), hiddenWorkflows }, input);
    // The service returns the case as it now stands and the event as stored: nothing to read back.
    const workflowVersion = await this.casesService.versionNumber(result.event.workflowVersionId);
    const event = { ...toEventModel(result.event), workflowVersion };
    if (result.event.actorId === actor.id) event.actor = toUserModel(actor);
    return { case: await this.toModel(result.case), event, replayed: result.replayed };
  }

  @Roles('officer')
  @Mutation(() => CaseModel, {
    description: 'Assigns the case to an officer (or unassigns it). Role: officer.',
  })
  async assignCase(@CurrentUser() actor: Actor, @Args('input') input: AssignCaseInput): Promise<CaseModel> {
    await this.casesService.assign(actor, input);
    return this.toModel(await this.casesService.get(input.caseId));
  }

  @Roles('officer')
  @Mutation(() => CaseModel, {
    description:
      "Ends a late-registered case's catching up (CASE_CAUGHT_UP in its history): its timers run from now, any overdue marking dated no earlier than the last event recorded. Errors: VALIDATION_FAILED (not catching up), VERSION_CONFLICT, NOT_FOUND. Role: officer.",
  })
  async finishCatchingUp(
    @CurrentUser() actor: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('expectedVersion', { type: () => Int, nullable: true }) expectedVersion: number | null,
  ): Promise<CaseModel> {
    return this.toModel(await this.casesService.finishCatchingUp(actor, caseId, expectedVersion));
  }

  @ResolveField(() => [AllowedEvent], {
    description: 'Events the case accepts now, with their input schemas.',
  })
  async allowedEvents(@Parent() model: ShownCase, @CurrentUser() actor: Actor): Promise<AllowedEvent[]> {
    const definition = await this.casesService.definition(model.row.workflowVersionId);
    const snapshot = model.row.snapshot as CaseSnapshot;
    return allowedEvents(definition, snapshot).map((event) => ({
      type: event.type,
      label: event.label,
      roles: [...event.roles],
      inputSchema: event.inputSchema as Record<string, unknown>,
      unavailableReason: senderRefusal(definition, snapshot, event.type, actor.id),
    }));
  }

  @ResolveField(() => Boolean, {
    description: 'Open and past its due date: the rule of the overdue list filter.',
  })
  overdue(@Parent() model: ShownCase): boolean {
    return isOverdue(model.row, { today: ukToday() });
  }

  @ResolveField(() => Boolean, {
    description: `Open, not overdue, and due within ${DUE_SOON_WORKING_DAYS} working days on its regime's calendar: the rule of the dueSoon list filter.`,
  })
  async dueSoon(@Parent() model: ShownCase, @Context() context: object): Promise<boolean> {
    return isDueSoon(model.row, await this.rulesFor(context));
  }

  @ResolveField(() => [CaseDeadline])
  deadlines(@Parent() model: ShownCase): CaseDeadline[] {
    const deadlines = (model.row.snapshot as CaseSnapshot).context.deadlines ?? {};
    return Object.entries(deadlines).map(([name, deadline]) => ({
      name,
      label: deadline.label,
      due: deadline.due ?? null,
      statutory: Boolean(deadline.statutory),
    }));
  }

  @ResolveField(() => DeadlineExplanation, {
    nullable: true,
    description: 'How the statutory clock was counted: days counted, and each day skipped with its reason.',
  })
  async deadlineExplanation(
    @Parent() model: ShownCase,
    @Context() context: object,
  ): Promise<DeadlineExplanation | null> {
    const snapshot = model.row.snapshot as CaseSnapshot;
    const clock = snapshot.context.clock;
    if (!clock || clock.events.length === 0) return null;
    const calendar = await this.calendarFor(context);
    const deadline = computeDeadline(model.row.regime as never, clock.events, clock.limit, calendar.options);
    return {
      received: deadline.received,
      due: deadline.due,
      status: deadline.status,
      counted: deadline.counted,
      skipped: deadline.skipped,
      summary: deadline.explanation,
    };
  }

  @ResolveField(() => TeamModel, { nullable: true, description: 'The team whose queue holds the case.' })
  async team(@Parent() model: ShownCase, @Context() context: object): Promise<TeamModel | null> {
    if (model.joined) return model.row.team ?? null;
    // Read by case id: a row fresh from a transition does not carry its team.
    const teams = requestLoader(context, 'case-teams', async (caseIds) => {
      const rows = await this.casesService.teamsOfCases(caseIds);
      return caseIds.map((id) => rows.get(id) ?? null);
    });
    return teams.load(model.row.id);
  }

  @ResolveField(() => UserModel, { nullable: true })
  async assignee(@Parent() model: ShownCase, @Context() context: object): Promise<UserModel | null> {
    if (!model.row.assigneeId) return null;
    const users = requestLoader(context, 'users', async (ids) =>
      inKeyOrder(
        ids,
        await this.users.findByIds(ids),
        (u) => u.id,
        ([user]) => user ?? null,
      ),
    );
    const user = await users.load(model.row.assigneeId);
    return user ? toUserModel(user) : null;
  }

  @Roles('officer', 'admin')
  @ResolveField(() => RequesterModel, {
    nullable: true,
    description:
      "The requester's personal data. Roles: officer, admin (auditors see the history without it).",
  })
  async requester(
    @CurrentUser() actor: Actor,
    @Parent() model: ShownCase,
    @Context() context: object,
  ): Promise<RequesterModel | null> {
    if (!model.row.requesterId) return null;
    // Each read of a restricted case's requester is logged: the list's cases in one statement.
    if (actor.restrictedWorkflows?.includes(model.row.workflowId) ?? true) {
      const reads = requestLoader(context, 'requester-reads', async (caseIds) => {
        await this.access.recordReads(actor, caseIds, 'requester');
        return caseIds.map(() => true);
      });
      await reads.load(model.row.id);
    }
    if (model.joined) return model.row.requester ?? null;
    const requesters = requestLoader(context, 'requesters', async (ids) =>
      inKeyOrder(
        ids,
        await this.casesService.requesters(ids),
        (r) => r.id,
        ([requester]) => requester ?? null,
      ),
    );
    return requesters.load(model.row.requesterId);
  }

  /** The counts a request asks for (the list's tabs), counted in one statement. */
  private countsFor(context: object, actor: Actor) {
    return requestLoader<CaseCount>(context, 'case-counts', (keys) =>
      this.query.counts(
        actor,
        keys.map((key) => JSON.parse(key)),
      ),
    );
  }

  /** One reading of the holidays and settings per request, however many cases it lists or explains. */
  private calendarFor(context: object): Promise<CalendarAt> {
    const calendars = requestLoader(context, 'calendar', async (keys) => {
      const now = await this.casesService.calendarNow();
      return keys.map(() => now);
    });
    return calendars.load('now');
  }

  /** Today's overdue and due-soon dates, worked out once per request from its one calendar. */
  private rulesFor(context: object): Promise<DeadlineRules> {
    const rules = requestLoader(context, 'deadlineRules', async (keys) => {
      const now = deadlineRules(ukToday(), (await this.calendarFor(context)).options);
      return keys.map(() => now);
    });
    return rules.load('now');
  }

  private async toModel(row: Case): Promise<ShownCase> {
    const definition = await this.casesService.definition(row.workflowVersionId);
    const state = stateOf(definition, row.snapshot as CaseSnapshot);
    return {
      row,
      id: row.id,
      reference: row.reference,
      regime: row.regime,
      workflowId: row.workflowId,
      workflowVersion:
        row.workflowVersion?.version ?? (await this.casesService.versionNumber(row.workflowVersionId)),
      subject: row.subject,
      requestText: row.requestText,
      channel: row.channel,
      receivedOn: row.receivedOn,
      status: row.status,
      catchingUp: row.catchingUp,
      stage: row.stage,
      stageLabel: state.stageLabel,
      step: row.step,
      stepLabel: state.stepLabel,
      state: row.snapshot as Record<string, unknown>,
      version: row.version,
      dueDate: row.dueOn,
      outcome: row.outcome,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}

/** The upTo of the count a connection's selection asks for (the first, if several), or undefined for none. */
function countAskedFor(info: GraphQLResolveInfo): number | undefined {
  for (const node of info.fieldNodes) {
    for (const selection of node.selectionSet?.selections ?? []) {
      if (selection.kind !== Kind.FIELD || selection.name.value !== 'count') continue;
      const upTo = selection.arguments?.find((argument) => argument.name.value === 'upTo');
      if (!upTo) return DEFAULT_COUNT_UP_TO;
      const value: unknown = valueFromAST(upTo.value, GraphQLInt, info.variableValues);
      return typeof value === 'number' ? value : undefined;
    }
  }
  return undefined;
}

/** Whether a connection's selection reads its page (edges or pageInfo); a fragment is taken to. */
function asksForPage(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) =>
    (node.selectionSet?.selections ?? []).some(
      (selection) =>
        selection.kind !== Kind.FIELD ||
        selection.name.value === 'edges' ||
        selection.name.value === 'pageInfo',
    ),
  );
}
