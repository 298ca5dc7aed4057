import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { invalidBecause as invalid, isUuid, notFound } from '../common/errors';
import type { CasesFilter } from './dto/cases-filter.input';
import { SavedFilter } from './saved-filter.entity';

/** The most filters one user keeps: a list to choose from, not a store. */
export const MAX_SAVED_FILTERS = 50;
const MAX_NAME_LENGTH = 80;

/** Each user's named case-list filters, kept server-side. */
@Injectable()
export class SavedFiltersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(user: Actor): Promise<SavedFilter[]> {
    return this.dataSource
      .getRepository(SavedFilter)
      .find({ where: { userId: user.id }, order: { name: 'ASC' } });
  }

  /** Saves the filter under its name; a filter already saved under that name is replaced. */
  async save(user: Actor, name: string, filter: CasesFilter): Promise<SavedFilter> {
    const trimmed = name.trim();
    if (trimmed === '') throw invalid('input.name', 'Give the filter a name.');
    if (trimmed.length > MAX_NAME_LENGTH)
      throw invalid('input.name', `A filter's name is at most ${MAX_NAME_LENGTH} characters.`);
    if (filter.status && !['open', 'closed', 'all'].includes(filter.status))
      throw invalid('input.filter.status', `status must be open, closed or all, not "${filter.status}".`);
    // Only the fields given: an omitted field stays omitted when the filter is used again.
    const fields = Object.fromEntries(
      Object.entries(filter).filter(([, value]) => value !== undefined && value !== null),
    );
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(SavedFilter);
      // Serialises one user's saves, so the count below holds.
      await manager.query('SELECT 1 FROM "user" WHERE id = $1 FOR UPDATE', [user.id]);
      const existing = await repository.findOneBy({ userId: user.id, name: trimmed });
      if (existing) {
        existing.filter = fields;
        return repository.save(existing);
      }
      if ((await repository.countBy({ userId: user.id })) >= MAX_SAVED_FILTERS)
        throw invalid('input.name', `You have ${MAX_SAVED_FILTERS} saved filters; delete one first.`);
      return repository.save(repository.create({ userId: user.id, name: trimmed, filter: fields }));
    });
  }

  /** Deletes one of the user's own filters. */
  async delete(user: Actor, id: string): Promise<SavedFilter> {
    if (!isUuid(id)) throw notFound('saved filter', id);
    const repository = this.dataSource.getRepository(SavedFilter);
    const found = await repository.findOneBy({ id, userId: user.id });
    if (!found) throw notFound('saved filter', id);
    await repository.delete({ id, userId: user.id });
    return found;
  }
}
