import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { DeadlineRecomputation } from './deadline-recomputation';
import { AddHolidayInput, AddHolidayResult, HolidayModel } from './holiday.model';

@Resolver()
export class HolidaysResolver {
  constructor(private readonly recomputation: DeadlineRecomputation) {}

  @Roles('admin', 'officer', 'auditor')
  @Query(() => [HolidayModel], { description: 'Holidays added at run time. Roles: admin, officer, auditor.' })
  holidays(): Promise<HolidayModel[]> {
    return this.recomputation.list();
  }

  @Roles('admin')
  @Mutation(() => AddHolidayResult, {
    description:
      "Adds a newly proclaimed holiday and recomputes every open case's deadlines with it; each change is an event in the case's history. Role: admin.",
  })
  addHoliday(@CurrentUser() actor: Actor, @Args('input') input: AddHolidayInput): Promise<AddHolidayResult> {
    return this.recomputation.addHoliday(actor, input);
  }
}
