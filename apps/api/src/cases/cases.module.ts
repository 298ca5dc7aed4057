import { Module } from '@nestjs/common';
import { CaseRepository } from './case.repository';
import { CasesQuery } from './cases.query';
import { CaseConnectionResolver, CasesResolver } from './cases.resolver';
import { CasesService } from './cases.service';
import { SavedFiltersResolver } from './saved-filters.resolver';
import { SavedFiltersService } from './saved-filters.service';
import { SearchWords } from './search-words';
import { TransitionPolicy } from './transition-policy';

/** The case engine. Holidays, history, letters, tasks and timers build on it; it imports none of them. */
@Module({
  providers: [
    CasesResolver,
    CaseConnectionResolver,
    CasesService,
    CasesQuery,
    CaseRepository,
    TransitionPolicy,
    SavedFiltersService,
    SavedFiltersResolver,
    SearchWords,
  ],
  exports: [CasesService, CasesQuery, CaseRepository],
})
export class CasesModule {}
