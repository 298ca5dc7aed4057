import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/roles.decorator';
import { Statistics, StatisticsArgs } from './statistics.model';
import { StatisticsService } from './statistics.service';

@Resolver()
export class StatisticsResolver {
  constructor(private readonly statistics: StatisticsService) {}

  @Roles('officer', 'admin', 'auditor')
  @Query(() => Statistics, {
    name: 'statistics',
    description:
      'Timeliness, outcomes, exemptions, internal reviews and regulator decisions of the requests received between from and to (inclusive), in total and per period. Roles: officer, admin, auditor.',
  })
  report(@Args() args: StatisticsArgs): Promise<Statistics> {
    return this.statistics.statistics(args);
  }
}
