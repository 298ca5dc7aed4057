import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { HolidaysService } from '../holidays/holidays.service';
import { CasesQuery } from './cases.query';
import { CaseConnectionResolver, CasesResolver } from './cases.resolver';
import { CasesService } from './cases.service';

@Module({
  imports: [HistoryModule],
  providers: [CasesResolver, CaseConnectionResolver, CasesService, CasesQuery, HolidaysService],
  exports: [CasesService],
})
export class CasesModule {}
