import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

export enum StatisticsPeriod {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(StatisticsPeriod, {
  name: 'StatisticsPeriod',
  description: 'How the statistics are broken down.',
});

@ObjectType({ description: 'How many cases have one value (an outcome, an exemption, days late …).' })
export class StatisticsCount {
  @Field({ description: 'The value counted.' }) key!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Internal reviews of the requests received in the period.' })
export class ReviewStatistics {
  @Field(() => Int, { description: 'Reviews requested.' }) requested!: number;
  @Field(() => Int, { description: 'Reviews decided.' }) decided!: number;
  @Field(() => Int, { description: 'Reviews decided within their deadline.' }) inTime!: number;
  @Field(() => Int, { description: 'Reviews decided after their deadline.' }) late!: number;
  @Field(() => [StatisticsCount], { description: 'Decided reviews by outcome (upheld, overturned …).' })
  outcomes!: StatisticsCount[];
}

@ObjectType({ description: "Complaints to the regulator about the period's requests, and its decisions." })
export class RegulatorStatistics {
  @Field(() => Int) complaints!: number;
  @Field(() => [StatisticsCount], { description: 'Decision notices by decision.' })
  decisions!: StatisticsCount[];
}

@ObjectType({ isAbstract: true })
export class StatisticsFigures {
  @Field(() => Int, { description: 'Requests received.' }) received!: number;
  @Field(() => Int, { description: 'Requests answered (a response or a refusal sent).' }) answered!: number;
  @Field(() => Int, { description: 'Answered within the time limit, no extension taken.' }) inTime!: number;
  @Field(() => Int, {
    description:
      'Answered in time with a permitted extension: within the limit as extended (FOIA s.10(3), EIR/EISR reg 7, UK GDPR Art 12(3)).',
  })
  inTimeExtended!: number;
  @Field(() => Int, { description: 'Answered after the time limit.' }) late!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'The percentage of answers in time (one decimal place), counting those in time with a permitted extension as the ICO does; null when none was answered.',
  })
  inTimePercent!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Average working days late of the late answers whose deadline is known.',
  })
  lateWorkingDaysAverage!: number | null;
  @Field(() => [StatisticsCount], {
    description: 'Late answers by working days late (key: the number of days).',
  })
  lateWorkingDays!: StatisticsCount[];
  @Field(() => [StatisticsCount], {
    description:
      'Cases by the outcome that stands (a fresh response after a review or decision replaces the first).',
  })
  outcomes!: StatisticsCount[];
  @Field(() => [StatisticsCount], { description: 'Exemptions cited, each counted once per case.' })
  exemptions!: StatisticsCount[];
  @Field(() => ReviewStatistics) reviews!: ReviewStatistics;
  @Field(() => RegulatorStatistics) regulator!: RegulatorStatistics;
}

@ObjectType({ description: 'The figures of one month, quarter or year.' })
export class StatisticsPeriodRow extends StatisticsFigures {
  @Field({ description: 'The period: 2026-01, 2026-Q1 or 2026.' }) period!: string;
  @Field(() => GraphQLLocalDate) from!: string;
  @Field(() => GraphQLLocalDate) to!: string;
}

@ObjectType({
  description:
    'Timeliness, outcomes, exemptions, reviews and regulator decisions of the requests received between from and to.',
})
export class Statistics extends StatisticsFigures {
  @Field(() => GraphQLLocalDate) from!: string;
  @Field(() => GraphQLLocalDate) to!: string;
  @Field(() => String, { nullable: true }) regime!: string | null;
  @Field(() => StatisticsPeriod) groupBy!: StatisticsPeriod;
  @Field(() => [StatisticsPeriodRow], { description: 'The same figures per period, oldest first.' })
  periods!: StatisticsPeriodRow[];
}

@ArgsType()
export class StatisticsArgs {
  @Field(() => GraphQLLocalDate, { description: 'Requests received on or after this date.' }) from!: string;
  @Field(() => GraphQLLocalDate, { description: 'Requests received on or before this date.' }) to!: string;
  @Field(() => String, { nullable: true, description: 'Only this regime (foi, eir, foisa, eisr, sar).' })
  regime?: string | null;
  @Field(() => StatisticsPeriod, { defaultValue: StatisticsPeriod.MONTH }) groupBy!: StatisticsPeriod;
  @Field(() => String, { nullable: true, description: "Only this workflow's cases." }) workflowId?:
    | string
    | null;
  @Field(() => ID, { nullable: true, description: 'Only the cases assigned to this team.' }) teamId?:
    | string
    | null;
}
