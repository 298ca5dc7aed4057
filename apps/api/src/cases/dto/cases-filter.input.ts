import { Field, ID, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { DUE_SOON_WORKING_DAYS } from '../deadline-status';

@InputType({ description: 'Every field narrows the list; omit a field to not filter on it.' })
export class CasesFilter {
  @Field({ nullable: true })
  stage?: string;

  @Field({ nullable: true, description: 'One of the `regimes` query (e.g. foi).' })
  regime?: string;

  @Field(() => ID, { nullable: true })
  assigneeId?: string;

  @Field({ nullable: true, description: 'Only cases assigned to the signed-in user.' })
  mine?: boolean;

  @Field({ nullable: true, description: "Only cases in the queues of the signed-in user's teams." })
  teamQueue?: boolean;

  @Field(() => ID, { nullable: true, description: "Only cases in this team's queue." })
  teamId?: string;

  @Field({ nullable: true, description: 'open (default) or closed; "all" for both.' })
  status?: string;

  @Field({ nullable: true, description: 'Open cases whose deadline has passed (Case.overdue).' })
  overdue?: boolean;

  @Field({
    nullable: true,
    description: `Open cases due today or within ${DUE_SOON_WORKING_DAYS} working days on their regime's calendar, not yet overdue (Case.dueSoon).`,
  })
  dueSoon?: boolean;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Cases due on or before this date.' })
  dueBefore?: string;

  @Field({
    nullable: true,
    description:
      'Words, in any order, of the reference or subject (the last may be half typed: "FOI-2026-0001", "parking fin") or of the request text and the e-mails sent (English full-text search: "repairs" finds "repair").',
  })
  text?: string;

  @Field({
    nullable: true,
    description:
      "Part of the requester's name or e-mail address. Roles: officer, admin (FORBIDDEN for others: personal data).",
  })
  requester?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Cases citing any of these exemptions (subsection-level, e.g. s.43(2)).',
  })
  exemptions?: string[];

  @Field({
    nullable: true,
    description: 'The outcome that stands (e.g. granted-in-full, refused-in-full, withdrawn).',
  })
  outcome?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Cases due on or after this date.' })
  dueFrom?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Cases due on or before this date.' })
  dueTo?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Cases closed on or after this date.' })
  closedFrom?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Cases closed on or before this date.' })
  closedTo?: string;

  @Field({
    nullable: true,
    description:
      'Cases answered after their time limit (true) or not late (false), as the statistics count them.',
  })
  answeredLate?: boolean;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Cases received on or after this date.' })
  receivedFrom?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Cases received on or before this date.' })
  receivedTo?: string;
}
