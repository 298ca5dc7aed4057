import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { ACCEPTED_EXTENSIONS, typeOf } from './file-types';

/** A refused upload: an HTTP status, a stable code and a sentence the user can act on. */
export class UploadRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface ReceivedFile {
  /** A temporary file holding the bytes; the caller stores or removes it. */
  path: string;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  fields: Record<string, string>;
}

const HEAD_BYTES = 4096;

/**
 * Streams a multipart upload's `file` to a temporary file, hashing as it goes: the body is never
 * held in memory. Refused (and the temporary file removed) when it is over `maxBytes`, has no file,
 * or its type is not accepted or does not match its content.
 */
export async function receiveUpload(
  request: IncomingMessage,
  options: { maxBytes: number; directory: string },
): Promise<ReceivedFile> {
  const type = request.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) {
    throw new UploadRefusal(
      400,
      'BAD_USER_INPUT',
      'Send the file as multipart/form-data, in a field named "file".',
    );
  }
  await mkdir(options.directory, { recursive: true });
  const parser = busboy({
    headers: request.headers,
    limits: { files: 1, fileSize: options.maxBytes, fields: 10 },
  });
  const fields: Record<string, string> = {};
  const path = join(options.directory, `${randomUUID()}.part`);
  let written: Promise<Omit<ReceivedFile, 'fields' | 'path'>> | undefined;
  let tooLarge = false;

  parser.on('field', (name, value) => {
    fields[name] = value;
  });
  parser.on('file', (name, stream, info) => {
    if (name !== 'file' || written) {
      stream.resume();
      return;
    }
    stream.on('limit', () => {
      tooLarge = true;
    });
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        if (head.length < HEAD_BYTES)
          head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
        done(null, chunk);
      },
    });
    const filename = info.filename ?? '';
    written = pipeline(stream, measure, createWriteStream(path)).then(() => ({
      filename,
      mimeType: checkType(filename, head),
      size,
      sha256: hash.digest('hex'),
    }));
    // Refusals are decided once the whole body has been read.
    written.catch(() => undefined);
  });

  try {
    await pipeline(request, parser);
    const pending = written as Promise<Omit<ReceivedFile, 'fields' | 'path'>> | undefined;
    if (!pending)
      throw new UploadRefusal(400, 'BAD_USER_INPUT', 'The form has no file in a field named "file".');
    const file = await pending;
    if (tooLarge) {
      throw new UploadRefusal(
        413,
        'FILE_TOO_LARGE',
        `${file.filename} is larger than the ${Math.round(options.maxBytes / 1024 / 1024)} MB an upload may be.`,
        { maxBytes: options.maxBytes },
      );
    }
    return { ...file, path, fields };
  } catch (error) {
    await unlink(path).catch(() => undefined);
    if (error instanceof UploadRefusal) throw error;
    throw new UploadRefusal(
      400,
      'BAD_USER_INPUT',
      `The upload could not be read: ${(error as Error).message}`,
    );
  }
}

function checkType(filename: string, head: Buffer): string {
  const type = typeOf(filename);
  if (!type) {
    throw new UploadRefusal(
      415,
      'FILE_TYPE_REFUSED',
      `${filename || 'The file'} is not a type a case may hold. Accepted: ${ACCEPTED_EXTENSIONS.join(', ')}.`,
      { accepted: ACCEPTED_EXTENSIONS },
    );
  }
  if (!type.matches(head)) {
    throw new UploadRefusal(
      415,
      'FILE_TYPE_REFUSED',
      `${filename}'s content is not what its name says (${type.mimeType}); it was not stored.`,
    );
  }
  return type.mimeType;
}
