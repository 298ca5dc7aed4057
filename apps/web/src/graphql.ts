import { useCallback, useEffect, useRef, useState } from 'react';
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

/** An operation without variables takes none; one with variables must be given them. */
type VariablesOf<V> = V extends Record<string, never> ? [] : [V];

/**
 * Sends one operation declared with `graphql()` from ./gql (generated from schema.gql by `pnpm codegen`),
 * with the session's token: its result and variables are typed. An ended session sends the user back to sign in.
 */
export async function request<T, V>(
  document: TypedDocumentString<T, V>,
  ...[variables]: VariablesOf<V>
): Promise<T> {
  const query = document.toString();
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
      useSession.getState().signOut('Your session ended; sign in again.', { expired: true });
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
export function useQuery<T, V>(
  document: TypedDocumentString<T, V>,
  ...[variables, pollMs = 0]: V extends Record<string, never>
    ? [variables?: V, pollMs?: number]
    : [V, number?]
) {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const key = JSON.stringify(variables ?? {});
  // Answers can arrive out of order: only the latest request's answer is shown.
  const latest = useRef(0);
  const reload = useCallback(() => {
    const mine = ++latest.current;
    request(document, ...([JSON.parse(key)] as VariablesOf<V>)).then(
      (data) => mine === latest.current && setResult({ state: 'ready', data }),
      (error: Error) => mine === latest.current && setResult({ state: 'error', message: error.message }),
    );
  }, [document, key]);
  useEffect(() => {
    reload();
    if (!pollMs) return;
    const timer = setInterval(reload, pollMs);
    return () => clearInterval(timer);
  }, [reload, pollMs]);
  return { result, reload };
}
