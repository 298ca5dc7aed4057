import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

@ObjectType('IncomingMailAttachment', { description: 'A file attached to an incoming e-mail.' })
export class IncomingMailAttachmentModel {
  @Field()
  filename: string;

  @Field()
  mimeType: string;

  @Field(() => Int)
  size: number;

  @Field()
  sha256: string;

  @Field({ description: 'False when its type is not one a case may hold (it stays in the message only).' })
  accepted: boolean;

  @Field(() => ID, { nullable: true, description: 'The case file (CaseAttachment) it was kept as.' })
  attachmentId?: string | null;
}

@ObjectType('IncomingMail', {
  description:
    'An e-mail taken from the intake mailbox: a draft case for an officer to confirm or discard, or a reply kept on its case.',
})
export class IncomingMailModel {
  @Field(() => ID)
  id: string;

  @Field()
  messageId: string;

  @Field({ description: 'The sender: the requester a confirmed draft is registered for.' })
  fromAddress: string;

  @Field(() => String, { nullable: true })
  fromName: string | null;

  @Field()
  subject: string;

  @Field({ description: 'The text of the message: the request text a draft proposes.' })
  text: string;

  @Field(() => Date, { nullable: true, description: "The sender's Date header." })
  sentAt: Date | null;

  @Field({ description: 'When the intake mailbox received it.' })
  arrivedAt: Date;

  @Field(() => GraphQLLocalDate, { description: 'The UK date it reached the mailbox: the date of receipt.' })
  receivedOn: string;

  @Field({
    description: 'draft, registered (confirmed as a case), discarded, or threaded (a reply on its case).',
  })
  status: string;

  @Field(() => ID, { nullable: true })
  caseId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "How a reply found its case: 'message-id' (In-Reply-To or References) or 'reference' (the subject).",
  })
  threadedBy: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The event this reply looks like (CLARIFICATION_RECEIVED, FEE_PAID), offered to an officer.',
  })
  offeredEvent: string | null;

  @Field(() => String, { nullable: true, description: 'offered, recorded or dismissed.' })
  offerStatus: string | null;

  @Field(() => Int, { nullable: true, description: 'The MAIL_RECEIVED event in the case history.' })
  eventSequence: number | null;

  @Field(() => Int, { nullable: true, description: 'The offered event, once recorded.' })
  offerSequence: number | null;

  @Field(() => [IncomingMailAttachmentModel])
  attachments: IncomingMailAttachmentModel[];

  @Field(() => Date, {
    nullable: true,
    description: 'When an officer confirmed, discarded or decided on the offer.',
  })
  decidedAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType('IncomingMailPoll', { description: 'What one look at the intake mailbox took in.' })
export class IncomingMailPollModel {
  @Field({ description: 'False when no intake mailbox is set (RECORDFLOW_IMAP_URL).' })
  configured: boolean;

  @Field(() => Int, { description: 'New messages stored.' })
  taken: number;

  @Field(() => Int, { description: 'Messages already stored under their Message-ID: ignored.' })
  duplicates: number;
}
