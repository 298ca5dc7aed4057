import { expect } from 'vitest';
import type { TestApi } from './api';
import { approverToken, createCase, sendEvent } from './cases';
import { EXAMPLE_ANSWERS, EXAMPLE_REQUEST } from './example-letter';

export const MAIL_FIELDS =
  'id status attempts lastError response messageId sentSequence toAddress subject documentIds nextAttemptAt';

export interface MailRow {
  id: string;
  status: string;
  attempts: number;
  lastError: string | null;
  response: string | null;
  messageId: string;
  sentSequence: number | null;
  toAddress: string;
  subject: string;
  documentIds: string[];
  nextAttemptAt: string;
}

export interface Letter {
  caseId: string;
  reference: string;
  pdf: { id: string; sha256: string; filename: string };
  docx: { id: string; sha256: string; filename: string };
}

/** A case answered in full and approved, with its response letter generated (PDF and DOCX), not sent yet. */
export async function responseLetter(api: TestApi, officer: string): Promise<Letter> {
  const created = await createCase(api, officer, { requestText: EXAMPLE_REQUEST });
  await sendEvent(api, officer, { caseId: created.id, type: 'START_RESPONSE', effectiveOn: '2026-01-16' });
  await sendEvent(api, officer, {
    caseId: created.id,
    type: 'SUBMIT_FOR_APPROVAL',
    effectiveOn: '2026-01-16',
    payload: { outcome: 'granted-in-full', answers: EXAMPLE_ANSWERS, held: true },
  });
  await sendEvent(api, await approverToken(api), {
    caseId: created.id,
    type: 'APPROVE_RESPONSE',
    effectiveOn: '2026-01-16',
  });
  const generated = await api.graphql<{
    generateLetter: { id: string; format: string; sha256: string; filename: string }[];
  }>(
    'mutation($id: ID!) { generateLetter(caseId: $id, kind: "response") { id format sha256 filename } }',
    { id: created.id },
    officer,
  );
  const [pdf, docx] = generated.data?.generateLetter ?? [];
  expect(pdf?.format).toBe('pdf');
  expect(docx?.format).toBe('docx');
  return { caseId: created.id, reference: created.reference, pdf: pdf as never, docx: docx as never };
}

export async function caseMails(api: TestApi, token: string, caseId: string): Promise<MailRow[]> {
  const result = await api.graphql<{ caseMails: MailRow[] }>(
    `query($id: ID!) { caseMails(caseId: $id) { ${MAIL_FIELDS} } }`,
    { id: caseId },
    token,
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.caseMails;
}

/** Polls the case's mail until `done` holds (the queue works in the background). */
export async function waitForMail(
  api: TestApi,
  token: string,
  caseId: string,
  done: (mail: MailRow) => boolean,
  timeoutMs = 60_000,
): Promise<MailRow> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [mail] = await caseMails(api, token, caseId);
    if (mail && done(mail)) return mail;
    if (Date.now() > until) throw new Error(`mail never got there: ${JSON.stringify(mail)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface HistoryEvent {
  sequence: number;
  type: string;
  payload: Record<string, unknown>;
}

export async function history(api: TestApi, token: string, caseId: string): Promise<HistoryEvent[]> {
  const result = await api.graphql<{ case: { history: HistoryEvent[] } }>(
    'query($id: ID!) { case(id: $id) { history { sequence type payload } } }',
    { id: caseId },
    token,
  );
  return result.data?.case.history ?? [];
}
