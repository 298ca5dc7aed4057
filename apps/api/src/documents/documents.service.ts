import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Regime } from '@recordflow/calendar';
import { DOCUMENT_ADDED, DOCUMENT_REDACTED, exemptionsFor, RELEASE_BUNDLE_BUILT } from '@recordflow/workflow';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { Case } from '../cases/case.entity';
import { CasesService } from '../cases/cases.service';
import { notFound, refusal } from '../common/errors';
import { CaseDocument } from '../letters/case-document.entity';
import { User } from '../users/user.entity';
import { Attachment, DOCUMENT_KINDS, type DocumentKind, Redaction } from './attachment.entity';
import type { BlobStore } from './blob-store';
import type { RedactionInput } from './document.model';
import type { DocumentSettings } from './document-settings';
import { isOffice } from './file-types';
import { findPersonalData, findText, redactPdf, renderPages } from './redaction';
import { buildBundle } from './release-bundle';
import type { ReceivedFile } from './upload';

export const BLOB_STORE = Symbol('BLOB_STORE');
export const DOCUMENT_SETTINGS = Symbol('DOCUMENT_SETTINGS');

const isId = (id: string) => /^[0-9a-f-]{36}$/i.test(id);
const run = promisify(execFile);

/** A case's files: uploads, versions, redaction and the release bundle; every change is in the case history. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(DOCUMENT_SETTINGS) readonly settings: DocumentSettings,
  ) {}

  /** Every version of every file of a case, oldest first. */
  async list(caseId: string) {
    if (!isId(caseId)) throw notFound('case', caseId);
    const rows = await this.dataSource
      .getRepository(Attachment)
      .find({ where: { caseId }, order: { createdAt: 'ASC', version: 'ASC' } });
    return this.withNames(rows);
  }

  private async withNames(rows: Attachment[]) {
    const ids = [...new Set(rows.map((r) => r.createdBy).filter((id): id is string => id !== null))];
    const users = ids.length ? await this.dataSource.getRepository(User).findBy({ id: In(ids) }) : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    return rows.map((row) => ({
      ...row,
      createdByName: row.createdBy ? (names.get(row.createdBy) ?? null) : null,
    }));
  }

  private async withName(row: Attachment) {
    const [named] = await this.withNames([row]);
    return named as Attachment & { createdByName: string | null };
  }

  async get(id: string): Promise<Attachment> {
    if (!isId(id)) throw notFound('document', id);
    const row = await this.dataSource.getRepository(Attachment).findOneBy({ id });
    if (!row) throw notFound('document', id);
    return row;
  }

  async open(id: string): Promise<{ attachment: Attachment; stream: Readable }> {
    const attachment = await this.get(id);
    return { attachment, stream: await this.blobs.read(attachment.sha256) };
  }

  private async bytes(attachment: Attachment): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.blobs.read(attachment.sha256)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Checks what an upload may be stored as before its bytes go anywhere lasting. */
  async checkUpload(caseId: string, kind: string | undefined): Promise<DocumentKind> {
    const normalised = (kind || 'gathered').toLowerCase().replace(/_/g, '-');
    if (!(DOCUMENT_KINDS as readonly string[]).includes(normalised)) {
      throw refusal(
        'VALIDATION_FAILED',
        `"${kind}" is not a kind of document. Kinds: ${DOCUMENT_KINDS.join(', ')}.`,
        {
          fields: [{ field: 'kind', message: 'unknown kind' }],
        },
      );
    }
    if (!isId(caseId) || !(await this.dataSource.getRepository(Case).existsBy({ id: caseId }))) {
      throw notFound('case', caseId);
    }
    return normalised as DocumentKind;
  }

  /**
   * Stores an uploaded file (checked by checkUpload) as a new document, or a new version of one with its
   * name; `within` runs in the same transaction after it (a task links its answer's file there).
   */
  async add(
    user: Actor,
    caseId: string,
    kind: DocumentKind,
    file: ReceivedFile,
    within?: (manager: EntityManager, saved: Attachment) => Promise<void>,
  ) {
    await this.blobs.putFile(file.sha256, file.path, file.size);
    const saved = await this.dataSource.transaction(async (manager) => {
      const version = await this.addVersion(manager, user, caseId, {
        kind,
        filename: file.filename,
        mimeType: file.mimeType,
        size: file.size,
        sha256: file.sha256,
        redactedFrom: null,
      });
      await within?.(manager, version);
      return version;
    });
    return this.withName(saved);
  }

  /** The next version of the document with this file name (or its first), recorded in the history. */
  private async addVersion(
    manager: EntityManager,
    user: Actor,
    caseId: string,
    file: Pick<Attachment, 'kind' | 'filename' | 'mimeType' | 'size' | 'sha256' | 'redactedFrom'>,
    history: { type: string; payload: Record<string, unknown> } = { type: DOCUMENT_ADDED, payload: {} },
  ): Promise<Attachment> {
    // The case lock (taken by recordFact) orders concurrent versions of one case's documents.
    const id = randomUUID();
    const sequence = await this.cases.recordFact(manager, user, caseId, history.type, {
      attachmentId: id,
      kind: file.kind,
      mimeType: file.mimeType,
      size: file.size,
      sha256: file.sha256,
      ...history.payload,
    });
    const latest = await manager
      .getRepository(Attachment)
      .findOne({ where: { caseId, filename: file.filename }, order: { version: 'DESC' } });
    return manager.getRepository(Attachment).save({
      id,
      caseId,
      documentId: latest?.documentId ?? id,
      version: (latest?.version ?? 0) + 1,
      ...file,
      createdBy: user.id,
      eventSequence: sequence,
    });
  }

  /** A PDF of the document: itself, or an office document converted when a converter is installed. */
  private async pdfOf(attachment: Attachment): Promise<Buffer> {
    if (attachment.mimeType === 'application/pdf') return this.bytes(attachment);
    if (isOffice(attachment.mimeType)) return this.convertOffice(attachment);
    throw refusal('VALIDATION_FAILED', `${attachment.filename} is not a PDF; only PDFs can be redacted.`);
  }

  private async convertOffice(attachment: Attachment): Promise<Buffer> {
    const folder = await mkdtemp(join(tmpdir(), 'recordflow-convert-'));
    try {
      const source = join(folder, `source${/\.[a-z0-9]+$/i.exec(attachment.filename)?.[0] ?? ''}`);
      await writeFile(source, await this.bytes(attachment));
      await run('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', folder, source], {
        timeout: 120_000,
      });
      return await readFile(join(folder, 'source.pdf'));
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw refusal(
        'VALIDATION_FAILED',
        `${attachment.filename} is an office document: it can be redacted only as a PDF, and ${
          missing
            ? "no converter (LibreOffice's soffice) is installed here"
            : 'the converter could not read it'
        }. Save it as PDF, upload that and redact it.`,
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  async pages(documentId: string) {
    return renderPages(await this.pdfOf(await this.get(documentId)));
  }

  async find(documentId: string, text: string) {
    if (!text.trim()) return [];
    const needle = text.trim();
    return (await findText(await this.pdfOf(await this.get(documentId)), needle)).map((m) => ({
      ...m,
      text: needle,
    }));
  }

  async findPersonalData(documentId: string) {
    return findPersonalData(await this.pdfOf(await this.get(documentId)));
  }

  /** True redaction: a new version with nothing left under any box, and a log entry per redaction. */
  async redact(user: Actor, documentId: string, redactions: RedactionInput[]) {
    const source = await this.get(documentId);
    const row = (await this.dataSource.getRepository(Case).findOneBy({ id: source.caseId })) as Case;
    if (redactions.length === 0) throw refusal('VALIDATION_FAILED', 'Give at least one redaction.');
    const codes = exemptionsFor(row.regime as Regime).map((e) => e.code);
    redactions.forEach((r, i) => {
      const exemption = r.exemption.trim();
      // "s.40(2)" names a subsection of the listed "s.40".
      if (!codes.some((code) => exemption === code || exemption.startsWith(`${code}(`))) {
        throw refusal(
          'VALIDATION_FAILED',
          `redactions[${i}]: "${r.exemption}" is not an exemption of this case's regime (${row.regime}).`,
          {
            fields: [{ field: `redactions[${i}].exemption`, message: 'unknown exemption' }],
          },
        );
      }
      if (!r.reason.trim()) {
        throw refusal('VALIDATION_FAILED', `redactions[${i}]: give the reason the exemption applies.`, {
          fields: [{ field: `redactions[${i}].reason`, message: 'required' }],
        });
      }
    });
    const { pdf, applied } = await redactPdf(await this.pdfOf(source), redactions);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await mkdir(this.settings.uploadDirectory, { recursive: true });
    const path = join(this.settings.uploadDirectory, `${randomUUID()}.part`);
    await writeFile(path, pdf);
    await this.blobs.putFile(sha256, path, pdf.length);
    const filename = source.mimeType === 'application/pdf' ? source.filename : `${source.filename}.pdf`;
    const saved = await this.dataSource.transaction(async (manager) => {
      const version = await this.addVersion(
        manager,
        user,
        source.caseId,
        {
          kind: 'for-release',
          filename,
          mimeType: 'application/pdf',
          size: pdf.length,
          sha256,
          redactedFrom: source.id,
        },
        {
          type: DOCUMENT_REDACTED,
          payload: {
            redactedFrom: source.id,
            redactedFromSha256: source.sha256,
            redactions: redactions.map((r) => ({ page: r.page, exemption: r.exemption.trim() })),
          },
        },
      );
      await manager.getRepository(Redaction).save(
        applied.map((a) => ({
          attachmentId: version.id,
          page: a.page,
          text: a.text ?? null,
          rects: a.rects,
          exemption: a.exemption.trim(),
          reason: a.reason.trim(),
          createdBy: user.id,
        })),
      );
      return version;
    });
    return this.withName(saved);
  }

  /** Every redaction applied to any version of the document, oldest first, with who applied it. */
  async redactionLog(documentId: string) {
    const attachment = await this.get(documentId);
    const versions = await this.dataSource
      .getRepository(Attachment)
      .findBy({ documentId: attachment.documentId });
    const byId = new Map(versions.map((v) => [v.id, v]));
    const rows = await this.dataSource
      .getRepository(Redaction)
      .find({ where: { attachmentId: In([...byId.keys()]) }, order: { createdAt: 'ASC', page: 'ASC' } });
    const users = await this.dataSource.getRepository(User).findBy({
      id: In([...new Set(rows.map((r) => r.createdBy).filter((id): id is string => id !== null))]),
    });
    const names = new Map(users.map((u) => [u.id, u.name]));
    return rows.map((r) => ({
      attachmentId: r.attachmentId,
      version: byId.get(r.attachmentId)?.version ?? 0,
      page: r.page,
      text: r.text,
      rects: r.rects,
      exemption: r.exemption,
      reason: r.reason,
      byName: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
      createdAt: r.createdAt,
    }));
  }

  /** The redaction log as CSV (a spreadsheet opens it). */
  async redactionLogCsv(documentId: string): Promise<{ filename: string; csv: string }> {
    const attachment = await this.get(documentId);
    const cell = (value: unknown) => {
      const text = String(value ?? '');
      // A leading = + - @ would run as a formula in a spreadsheet.
      const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
      return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    const lines = [
      ['document', 'version', 'page', 'exemption', 'reason', 'text', 'boxes', 'by', 'at'].join(','),
    ];
    for (const entry of await this.redactionLog(documentId)) {
      lines.push(
        [
          attachment.filename,
          entry.version,
          entry.page,
          entry.exemption,
          entry.reason,
          entry.text,
          entry.rects.map((r) => r.map((n) => n.toFixed(1)).join(' ')).join('; '),
          entry.byName,
          entry.createdAt.toISOString(),
        ]
          .map(cell)
          .join(','),
      );
    }
    return {
      filename: `${attachment.filename.replace(/\.[^.]+$/, '')}-redaction-log.csv`,
      csv: `${lines.join('\n')}\n`,
    };
  }

  /**
   * The response letter (the latest generated PDF) and the latest version of each for-release
   * document in one numbered PDF with a schedule; kept as a released document, its hash in the history.
   */
  async buildReleaseBundle(user: Actor, caseId: string) {
    if (!isId(caseId)) throw notFound('case', caseId);
    const row = await this.dataSource.getRepository(Case).findOneBy({ id: caseId });
    if (!row) throw notFound('case', caseId);
    const letter = await this.dataSource
      .getRepository(CaseDocument)
      .createQueryBuilder('d')
      .addSelect('d.content')
      .where('d.case_id = :caseId AND d.template = :template AND d.format = :format', {
        caseId,
        template: 'response',
        format: 'pdf',
      })
      .orderBy('d.created_at', 'DESC')
      .getOne();
    if (!letter) {
      throw refusal('VALIDATION_FAILED', 'Generate the response letter first: the bundle starts with it.');
    }
    const all = await this.dataSource
      .getRepository(Attachment)
      .find({ where: { caseId }, order: { version: 'ASC' } });
    const latest = new Map<string, Attachment>();
    for (const a of all) latest.set(a.documentId, a);
    const released = [...latest.values()]
      .filter((a) => a.kind === 'for-release')
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const notPdf = released.filter((a) => a.mimeType !== 'application/pdf');
    if (notPdf.length) {
      throw refusal(
        'VALIDATION_FAILED',
        `Only PDFs go into the bundle; save these as PDF or change their kind: ${notPdf.map((a) => a.filename).join(', ')}.`,
      );
    }
    const parts = await Promise.all(
      released.map(async (a) => ({
        title: `${a.filename} (version ${a.version})`,
        pdf: await this.bytes(a),
        exemptions: [...new Set((await this.redactionLog(a.id)).map((e) => e.exemption))],
      })),
    );
    let pdf: Buffer;
    try {
      pdf = await buildBundle(
        row.reference,
        { title: letter.filename, pdf: letter.content, exemptions: [] },
        parts,
      );
    } catch (error) {
      throw refusal('VALIDATION_FAILED', `The bundle could not be made: ${(error as Error).message}`);
    }
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await mkdir(this.settings.uploadDirectory, { recursive: true });
    const path = join(this.settings.uploadDirectory, `${randomUUID()}.part`);
    await writeFile(path, pdf);
    await this.blobs.putFile(sha256, path, pdf.length);
    const saved = await this.dataSource.transaction((manager) =>
      this.addVersion(
        manager,
        user,
        caseId,
        {
          kind: 'released',
          filename: `${row.reference.replace(/[^A-Za-z0-9-]+/g, '-')}-release-bundle.pdf`,
          mimeType: 'application/pdf',
          size: pdf.length,
          sha256,
          redactedFrom: null,
        },
        {
          type: RELEASE_BUNDLE_BUILT,
          payload: {
            letterSha256: letter.sha256,
            documents: released.map((a) => ({ attachmentId: a.id, sha256: a.sha256 })),
          },
        },
      ),
    );
    return this.withName(saved);
  }
}
