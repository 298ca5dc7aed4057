import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import type { DeadlinePreview } from '../cases/cases.service';
import { DeadlineRecomputation } from './deadline-recomputation';
import {
  AddHolidayInput,
  AddHolidayResult,
  CaseDeadlinesPreviewModel,
  HolidayChangeInput,
  HolidayChangeResult,
  HolidayModel,
  MoveHolidayInput,
  RemoveHolidayInput,
} from './holiday.model';

@Resolver()
export class HolidaysResolver {
  constructor(private readonly recomputation: DeadlineRecomputation) {}

  @Roles('admin', 'officer', 'auditor')
  @Query(() => [HolidayModel], {
    description:
      'Run-time changes to the bank holidays (added and removed), by date. Roles: admin, officer, auditor.',
  })
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

  @Roles('admin')
  @Mutation(() => HolidayChangeResult, {
    description:
      "Makes a bank holiday a working day again (e.g. moved or cancelled by proclamation; never Christmas Day) and recomputes every open case's deadlines; each change is an event in the case's history. Role: admin.",
  })
  removeHoliday(
    @CurrentUser() actor: Actor,
    @Args('input') input: RemoveHolidayInput,
  ): Promise<HolidayChangeResult> {
    return this.recomputation.removeHoliday(actor, input);
  }

  @Roles('admin')
  @Mutation(() => HolidayChangeResult, {
    description:
      "Moves a bank holiday to another date by proclamation, in one step (the old date a working day again, the new one a holiday), and recomputes every open case's deadlines; each change is an event in the case's history. Role: admin.",
  })
  moveHoliday(
    @CurrentUser() actor: Actor,
    @Args('input') input: MoveHolidayInput,
  ): Promise<HolidayChangeResult> {
    return this.recomputation.moveHoliday(actor, input);
  }

  @Roles('admin')
  @Query(() => [CaseDeadlinesPreviewModel], {
    description:
      'The open cases whose deadlines the proposed holiday changes (applied in order) would move, and to what. Nothing is recorded. Role: admin.',
  })
  holidayChangePreview(
    @Args('changes', { type: () => [HolidayChangeInput] }) changes: HolidayChangeInput[],
  ): Promise<DeadlinePreview[]> {
    return this.recomputation.preview(changes);
  }
}
