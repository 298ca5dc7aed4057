import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CaseAccess } from '../access/case-access.service';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { MailAttachmentModel, MailTemplateModel, OutboxMessageModel, OutgoingMailModel } from './mail.model';
import { MailService } from './mail.service';

@Resolver()
export class MailResolver {
  constructor(
    private readonly mail: MailService,
    private readonly access: CaseAccess,
  ) {}

  @Roles('officer')
  @Mutation(() => OutgoingMailModel, {
    description:
      "Queues a generated letter to be e-mailed, to the requester's address unless `to` is given; with `withDocx`, a PDF goes with its DOCX. Role: officer.",
  })
  async emailLetter(
    @CurrentUser() actor: Actor,
    @Args('documentId', { type: () => ID }) documentId: string,
    @Args('to', { type: () => String, nullable: true }) to: string | null,
    @Args('withDocx', { type: () => Boolean, nullable: true }) withDocx: boolean | null,
  ) {
    await this.access.checkLetter(actor, documentId);
    return this.mail.queue(actor, documentId, to, withDocx ?? false);
  }

  @Roles('admin', 'officer')
  @Query(() => [OutgoingMailModel], {
    description: "A case's e-mails, newest first, with how their sending is going. Roles: admin, officer.",
  })
  async caseMails(@Args('caseId', { type: () => ID }) caseId: string) {
    await this.access.checkExists(caseId);
    return this.mail.forCase(caseId);
  }

  @Roles('admin', 'officer')
  @Query(() => MailTemplateModel, { description: 'The e-mail that carries letters. Roles: admin, officer.' })
  mailTemplate() {
    return this.mail.template();
  }

  @Roles('admin')
  @Mutation(() => MailTemplateModel, {
    description:
      'Replaces the e-mail that carries letters; refused when it names a field letters do not have. Role: admin.',
  })
  saveMailTemplate(@Args('subject') subject: string, @Args('body') body: string) {
    return this.mail.saveTemplate({ subject, body });
  }

  @Roles('admin')
  @Query(() => [OutboxMessageModel], {
    description:
      'Messages kept in the local outbox (no SMTP server set), newest first, at most 200. Role: admin.',
  })
  outbox() {
    return this.mail.outbox();
  }

  @Roles('admin')
  @Query(() => OutboxMessageModel, { description: 'One message of the local outbox. Role: admin.' })
  outboxMessage(@Args('id', { type: () => ID }) id: string) {
    return this.mail.outboxMessage(id);
  }
}

@Roles('admin')
@Resolver(() => OutboxMessageModel)
export class OutboxMessageResolver {
  constructor(private readonly mail: MailService) {}

  @ResolveField(() => String, { description: "The case's reference (empty for a notice)." })
  caseReference(@Parent() message: OutboxMessageModel): Promise<string> {
    return this.mail.caseReference(message.caseId);
  }

  @ResolveField(() => String, { description: 'The text of the message.' })
  async text(@Parent() message: OutboxMessageModel): Promise<string> {
    return (await this.mail.parsed(message.id)).text;
  }

  @ResolveField(() => [MailAttachmentModel])
  async attachments(@Parent() message: OutboxMessageModel) {
    return (await this.mail.parsed(message.id)).attachments;
  }

  @ResolveField(() => String, { description: 'The whole message as sent (RFC 822 source).' })
  async source(@Parent() message: OutboxMessageModel): Promise<string> {
    return (await this.mail.parsed(message.id)).source;
  }
}
