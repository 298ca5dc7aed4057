import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { HistoryModule } from '../history/history.module';
import { LifecycleResolver } from './lifecycle.resolver';
import { LifecycleService } from './lifecycle.service';
import { RetentionService } from './retention.service';

/** A case's life beyond its workflow: corrections, voiding, moving versions, retention and erasure. */
@Module({
  imports: [CasesModule, HistoryModule],
  providers: [LifecycleService, RetentionService, LifecycleResolver],
})
export class LifecycleModule {}
