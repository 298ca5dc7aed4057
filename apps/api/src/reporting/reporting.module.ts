import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { LettersModule } from '../letters/letters.module';
import { DisclosureLogController } from './disclosure-log.controller';
import { DisclosureLogResolver } from './disclosure-log.resolver';
import { DisclosureLogService } from './disclosure-log.service';
import { ExportsController } from './exports.controller';
import { StatisticsResolver } from './statistics.resolver';
import { StatisticsService } from './statistics.service';

/** Statistics from the case_report summary the event trigger keeps, the CSV and XLSX exports and the disclosure log. */
@Module({
  imports: [CasesModule, LettersModule],
  controllers: [ExportsController, DisclosureLogController],
  providers: [StatisticsService, StatisticsResolver, DisclosureLogService, DisclosureLogResolver],
  exports: [StatisticsService],
})
export class ReportingModule {}
