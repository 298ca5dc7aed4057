import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { BulkResolver } from './bulk.resolver';
import { BulkService } from './bulk.service';

/** Bulk actions over a selection or a filter; each case changes through the case engine. */
@Module({
  imports: [CasesModule],
  providers: [BulkService, BulkResolver],
})
export class BulkModule {}
