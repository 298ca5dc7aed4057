import { Injectable } from '@nestjs/common';
import {
  addCalendarDays,
  type CalendarOptions,
  formatDate,
  isWorkingDay,
  type Regime,
} from '@recordflow/calendar';
import { CASE_LINKED, CASE_UNLINKED } from '@recordflow/workflow';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/current-user';
import type { Case } from '../cases/case.entity';
import { CaseRepository } from '../cases/case.repository';
import { CasesService } from '../cases/cases.service';
import { invalidBecause as invalid, isUuid, notFound, refusal } from '../common/errors';
import { CaseLink, type LinkKind } from './case-link.entity';

/** Fees Regulations (FOIA reg. 5, FOISA reg. 7): requests received within 60 consecutive working days may be aggregated. */
export const AGGREGATION_WORKING_DAYS = 60;
/** Only the regimes with a cost limit (s.12) aggregate. */
const AGGREGATING_REGIMES = ['foi', 'foisa'];
/** How far back and ahead a same-requester suggestion looks, in days. */
const SAME_REQUESTER_DAYS = 365;
/** How far back and ahead a similar-text suggestion looks, in days. */
const SIMILAR_TEXT_DAYS = 120;
/** Trigram similarity of subject and request text from which two cases are suggested as alike. */
export const SIMILAR_TEXT_THRESHOLD = 0.4;
const SUGGESTIONS = 8;

export interface LinkRow {
  id: string;
  kind: LinkKind;
  outgoing: boolean;
  createdBy: string;
  createdAt: Date;
  removedAt: Date | null;
  other: { id: string; reference: string; subject: string; receivedOn: string; status: string };
}

export interface Suggestion {
  case: { id: string; reference: string; subject: string; receivedOn: string; status: string };
  reasons: string[];
  similarity: number;
  suggestedKind: LinkKind;
}

/** Working days in [from, to] on the regime's calendar (a receipt on a weekend counts none). */
function workingDaysBetween(regime: Regime, from: string, to: string, options: CalendarOptions): number {
  let count = 0;
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(regime, day, options)) count++;
    // Far past the window: the exact number no longer matters.
    if (count > AGGREGATION_WORKING_DAYS * 3) break;
  }
  return count;
}

/** Links between cases, recorded in both cases' histories, and suggestions of cases that may belong together. */
@Injectable()
export class LinksService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly casesService: CasesService,
  ) {}

  async link(user: Actor, input: { caseId: string; otherCaseId: string; kind: LinkKind }): Promise<LinkRow> {
    if (!isUuid(input.caseId)) throw notFound('case', input.caseId);
    if (!isUuid(input.otherCaseId)) throw notFound('case', input.otherCaseId);
    if (input.caseId.toLowerCase() === input.otherCaseId.toLowerCase())
      throw invalid('input.otherCaseId', 'A case cannot be linked to itself.');
    return this.cases.transaction(async (manager) => {
      const [one, other] = await this.lockBoth(manager, input.caseId, input.otherCaseId);
      const existing = await manager.getRepository(CaseLink).query(
        `SELECT kind FROM case_link WHERE removed_at IS NULL AND kind = $3
            AND least(case_id, other_case_id) = least($1::uuid, $2::uuid) AND greatest(case_id, other_case_id) = greatest($1::uuid, $2::uuid)`,
        [one.id, other.id, input.kind],
      );
      if (existing.length > 0)
        throw invalid(
          'input.kind',
          `${one.reference} and ${other.reference} are already linked as ${input.kind}.`,
        );
      if (input.kind === 'aggregated-s12') await this.checkAggregation(manager, one, other);
      const link = await manager.getRepository(CaseLink).save({
        caseId: one.id,
        otherCaseId: other.id,
        kind: input.kind,
        createdBy: user.id,
        removedAt: null,
      });
      // Both histories, in id order as the locks were taken; no personal data, only references.
      for (const [self, them, outgoing] of this.inIdOrder(one, other)) {
        await this.casesService.recordFact(manager, user, self.id, CASE_LINKED, {
          linkId: link.id,
          kind: input.kind,
          outgoing,
          otherCaseId: them.id,
          otherReference: them.reference,
        });
      }
      return this.toRow(link, one.id, other);
    });
  }

  async unlink(user: Actor, linkId: string): Promise<LinkRow> {
    if (!isUuid(linkId)) throw notFound('link', linkId);
    return this.cases.transaction(async (manager) => {
      const found = await manager.getRepository(CaseLink).findOneBy({ id: linkId });
      if (!found) throw notFound('link', linkId);
      const [one, other] = await this.lockBoth(manager, found.caseId, found.otherCaseId);
      // Read again under the case locks: a concurrent unlink has finished by now.
      const link = (await manager.getRepository(CaseLink).findOneBy({ id: linkId })) as CaseLink;
      if (link.removedAt)
        throw refusal(
          'VALIDATION_FAILED',
          `That link between ${one.reference} and ${other.reference} was already removed.`,
          {
            fields: [{ field: 'input.linkId', message: 'already removed' }],
          },
        );
      link.removedAt = new Date();
      link.removedBy = user.id;
      await manager.getRepository(CaseLink).save(link);
      for (const [self, them, outgoing] of this.inIdOrder(one, other)) {
        await this.casesService.recordFact(manager, user, self.id, CASE_UNLINKED, {
          linkId: link.id,
          kind: link.kind,
          outgoing,
          otherCaseId: them.id,
          otherReference: them.reference,
        });
      }
      return this.toRow(link, one.id, other);
    });
  }

  /** The live links of each case, both ways, oldest first; none to a case of the hidden workflows. */
  async linksOf(
    caseIds: readonly string[],
    hiddenWorkflows: readonly string[] = [],
  ): Promise<Map<string, LinkRow[]>> {
    const rows: {
      id: string;
      kind: LinkKind;
      case_id: string;
      other_case_id: string;
      self: string;
      created_by: string;
      created_at: Date;
      removed_at: Date | null;
      reference: string;
      subject: string;
      received_on: string;
      status: string;
      other: string;
    }[] = await this.cases.manager.query(
      `SELECT l.id, l.kind, l.case_id, l.other_case_id, l.created_by, l.created_at, l.removed_at, ends.self,
              o.id AS other, o.reference, o.subject, to_char(o.received_on, 'YYYY-MM-DD') AS received_on, o.status
         FROM case_link l
        CROSS JOIN LATERAL (VALUES (l.case_id, l.other_case_id), (l.other_case_id, l.case_id)) AS ends(self, other)
         JOIN "case" o ON o.id = ends.other
        WHERE ends.self = ANY($1::uuid[]) AND l.removed_at IS NULL AND o.workflow_id <> ALL($2::text[])
        ORDER BY l.created_at, l.id`,
      [[...caseIds], [...hiddenWorkflows]],
    );
    const byCase = new Map<string, LinkRow[]>(caseIds.map((id) => [id, []]));
    for (const row of rows) {
      byCase.get(row.self)?.push({
        id: row.id,
        kind: row.kind,
        outgoing: row.case_id === row.self,
        createdBy: row.created_by,
        createdAt: row.created_at,
        removedAt: row.removed_at,
        other: {
          id: row.other,
          reference: row.reference,
          subject: row.subject,
          receivedOn: row.received_on,
          status: row.status,
        },
      });
    }
    return byCase;
  }

  /**
   * Cases that may belong with this one: from the same requester (same e-mail, or same name) within a
   * year, or with a similar subject and request within four months; live links and cases of the hidden
   * workflows left out. Read only.
   */
  async suggestions(caseId: string, hiddenWorkflows: readonly string[] = []): Promise<Suggestion[]> {
    const rows: {
      id: string;
      reference: string;
      subject: string;
      received_on: string;
      status: string;
      same_requester: boolean;
      similarity: number;
      received_before: boolean;
    }[] = await this.cases.manager.query(
      `WITH me AS (
         SELECT c.id, c.received_on, c.subject || ' ' || left(c.request_text, 500) AS words,
                nullif(lower(trim(r.email)), '') AS email,
                nullif(lower(regexp_replace(trim(r.name), '\\s+', ' ', 'g')), '') AS name,
                -- Any word of the subject: the cases worth comparing at all (GIN-indexed).
                (SELECT to_tsquery('simple', string_agg(quote_literal(l), ' | '))
                   FROM unnest(tsvector_to_array(to_tsvector('english', c.subject))) l) AS subject_words
           FROM "case" c LEFT JOIN requester r ON r.id = c.requester_id
          WHERE c.id = $1
       ), same AS (
         SELECT c.id FROM me
           JOIN requester r ON (coalesce(r.name, '') || ' ' || coalesce(r.email, '')) ILIKE '%' || coalesce(me.email, me.name) || '%'
           JOIN "case" c ON c.requester_id = r.id
          WHERE (coalesce(me.email, me.name) IS NOT NULL)
            AND (lower(trim(r.email)) = me.email OR lower(regexp_replace(trim(r.name), '\\s+', ' ', 'g')) = me.name)
            AND c.received_on BETWEEN me.received_on - ${SAME_REQUESTER_DAYS} AND me.received_on + ${SAME_REQUESTER_DAYS}
       ), alike AS (
         SELECT c.id FROM me JOIN "case" c ON c.search_words @@ me.subject_words
          WHERE c.received_on BETWEEN me.received_on - ${SIMILAR_TEXT_DAYS} AND me.received_on + ${SIMILAR_TEXT_DAYS}
            AND similarity(c.subject || ' ' || left(c.request_text, 500), me.words) >= $2
       )
       SELECT c.id, c.reference, c.subject, to_char(c.received_on, 'YYYY-MM-DD') AS received_on, c.status,
              c.id IN (SELECT id FROM same) AS same_requester,
              similarity(c.subject || ' ' || left(c.request_text, 500), me.words)::float8 AS similarity,
              c.received_on <= me.received_on AS received_before
         FROM me JOIN "case" c ON c.id IN (SELECT id FROM same UNION SELECT id FROM alike)
        WHERE c.id <> me.id AND c.workflow_id <> ALL($3::text[])
          AND NOT EXISTS (SELECT 1 FROM case_link l WHERE l.removed_at IS NULL
                            AND ((l.case_id = me.id AND l.other_case_id = c.id) OR (l.case_id = c.id AND l.other_case_id = me.id)))
        ORDER BY similarity DESC, c.received_on DESC
        LIMIT ${SUGGESTIONS}`,
      [caseId, SIMILAR_TEXT_THRESHOLD, [...hiddenWorkflows]],
    );
    return rows.map((row) => {
      const alike = row.similarity >= SIMILAR_TEXT_THRESHOLD;
      const reasons = [...(row.same_requester ? ['SAME_REQUESTER'] : []), ...(alike ? ['SIMILAR_TEXT'] : [])];
      // Alike and from the same person: a repeat (or a refinement) of the earlier one.
      const suggestedKind: LinkKind = alike
        ? row.same_requester
          ? 'repeat'
          : 'refined-request'
        : 'same-requester';
      return {
        case: {
          id: row.id,
          reference: row.reference,
          subject: row.subject,
          receivedOn: row.received_on,
          status: row.status,
        },
        reasons,
        similarity: Math.round(row.similarity * 100) / 100,
        suggestedKind,
      };
    });
  }

  /** Locks both cases in id order (two links made at once across the same pair never deadlock). */
  private async lockBoth(manager: EntityManager, a: string, b: string): Promise<[Case, Case]> {
    const [first, second] = [a, b].sort();
    const locked = new Map<string, Case>();
    for (const id of [first as string, second as string]) locked.set(id, await this.cases.lock(manager, id));
    return [locked.get(a) as Case, locked.get(b) as Case];
  }

  private inIdOrder(one: Case, other: Case): [Case, Case, boolean][] {
    const pairs: [Case, Case, boolean][] = [
      [one, other, true],
      [other, one, false],
    ];
    return pairs.sort(([x], [y]) => x.id.localeCompare(y.id));
  }

  /** Both received within 60 consecutive working days on their regime's calendar, and a regime with a cost limit. */
  private async checkAggregation(manager: EntityManager, one: Case, other: Case): Promise<void> {
    if (one.regime !== other.regime || !AGGREGATING_REGIMES.includes(one.regime)) {
      throw invalid(
        'input.kind',
        `Only requests under the same cost-limit regime (FOIA or FOISA) can be aggregated for s.12: ${one.reference} is ${one.regime.toUpperCase()}, ${other.reference} is ${other.regime.toUpperCase()}.`,
      );
    }
    const [earlier, later] = one.receivedOn <= other.receivedOn ? [one, other] : [other, one];
    const calendar = await this.casesService.calendarNow(manager);
    const days = workingDaysBetween(
      one.regime as Regime,
      earlier.receivedOn,
      later.receivedOn,
      calendar.options,
    );
    if (days > AGGREGATION_WORKING_DAYS) {
      throw invalid(
        'input.kind',
        `Requests can be aggregated for s.12 only when received within ${AGGREGATION_WORKING_DAYS} consecutive working days: ${earlier.reference} was received on ${formatDate(earlier.receivedOn)} and ${later.reference} on ${formatDate(later.receivedOn)}, ${days > AGGREGATION_WORKING_DAYS * 3 ? `more than ${AGGREGATION_WORKING_DAYS * 3}` : days} working days counting both.`,
      );
    }
  }

  private toRow(link: CaseLink, selfId: string, other: Case): LinkRow {
    return {
      id: link.id,
      kind: link.kind,
      outgoing: link.caseId === selfId,
      createdBy: link.createdBy,
      createdAt: link.createdAt,
      removedAt: link.removedAt,
      other: {
        id: other.id,
        reference: other.reference,
        subject: other.subject,
        receivedOn: other.receivedOn,
        status: other.status,
      },
    };
  }
}
