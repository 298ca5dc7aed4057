import { GraphQLError } from 'graphql';

/** The stable error codes outside tools rely on (DESIGN.md, GraphQL conventions). */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'EVENT_NOT_ALLOWED'
  | 'VERSION_CONFLICT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'TOO_MANY_REQUESTS';

/** An expected refusal: a sentence a person can act on, a code, and the facts needed to act (allowed events, current version …). */
export function refusal(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

export const notFound = (what: string, id: string) =>
  refusal('NOT_FOUND', `No ${what} has the id "${id}".`, { id });
