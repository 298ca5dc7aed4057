import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { ukToday } from '../common/dates';
import { refusal } from '../common/errors';
import { Case } from './case.entity';
import type { CasesFilter } from './dto/cases-filter.input';

// Cases with no deadline sort after every dated one.
const NO_DUE_DATE = '9999-12-31';
const SORT_KEY = `coalesce(c.due_on, '${NO_DUE_DATE}'::date)`;

interface Cursor {
  due: string;
  reference: string;
}

const encode = (cursor: Cursor) =>
  Buffer.from(JSON.stringify([cursor.due, cursor.reference])).toString('base64url');

function decode(after: string): Cursor {
  try {
    const [due, reference] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown[];
    if (typeof due === 'string' && typeof reference === 'string') return { due, reference };
  } catch {
    // fall through to the refusal
  }
  throw refusal(
    'BAD_USER_INPUT',
    `"${after}" is not a cursor from this list; pass a pageInfo.endCursor you were given.`,
  );
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The officers' case list: filters, keyset pagination on (due date, reference). */
@Injectable()
export class CasesQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(actor: Actor, filter: CasesFilter, first: number, after: string | null) {
    // No join: the version number comes from a cache, and a join would make TypeORM count DISTINCT ids.
    const query = this.dataSource.getRepository(Case).createQueryBuilder('c');
    const status = filter.status ?? 'open';
    if (!['open', 'closed', 'all'].includes(status)) {
      throw refusal('BAD_USER_INPUT', `status must be open, closed or all, not "${status}".`);
    }
    if (status !== 'all') query.andWhere('c.status = :status', { status });
    if (filter.stage) query.andWhere('c.stage = :stage', { stage: filter.stage });
    if (filter.regime) query.andWhere('c.regime = :regime', { regime: filter.regime });
    if (filter.assigneeId) query.andWhere('c.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.mine) query.andWhere('c.assignee_id = :me', { me: actor.id });
    // Filters on the sort key itself, so the case_list_order index serves both the filter and the order.
    if (filter.overdue) query.andWhere(`c.status = 'open' AND ${SORT_KEY} < :today`, { today: ukToday() });
    if (filter.dueBefore) query.andWhere(`${SORT_KEY} <= :dueBefore`, { dueBefore: filter.dueBefore });
    if (filter.text?.trim()) {
      query.andWhere(`(c.reference || ' ' || c.subject) ILIKE :text ESCAPE '\\'`, {
        text: likePattern(filter.text.trim()),
      });
    }
    const { total } = (await query
      .clone()
      .select('count(*)::int', 'total')
      .getRawOne<{ total: number }>()) ?? { total: 0 };
    const totalCount = total;
    if (after) {
      const cursor = decode(after);
      query.andWhere(`(${SORT_KEY}, c.reference) > (:due::date, :reference)`, cursor);
    }
    const rows = await query
      .orderBy(SORT_KEY, 'ASC')
      .addOrderBy('c.reference', 'ASC')
      .limit(first + 1)
      .getMany();
    const hasNextPage = rows.length > first;
    const pageRows = rows.slice(0, first);
    return {
      rows: pageRows,
      cursors: pageRows.map((row) => encode({ due: row.dueOn ?? NO_DUE_DATE, reference: row.reference })),
      hasNextPage,
      totalCount,
    };
  }
}
