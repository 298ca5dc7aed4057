import { Module } from '@nestjs/common';
import { StatisticsResolver } from './statistics.resolver';
import { StatisticsService } from './statistics.service';

/** Statistics from the case_report summary the event trigger keeps. */
@Module({ providers: [StatisticsService, StatisticsResolver], exports: [StatisticsService] })
export class ReportingModule {}
