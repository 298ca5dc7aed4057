import { createHash, randomBytes } from 'node:crypto';
import {
  CASE_ANONYMISED,
  commitment,
  ERASED_TEXT,
  NOTE_ADDED,
  TASK_ANSWERED,
  TASK_CANCELLED,
  TASK_CHASED,
  TASK_RAISED,
} from '@recordflow/workflow';
import type { DataSource } from 'typeorm';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A new random salt for a text's commitment (32 bytes, as an event's payload salt). */
export const newSalt = () => randomBytes(32).toString('hex');

/**
 * The events whose texts are kept beside the history (notes; tasks' questions, chasers, answers and
 * reasons), and the field each records: `<field>Commitment`, the salted commitment of the text made as
 * an event's private fields are (`<field>Sha256`, the text's plain SHA-256, on events recorded before).
 */
export const TEXT_EVENTS: Readonly<Record<string, { field: string; what: string }>> = {
  [NOTE_ADDED]: { field: 'text', what: 'The note' },
  [TASK_RAISED]: { field: 'question', what: "The task's question" },
  [TASK_CHASED]: { field: 'message', what: 'The chaser' },
  [TASK_ANSWERED]: { field: 'answer', what: "The task's answer" },
  [TASK_CANCELLED]: { field: 'reason', what: "The task's cancel reason" },
};

/** The payload entry an event records for its text: the commitment with the salt kept beside the text. */
export function committedText(
  type: keyof typeof TEXT_EVENTS,
  salt: string,
  text: string | null,
): Record<string, string | null> {
  const { field } = TEXT_EVENTS[type] as { field: string };
  return { [`${field}Commitment`]: text === null ? null : commitment(salt, field, text) };
}

/** A kept text as stored: erased when its case was anonymised (the text then [erased] and the salt gone). */
interface Kept {
  text: string | null;
  salt: string | null;
  erased: boolean;
}

/** Whether the kept text is the one the event recorded, or was erased by an anonymisation that lists the event. */
function intact(kept: Kept | undefined, payload: Record<string, unknown>, field: string, erasable: boolean) {
  if (!kept) return false;
  const committed = `${field}Commitment` in payload;
  const recorded = (payload[committed ? `${field}Commitment` : `${field}Sha256`] ?? null) as string | null;
  if (kept.text === null || recorded === null) return kept.text === null && recorded === null;
  if (kept.erased) return erasable && kept.text === ERASED_TEXT && kept.salt === null;
  if (!committed) return sha256(kept.text) === recorded;
  return kept.salt !== null && commitment(kept.salt, field, kept.text) === recorded;
}

/**
 * Compares the texts kept beside the history with what their events recorded: the first event whose
 * text changed or went missing, or null. A text erased by the case's anonymisation passes only when the
 * CASE_ANONYMISED event (hashed in the chain, which the caller has verified) lists its event.
 */
export async function checkStoredTexts(
  dataSource: DataSource,
  caseId: string,
  events: { sequence: number; type: string; payload: unknown }[],
): Promise<{ sequence: number; reason: string } | null> {
  const [notes, tasks, chasers]: [
    { id: string; text: string; text_salt: string | null; erased_at: Date | null }[],
    {
      id: string;
      question: string;
      answer: string | null;
      cancel_reason: string | null;
      text_salt: string | null;
      erased_at: Date | null;
    }[],
    { case_sequence: number; message: string | null; message_salt: string | null; erased_at: Date | null }[],
  ] = await Promise.all([
    dataSource.query('SELECT id, text, text_salt, erased_at FROM case_note WHERE case_id = $1', [caseId]),
    dataSource.query(
      'SELECT id, question, answer, cancel_reason, text_salt, erased_at FROM case_task WHERE case_id = $1',
      [caseId],
    ),
    dataSource.query(
      `SELECT e.case_sequence, e.message, e.message_salt, e.erased_at FROM case_task_event e JOIN case_task t ON t.id = e.task_id
        WHERE t.case_id = $1 AND e.kind = 'chased'`,
      [caseId],
    ),
  ]);
  const erasable = new Set<number>();
  for (const event of events) {
    if (event.type !== CASE_ANONYMISED) continue;
    const listed = (event.payload as { erasedTexts?: unknown } | null)?.erasedTexts;
    // Only texts recorded before the anonymisation: nothing later can be erased by it.
    if (Array.isArray(listed))
      for (const s of listed) if (typeof s === 'number' && s < event.sequence) erasable.add(s);
  }
  for (const event of events) {
    const spec = TEXT_EVENTS[event.type];
    if (!spec) continue;
    const payload = (event.payload ?? {}) as Record<string, unknown>;
    const task = tasks.find((t) => t.id === payload.taskId);
    const ofTask = (text: string | null | undefined): Kept | undefined =>
      task && text !== undefined
        ? { text, salt: task.text_salt, erased: task.erased_at !== null }
        : undefined;
    const note = notes.find((n) => n.id === payload.noteId);
    const chaser = chasers.find((c) => c.case_sequence === event.sequence);
    const kept =
      event.type === NOTE_ADDED
        ? note && { text: note.text, salt: note.text_salt, erased: note.erased_at !== null }
        : event.type === TASK_RAISED
          ? ofTask(task?.question)
          : event.type === TASK_ANSWERED
            ? ofTask(task?.answer)
            : event.type === TASK_CANCELLED
              ? ofTask(task?.cancel_reason)
              : chaser && {
                  text: chaser.message,
                  salt: chaser.message_salt,
                  erased: chaser.erased_at !== null,
                };
    if (!intact(kept, payload, spec.field, erasable.has(event.sequence)))
      return {
        sequence: event.sequence,
        reason: `${spec.what} recorded by event ${event.sequence} has been changed or removed.`,
      };
  }
  return null;
}
