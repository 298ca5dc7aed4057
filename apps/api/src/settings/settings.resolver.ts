import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { appropriateLimitOf, describeRegime, REGIMES, SECTOR_NAMES, SECTORS } from '@recordflow/calendar';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import {
  AuthoritySettingsInput,
  AuthoritySettingsModel,
  NationModel,
  SaveAuthoritySettingsResult,
  SectorModel,
} from './authority-settings.model';
import { AuthoritySettingsService } from './authority-settings.service';
import { RegimeModel } from './regime.model';

@Resolver()
export class SettingsResolver {
  constructor(private readonly settings: AuthoritySettingsService) {}

  @Roles('admin', 'officer')
  @Query(() => AuthoritySettingsModel, {
    description:
      "The authority's name and addresses used in letters, its nation, its sector (with the s.12 appropriate limit) and the receipt rule. Roles: admin, officer.",
  })
  authoritySettings(): Promise<AuthoritySettingsModel> {
    return this.settings.get();
  }

  @Roles('admin')
  @Mutation(() => SaveAuthoritySettingsResult, {
    description:
      "Sets the authority's name, addresses, nation and sector. A change of nation recomputes every open case's deadlines; each change is an event in the case's history. Role: admin.",
  })
  saveAuthoritySettings(
    @CurrentUser() actor: Actor,
    @Args('settings', { type: () => AuthoritySettingsInput }) settings: AuthoritySettingsInput,
  ): Promise<SaveAuthoritySettingsResult> {
    return this.settings.save(actor, settings);
  }

  @Roles('admin', 'officer', 'auditor')
  @Query(() => [NationModel], {
    description: 'The UK nations with their own bank holidays. Roles: admin, officer, auditor.',
  })
  nations(): NationModel[] {
    return this.settings.nations();
  }

  @Roles('admin', 'officer', 'auditor')
  @Query(() => [SectorModel], {
    description:
      'The kinds of authority, each with its s.12 appropriate limit. Roles: admin, officer, auditor.',
  })
  sectors(): SectorModel[] {
    return SECTOR_NAMES.map((sector) => {
      const limit = appropriateLimitOf(sector);
      return {
        sector,
        label: SECTORS[sector].label,
        appropriateLimit: limit.pounds as number,
        appropriateLimitHours: limit.hours as number,
      };
    });
  }

  @Roles('admin', 'officer', 'auditor')
  @Query(() => [RegimeModel], {
    description:
      'Every regime Recordflow knows, with its law and time limit. Roles: admin, officer, auditor.',
  })
  regimes(): RegimeModel[] {
    return REGIMES.map((regime) => {
      const d = describeRegime(regime);
      return {
        regime,
        law: d.law,
        unit: d.unit,
        defaultLimit: d.defaultLimit.workingDays ?? d.defaultLimit.months ?? d.defaultLimit.calendarDays ?? 0,
        regulator: d.regulator,
        byControllerNation: d.byControllerNation,
        scope: d.scope,
      };
    });
  }
}
