import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

// Codes GraphQL, Apollo and Recordflow give on purpose; anything else is a fault we must not describe.
const EXPECTED = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'VALIDATION_FAILED',
  'EVENT_NOT_ALLOWED',
  'VERSION_CONFLICT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'TOO_MANY_REQUESTS',
]);

/** Passes expected refusals through; replaces anything unexpected (SQL, stack traces) with a plain sentence, and logs it. */
export const formatError =
  (logger: Logger) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (EXPECTED.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: error, path: formatted.path }, 'Unexpected error in a GraphQL operation');
    return {
      message:
        'Something went wrong on the server. It has been logged; try again, or tell your administrator.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
