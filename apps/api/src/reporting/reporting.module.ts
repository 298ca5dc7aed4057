import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ExportsController } from './exports.controller';
import { StatisticsResolver } from './statistics.resolver';
import { StatisticsService } from './statistics.service';

/** Statistics from the case_report summary the event trigger keeps, and the CSV and XLSX exports. */
@Module({
  imports: [CasesModule],
  controllers: [ExportsController],
  providers: [StatisticsService, StatisticsResolver],
  exports: [StatisticsService],
})
export class ReportingModule {}
