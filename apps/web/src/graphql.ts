/** A GraphQL error as the api sends it: a sentence and a stable code. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** Sends one operation to the api and returns its data, or throws the first error as a sentence. */
export async function graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => null)) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
  const first = body?.errors?.[0];
  if (first) throw new GraphQLRequestError(first.message, first.extensions?.code);
  if (!response.ok || !body?.data) {
    throw new GraphQLRequestError(
      `The server answered ${response.status} ${response.statusText}.`,
      undefined,
    );
  }
  return body.data;
}
