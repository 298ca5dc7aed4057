import { type DynamicModule, Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { TIMER_INTERVAL_MS, TimersService } from './timers.service';

@Module({})
export class TimersModule {
  /** intervalMs 0 turns the background loop off (tests fire timers by hand). */
  static register(intervalMs: number): DynamicModule {
    return {
      module: TimersModule,
      imports: [CasesModule],
      providers: [TimersService, { provide: TIMER_INTERVAL_MS, useValue: intervalMs }],
      exports: [TimersService],
    };
  }
}
