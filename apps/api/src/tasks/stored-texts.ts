import { createHash } from 'node:crypto';
import { NOTE_ADDED, TASK_ANSWERED, TASK_CANCELLED, TASK_CHASED, TASK_RAISED } from '@recordflow/workflow';
import type { DataSource } from 'typeorm';

const sha256 = (text: string | null) =>
  text === null ? null : createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Compares the texts kept beside the history (notes; tasks' questions, chasers, answers and reasons)
 * with the SHA-256 their events recorded: the first event whose text changed or went missing, or null.
 */
export async function checkStoredTexts(
  dataSource: DataSource,
  caseId: string,
  events: { sequence: number; type: string; payload: unknown }[],
): Promise<{ sequence: number; reason: string } | null> {
  const [notes, tasks, chasers]: [
    { id: string; text: string }[],
    { id: string; question: string; answer: string | null; cancel_reason: string | null }[],
    { case_sequence: number; message: string | null }[],
  ] = await Promise.all([
    dataSource.query('SELECT id, text FROM case_note WHERE case_id = $1', [caseId]),
    dataSource.query('SELECT id, question, answer, cancel_reason FROM case_task WHERE case_id = $1', [
      caseId,
    ]),
    dataSource.query(
      `SELECT e.case_sequence, e.message FROM case_task_event e JOIN case_task t ON t.id = e.task_id
        WHERE t.case_id = $1 AND e.kind = 'chased'`,
      [caseId],
    ),
  ]);
  for (const event of events) {
    const payload = (event.payload ?? {}) as Record<string, string | null | undefined>;
    const task = tasks.find((t) => t.id === payload.taskId);
    const check = (what: string, text: string | null | undefined, recorded: string | null | undefined) =>
      text === undefined || sha256(text) !== recorded
        ? {
            sequence: event.sequence,
            reason: `${what} recorded by event ${event.sequence} has been changed or removed.`,
          }
        : null;
    const bad =
      event.type === NOTE_ADDED
        ? check('The note', notes.find((n) => n.id === payload.noteId)?.text, payload.textSha256)
        : event.type === TASK_RAISED
          ? check("The task's question", task?.question, payload.questionSha256)
          : event.type === TASK_ANSWERED
            ? check("The task's answer", task ? task.answer : undefined, payload.answerSha256)
            : event.type === TASK_CANCELLED
              ? check("The task's cancel reason", task ? task.cancel_reason : undefined, payload.reasonSha256)
              : event.type === TASK_CHASED
                ? check(
                    'The chaser',
                    chasers.find((c) => c.case_sequence === event.sequence)?.message,
                    payload.messageSha256,
                  )
                : null;
    if (bad) return bad;
  }
  return null;
}
