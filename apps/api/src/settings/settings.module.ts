import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AuthoritySettingsService } from './authority-settings.service';
import { SettingsResolver } from './settings.resolver';

/** The authority's settings (name, addresses, nation, sector) and the law's reference lists. */
@Module({ imports: [CasesModule], providers: [AuthoritySettingsService, SettingsResolver] })
export class SettingsModule {}
