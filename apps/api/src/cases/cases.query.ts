import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseAccess } from '../access/case-access.service';
import type { Actor } from '../auth/current-user';
import { ukToday } from '../common/dates';
import { invalid, refusal } from '../common/errors';
import { Case } from './case.entity';
import { CaseRepository } from './case.repository';
import { type DeadlineRules, deadlineRules } from './deadline-status';
import type { CasesFilter } from './dto/cases-filter.input';
import { SearchWords } from './search-words';

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

/** Who may search by the requester's name or e-mail (as who may read Case.requester). */
export const REQUESTER_ROLES: readonly string[] = ['officer', 'admin'];

const DATE_FIELDS = [
  'dueBefore',
  'dueFrom',
  'dueTo',
  'receivedFrom',
  'receivedTo',
  'closedFrom',
  'closedTo',
] as const satisfies readonly (keyof CasesFilter)[];

/** Counting stops here however big the list: beyond it a count is a scan nobody reads. */
export const MAX_COUNT_UP_TO = 10_000;

/** How long the estimate of a list's cases is kept, and for how many lists (then all are forgotten at once). */
const LISTED_ESTIMATE_TTL_MS = 60_000;
const LISTED_ESTIMATES_KEPT = 1_000;

/** The planner's estimates of a text search's matches, and of the cases of the list it searches. */
interface SearchEstimates {
  matches: number;
  listed: number;
}

/**
 * Whether the first `rows` matches are found sooner walking the list's order than from the word index:
 * the walk visits about rows × listed / matches cases, the index reads every match. A count walks
 * only when that is a twentieth of the matches: a visit (a row off the table) costs far more than a
 * match read from the index, and the count's index read stops at upTo rows too (measured at a million
 * cases: a text in 1 case of 2 of the list counts in 3 ms walking, a text in 1 case of 10 in 20 ms
 * from the index and 22 to 100 ms walking).
 */
const walks = ({ matches, listed }: SearchEstimates, rows: number) => matches * matches >= rows * listed;
const countWalks = ({ matches, listed }: SearchEstimates, rows: number) =>
  matches * matches >= 20 * rows * listed;

/** The officers' case list: filters, keyset pagination on (due date, reference), and counts apart. */
@Injectable()
export class CasesQuery {
  private readonly listedEstimates = new Map<string, { at: number; rows: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly access: CaseAccess,
    private readonly searchWords: SearchWords,
  ) {}

  /** Today and each regime's "due soon" date, with the run-time holidays as they stand now. */
  deadlineRules(): Promise<DeadlineRules> {
    return this.deadlineRulesOn(ukToday());
  }

  /** The rules as they stand on a given day (reminders are worked out for the day they run on). */
  async deadlineRulesOn(today: string): Promise<DeadlineRules> {
    const calendar = await this.cases.calendar();
    return deadlineRules(today, calendar.options);
  }

  /**
   * A page of cases. Given countUpTo (a screen shows the count beside its first page), the count runs
   * beside the page's query on another connection, unless the page counts its matches itself.
   */
  async page(actor: Actor, filter: CasesFilter, first: number, after: string | null, countUpTo?: number) {
    const { query, estimates, sorts } = await this.pageQueryAndEstimates(actor, filter, first, after);
    const counting =
      countUpTo !== undefined && !after && !sorts
        ? { upTo: countUpTo, value: this.count(actor, filter, countUpTo, estimates) }
        : undefined;
    // Read by countBeside; a page that fails first leaves it unread, which is no error of its own.
    counting?.value.catch(() => {});
    const { raw, entities: rows } = await query.getRawAndEntities();
    const hasNextPage = rows.length > first;
    const pageRows = rows.slice(0, first);
    const matches: unknown = raw[0]?.matches;
    return {
      estimates,
      counting,
      rows: pageRows,
      cursors: pageRows.map((row) => encode({ due: row.dueOn ?? NO_DUE_DATE, reference: row.reference })),
      hasNextPage,
      // Known without counting: the page sorted every match, or a first page holds them all.
      matches: matches !== undefined ? Number(matches) : !after && !hasNextPage ? pageRows.length : undefined,
    };
  }

  /** The count shown beside a first page: the page's own when it counted every match, else counted apart. */
  countBeside(
    page: {
      matches?: number;
      estimates?: SearchEstimates | null;
      counting?: { upTo: number; value: Promise<{ value: number; exact: boolean }> };
    },
    actor: Actor,
    filter: CasesFilter,
    upTo?: number,
  ): Promise<{ value: number; exact: boolean }> {
    if (page.matches === undefined) {
      if (page.counting && page.counting.upTo === upTo) return page.counting.value;
      return this.count(actor, filter, upTo, page.estimates);
    }
    this.checkUpTo(upTo);
    if (upTo === undefined || page.matches <= upTo)
      return Promise.resolve({ value: page.matches, exact: true });
    return Promise.resolve({ value: upTo, exact: false });
  }

  /** The page's query, one row past it (whether there is a next page); the search benchmark runs its SQL bare. */
  async pageQuery(actor: Actor, filter: CasesFilter, first: number, after: string | null) {
    return (await this.pageQueryAndEstimates(actor, filter, first, after)).query;
  }

  /**
   * The page's query, and for a text search on a first page the estimates it was chosen by (the count
   * beside the page chooses by them too). A text search's page is sorted from the word index's matches
   * when that is cheaper than walking the list's order: the planner's estimates say which; left to
   * itself it walks far too long for a few thousand matches.
   */
  private async pageQueryAndEstimates(
    actor: Actor,
    filter: CasesFilter,
    first: number,
    after: string | null,
  ) {
    const query = await this.filtered(actor, filter);
    if (after) {
      const cursor = decode(after);
      query.andWhere(`(${SORT_KEY}, c.reference) > (:due::date, :reference)`, cursor);
    }
    const estimates = await this.searchEstimates(actor, filter, query);
    const sorts = estimates !== null && !walks(estimates, first + 1);
    // Every match is read to sort them: the first page counts them too, sparing the count a second search.
    if (sorts && !after) query.addSelect('count(*) OVER ()', 'matches');
    // "+ 0" keeps the order but matches no index: the planner then sorts the word index's matches.
    const sortKey = sorts ? `${SORT_KEY} + 0` : SORT_KEY;
    query
      .orderBy(sortKey, 'ASC')
      .addOrderBy('c.reference', 'ASC')
      .limit(first + 1);
    return { query, estimates: after ? undefined : estimates, sorts };
  }

  /** The planner's estimates of a text search's matches and of the list it searches; null without a text. */
  private async searchEstimates(
    actor: Actor,
    filter: CasesFilter,
    query: Awaited<ReturnType<CasesQuery['filtered']>>,
  ): Promise<SearchEstimates | null> {
    if (!filter.text?.trim() || wordsOf(filter.text).length === 0) return null;
    const listed = await this.listedEstimate(await this.filtered(actor, { ...filter, text: undefined }));
    // Common words' share is known from the column's statistics, kept in memory: no estimate to ask for.
    const share = await this.searchWords.shareOf(wordsOf(filter.text));
    const matches = share !== null ? share * listed : await this.estimate(query.clone());
    return { matches, listed };
  }

  /**
   * The estimate of the list a search searches (the open cases, say): the same for every search of it,
   * and moving only when PostgreSQL's statistics do, so kept a minute (it chooses a plan, never a result).
   */
  private async listedEstimate(query: Awaited<ReturnType<CasesQuery['filtered']>>): Promise<number> {
    const key = JSON.stringify(query.clone().select('1').getQueryAndParameters());
    const kept = this.listedEstimates.get(key);
    if (kept && Date.now() - kept.at < LISTED_ESTIMATE_TTL_MS) return kept.rows;
    const rows = await this.estimate(query);
    if (this.listedEstimates.size >= LISTED_ESTIMATES_KEPT) this.listedEstimates.clear();
    this.listedEstimates.set(key, { at: Date.now(), rows });
    return rows;
  }

  /** The planner's estimate of a query's rows (planning only: nothing is read). */
  private async estimate(query: Awaited<ReturnType<CasesQuery['filtered']>>): Promise<number> {
    const [sql, parameters] = query.select('1').getQueryAndParameters();
    const [{ 'QUERY PLAN': plan }] = await this.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters);
    return plan[0].Plan['Plan Rows'];
  }

  /** How many cases match: exactly, or (given upTo) counting no further than upTo. */
  async count(
    actor: Actor,
    filter: CasesFilter,
    upTo?: number,
    estimates?: SearchEstimates | null,
  ): Promise<{ value: number; exact: boolean }> {
    const [sql, parameters] = await this.countStatement(actor, filter, upTo, estimates);
    const [{ n }] = await this.dataSource.query(sql, parameters);
    if (upTo === undefined) return { value: n, exact: true };
    return n > upTo ? { value: upTo, exact: false } : { value: n, exact: true };
  }

  /**
   * Several counts in one statement (the list's tabs ask for six): one round trip instead of six. Each
   * is as count() gives it; a filter count() would refuse gets its own error, the others their values.
   */
  async counts(
    actor: Actor,
    asked: readonly { filter: CasesFilter; upTo?: number }[],
  ): Promise<({ value: number; exact: boolean } | Error)[]> {
    const statements = await Promise.allSettled(
      asked.map(({ filter, upTo }) => this.countStatement(actor, filter, upTo)),
    );
    const parameters: unknown[] = [];
    const columns: string[] = [];
    for (const [i, statement] of statements.entries()) {
      if (statement.status === 'rejected') continue;
      const [sql, values] = statement.value;
      const offset = parameters.length;
      parameters.push(...values);
      // The statements are ours: "$n" in them is only ever a parameter, renumbered after the ones before.
      columns.push(`(${sql.replace(/\$(\d+)/g, (_, n) => `$${Number(n) + offset}`)}) AS n${i}`);
    }
    const [row] = columns.length
      ? await this.dataSource.query(`SELECT ${columns.join(', ')}`, parameters)
      : [{}];
    return statements.map((statement, i) => {
      if (statement.status === 'rejected')
        return statement.reason instanceof Error ? statement.reason : new Error(String(statement.reason));
      const n: number = row[`n${i}`];
      const upTo = asked[i]?.upTo;
      return upTo === undefined || n <= upTo ? { value: n, exact: true } : { value: upTo, exact: false };
    });
  }

  /** The count's SQL and parameters: counting stops one row past upTo, which says whether there are more. */
  async countStatement(
    actor: Actor,
    filter: CasesFilter,
    upTo?: number,
    estimates?: SearchEstimates | null,
  ): Promise<[string, unknown[]]> {
    const query = await this.filtered(actor, filter);
    if (upTo === undefined) return query.select('count(*)::int', 'n').getQueryAndParameters();
    this.checkUpTo(upTo);
    // A text most listed cases match is counted walking the list's order: upTo matches come within a
    // few thousand cases, where the planner's scan in table order reads far more (and off disk).
    const search = estimates === undefined ? await this.searchEstimates(actor, filter, query) : estimates;
    if (search && countWalks(search, upTo + 1))
      query.orderBy(SORT_KEY, 'ASC').addOrderBy('c.reference', 'ASC');
    const [sql, parameters] = query
      .select('1')
      .limit(upTo + 1)
      .getQueryAndParameters();
    return [`SELECT count(*)::int AS n FROM (${sql}) capped`, parameters];
  }

  private checkUpTo(upTo?: number) {
    if (upTo !== undefined && (!Number.isInteger(upTo) || upTo < 1 || upTo > MAX_COUNT_UP_TO)) {
      throw refusal('BAD_USER_INPUT', `upTo must be between 1 and ${MAX_COUNT_UP_TO}, not ${upTo}.`);
    }
  }

  /** The actor's teams: as the guard's session check read them, else read now (an actor a job made). */
  private async teamsOf(actor: Actor): Promise<readonly string[]> {
    if (actor.teamIds) return actor.teamIds;
    const rows: { team_id: string }[] = await this.dataSource.query(
      'SELECT team_id FROM user_team WHERE user_id = $1',
      [actor.id],
    );
    return rows.map((row) => row.team_id);
  }

  private async filtered(actor: Actor, filter: CasesFilter) {
    // No join: the version number comes from a cache, and a join would make TypeORM count DISTINCT ids.
    const query = this.dataSource.getRepository(Case).createQueryBuilder('c');
    const status = filter.status ?? 'open';
    if (!['open', 'closed', 'all'].includes(status)) {
      throw refusal('BAD_USER_INPUT', `status must be open, closed or all, not "${status}".`);
    }
    if (status !== 'all') query.andWhere('c.status = :status', { status });
    // A voided case (registered in error) is in no list; its history stays for auditors.
    else query.andWhere(`c.status <> 'void'`);
    // Restricted workflows' cases are left out for those outside their teams (no cost when nothing is restricted).
    const hidden = await this.access.hiddenWorkflows(actor);
    if (hidden.length > 0) query.andWhere('c.workflow_id <> ALL(:hidden)', { hidden });
    if (filter.stage) query.andWhere('c.stage = :stage', { stage: filter.stage });
    if (filter.regime) query.andWhere('c.regime = :regime', { regime: filter.regime });
    if (filter.assigneeId) query.andWhere('c.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.mine) query.andWhere('c.assignee_id = :me', { me: actor.id });
    if (filter.teamId) query.andWhere('c.team_id = :teamId', { teamId: filter.teamId });
    if (filter.teamQueue) {
      // The teams first: with one team (the usual) the case_team_order index gives the page in order.
      const teams = await this.teamsOf(actor);
      const [only] = teams;
      if (!only) query.andWhere('false');
      else if (teams.length === 1) query.andWhere('c.team_id = :queueTeam', { queueTeam: only });
      else query.andWhere('c.team_id IN (:...queueTeams)', { queueTeams: teams });
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
    // Year 0 is a valid ISO date but not a PostgreSQL one: refused here, not faulted on there.
    for (const field of DATE_FIELDS) {
      const value = filter[field];
      if (value && value < '0001-01-01') throw invalid(`filter.${field}`, `${value} is before year 1.`);
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
    if (filter.dueFrom) query.andWhere(`${SORT_KEY} >= :dueFrom`, { dueFrom: filter.dueFrom });
    if (filter.dueTo) query.andWhere(`${SORT_KEY} <= :dueTo`, { dueTo: filter.dueTo });
    // Closed on a UK day: closed_at is an instant.
    if (filter.closedFrom)
      query.andWhere(`(c.closed_at AT TIME ZONE 'Europe/London')::date >= :closedFrom`, {
        closedFrom: filter.closedFrom,
      });
    if (filter.closedTo)
      query.andWhere(`(c.closed_at AT TIME ZONE 'Europe/London')::date <= :closedTo`, {
        closedTo: filter.closedTo,
      });
    // The outcome that stands (the reporting summary), or a closure's own (withdrawn, lapsed).
    if (filter.outcome)
      query.andWhere(
        `(c.outcome = :outcome OR EXISTS (SELECT 1 FROM case_report r WHERE r.case_id = c.id AND r.outcome = :outcome))`,
        { outcome: filter.outcome },
      );
    const exemptions = (filter.exemptions ?? []).map((e) => e.trim()).filter(Boolean);
    if (exemptions.length > 0)
      query.andWhere(
        `EXISTS (SELECT 1 FROM case_report r WHERE r.case_id = c.id AND r.exemptions && :exemptions::text[])`,
        { exemptions },
      );
    const requester = filter.requester?.trim();
    if (requester) {
      // The requester's personal data: only for those who may see it on the case.
      if (!actor.roles.some((role) => REQUESTER_ROLES.includes(role))) {
        throw refusal(
          'FORBIDDEN',
          'Searching by requester needs the officer or admin role: the requester is personal data.',
          { requiredRoles: [...REQUESTER_ROLES] },
        );
      }
      query.andWhere(
        `c.requester_id IN (SELECT r.id FROM requester r WHERE (coalesce(r.name, '') || ' ' || coalesce(r.email, '')) ILIKE :requester ESCAPE '\\')`,
        { requester: likePattern(requester) },
      );
    }
    const text = filter.text?.trim();
    const words = text ? wordsOf(text) : [];
    if (words.length > 0) {
      // Reference and subject words (the last may be half typed), and English stems of the request text and correspondence.
      const lookUp = await this.searchWords.toLookUp(words);
      if (!lookUp) query.andWhere(`c.search_words @@ case_search_query(:words::text[])`, { words });
      // The rare words through the index; the whole search on what they find (as a function: no index lookup).
      else
        query.andWhere(
          `c.search_words @@ case_search_query(:lookUp::text[]) AND ts_match_vq(c.search_words, case_search_query(:words::text[]))`,
          { lookUp, words },
        );
    } else if (text) {
      // No letters or digits to index (say "%"): look for the characters as typed.
      query.andWhere(`(c.reference || ' ' || c.subject) ILIKE :text ESCAPE '\\'`, {
        text: likePattern(text),
      });
    }
    return query;
  }
}
