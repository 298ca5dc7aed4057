import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CaseLinkFieldsResolver, CaseLinksResolver } from './links.resolver';
import { LinksService } from './links.service';

/** Links between cases and suggestions of related cases; builds on the case engine. */
@Module({
  imports: [CasesModule],
  providers: [LinksService, CaseLinksResolver, CaseLinkFieldsResolver],
})
export class LinksModule {}
