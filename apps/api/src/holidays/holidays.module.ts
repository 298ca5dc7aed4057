import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DeadlineRecomputation } from './deadline-recomputation';
import { HolidaysResolver } from './holidays.resolver';

@Module({ imports: [CasesModule], providers: [HolidaysResolver, DeadlineRecomputation] })
export class HolidaysModule {}
