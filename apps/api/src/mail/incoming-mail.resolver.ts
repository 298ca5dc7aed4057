import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { CaseAccess } from '../access/case-access.service';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { CreateCaseInput } from '../cases/dto/create-case.input';
import { requestLoader } from '../common/loaders';
import type { IncomingMail } from './incoming-mail.entity';
import { IncomingMailModel, IncomingMailPollModel } from './incoming-mail.model';
import { IncomingMailService } from './incoming-mail.service';
import { MailIntake } from './mail-intake.service';

@Roles('officer', 'admin')
@Resolver(() => IncomingMailModel)
export class IncomingMailResolver {
  constructor(
    private readonly incoming: IncomingMailService,
    private readonly intake: MailIntake,
    private readonly access: CaseAccess,
  ) {}

  @Roles('officer', 'admin')
  @Query(() => [IncomingMailModel], {
    description:
      'Incoming e-mail, newest first, at most 200: with open (the default) only drafts to confirm and replies with an event on offer. Roles: officer, admin.',
  })
  async incomingMail(
    @CurrentUser() actor: Actor,
    @Args('open', { type: () => Boolean, nullable: true, defaultValue: true }) open: boolean,
  ) {
    // Replies on cases hidden from this person are left out, as those cases are.
    return this.incoming.list(open, await this.access.hiddenWorkflows(actor));
  }

  @Roles('officer', 'admin')
  @Query(() => IncomingMailModel, { description: 'One incoming e-mail. Roles: officer, admin.' })
  async incomingMessage(@CurrentUser() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    await this.access.checkIncomingMail(actor, id);
    return this.incoming.get(id);
  }

  @Roles('officer', 'admin')
  @Query(() => [IncomingMailModel], {
    description:
      'The e-mails received on a case (its request and the replies), newest first. Roles: officer, admin.',
  })
  async caseIncomingMail(@Args('caseId', { type: () => ID }) caseId: string) {
    await this.access.checkExists(caseId);
    return this.incoming.forCase(caseId);
  }

  @Roles('officer')
  @Mutation(() => IncomingMailModel, {
    description:
      'Registers a draft as a case through the normal create path (the input prefilled from the e-mail, as the officer corrected it); the message and its attachments are kept with the case. Role: officer.',
  })
  async confirmIncomingMail(
    @CurrentUser() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: CreateCaseInput,
  ) {
    // Registering is creating a case: only a restricted workflow's teams may.
    await this.access.checkWorkflow(actor, input.workflowId);
    return (await this.incoming.confirm(actor, id, input)).mail;
  }

  @Roles('officer')
  @Mutation(() => IncomingMailModel, {
    description: 'Sets a draft aside as not a request; who did it is kept. Role: officer.',
  })
  discardIncomingMail(@CurrentUser() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.incoming.discard(actor, id);
  }

  @Roles('officer')
  @Mutation(() => IncomingMailModel, {
    description:
      "Records the event a reply was recognised as (offeredEvent) on the reply's date of receipt, with the event's inputs. Role: officer.",
  })
  async recordIncomingMailEvent(
    @CurrentUser() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('payload', { type: () => GraphQLJSONObject, nullable: true }) payload: Record<
      string,
      unknown
    > | null,
  ) {
    await this.access.checkIncomingMail(actor, id);
    return this.incoming.recordOffer(actor, id, payload);
  }

  @Roles('officer')
  @Mutation(() => IncomingMailModel, {
    description: 'The reply stays on its case, but is not the event it looked like. Role: officer.',
  })
  async dismissIncomingMailOffer(@CurrentUser() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    await this.access.checkIncomingMail(actor, id);
    return this.incoming.dismissOffer(actor, id);
  }

  @Roles('admin')
  @Mutation(() => IncomingMailPollModel, {
    description: 'Looks at the intake mailbox now rather than at the next poll. Role: admin.',
  })
  async pollIncomingMail(): Promise<IncomingMailPollModel> {
    return { configured: this.intake.configured, ...(await this.intake.poll()) };
  }

  @ResolveField(() => String, { nullable: true, description: 'The reference of the case it is on.' })
  caseReference(@Parent() mail: IncomingMail, @Context() context: object): Promise<string | null> | null {
    if (!mail.caseId) return null;
    const references = requestLoader(context, 'incoming-case-references', async (ids) => {
      const found = await this.incoming.references(ids);
      return ids.map((id) => found.get(id) ?? null);
    });
    return references.load(mail.caseId);
  }
}
