import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { ukToday } from '../common/dates';
import { refusal } from '../common/errors';
import { Case } from './case.entity';
import { CaseRepository } from './case.repository';
import { type DeadlineRules, deadlineRules } from './deadline-status';
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

// Split as search_words splits (on ASCII punctuation), and on spaces: no tsquery syntax is left in a word.
const wordsOf = (text: string) => text.split(/(?:[^\P{ASCII}a-zA-Z0-9]|\s)+/u).filter(Boolean);

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Counting stops here however big the list: beyond it a count is a scan nobody reads. */
export const MAX_COUNT_UP_TO = 10_000;

/** The officers' case list: filters, keyset pagination on (due date, reference), and counts apart. */
@Injectable()
export class CasesQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
  ) {}

  /** Today and each regime's "due soon" date, with the run-time holidays as they stand now. */
  async deadlineRules(): Promise<DeadlineRules> {
    const calendar = await this.cases.calendar();
    return deadlineRules(ukToday(), calendar.options);
  }

  async page(actor: Actor, filter: CasesFilter, first: number, after: string | null) {
    const query = await this.filtered(actor, filter);
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
    };
  }

  /** How many cases match: exactly, or (given upTo) counting no further than upTo. */
  async count(actor: Actor, filter: CasesFilter, upTo?: number): Promise<{ value: number; exact: boolean }> {
    const query = await this.filtered(actor, filter);
    if (upTo === undefined) {
      const row = await query.select('count(*)::int', 'n').getRawOne<{ n: number }>();
      return { value: row?.n ?? 0, exact: true };
    }
    if (!Number.isInteger(upTo) || upTo < 1 || upTo > MAX_COUNT_UP_TO) {
      throw refusal('BAD_USER_INPUT', `upTo must be between 1 and ${MAX_COUNT_UP_TO}, not ${upTo}.`);
    }
    // One row past the cap says whether there are more, without counting them.
    const [sql, parameters] = query
      .select('1')
      .limit(upTo + 1)
      .getQueryAndParameters();
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM (${sql}) capped`, parameters);
    return n > upTo ? { value: upTo, exact: false } : { value: n, exact: true };
  }

  private async filtered(actor: Actor, filter: CasesFilter) {
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
    if (filter.teamId) query.andWhere('c.team_id = :teamId', { teamId: filter.teamId });
    if (filter.teamQueue) {
      // The teams first: with one team (the usual) the case_team_order index gives the page in order.
      const teams: { team_id: string }[] = await this.dataSource.query(
        'SELECT team_id FROM user_team WHERE user_id = $1',
        [actor.id],
      );
      const [only] = teams;
      if (!only) query.andWhere('false');
      else if (teams.length === 1) query.andWhere('c.team_id = :queueTeam', { queueTeam: only.team_id });
      else query.andWhere('c.team_id IN (:...queueTeams)', { queueTeams: teams.map((t) => t.team_id) });
    }
    // Filters on the sort key itself, so the case_list_order index serves both the filter and the order.
    if (filter.overdue) query.andWhere(`c.status = 'open' AND ${SORT_KEY} < :today`, { today: ukToday() });
    if (filter.dueSoon) {
      // The latest regime's date bounds the index range; each case is then held to its own regime's date.
      const rules = await this.deadlineRules();
      const dates = Object.values(rules.dueSoonBy).sort();
      const byRegime = Object.keys(rules.dueSoonBy)
        .map((regime) => `WHEN '${regime}' THEN :soon_${regime}::date`)
        .join(' ');
      query.andWhere(
        `c.status = 'open' AND ${SORT_KEY} >= :soonFrom AND ${SORT_KEY} <= :soonTo AND c.due_on <= CASE c.regime ${byRegime} END`,
        {
          soonFrom: rules.today,
          soonTo: dates.at(-1),
          ...Object.fromEntries(
            Object.entries(rules.dueSoonBy).map(([regime, by]) => [`soon_${regime}`, by]),
          ),
        },
      );
    }
    if (filter.dueBefore) query.andWhere(`${SORT_KEY} <= :dueBefore`, { dueBefore: filter.dueBefore });
    if (filter.receivedFrom)
      query.andWhere('c.received_on >= :receivedFrom', { receivedFrom: filter.receivedFrom });
    if (filter.receivedTo) query.andWhere('c.received_on <= :receivedTo', { receivedTo: filter.receivedTo });
    // The reporting summary knows how each case was answered (kept by a trigger on its events).
    if (filter.answeredLate !== undefined && filter.answeredLate !== null)
      query.andWhere(
        `${filter.answeredLate ? '' : 'NOT '}EXISTS (SELECT 1 FROM case_report r WHERE r.case_id = c.id AND r.timeliness = 'late')`,
      );
    const text = filter.text?.trim();
    const words = text ? wordsOf(text) : [];
    if (words.length > 0) {
      // Every word starts a word of the reference or subject; the last may be half typed.
      const tsquery = words.map((word, i) => (i === words.length - 1 ? `${word}:*` : word)).join(' & ');
      query.andWhere(`c.search_words @@ to_tsquery('simple', :tsquery)`, { tsquery });
    } else if (text) {
      // No letters or digits to index (say "%"): look for the characters as typed.
      query.andWhere(`(c.reference || ' ' || c.subject) ILIKE :text ESCAPE '\\'`, {
        text: likePattern(text),
      });
    }
    return query;
  }
}
