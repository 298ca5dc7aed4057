import { useCallback, useEffect, useState } from 'react';
import type { TypedDocumentString } from './gql/graphql';
import { useSession } from './session';

/** A GraphQL error as the api sends it: a sentence, a stable code and its details. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Sends one operation with the session's token; an ended session sends the user back to sign in. */
export async function graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  return send<T>(query, variables);
}

/** Sends an operation generated from schema.gql (`pnpm codegen`): its result and variables are typed. */
export function request<T, V>(
  document: TypedDocumentString<T, V>,
  ...[variables]: V extends Record<string, never> ? [] : [V]
): Promise<T> {
  return send<T>(document.toString(), variables as Record<string, unknown> | undefined);
}

async function send<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const token = useSession.getState().session?.token;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => null)) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
  } | null;
  const first = body?.errors?.[0];
  if (first) {
    if (first.extensions?.code === 'UNAUTHENTICATED' && token) {
      useSession.getState().signOut('Your session ended; sign in again.');
    }
    throw new GraphQLRequestError(first.message, first.extensions?.code, first.extensions ?? {});
  }
  if (!response.ok || !body?.data) {
    throw new GraphQLRequestError(
      `The server answered ${response.status} ${response.statusText}.`,
      undefined,
    );
  }
  return body.data;
}

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'error'; message: string };

/** Runs a query now and whenever `reload` is called or the variables change; polls when asked to. */
export function useQuery<T>(query: string, variables: Record<string, unknown> = {}, pollMs = 0) {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const key = JSON.stringify(variables);
  const reload = useCallback(() => {
    graphql<T>(query, JSON.parse(key)).then(
      (data) => setResult({ state: 'ready', data }),
      (error: Error) => setResult({ state: 'error', message: error.message }),
    );
  }, [query, key]);
  useEffect(() => {
    reload();
    if (!pollMs) return;
    const timer = setInterval(reload, pollMs);
    return () => clearInterval(timer);
  }, [reload, pollMs]);
  return { result, reload };
}

/** useQuery for an operation generated from schema.gql: the data is typed from the schema. */
export function useTypedQuery<T, V extends Record<string, unknown>>(
  document: TypedDocumentString<T, V>,
  variables?: V,
  pollMs = 0,
) {
  return useQuery<T>(document.toString(), variables ?? {}, pollMs);
}
