import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { LettersResolver } from './letters.resolver';
import { LettersService } from './letters.service';

@Module({ imports: [CasesModule], providers: [LettersService, LettersResolver], exports: [LettersService] })
export class LettersModule {}
