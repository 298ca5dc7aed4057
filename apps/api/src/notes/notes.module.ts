import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CaseNotesResolver, NotesResolver } from './notes.resolver';
import { NotesService } from './notes.service';

@Module({
  imports: [CasesModule],
  providers: [NotesService, NotesResolver, CaseNotesResolver],
})
export class NotesModule {}
