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
