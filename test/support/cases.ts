import type { GraphQLResult, TestApi } from './api';

export const CREATE_CASE = `mutation($input: CreateCaseInput!) {
  createCase(input: $input) { id reference stage version dueDate status }
}`;

export const SEND_EVENT = `mutation($input: SendCaseEventInput!) {
  sendCaseEvent(input: $input) { replayed event { sequence type hash prevHash actorLabel } case { id stage step version dueDate status } }
}`;

export interface CreatedCase {
  id: string;
  reference: string;
  stage: string;
  version: number;
  dueDate: string | null;
  status: string;
}

/** A case built with defaults a test can override (Immich-style builder). */
export async function createCase(
  api: TestApi,
  token: string,
  overrides: Partial<{
    workflowId: string;
    receivedOn: string;
    subject: string;
    requestText: string;
    channel: string;
    requester: { name?: string; email?: string; address?: string };
  }> = {},
): Promise<CreatedCase> {
  const result = await api.graphql<{ createCase: CreatedCase }>(
    CREATE_CASE,
    {
      input: {
        workflowId: 'foi',
        receivedOn: '2026-01-14',
        channel: 'email',
        subject: 'CCTV cameras and facial recognition',
        requestText: 'Please can you tell me how many CCTV cameras the local authority operates…',
        requester: { name: 'A. Requester', email: 'requester@example.net' },
        ...overrides,
      },
    },
    token,
  );
  if (!result.data) throw new Error(`createCase failed: ${JSON.stringify(result.errors)}`);
  return result.data.createCase;
}

export function sendEvent(
  api: TestApi,
  token: string,
  input: {
    caseId: string;
    type: string;
    payload?: Record<string, unknown>;
    effectiveOn?: string;
    expectedVersion?: number;
    idempotencyKey?: string;
  },
): Promise<
  GraphQLResult<{
    sendCaseEvent: {
      replayed: boolean;
      event: { sequence: number; type: string; hash: string; prevHash: string; actorLabel: string };
      case: {
        id: string;
        stage: string;
        step: string;
        version: number;
        dueDate: string | null;
        status: string;
      };
    };
  }>
> {
  return api.graphql(SEND_EVENT, { input }, token);
}

/** An event to send, or the response letter to generate dated `on` and record as sent that day. */
export type Step =
  | { type: string; effectiveOn?: string; payload?: Record<string, unknown> }
  | { sendLetter: string; on: string; channel?: string };

/** Events an approver sends: the test's approver, an officer who holds the approver role and drafted nothing. */
const APPROVER_EVENTS = ['APPROVE_RESPONSE', 'REQUEST_CHANGES'];

export const approverToken = (api: TestApi) =>
  api.signIn(['officer', 'approver'], 'approver@test.example.org');

/** Approved by the approver, then its letter sent on `on`: the response goes out that day. */
export const approvedAndSent = (on: string, channel = 'email'): Step[] => [
  { type: 'APPROVE_RESPONSE', effectiveOn: on },
  { sendLetter: 'response', on, channel },
];

/** Generates a letter dated `on` and records it as sent that day; returns its PDF and DOCX ids. */
export async function sendLetterOn(
  api: TestApi,
  token: string,
  caseId: string,
  kind: string,
  on: string,
  channel = 'email',
): Promise<{ pdf: string; docx: string; sequence: number }> {
  const generated = await api.graphql<{ generateLetter: { id: string; format: string }[] }>(
    'mutation($id: ID!, $kind: String!, $on: LocalDate) { generateLetter(caseId: $id, kind: $kind, dated: $on) { id format } }',
    { id: caseId, kind, on },
    token,
  );
  if (!generated.data) throw new Error(`generateLetter failed: ${JSON.stringify(generated.errors)}`);
  const [pdf, docx] = generated.data.generateLetter;
  const sent = await api.graphql<{ sendLetter: { sentSequence: number } }>(
    'mutation($id: ID!, $on: LocalDate, $channel: String) { sendLetter(documentId: $id, sentOn: $on, channel: $channel, recipient: "requester@example.net") { sentSequence } }',
    { id: pdf?.id, on, channel },
    token,
  );
  if (!sent.data) throw new Error(`sendLetter failed: ${JSON.stringify(sent.errors)}`);
  return { pdf: pdf?.id as string, docx: docx?.id as string, sequence: sent.data.sendLetter.sentSequence };
}

/** Plays steps on a case in order, each approval by the approver; throws on the first refusal. */
export async function play(api: TestApi, officer: string, caseId: string, steps: Step[]): Promise<void> {
  for (const step of steps) {
    if ('sendLetter' in step) {
      await sendLetterOn(api, officer, caseId, step.sendLetter, step.on, step.channel);
      continue;
    }
    const token = APPROVER_EVENTS.includes(step.type) ? await approverToken(api) : officer;
    const result = await sendEvent(api, token, { caseId, ...step });
    if (result.errors) throw new Error(`${step.type}: ${JSON.stringify(result.errors)}`);
  }
}

export const DATA_PROTECTION = 'Data Protection';

/**
 * Puts these signed-in users in a Data Protection team that handles subject access requests, as an
 * administrator does on the Teams and Users pages: SARs are restricted from the start, so only such a
 * team's members (and administrators) register, see and work them. Returns the team's id.
 */
export async function handlesSars(api: TestApi, ...tokens: string[]): Promise<string> {
  const [team] = await api.dataSource.query(
    'INSERT INTO team (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id',
    [DATA_PROTECTION],
  );
  await api.dataSource.query(
    `INSERT INTO workflow_team (workflow_id, team_id) VALUES ('sar', $1) ON CONFLICT DO NOTHING`,
    [team.id],
  );
  for (const token of tokens) {
    const me = await api.graphql<{ me: { id: string } }>('{ me { id } }', {}, token);
    if (!me.data) throw new Error(`me failed: ${JSON.stringify(me.errors)}`);
    await api.dataSource.query(
      'INSERT INTO user_team (user_id, team_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [me.data.me.id, team.id],
    );
  }
  await api.sessionsSettled();
  return team.id;
}
