import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { asDomainError, EXPECTED_CODES, toGraphQLError } from './graphql-errors';

/** Passes expected refusals through; replaces anything unexpected (SQL, stack traces) with a plain sentence, and logs it. */
export const formatError =
  (logger: Logger) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // A refusal thrown where no Nest filter sees it (a scalar, a plugin) still answers with its code.
    const refused = asDomainError(unwrapResolverError(error));
    if (refused) {
      const { extensions } = toGraphQLError(refused);
      return { message: refused.message, path: formatted.path, locations: formatted.locations, extensions };
    }
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (code === 'GRAPHQL_PARSE_FAILED' && formatted.message.startsWith('Maximum call stack')) {
      // The parser recursed out of stack on a value nested thousands deep: say so in the client's terms.
      return {
        message: 'The query is nested too deeply to read. Send deep values as variables.',
        extensions: { code },
      };
    }
    if (
      code === 'INTERNAL_SERVER_ERROR' &&
      formatted.message.startsWith('Too many errors processing variables')
    ) {
      // graphql-js stops coercing variables after 50 errors and says so without a code: still the client's input.
      return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    if (EXPECTED_CODES.has(code)) {
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
