import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  appropriateLimitOf,
  isSector,
  NATIONS,
  type Nation,
  nationName,
  SECTOR_NAMES,
  type Sector,
} from '@recordflow/calendar';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { CasesService } from '../cases/cases.service';
import { refusal } from '../common/errors';
import { DEFAULT_AUTHORITY } from '../letters/letters.service';
import type {
  AuthoritySettingsInput,
  AuthoritySettingsModel,
  SaveAuthoritySettingsResult,
} from './authority-settings.model';

const AUTHORITY_KEY = 'authority';

/**
 * The authority's settings. Name and addresses are one setting row (letters read it); the nation and
 * the sector are part of the calendar settings' history, so every event can be replayed with the
 * settings then in force.
 */
@Injectable()
export class AuthoritySettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
  ) {}

  async get(): Promise<AuthoritySettingsModel> {
    const [[row], [calendar]] = await Promise.all([
      this.dataSource.query('SELECT value FROM setting WHERE key = $1', [AUTHORITY_KEY]),
      this.dataSource.query(
        'SELECT nation, sector, receipt_rule FROM calendar_setting ORDER BY created_at DESC, id DESC LIMIT 1',
      ),
    ]);
    const stored = { ...DEFAULT_AUTHORITY, ...(row?.value ?? {}) };
    const sector: Sector | null = calendar?.sector && isSector(calendar.sector) ? calendar.sector : null;
    const limit = appropriateLimitOf(sector);
    return {
      name: stored.name,
      team: stored.team,
      email: stored.email,
      address: stored.address,
      nation: calendar?.nation ?? null,
      sector,
      appropriateLimit: limit.pounds,
      appropriateLimitHours: limit.hours,
      receiptRule: calendar?.receipt_rule ?? 'ico',
    };
  }

  async save(actor: Actor, input: AuthoritySettingsInput): Promise<SaveAuthoritySettingsResult> {
    const problems: { field: string; message: string }[] = [];
    for (const field of ['name', 'team', 'email', 'address'] as const) {
      if (input[field].trim() === '') problems.push({ field, message: `The ${field} is empty.` });
    }
    if (input.nation != null && !(NATIONS as readonly string[]).includes(input.nation)) {
      problems.push({
        field: 'nation',
        message: `"${input.nation}" is not a nation: use one of ${NATIONS.join(', ')}.`,
      });
    }
    if (input.sector != null && !isSector(input.sector)) {
      problems.push({
        field: 'sector',
        message: `"${input.sector}" is not a sector: use one of ${SECTOR_NAMES.join(', ')}.`,
      });
    }
    if (problems.length > 0) {
      throw refusal('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join(' '), {
        fields: problems,
      });
    }
    const before = await this.get();
    const sector = input.sector === undefined ? before.sector : input.sector;
    const nation = input.nation === undefined ? before.nation : input.nation;
    await this.dataSource.query(
      `INSERT INTO setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = $2, updated_at = now()`,
      [
        AUTHORITY_KEY,
        JSON.stringify({
          name: input.name.trim(),
          team: input.team.trim(),
          email: input.email.trim(),
          address: input.address.trim(),
        }),
      ],
    );
    let casesRecomputed = 0;
    if (nation !== before.nation || sector !== before.sector) {
      // A new row in the history, so replay knows the nation and sector in force at every later event.
      await this.dataSource.query(
        'INSERT INTO calendar_setting (nation, sector, receipt_rule, created_by) VALUES ($1, $2, $3, $4)',
        [nation, sector, before.receiptRule, actor.id],
      );
    }
    if (nation !== before.nation) casesRecomputed = await this.cases.recomputeOpenDeadlines(actor);
    return { settings: await this.get(), casesRecomputed };
  }

  nations(): { nation: Nation; name: string }[] {
    return NATIONS.map((nation) => ({ nation, name: nationName(nation) }));
  }
}
