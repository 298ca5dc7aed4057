import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

@ObjectType('LetterTemplate', { description: 'The template of one kind of letter (Handlebars).' })
export class LetterTemplateModel {
  @Field({ description: 'e.g. response, acknowledgement, clarification-request' })
  kind: string;

  @Field()
  body: string;

  @Field({ description: 'True while no administrator has replaced the built-in template.' })
  builtIn: boolean;
}

@ObjectType('CaseDocument', { description: 'A letter generated for a case.' })
export class CaseDocumentModel {
  @Field(() => ID)
  id: string;

  @Field()
  template: string;

  @Field({ description: 'pdf or docx' })
  format: string;

  @Field()
  filename: string;

  @Field({ description: 'SHA-256 of the file; recorded in the case history when the letter is sent.' })
  sha256: string;

  @Field()
  createdAt: Date;

  @Field(() => Int, { nullable: true, description: 'The history event that recorded it as sent.' })
  sentSequence: number | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'The date printed on the letter: the day it is to be sent.',
  })
  datedOn: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'The day it was sent.' })
  sentOn: string | null;

  @Field(() => String, { nullable: true, description: 'How it went: email, post, hand or other.' })
  sentChannel: string | null;

  @Field(() => String, { nullable: true, description: 'Where it went (an e-mail or postal address).' })
  sentTo: string | null;
}

@ObjectType({ description: "A document's file, base64-encoded." })
export class DocumentFile {
  @Field()
  filename: string;

  @Field()
  mimeType: string;

  @Field()
  base64: string;
}
