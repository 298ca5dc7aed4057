import type { DataSource } from 'typeorm';
import { Attachment } from './attachment.entity';
import { type BlobStore, rehash } from './blob-store';

/**
 * Reads every stored file of a case again and compares its SHA-256 with the one recorded in the
 * history: the first document whose bytes changed or went missing, or null when all match.
 */
export async function checkStoredDocuments(
  dataSource: DataSource,
  store: BlobStore,
  caseId: string,
  events: { sequence: number; payload: unknown }[],
): Promise<{ sequence: number; reason: string } | null> {
  const rows = await dataSource
    .getRepository(Attachment)
    .find({ where: { caseId }, order: { eventSequence: 'ASC' } });
  const recorded = new Map(
    events.map((e) => [e.sequence, e.payload as { attachmentId?: string; sha256?: string }]),
  );
  for (const row of rows) {
    const event = recorded.get(row.eventSequence);
    if (event?.attachmentId !== row.id || event.sha256 !== row.sha256) {
      return {
        sequence: row.eventSequence,
        reason: `${row.filename} (version ${row.version}) is not the file event ${row.eventSequence} recorded.`,
      };
    }
    // Its bytes were deleted with the requester's personal data; the erasure is in the history.
    if (row.erasedAt) continue;
    const actual = await rehash(store, row.sha256);
    if (actual !== row.sha256) {
      return {
        sequence: row.eventSequence,
        reason: actual
          ? `${row.filename} (version ${row.version}) has changed since it was stored: its SHA-256 is now ${actual}.`
          : `${row.filename} (version ${row.version}) is missing from the document store.`,
      };
    }
  }
  return null;
}
