import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { createCase } from '../support/cases';
import {
  download,
  extract,
  FIXTURE_IMAGE_RECT,
  fixturePdf,
  rawStrings,
  uploadFile,
} from '../support/documents';

const NAME = 'Jane Smith';
const EMAIL = 'jane.smith@example.org';
const PHONE = '020 7946 0123';
const KEPT = 'The council operates 42 cameras';

const REDACT = `mutation($input: RedactDocumentInput!) {
  redactDocument(input: $input) { id documentId version kind sha256 redactedFrom }
}`;

const filesUnder = (folder: string): string[] =>
  existsSync(folder)
    ? readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name))
    : [];

describe('case documents on the filesystem store', () => {
  let api: TestApi;
  let officer: string;
  let auditor: string;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'recordflow-documents-'));
    process.env.RECORDFLOW_DATA_DIR = dataDir;
    process.env.RECORDFLOW_MAX_UPLOAD_MB = '1';
    api = await startTestApi('documents');
    officer = await api.signIn(['officer']);
    auditor = await api.signIn(['auditor']);
  });
  afterAll(async () => {
    await api?.close();
    delete process.env.RECORDFLOW_DATA_DIR;
    delete process.env.RECORDFLOW_MAX_UPLOAD_MB;
  });

  const history = async (caseId: string) =>
    (
      await api.graphql<{
        case: { history: { sequence: number; type: string; payload: Record<string, unknown> }[] };
      }>('query($id: ID!) { case(id: $id) { history { sequence type payload } } }', { id: caseId }, auditor)
    ).data?.case.history ?? [];
  const verify = async (caseId: string) =>
    (
      await api.graphql<{
        verifyCaseHistory: { ok: boolean; reason: string | null; firstBadSequence: number | null };
      }>(
        'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok reason firstBadSequence } }',
        { id: caseId },
        auditor,
      )
    ).data?.verifyCaseHistory;

  it('redacts names, an e-mail address and an image so that nothing under the boxes can be extracted, and logs each redaction', async () => {
    const created = await createCase(api, officer);
    const original = await fixturePdf([
      'Report on CCTV in the town centre',
      `Prepared by ${NAME} for the committee.`,
      `Contact: ${EMAIL}`,
      `Telephone: ${PHONE}`,
      KEPT,
      `Reviewed again by ${NAME}.`,
    ]);
    // The fixture holds what the test looks for: the checks below are not vacuous.
    const before = await extract(original);
    expect(before.text).toContain(NAME);
    expect(before.text).toContain(EMAIL);
    expect(before.images).toBe(1);
    expect(await rawStrings(original)).toContain('Smith');

    const uploaded = await uploadFile(api.url, created.id, officer, {
      name: 'cctv-report.pdf',
      bytes: original,
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      sha256: createHash('sha256').update(original).digest('hex'),
      kind: 'gathered',
      version: 1,
      size: original.length,
      mimeType: 'application/pdf',
    });
    const id = uploaded.body.id as string;

    const found = await api.graphql<{ findPersonalData: { page: number; text: string; kind: string }[] }>(
      'query($id: ID!) { findPersonalData(documentId: $id) { page text kind } }',
      { id },
      officer,
    );
    expect(found.data?.findPersonalData).toEqual([
      { page: 1, text: EMAIL, kind: 'e-mail address' },
      { page: 1, text: PHONE, kind: 'phone number' },
    ]);

    const redacted = await api.graphql<{
      redactDocument: {
        id: string;
        documentId: string;
        version: number;
        kind: string;
        sha256: string;
        redactedFrom: string;
      };
    }>(
      REDACT,
      {
        input: {
          documentId: id,
          redactions: [
            { page: 1, text: NAME, exemption: 's.40(2)', reason: 'Personal data of a junior officer' },
            { page: 1, text: EMAIL, exemption: 's.40(2)', reason: 'Personal e-mail address' },
            { page: 1, text: PHONE, exemption: 's.40(2)', reason: 'Direct line of a junior officer' },
            {
              page: 1,
              rect: FIXTURE_IMAGE_RECT,
              exemption: 's.43(2)',
              reason: 'Supplier drawing, commercially sensitive',
            },
          ],
        },
      },
      officer,
    );
    expect(redacted.errors).toBeUndefined();
    const version = redacted.data?.redactDocument;
    expect(version).toMatchObject({ documentId: id, version: 2, kind: 'for-release', redactedFrom: id });

    const file = await download(api.url, version?.id ?? '', auditor);
    expect(file.status).toBe(200);
    expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(version?.sha256);
    const after = await extract(file.bytes);
    expect(after.text).not.toContain('Jane');
    expect(after.text).not.toContain('Smith');
    expect(after.text).not.toContain('jane.smith');
    expect(after.text).not.toContain('example.org');
    expect(after.text).not.toContain('7946');
    expect(after.text).toContain('Telephone:');
    expect(after.images).toBe(0);
    expect(after.text).toContain(KEPT);
    expect(after.text).toContain('Report on CCTV');
    const raw = await rawStrings(file.bytes);
    for (const gone of ['Jane', 'Smith', 'jane.smith', EMAIL, '7946']) expect(raw).not.toContain(gone);
    expect(raw).toContain('42 cameras');
    // The original version is kept as it was.
    expect((await download(api.url, id, officer)).bytes.equals(original)).toBe(true);

    const log = await api.graphql<{
      redactionLog: {
        page: number;
        text: string | null;
        exemption: string;
        reason: string;
        byName: string;
        rects: number[][];
      }[];
    }>(
      'query($id: ID!) { redactionLog(documentId: $id) { page text exemption reason byName rects } }',
      { id },
      auditor,
    );
    const entries = log.data?.redactionLog ?? [];
    expect(entries.map((e) => [e.page, e.text, e.exemption, e.reason, e.byName])).toEqual([
      [1, NAME, 's.40(2)', 'Personal data of a junior officer', 'Test officer'],
      [1, EMAIL, 's.40(2)', 'Personal e-mail address', 'Test officer'],
      [1, PHONE, 's.40(2)', 'Direct line of a junior officer', 'Test officer'],
      [1, null, 's.43(2)', 'Supplier drawing, commercially sensitive', 'Test officer'],
    ]);
    expect(entries[0]?.rects).toHaveLength(2);
    const csv = await fetch(`${api.url}/api/documents/${version?.id}/redaction-log.csv`, {
      headers: { authorization: `Bearer ${auditor}` },
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('document,version,page,exemption,reason,text,boxes,by,at');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toContain('s.43(2),"Supplier drawing, commercially sensitive"');

    const events = await history(created.id);
    expect(events.slice(-2).map((e) => [e.type, e.payload.sha256])).toEqual([
      ['DOCUMENT_ADDED', uploaded.body.sha256],
      ['DOCUMENT_REDACTED', version?.sha256],
    ]);
    expect(await verify(created.id)).toMatchObject({ ok: true });
  });

  it('refuses a redaction without a known exemption or reason, or of text not on the page, and changes nothing', async () => {
    const created = await createCase(api, officer);
    const pdf = await fixturePdf([`Written by ${NAME}`]);
    const id = (await uploadFile(api.url, created.id, officer, { name: 'memo.pdf', bytes: pdf })).body
      .id as string;
    const eventsBefore = (await history(created.id)).length;
    for (const redaction of [
      { page: 1, text: NAME, exemption: 's.99', reason: 'r' },
      { page: 1, text: NAME, exemption: 's.40(2)', reason: ' ' },
      { page: 1, text: 'Nobody Here', exemption: 's.40(2)', reason: 'r' },
      { page: 2, text: NAME, exemption: 's.40(2)', reason: 'r' },
    ]) {
      const refused = await api.graphql(
        REDACT,
        { input: { documentId: id, redactions: [redaction] } },
        officer,
      );
      expect(refused.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    }
    const auditorTry = await api.graphql(
      REDACT,
      { input: { documentId: id, redactions: [{ page: 1, text: NAME, exemption: 's.40(2)', reason: 'r' }] } },
      auditor,
    );
    expect(auditorTry.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await history(created.id)).toHaveLength(eventsBefore);
  });

  it('refuses to redact an office document with a sentence saying how, when no converter is installed', async () => {
    const created = await createCase(api, officer);
    // The first bytes of a .docx (a zip); with no converter the content is never opened.
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]);
    const uploaded = await uploadFile(api.url, created.id, officer, { name: 'briefing.docx', bytes: docx });
    expect(uploaded).toMatchObject({
      status: 201,
      body: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    });
    const refused = await api.graphql(
      REDACT,
      {
        input: {
          documentId: uploaded.body.id,
          redactions: [{ page: 1, text: NAME, exemption: 's.40(2)', reason: 'r' }],
        },
      },
      officer,
    );
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/briefing\.docx is an office document: .*Save it as PDF/),
      extensions: { code: 'VALIDATION_FAILED' },
    });
  });

  it('keeps versions instead of overwriting, and downloads only with a token and a role', async () => {
    const created = await createCase(api, officer);
    const first = await uploadFile(api.url, created.id, officer, {
      name: 'notes.txt',
      bytes: Buffer.from('one'),
    });
    const second = await uploadFile(api.url, created.id, officer, {
      name: 'notes.txt',
      bytes: Buffer.from('two'),
      kind: 'draft',
    });
    expect(second.body).toMatchObject({ documentId: first.body.id, version: 2, kind: 'draft' });
    expect((await download(api.url, first.body.id as string, officer)).bytes.toString()).toBe('one');
    expect((await download(api.url, second.body.id as string, officer)).bytes.toString()).toBe('two');

    const anonymous = await fetch(`${api.url}/api/documents/${first.body.id}/content`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const admin = await api.signIn(['admin']);
    const byAuditor = await uploadFile(api.url, created.id, auditor, {
      name: 'a.txt',
      bytes: Buffer.from('x'),
    });
    expect(byAuditor).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(
      (await uploadFile(api.url, created.id, admin, { name: 'a.txt', bytes: Buffer.from('x') })).status,
    ).toBe(403);
    const unknown = await download(api.url, '00000000-0000-0000-0000-000000000000', officer);
    expect(unknown.status).toBe(404);
  });

  it('refuses a file over the limit or of a refused type with a clear error, and leaves nothing behind', async () => {
    const created = await createCase(api, officer);
    const eventsBefore = (await history(created.id)).length;
    const storedBefore = filesUnder(join(dataDir, 'documents')).length;

    const large = Buffer.alloc(2 * 1024 * 1024, 0x41);
    large.write('%PDF-1.7\n');
    const tooLarge = await uploadFile(api.url, created.id, officer, { name: 'big.pdf', bytes: large });
    expect(tooLarge).toMatchObject({ status: 413, body: { code: 'FILE_TOO_LARGE', maxBytes: 1024 * 1024 } });
    expect(tooLarge.body.message).toMatch(/larger than the 1 MB/);

    const program = await uploadFile(api.url, created.id, officer, {
      name: 'setup.exe',
      bytes: Buffer.from('MZ\x90\x00'),
    });
    expect(program).toMatchObject({ status: 415, body: { code: 'FILE_TYPE_REFUSED' } });
    const disguised = await uploadFile(api.url, created.id, officer, {
      name: 'letter.pdf',
      bytes: Buffer.from('MZ\x90\x00 not a pdf'),
    });
    expect(disguised).toMatchObject({ status: 415, body: { code: 'FILE_TYPE_REFUSED' } });
    const badKind = await uploadFile(api.url, created.id, officer, {
      name: 'ok.txt',
      bytes: Buffer.from('fine'),
      kind: 'secret',
    });
    expect(badKind).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });

    const attachments = await api.graphql<{ caseAttachments: unknown[] }>(
      'query($id: ID!) { caseAttachments(caseId: $id) { id } }',
      { id: created.id },
      officer,
    );
    expect(attachments.data?.caseAttachments).toEqual([]);
    expect(await history(created.id)).toHaveLength(eventsBefore);
    expect(filesUnder(join(dataDir, 'documents'))).toHaveLength(storedBefore);
    expect(filesUnder(join(dataDir, 'uploads'))).toEqual([]);
  });

  it('reports a stored file whose bytes changed when the history is verified', async () => {
    const created = await createCase(api, officer);
    const uploaded = await uploadFile(api.url, created.id, officer, {
      name: 'minutes.txt',
      bytes: Buffer.from('minutes of the meeting'),
    });
    expect(await verify(created.id)).toMatchObject({ ok: true });
    const sha = uploaded.body.sha256 as string;
    const blob = join(dataDir, 'documents', sha.slice(0, 2), sha.slice(2, 4), sha);
    chmodSync(blob, 0o644);
    writeFileSync(blob, 'minutes of another meeting');
    const result = await verify(created.id);
    expect(result).toMatchObject({ ok: false, firstBadSequence: uploaded.body.eventSequence });
    expect(result?.reason).toMatch(/minutes\.txt \(version 1\) has changed since it was stored/);
    // A file gone from the store is a fault of the server, reported as one (and by verification).
    rmSync(blob);
    const gone = await download(api.url, uploaded.body.id as string, officer);
    expect(gone.status).toBe(500);
    expect((await verify(created.id))?.reason).toMatch(
      /minutes\.txt \(version 1\) is missing from the document store/,
    );
  });

  it('builds the release bundle: the response letter and the for-release documents, numbered, with a schedule', async () => {
    const created = await createCase(api, officer);
    const report = await fixturePdf([`Prepared by ${NAME}.`, KEPT]);
    const reportId = (await uploadFile(api.url, created.id, officer, { name: 'report.pdf', bytes: report }))
      .body.id as string;
    const policy = await fixturePdf(['CCTV policy, version 3']);
    await uploadFile(api.url, created.id, officer, {
      name: 'policy.pdf',
      bytes: policy,
      kind: 'for-release',
    });
    await uploadFile(api.url, created.id, officer, {
      name: 'internal.txt',
      bytes: Buffer.from('not released'),
    });

    const early = await api.graphql(
      'mutation($id: ID!) { buildReleaseBundle(caseId: $id) { id } }',
      { id: created.id },
      officer,
    );
    expect(early.errors?.[0]?.message).toMatch(/Generate the response letter first/);

    await api.graphql(
      REDACT,
      {
        input: {
          documentId: reportId,
          redactions: [{ page: 1, text: NAME, exemption: 's.40(2)', reason: 'Third party' }],
        },
      },
      officer,
    );
    const letter = await api.graphql(
      'mutation($id: ID!) { generateLetter(caseId: $id, kind: "response") { id } }',
      { id: created.id },
      officer,
    );
    expect(letter.errors).toBeUndefined();
    const built = await api.graphql<{
      buildReleaseBundle: { id: string; sha256: string; kind: string; filename: string };
    }>(
      'mutation($id: ID!) { buildReleaseBundle(caseId: $id) { id sha256 kind filename } }',
      { id: created.id },
      officer,
    );
    expect(built.errors).toBeUndefined();
    const bundle = built.data?.buildReleaseBundle;
    expect(bundle).toMatchObject({
      kind: 'released',
      filename: `${created.reference.replace(/[^A-Za-z0-9-]+/g, '-')}-release-bundle.pdf`,
    });
    const file = await download(api.url, bundle?.id ?? '', auditor);
    expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(bundle?.sha256);
    const { text } = await extract(file.bytes);
    expect(text).toContain(`Schedule of documents — ${created.reference}`);
    expect(text).toContain(`${created.reference}-response.pdf`);
    expect(text).toContain('report.pdf (version 2)');
    expect(text).toContain('policy.pdf (version 1)');
    expect(text).toContain('s.40(2)');
    expect(text).not.toContain('internal.txt');
    expect(text).not.toContain(NAME);
    expect(text).toContain(KEPT);
    expect(text).toContain('CCTV policy, version 3');
    const pages = [...text.matchAll(/Page (\d+) of (\d+)/g)];
    const total = Number(pages[0]?.[2]);
    expect(pages.map((m) => Number(m[1]))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(total).toBeGreaterThanOrEqual(4);

    const last = (await history(created.id)).at(-1);
    expect(last).toMatchObject({ type: 'RELEASE_BUNDLE_BUILT', payload: { sha256: bundle?.sha256 } });
    expect(await verify(created.id)).toMatchObject({ ok: true });
  });
});
