import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, constants, copyFile, link, mkdir, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { DocumentSettings, S3Settings } from './document-settings';

/**
 * Where document bytes live. Blobs are content-addressed by their SHA-256 and written once: putting
 * a hash that is already stored changes nothing, so a stored blob never changes.
 */
export interface BlobStore {
  /** Stores the file at `path` (already hashed by the caller) under its hash; the file is consumed. */
  putFile(sha256: string, path: string, size: number): Promise<void>;
  /** The stored bytes, streamed. */
  read(sha256: string): Promise<Readable>;
  /** Deletes the bytes (erasure of personal data); nothing when absent. */
  remove(sha256: string): Promise<void>;
  readonly kind: 'filesystem' | 's3';
}

const checkHash = (sha256: string) => {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
};

/** Blobs as files under a folder: `<folder>/ab/cd/<sha256>`, read-only once written. */
export class FileBlobStore implements BlobStore {
  readonly kind = 'filesystem';
  constructor(private readonly directory: string) {}

  private pathOf(sha256: string): string {
    checkHash(sha256);
    return join(this.directory, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async putFile(sha256: string, path: string): Promise<void> {
    const target = this.pathOf(sha256);
    await mkdir(dirname(target), { recursive: true });
    await chmod(path, 0o444);
    try {
      // link() fails when the target exists, so a stored blob is never replaced.
      await link(path, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EXDEV') await copyFile(path, target, constants.COPYFILE_EXCL);
      else if (code !== 'EEXIST') throw error;
    }
    await unlink(path);
  }

  async remove(sha256: string): Promise<void> {
    await unlink(this.pathOf(sha256)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  async read(sha256: string): Promise<Readable> {
    const path = this.pathOf(sha256);
    await stat(path);
    return createReadStream(path);
  }
}

/** Blobs as objects in an S3-compatible bucket, keyed `documents/<sha256>`, so replicas share them. */
export class S3BlobStore implements BlobStore {
  readonly kind = 's3';
  private readonly client: S3Client;
  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: true,
      // Plain signed uploads: some S3-compatible servers do not accept streamed checksum trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    });
  }

  private keyOf(sha256: string): string {
    checkHash(sha256);
    return `documents/${sha256}`;
  }

  private async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return true;
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
        return false;
      throw error;
    }
  }

  async putFile(sha256: string, path: string, size: number): Promise<void> {
    const key = this.keyOf(sha256);
    try {
      if (await this.exists(key)) return;
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.settings.bucket,
          Key: key,
          Body: createReadStream(path),
          ContentLength: size,
        }),
      );
    } finally {
      await unlink(path).catch(() => undefined);
    }
  }

  async read(sha256: string): Promise<Readable> {
    const answer = await this.client.send(
      new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(sha256) }),
    );
    return answer.Body as Readable;
  }

  async remove(sha256: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(sha256) }),
    );
  }
}

export function createBlobStore(settings: DocumentSettings): BlobStore {
  return settings.s3 ? new S3BlobStore(settings.s3) : new FileBlobStore(settings.directory);
}

/** The SHA-256 of a stored blob, read again from the store (the audit's check that nothing changed). */
export async function rehash(store: BlobStore, sha256: string): Promise<string | null> {
  try {
    const hash = createHash('sha256');
    for await (const chunk of await store.read(sha256)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return null;
  }
}
