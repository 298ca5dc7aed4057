import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('MailTemplate', {
  description:
    'The e-mail that carries letters: subject and body are Handlebars over the fields letters have.',
})
export class MailTemplateModel {
  @Field()
  subject: string;

  @Field()
  body: string;

  @Field({ description: 'True while no administrator has replaced the built-in template.' })
  builtIn: boolean;
}

@ObjectType('OutgoingMail', { description: "An e-mail of a case's letters, and how its sending is going." })
export class OutgoingMailModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: 'Null for a notice (a reminder or digest).' })
  caseId: string | null;

  @Field(() => [ID], { description: 'The letters attached.' })
  documentIds: string[];

  @Field({ description: 'The address it is sent to.' })
  toAddress: string;

  @Field()
  subject: string;

  @Field()
  body: string;

  @Field()
  messageId: string;

  @Field({ description: 'queued, sending, sent or failed (failed: it will not be tried again).' })
  status: string;

  @Field(() => Int, { description: 'Attempts so far.' })
  attempts: number;

  @Field({ description: 'When it is tried next, while queued.' })
  nextAttemptAt: Date;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The SMTP server's acceptance (or: kept in the local outbox).",
  })
  response: string | null;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'The MAIL_SENT event in the case history.' })
  sentSequence: number | null;

  @Field()
  createdAt: Date;
}

@ObjectType('MailAttachment', { description: 'A file attached to a message.' })
export class MailAttachmentModel {
  @Field()
  filename: string;

  @Field()
  contentType: string;

  @Field(() => Int)
  size: number;

  @Field()
  sha256: string;

  @Field()
  base64: string;
}

@ObjectType('OutboxMessage', {
  description: 'A message kept in the local outbox because no SMTP server is set (RECORDFLOW_SMTP_URL).',
})
export class OutboxMessageModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: 'Null for a notice (a reminder or digest).' })
  caseId: string | null;

  @Field()
  toAddress: string;

  @Field()
  fromAddress: string;

  @Field()
  subject: string;

  @Field()
  messageId: string;

  @Field()
  createdAt: Date;
}
