import { Module } from '@nestjs/common';
import { CaseRepository } from './case.repository';
import { CasesQuery } from './cases.query';
import { CaseConnectionResolver, CasesResolver } from './cases.resolver';
import { CasesService } from './cases.service';
import { TransitionPolicy } from './transition-policy';

/** The case engine. Holidays, history, letters and timers build on it; it imports none of them. */
@Module({
  providers: [
    CasesResolver,
    CaseConnectionResolver,
    CasesService,
    CasesQuery,
    CaseRepository,
    TransitionPolicy,
  ],
  exports: [CasesService, CasesQuery],
})
export class CasesModule {}
