import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

@ObjectType({
  description:
    'A document released with a published response, as the public downloads it (its file name without the requester).',
})
export class DisclosureDocument {
  @Field(() => ID, { description: 'The version published.' }) id!: string;
  @Field() filename!: string;
  @Field() mimeType!: string;
  @Field(() => Float, { description: 'Bytes.' }) size!: number;
  @Field({ description: 'SHA-256 of the bytes, as recorded in the DISCLOSURE_PUBLISHED event.' })
  sha256!: string;
  @Field({
    description:
      'Where anyone downloads it without signing in, a path from the server root: /disclosure-log/{reference}/documents/{id}.',
  })
  url!: string;
}

@ObjectType({
  description:
    'A document an administrator may publish with a response: the latest version of a for-release document.',
})
export class DisclosureCandidateDocument {
  @Field(() => ID, { description: 'The version to give in publishToDisclosureLog(documentIds:).' })
  id!: string;
  @Field({ description: 'As stored on the case; published without the requester’s name or e-mail.' })
  filename!: string;
  @Field(() => Int) version!: number;
  @Field() mimeType!: string;
  @Field(() => Float, { description: 'Bytes.' }) size!: number;
  @Field() sha256!: string;
}

@ObjectType({
  description: 'A response published in the disclosure log: never the requester’s name, e-mail or address.',
})
export class DisclosureLogEntry {
  @Field(() => ID) caseId!: string;
  @Field() reference!: string;
  @Field() regime!: string;
  @Field({
    description: 'As registered, with the requester’s name, e-mail and address replaced by [the requester].',
  })
  subject!: string;
  @Field({
    description: 'As registered, with the requester’s name, e-mail and address replaced by [the requester].',
  })
  requestText!: string;
  @Field(() => String, { nullable: true, description: 'The outcome that stands.' }) outcome!: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When the response was sent.' })
  respondedOn!: string | null;
  @Field(() => GraphQLLocalDate) publishedOn!: string;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The response letter, when one was generated, addressed to no one by name.',
  })
  responseText!: string | null;
  @Field(() => [DisclosureDocument], {
    description: 'The documents released with it, as the administrator chose.',
  })
  documents!: DisclosureDocument[];
}

@ObjectType({ description: 'A disclosure log change, recorded as an event in the case history.' })
export class DisclosureLogChange {
  @Field(() => ID) caseId!: string;
  @Field(() => Int, { description: "The event's sequence in the case history." }) sequence!: number;
  @Field({ description: 'Whether the response is now in the disclosure log.' }) published!: boolean;
}

@ObjectType({ description: 'An answered response an administrator may publish in the disclosure log.' })
export class DisclosureCandidate {
  @Field(() => ID) caseId!: string;
  @Field() reference!: string;
  @Field() regime!: string;
  @Field() subject!: string;
  @Field(() => String, { nullable: true, description: 'The outcome that stands.' }) outcome!: string | null;
  @Field(() => GraphQLLocalDate, { description: 'When the response was sent.' }) respondedOn!: string;
  @Field(() => [DisclosureCandidateDocument], {
    description:
      'The latest versions of its for-release documents, oldest first: the ones that may be published with it.',
  })
  documents!: DisclosureCandidateDocument[];
}
