import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BlobStore, FileBlobStore, rehash, S3BlobStore } from '../../apps/api/src/documents/blob-store';
import { startTestApi, type TestApi } from '../support/api';
import { createCase } from '../support/cases';
import { download, fixturePdf, uploadFile } from '../support/documents';

const BUCKET = 'recordflow-documents';
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** An S3-compatible server in this process, on a free loopback port. */
async function startS3() {
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: mkdtempSync(join(tmpdir(), 'recordflow-s3-')),
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  return { server, url: `http://127.0.0.1:${port}` };
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the blob store, on the filesystem and on S3', () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(() => s3?.server.close());

  const stores: [string, () => BlobStore][] = [
    ['filesystem', () => new FileBlobStore(mkdtempSync(join(tmpdir(), 'recordflow-blobs-')))],
    ['s3', () => new S3BlobStore({ endpoint: s3.url, bucket: BUCKET, region: 'us-east-1', ...CREDENTIALS })],
  ];
  it.each(stores)('%s: stores by hash, reads back, and never replaces a stored blob', async (_kind, make) => {
    const store = make();
    const folder = mkdtempSync(join(tmpdir(), 'recordflow-put-'));
    const bytes = Buffer.from(`the same bytes ${Math.random()}`);
    const first = join(folder, 'first');
    writeFileSync(first, bytes);
    await store.putFile(sha(bytes), first, bytes.length);
    expect(existsSync(first)).toBe(false);

    // Putting other bytes under the same key is a no-op: what is stored stays.
    const second = join(folder, 'second');
    writeFileSync(second, 'different bytes');
    await store.putFile(sha(bytes), second, 15);
    expect(await rehash(store, sha(bytes))).toBe(sha(bytes));
    const chunks: Buffer[] = [];
    for await (const chunk of await store.read(sha(bytes))) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(await rehash(store, 'f'.repeat(64))).toBeNull();
  });
});

describe('case documents on an S3-compatible store', () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  let api: TestApi;
  let officer: string;
  let auditor: string;
  let dataDir: string;
  beforeAll(async () => {
    s3 = await startS3();
    dataDir = mkdtempSync(join(tmpdir(), 'recordflow-documents-s3-'));
    Object.assign(process.env, {
      RECORDFLOW_DATA_DIR: dataDir,
      RECORDFLOW_S3_URL: s3.url,
      RECORDFLOW_S3_BUCKET: BUCKET,
      RECORDFLOW_S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      RECORDFLOW_S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    });
    api = await startTestApi('documents_s3');
    officer = await api.signIn(['officer']);
    auditor = await api.signIn(['auditor']);
  });
  afterAll(async () => {
    await api?.close();
    await s3?.server.close();
    for (const name of ['RECORDFLOW_DATA_DIR', 'RECORDFLOW_S3_URL', 'RECORDFLOW_S3_BUCKET'])
      delete process.env[name];
    delete process.env.RECORDFLOW_S3_ACCESS_KEY_ID;
    delete process.env.RECORDFLOW_S3_SECRET_ACCESS_KEY;
  });

  it('keeps uploads and redacted versions in the bucket, serves them back, and verification catches a changed object', async () => {
    const created = await createCase(api, officer);
    const pdf = await fixturePdf(['Written by Jane Smith', 'Kept text']);
    const uploaded = await uploadFile(api.url, created.id, officer, { name: 'memo.pdf', bytes: pdf });
    expect(uploaded).toMatchObject({ status: 201, body: { sha256: sha(pdf) } });

    const client = new S3Client({
      endpoint: s3.url,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: CREDENTIALS,
    });
    const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: `documents/${sha(pdf)}` }));
    expect(
      Buffer.from(
        await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
      ).equals(pdf),
    ).toBe(true);
    expect(existsSync(join(dataDir, 'documents'))).toBe(false);

    const redacted = await api.graphql<{ redactDocument: { id: string; sha256: string } }>(
      'mutation($input: RedactDocumentInput!) { redactDocument(input: $input) { id sha256 } }',
      {
        input: {
          documentId: uploaded.body.id,
          redactions: [{ page: 1, text: 'Jane Smith', exemption: 's.40(2)', reason: 'Third party' }],
        },
      },
      officer,
    );
    expect(redacted.errors).toBeUndefined();
    const file = await download(api.url, redacted.data?.redactDocument.id ?? '', auditor);
    expect(sha(file.bytes)).toBe(redacted.data?.redactDocument.sha256);

    const verify = () =>
      api.graphql<{ verifyCaseHistory: { ok: boolean; reason: string | null } }>(
        'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok reason } }',
        { id: created.id },
        auditor,
      );
    expect((await verify()).data?.verifyCaseHistory.ok).toBe(true);
    // Someone with access to the bucket replaces the object behind Recordflow's back.
    await client.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: `documents/${sha(pdf)}`,
        Body: Buffer.from('%PDF-1.7 swapped'),
      }),
    );
    expect((await verify()).data?.verifyCaseHistory).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/memo\.pdf \(version 1\) has changed since it was stored/),
    });
  });
});
