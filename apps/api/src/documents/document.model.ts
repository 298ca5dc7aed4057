import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CaseAttachment', {
  description:
    'One version of a file attached to a case (gathered, draft, for-release, released, correspondence).',
})
export class CaseAttachmentModel {
  @Field(() => ID, { description: 'This version; download its bytes at /api/documents/{id}/content.' })
  id: string;

  @Field(() => ID, { description: "The document's first version: every version shares it." })
  documentId: string;

  @Field(() => Int)
  version: number;

  @Field({ description: 'gathered, draft, for-release, released or correspondence' })
  kind: string;

  @Field()
  filename: string;

  @Field()
  mimeType: string;

  @Field(() => Float, { description: 'Bytes.' })
  size: number;

  @Field({ description: 'SHA-256 of the bytes, recorded in the case history.' })
  sha256: string;

  @Field(() => ID, { nullable: true, description: 'The version this one was redacted from.' })
  redactedFrom: string | null;

  @Field(() => String, { nullable: true, description: 'Who uploaded or made it.' })
  createdByName: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Int, { description: 'The history event that recorded it.' })
  eventSequence: number;
}

@InputType()
export class RedactionInput {
  @Field(() => Int, { description: 'Page number, from 1.' })
  page: number;

  @Field(() => String, {
    nullable: true,
    description: 'Remove every place this text is on the page (inside `rect` when both are given).',
  })
  text?: string | null;

  @Field(() => [Float], {
    nullable: true,
    description: 'A box [x0, y0, x1, y1] in PDF points from the top left of the page.',
  })
  rect?: number[] | null;

  @Field({
    description: "The exemption that justifies it, e.g. s.40(2) or s.43(2) (from the case's regime).",
  })
  exemption: string;

  @Field({ description: 'Why the exemption applies here.' })
  reason: string;
}

@InputType()
export class RedactDocumentInput {
  @Field(() => ID, { description: 'The version to redact (a PDF).' })
  documentId: string;

  @Field(() => [RedactionInput])
  redactions: RedactionInput[];
}

@ObjectType('RedactionLogEntry', {
  description: 'One redaction applied to a document, for the redaction log.',
})
export class RedactionLogEntryModel {
  @Field(() => ID, { description: 'The redacted version it made.' })
  attachmentId: string;

  @Field(() => Int)
  version: number;

  @Field(() => Int)
  page: number;

  @Field(() => String, { nullable: true })
  text: string | null;

  @Field(() => [[Float]], { description: 'The boxes blacked out, [x0, y0, x1, y1] each.' })
  rects: number[][];

  @Field()
  exemption: string;

  @Field()
  reason: string;

  @Field(() => String, { nullable: true })
  byName: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType('DocumentPage', { description: 'A page of a PDF rendered for drawing redaction boxes.' })
export class DocumentPageModel {
  @Field(() => Int)
  page: number;

  @Field(() => Float, { description: 'Width in PDF points.' })
  width: number;

  @Field(() => Float, { description: 'Height in PDF points.' })
  height: number;

  @Field({ description: 'The page as a PNG, base64-encoded.' })
  pngBase64: string;
}

@ObjectType('TextMatch', { description: 'Where a searched text is in a PDF.' })
export class TextMatchModel {
  @Field(() => Int)
  page: number;

  @Field(() => [Float], { description: '[x0, y0, x1, y1] in PDF points from the top left.' })
  rect: number[];

  @Field({ description: 'The text found there.' })
  text: string;

  @Field(() => String, { nullable: true, description: 'What was found: an e-mail address, a phone number.' })
  kind?: string | null;
}
