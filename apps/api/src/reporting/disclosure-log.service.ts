import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CaseSnapshot,
  DISCLOSURE_PUBLISHED,
  DISCLOSURE_WITHDRAWN,
  RELEASE_BUNDLE_BUILT,
} from '@recordflow/workflow';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/current-user';
import type { Case } from '../cases/case.entity';
import { CasesService } from '../cases/cases.service';
import { invalid, isUuid, notFound, refusal } from '../common/errors';
import { DocumentsService } from '../documents/documents.service';
import { letterData } from '../letters/letter-data';
import { fillTemplate } from '../letters/letter-template';
import { LettersService } from '../letters/letters.service';
import { withoutRequester } from '../tasks/request-text';
import type {
  DisclosureCandidate,
  DisclosureCandidateDocument,
  DisclosureDocument,
  DisclosureLogChange,
  DisclosureLogEntry,
} from './disclosure-log.model';

const MAX_TEXT = 4000;
/** The most documents one published response carries. */
export const MAX_DOCUMENTS = 50;

/** What a DISCLOSURE_PUBLISHED event records of each published document. */
interface PublishedDocument {
  attachmentId: string;
  sha256: string;
}

/** The requester's details as the queries below read them, only to take them out of what is shown. */
interface RequesterColumns {
  requester_name: string | null;
  requester_email: string | null;
  requester_address: string | null;
}

/** The text without the requester's name, e-mail or address. */
const hiding =
  (row: RequesterColumns) =>
  (text: string): string =>
    withoutRequester(text, {
      name: row.requester_name,
      email: row.requester_email,
      address: row.requester_address,
    });

interface PublicCase extends RequesterColumns {
  case_id: string;
  reference: string;
}

interface DocumentRow {
  case_id: string;
  id: string;
  filename: string;
  mime_type: string;
  size: string;
  sha256: string;
}

/** The public address of a published document. */
export const documentUrl = (reference: string, id: string) =>
  `/disclosure-log/${encodeURIComponent(reference)}/documents/${id}`;

/**
 * The documents recorded in each case's standing DISCLOSURE_PUBLISHED event (its latest), in the order
 * chosen, whose bytes are still kept: a document erased with the requester's personal data is not shown.
 * Events from before documents were published record none.
 */
const PUBLISHED_DOCUMENTS = `
  SELECT p.case_id, a.id, a.filename, a.mime_type, a.size, a.sha256
    FROM (SELECT DISTINCT ON (e.case_id) e.case_id, e.payload
            FROM case_event e
           WHERE e.case_id = ANY($1::uuid[]) AND e.type = '${DISCLOSURE_PUBLISHED}'
           ORDER BY e.case_id, e.sequence DESC) p
   CROSS JOIN LATERAL jsonb_array_elements(
           CASE jsonb_typeof(p.payload->'documents') WHEN 'array' THEN p.payload->'documents' ELSE '[]'::jsonb END
         ) WITH ORDINALITY AS d(document, position)
    JOIN attachment a ON a.id = (d.document->>'attachmentId')::uuid AND a.case_id = p.case_id
                     AND a.sha256 = d.document->>'sha256' AND a.erased_at IS NULL
   ORDER BY p.case_id, d.position`;

interface PublishedRow extends RequesterColumns {
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
    private readonly documents: DocumentsService,
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
    documentIds?: readonly string[] | null,
  ): Promise<DisclosureLogChange> {
    if (!isUuid(caseId)) throw notFound('case', caseId);
    const text = summary?.trim() || null;
    if (text && text.length > MAX_TEXT) throw invalid('summary', `must be at most ${MAX_TEXT} characters`);
    const ids = [...new Set(documentIds ?? [])];
    const malformed = ids.find((id) => !isUuid(id));
    if (malformed !== undefined) throw invalid('documentIds', `"${malformed}" is not a document id`);
    if (ids.length > MAX_DOCUMENTS)
      throw invalid('documentIds', `give at most ${MAX_DOCUMENTS} documents (${ids.length} given)`);
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
        // Each document's hash goes into the event, so what the public downloads is checked against the history.
        return { documents: await this.publishable(manager, row, ids) };
      },
    );
    return { caseId, sequence, published: true };
  }

  /** The chosen documents, each the latest version of a for-release document of the case; anything else refused. */
  private async publishable(
    manager: EntityManager,
    row: Case,
    ids: readonly string[],
  ): Promise<PublishedDocument[]> {
    if (ids.length === 0) return [];
    const found: {
      id: string;
      case_id: string;
      kind: string;
      filename: string;
      version: number;
      latest: number;
      sha256: string;
      erased: boolean;
      bundle: boolean;
    }[] = await manager.query(
      `SELECT a.id, a.case_id, a.kind, a.filename, a.version, a.sha256, a.erased_at IS NOT NULL AS erased,
              (SELECT max(v.version) FROM attachment v WHERE v.document_id = a.document_id) AS latest,
              EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = a.case_id AND e.sequence = a.event_sequence
                         AND e.type = '${RELEASE_BUNDLE_BUILT}') AS bundle
         FROM attachment a WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(found.map((a) => [a.id, a]));
    const allowed = `only the latest version of a for-release document of ${row.reference} can be published`;
    return ids.map((id) => {
      const a = byId.get(id);
      if (!a || a.case_id !== row.id)
        throw invalid('documentIds', `${id} is not a document of ${row.reference}: ${allowed}`);
      if (a.bundle)
        throw invalid(
          'documentIds',
          `${a.filename} is the release bundle, which holds the response letter addressed to the requester: it is never published; choose the for-release documents themselves`,
        );
      if (a.kind !== 'for-release')
        throw invalid('documentIds', `${a.filename} is a ${a.kind} document: ${allowed}`);
      if (a.version !== a.latest)
        throw invalid(
          'documentIds',
          `${a.filename} version ${a.version} is not its latest version (${a.latest}): ${allowed}`,
        );
      if (a.erased)
        throw invalid(
          'documentIds',
          `${a.filename} was erased with the requester's personal data: it cannot be published`,
        );
      return { attachmentId: a.id, sha256: a.sha256 };
    });
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
    const documents = await this.candidateDocuments(rows.map((row: { case_id: string }) => row.case_id));
    return rows.map((row: Record<string, string>) => ({
      caseId: row.case_id,
      reference: row.reference,
      regime: row.regime,
      subject: row.subject,
      outcome: row.outcome,
      respondedOn: row.responded_on,
      documents: documents.get(row.case_id as string) ?? [],
    }));
  }

  /** The latest version of each document of the cases, where that version is for release and kept, oldest first. */
  private async candidateDocuments(caseIds: string[]): Promise<Map<string, DisclosureCandidateDocument[]>> {
    const byCase = new Map<string, DisclosureCandidateDocument[]>();
    if (caseIds.length === 0) return byCase;
    const rows: (DocumentRow & { version: number })[] = await this.dataSource.query(
      `SELECT l.case_id, l.id, l.filename, l.version, l.mime_type, l.size, l.sha256
         FROM (SELECT DISTINCT ON (a.document_id) a.*
                 FROM attachment a WHERE a.case_id = ANY($1::uuid[])
                ORDER BY a.document_id, a.version DESC) l
        WHERE l.kind = 'for-release' AND l.erased_at IS NULL
        ORDER BY l.created_at, l.filename`,
      [caseIds],
    );
    for (const row of rows) {
      const list = byCase.get(row.case_id) ?? [];
      list.push({
        id: row.id,
        filename: row.filename,
        version: row.version,
        mimeType: row.mime_type,
        size: Number(row.size),
        sha256: row.sha256,
      });
      byCase.set(row.case_id, list);
    }
    return byCase;
  }

  /** Every published response, newest first. */
  async entries(): Promise<DisclosureLogEntry[]> {
    const rows: PublishedRow[] = await this.dataSource.query(
      `SELECT r.case_id, c.reference, c.regime, c.subject, c.request_text, r.outcome,
              to_char(r.answered_on, 'YYYY-MM-DD') AS responded_on, to_char(r.published_on, 'YYYY-MM-DD') AS published_on,
              r.published_summary, c.snapshot,
              EXISTS (SELECT 1 FROM case_document d WHERE d.case_id = c.id AND d.template = 'response') AS has_response_letter,
              q.name AS requester_name, q.email AS requester_email, q.address AS requester_address
         FROM case_report r JOIN "case" c ON c.id = r.case_id LEFT JOIN requester q ON q.id = c.requester_id
        WHERE r.published_on IS NOT NULL
        ORDER BY r.published_on DESC, c.reference DESC`,
    );
    const needsLetter = rows.some((row) => row.has_response_letter);
    const template = needsLetter ? (await this.letters.template('response')).body : '';
    const authority = needsLetter ? await this.letters.authority() : null;
    const documents = await this.publishedDocuments(rows);
    return rows.map((row) => {
      // Whatever was written with the requester's name, e-mail or address in it is shown without them.
      const hide = hiding(row);
      const requestText = hide(row.request_text);
      return {
        caseId: row.case_id,
        reference: row.reference,
        regime: row.regime,
        subject: hide(row.subject),
        requestText,
        outcome: row.outcome,
        respondedOn: row.responded_on,
        publishedOn: row.published_on,
        summary: row.published_summary === null ? null : hide(row.published_summary),
        // Rendered again without the requester: the letter data then holds no name, and never an address.
        responseText:
          row.has_response_letter && authority
            ? hide(
                fillTemplate(
                  template,
                  letterData(
                    {
                      reference: row.reference,
                      regime: row.regime as never,
                      requestText,
                      requesterName: null,
                      context: row.snapshot.context,
                    },
                    authority,
                    row.responded_on ?? row.published_on,
                  ),
                ),
              )
            : null,
        documents: documents.get(row.case_id) ?? [],
      };
    });
  }

  /** The published documents of each case, named without its requester. */
  private async publishedDocuments(cases: readonly PublicCase[]): Promise<Map<string, DisclosureDocument[]>> {
    const byCase = new Map<string, DisclosureDocument[]>();
    if (cases.length === 0) return byCase;
    const known = new Map(cases.map((c) => [c.case_id, c]));
    const rows: DocumentRow[] = await this.dataSource.query(PUBLISHED_DOCUMENTS, [[...known.keys()]]);
    for (const row of rows) {
      const owner = known.get(row.case_id);
      if (!owner) continue;
      const list = byCase.get(row.case_id) ?? [];
      list.push(this.publicDocument(owner, row));
      byCase.set(row.case_id, list);
    }
    return byCase;
  }

  private publicDocument(owner: PublicCase, row: DocumentRow): DisclosureDocument {
    return {
      id: row.id,
      filename: hiding(owner)(row.filename),
      mimeType: row.mime_type,
      size: Number(row.size),
      sha256: row.sha256,
      url: documentUrl(owner.reference, row.id),
    };
  }

  /**
   * A published document's bytes for the public: only one recorded in the standing publication of the
   * case with this reference, while it is published. Null for anything else, so nothing is told apart.
   */
  async openPublished(
    reference: string,
    id: string,
  ): Promise<{ document: DisclosureDocument; stream: Readable } | null> {
    // References are letters, digits and hyphens (FOI-2026-000042): anything else names no case.
    if (!isUuid(id) || !/^[\p{L}\p{N}._-]{1,100}$/u.test(reference)) return null;
    const [owner]: PublicCase[] = await this.dataSource.query(
      `SELECT c.id AS case_id, c.reference, q.name AS requester_name, q.email AS requester_email, q.address AS requester_address
         FROM "case" c JOIN case_report r ON r.case_id = c.id LEFT JOIN requester q ON q.id = c.requester_id
        WHERE c.reference = $1 AND r.published_on IS NOT NULL AND c.regime <> 'sar'`,
      [reference],
    );
    if (!owner) return null;
    const rows: DocumentRow[] = await this.dataSource.query(PUBLISHED_DOCUMENTS, [[owner.case_id]]);
    const row = rows.find((r) => r.id === id);
    if (!row) return null;
    try {
      const { stream } = await this.documents.open(row.id);
      return { document: this.publicDocument(owner, row), stream };
    } catch {
      // Bytes missing from the store: the audit reports that; the public sees nothing.
      return null;
    }
  }
}
