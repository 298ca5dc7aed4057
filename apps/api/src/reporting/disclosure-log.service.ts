import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CaseSnapshot, DISCLOSURE_PUBLISHED, DISCLOSURE_WITHDRAWN } from '@recordflow/workflow';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/current-user';
import type { Case } from '../cases/case.entity';
import { CasesService } from '../cases/cases.service';
import { invalid, isUuid, notFound, refusal } from '../common/errors';
import { letterData } from '../letters/letter-data';
import { fillTemplate } from '../letters/letter-template';
import { LettersService } from '../letters/letters.service';
import type { DisclosureCandidate, DisclosureLogChange, DisclosureLogEntry } from './disclosure-log.model';

const MAX_TEXT = 4000;

interface PublishedRow {
  case_id: string;
  reference: string;
  regime: string;
  subject: string;
  request_text: string;
  outcome: string | null;
  responded_on: string | null;
  published_on: string;
  published_summary: string | null;
  snapshot: CaseSnapshot;
  has_response_letter: boolean;
}

/** The public disclosure log: responses administrators chose to publish, from the case_report summary. */
@Injectable()
export class DisclosureLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly letters: LettersService,
  ) {}

  private async published(
    manager: EntityManager,
    caseId: string,
  ): Promise<{ answered: boolean; published: boolean }> {
    const [row] = await manager.query(
      `SELECT answered_on IS NOT NULL AS answered, published_on IS NOT NULL AS published FROM case_report WHERE case_id = $1`,
      [caseId],
    );
    return row ?? { answered: false, published: false };
  }

  async publish(
    user: Actor,
    caseId: string,
    summary: string | null | undefined,
  ): Promise<DisclosureLogChange> {
    if (!isUuid(caseId)) throw notFound('case', caseId);
    const text = summary?.trim() || null;
    if (text && text.length > MAX_TEXT) throw invalid('summary', `must be at most ${MAX_TEXT} characters`);
    const sequence = await this.cases.recordDisclosure(
      user,
      caseId,
      DISCLOSURE_PUBLISHED,
      { summary: text },
      async (manager, row: Case) => {
        // A subject access response is the requester's own personal data: it is never published.
        if (row.regime === 'sar')
          throw refusal(
            'EVENT_NOT_ALLOWED',
            `${row.reference} is a subject access request: its response is the requester's personal data and is never published.`,
          );
        const state = await this.published(manager, row.id);
        if (!state.answered)
          throw refusal(
            'EVENT_NOT_ALLOWED',
            `${row.reference} has not been answered yet: there is no response to publish.`,
          );
        if (state.published)
          throw refusal('EVENT_NOT_ALLOWED', `${row.reference} is already in the disclosure log.`);
      },
    );
    return { caseId, sequence, published: true };
  }

  async withdraw(user: Actor, caseId: string, reason: string): Promise<DisclosureLogChange> {
    if (!isUuid(caseId)) throw notFound('case', caseId);
    const text = reason.trim();
    if (!text) throw invalid('reason', 'say why the response is withdrawn');
    if (text.length > MAX_TEXT) throw invalid('reason', `must be at most ${MAX_TEXT} characters`);
    const sequence = await this.cases.recordDisclosure(
      user,
      caseId,
      DISCLOSURE_WITHDRAWN,
      { reason: text },
      async (manager, row: Case) => {
        if (!(await this.published(manager, row.id)).published)
          throw refusal('EVENT_NOT_ALLOWED', `${row.reference} is not in the disclosure log.`);
      },
    );
    return { caseId, sequence, published: false };
  }

  /** Answered responses not in the log (subject access requests never are), most recently answered first. */
  async candidates(first: number): Promise<DisclosureCandidate[]> {
    if (!Number.isInteger(first) || first < 1 || first > 500) throw invalid('first', 'must be from 1 to 500');
    const rows = await this.dataSource.query(
      `SELECT r.case_id, c.reference, c.regime, c.subject, r.outcome, to_char(r.answered_on, 'YYYY-MM-DD') AS responded_on
         FROM case_report r JOIN "case" c ON c.id = r.case_id
        WHERE r.answered_on IS NOT NULL AND r.published_on IS NULL AND r.regime <> 'sar'
        ORDER BY r.answered_on DESC, c.reference DESC
        LIMIT $1`,
      [first],
    );
    return rows.map((row: Record<string, string>) => ({
      caseId: row.case_id,
      reference: row.reference,
      regime: row.regime,
      subject: row.subject,
      outcome: row.outcome,
      respondedOn: row.responded_on,
    }));
  }

  /** Every published response, newest first. */
  async entries(): Promise<DisclosureLogEntry[]> {
    const rows: PublishedRow[] = await this.dataSource.query(
      `SELECT r.case_id, c.reference, c.regime, c.subject, c.request_text, r.outcome,
              to_char(r.answered_on, 'YYYY-MM-DD') AS responded_on, to_char(r.published_on, 'YYYY-MM-DD') AS published_on,
              r.published_summary, c.snapshot,
              EXISTS (SELECT 1 FROM case_document d WHERE d.case_id = c.id AND d.template = 'response') AS has_response_letter
         FROM case_report r JOIN "case" c ON c.id = r.case_id
        WHERE r.published_on IS NOT NULL
        ORDER BY r.published_on DESC, c.reference DESC`,
    );
    const needsLetter = rows.some((row) => row.has_response_letter);
    const template = needsLetter ? (await this.letters.template('response')).body : '';
    const authority = needsLetter ? await this.letters.authority() : null;
    return rows.map((row) => ({
      caseId: row.case_id,
      reference: row.reference,
      regime: row.regime,
      subject: row.subject,
      requestText: row.request_text,
      outcome: row.outcome,
      respondedOn: row.responded_on,
      publishedOn: row.published_on,
      summary: row.published_summary,
      // Rendered again without the requester: the letter data then holds no name, and never an address.
      responseText:
        row.has_response_letter && authority
          ? fillTemplate(
              template,
              letterData(
                {
                  reference: row.reference,
                  regime: row.regime as never,
                  requestText: row.request_text,
                  requesterName: null,
                  context: row.snapshot.context,
                },
                authority,
                row.responded_on ?? row.published_on,
              ),
            )
          : null,
    }));
  }
}
