import { Field, Float, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { UserModel } from '../users/user.model';
import type { LinkKind } from './case-link.entity';

/** The kinds of link as GraphQL names them; the values are those stored. */
export enum CaseLinkKind {
  REFINED_REQUEST = 'refined-request',
  REPEAT = 'repeat',
  SAME_REQUESTER = 'same-requester',
  AGGREGATED_S12 = 'aggregated-s12',
  REVIEW_OF = 'review-of',
  COMPLAINT_ABOUT = 'complaint-about',
}
registerEnumType(CaseLinkKind, {
  name: 'CaseLinkKind',
  description: 'How two cases belong together, read from caseId towards otherCaseId.',
  valuesMap: {
    REFINED_REQUEST: { description: 'The case refines the other (a narrower or clarified request).' },
    REPEAT: { description: 'The case repeats the other (same or substantially similar request).' },
    SAME_REQUESTER: { description: 'Both cases come from the same requester.' },
    AGGREGATED_S12: {
      description:
        'Costs aggregated for the s.12 limit (FOIA, FOISA): both received within 60 consecutive working days.',
    },
    REVIEW_OF: { description: 'The case is an internal review of the other.' },
    COMPLAINT_ABOUT: { description: 'The case is a complaint about the other.' },
  },
});

/** How a link reads from each end. */
export const LINK_LABELS: Record<LinkKind, { outgoing: string; incoming: string }> = {
  'refined-request': { outgoing: 'Refined request of', incoming: 'Refined by' },
  repeat: { outgoing: 'Repeat of', incoming: 'Repeated by' },
  'same-requester': { outgoing: 'Same requester as', incoming: 'Same requester as' },
  'aggregated-s12': { outgoing: 'Aggregated for s.12 with', incoming: 'Aggregated for s.12 with' },
  'review-of': { outgoing: 'Review of', incoming: 'Reviewed in' },
  'complaint-about': { outgoing: 'Complaint about', incoming: 'Complained about in' },
};

@ObjectType({ description: 'The other case of a link or suggestion, in brief.' })
export class LinkedCase {
  @Field(() => ID)
  id: string;

  @Field()
  reference: string;

  @Field()
  subject: string;

  @Field(() => GraphQLLocalDate)
  receivedOn: string;

  @Field({ description: 'open or closed' })
  status: string;
}

@ObjectType('CaseLink', { description: 'A live link between two cases, as seen from one of them.' })
export class CaseLinkModel {
  @Field(() => ID)
  id: string;

  @Field(() => CaseLinkKind)
  kind: CaseLinkKind;

  @Field({
    description:
      'True when this case is the link\'s caseId (it reads "Repeat of …"), false when it is the other end.',
  })
  outgoing: boolean;

  @Field({ description: 'How the link reads from this case, e.g. "Repeat of" or "Repeated by".' })
  label: string;

  @Field(() => LinkedCase)
  other: LinkedCase;

  @Field(() => UserModel, { nullable: true })
  createdBy?: UserModel | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set when the link was removed (unlinkCases).' })
  removedAt?: Date | null;
}

@ObjectType({
  description: 'A case that may belong with this one; shown to the officer, never linked without them.',
})
export class LinkSuggestion {
  @Field(() => LinkedCase)
  case: LinkedCase;

  @Field(() => [String], {
    description: 'SAME_REQUESTER (same e-mail or name), SIMILAR_TEXT (subject and request alike).',
  })
  reasons: string[];

  @Field(() => Float, {
    description: 'How alike the subjects and request texts are, 0 to 1 (trigram similarity).',
  })
  similarity: number;

  @Field(() => CaseLinkKind, { description: 'The kind an officer would most likely choose.' })
  suggestedKind: CaseLinkKind;
}

@InputType()
export class LinkCasesInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  otherCaseId: string;

  @Field(() => CaseLinkKind)
  kind: CaseLinkKind;
}

@InputType()
export class UnlinkCasesInput {
  @Field(() => ID)
  linkId: string;
}
