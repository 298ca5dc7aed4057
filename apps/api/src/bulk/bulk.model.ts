import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSONObject, GraphQLLocalDate } from 'graphql-scalars';
import { CasesFilter } from '../cases/dto/cases-filter.input';

export enum BulkActionKind {
  ASSIGN = 'assign',
  EVENT = 'event',
}
registerEnumType(BulkActionKind, {
  name: 'BulkActionKind',
  description:
    'ASSIGN: assign to a person and/or team (none: unassign). EVENT: send an event (e.g. WITHDRAW).',
});

@InputType({
  description: 'A bulk action: the cases (a selection, or every case a filter matches) and what to do.',
})
export class BulkActionInput {
  @Field(() => [ID], { nullable: true, description: 'The selected cases (give these or filter).' })
  caseIds?: string[];

  @Field(() => [Int], {
    nullable: true,
    description:
      'The version of each selected case as you saw it, in the order of caseIds: a case changed since is reported as VERSION_CONFLICT and left as it is. Without them, the versions when the action starts.',
  })
  expectedVersions?: number[];

  @Field(() => CasesFilter, {
    nullable: true,
    description: 'Every case this filter matches (instead of caseIds).',
  })
  filter?: CasesFilter;

  @Field(() => BulkActionKind)
  action: BulkActionKind;

  @Field(() => ID, { nullable: true, description: 'ASSIGN: the officer.' })
  assigneeId?: string;

  @Field(() => ID, { nullable: true, description: 'ASSIGN: the team whose queue holds the cases.' })
  teamId?: string;

  @Field({ nullable: true, description: 'EVENT: the event type, e.g. WITHDRAW.' })
  eventType?: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "EVENT: the event's inputs." })
  payload?: Record<string, unknown>;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'EVENT: when it took effect (default today).',
  })
  effectiveOn?: string;
}

@ObjectType({ description: 'What a bulk action would do to one case.' })
export class BulkPreviewItem {
  @Field(() => ID)
  caseId: string;

  @Field()
  reference: string;

  @Field()
  allowed: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'When refused: the error code it would get (EVENT_NOT_ALLOWED …).',
  })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'When refused: why; when allowed: what happens.' })
  message?: string | null;
}

@ObjectType({ description: 'What a bulk action would do, case by case; nothing is changed.' })
export class BulkPreview {
  @Field(() => Int)
  total: number;

  @Field(() => Int)
  allowed: number;

  @Field(() => Int)
  refused: number;

  @Field(() => [BulkPreviewItem])
  items: BulkPreviewItem[];
}

@ObjectType({ description: 'One case of a bulk job and how it went.' })
export class BulkJobItemModel {
  @Field(() => Int)
  position: number;

  @Field(() => ID)
  caseId: string;

  @Field()
  reference: string;

  @Field({ description: 'pending, done or failed' })
  status: string;

  @Field(() => String, {
    nullable: true,
    description: 'Failed: the refusal code (VERSION_CONFLICT, EVENT_NOT_ALLOWED …).',
  })
  code?: string | null;

  @Field(() => String, { nullable: true })
  message?: string | null;

  @Field(() => Int, { nullable: true, description: "Done: the sequence of the event in the case's history." })
  sequence?: number | null;
}

@ObjectType({ description: "A page of a bulk job's cases, in the order they were chosen." })
export class BulkJobItemPage {
  @Field(() => [BulkJobItemModel])
  items: BulkJobItemModel[];

  @Field(() => String, { nullable: true, description: 'Pass as after for the next page; null on the last.' })
  endCursor: string | null;
}

@ObjectType('BulkJob', { description: 'A bulk action running or done: poll it for progress.' })
export class BulkJobModel {
  @Field(() => ID)
  id: string;

  @Field(() => BulkActionKind)
  action: BulkActionKind;

  @Field({ description: 'running or done' })
  status: string;

  @Field(() => Int)
  total: number;

  @Field(() => Int)
  succeeded: number;

  @Field(() => Int)
  failed: number;

  @Field(() => Int, { description: 'Cases not yet done.' })
  pending: number;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt?: Date | null;
}
