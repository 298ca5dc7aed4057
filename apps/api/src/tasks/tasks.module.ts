import { type DynamicModule, Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { TASK_CLOCK_INTERVAL_MS, TaskClock } from './task-clock.service';
import { TasksController } from './tasks.controller';
import { CaseTasksResolver, TasksResolver } from './tasks.resolver';
import { TasksService } from './tasks.service';

@Module({})
export class TasksModule {
  /** intervalMs 0 turns the reminder and overdue poll off (tests call TaskClock.markDue). */
  static register(intervalMs: number): DynamicModule {
    return {
      module: TasksModule,
      imports: [CasesModule],
      controllers: [TasksController],
      providers: [
        TasksService,
        TasksResolver,
        CaseTasksResolver,
        TaskClock,
        { provide: TASK_CLOCK_INTERVAL_MS, useValue: intervalMs },
      ],
    };
  }
}
