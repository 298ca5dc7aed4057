import { CalendarError } from '@recordflow/calendar';
import { WorkflowError } from '@recordflow/workflow';
import { GraphQLError } from 'graphql';
import { DomainError, ERROR_CODES, type ErrorCode, refusal } from './errors';

/** Every code a GraphQL client can see: Recordflow's refusals, and those GraphQL and Apollo give themselves. */
export const EXPECTED_CODES: ReadonlySet<string> = new Set<string>([
  ...ERROR_CODES,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** A refusal of the pure packages (workflow engine, calendar) as one of the api's own; undefined for a fault. */
export function asDomainError(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (error instanceof WorkflowError) {
    switch (error.code) {
      case 'EVENT_NOT_ALLOWED':
        return refusal('EVENT_NOT_ALLOWED', error.message, { allowed: error.allowed ?? [] });
      case 'VALIDATION_FAILED':
        return refusal('VALIDATION_FAILED', error.message, { fields: error.fields ?? [] });
      case 'FORBIDDEN':
        return refusal('FORBIDDEN', error.message);
      default: {
        const unknownCode: never = error.code;
        throw new Error(`A workflow refusal with no mapping: ${unknownCode}`);
      }
    }
  }
  // The calendar refuses impossible dates and day counts; what it was given came from the request.
  if (error instanceof CalendarError) return refusal('VALIDATION_FAILED', error.message);
  return undefined;
}

type AnyDomainError = { [C in ErrorCode]: DomainError<C> }[ErrorCode];

/** The extensions of each code: the code and exactly its details' keys (docs/errors.md). */
function extensionsOf(error: AnyDomainError): Record<string, unknown> {
  switch (error.code) {
    case 'VALIDATION_FAILED':
      return { code: error.code, fields: error.details.fields };
    case 'EVENT_NOT_ALLOWED':
      return { code: error.code, allowed: error.details.allowed };
    case 'VERSION_CONFLICT':
      return { code: error.code, currentVersion: error.details.currentVersion };
    case 'NOT_FOUND':
      return { code: error.code, id: error.details.id };
    case 'FORBIDDEN':
      return { code: error.code, requiredRoles: error.details.requiredRoles };
    case 'TOO_MANY_REQUESTS':
      return { code: error.code, retryInSeconds: error.details.retryInSeconds };
    case 'UNAUTHENTICATED':
    case 'BAD_USER_INPUT':
    case 'PASSWORD_SIGN_IN_OFF':
      return { code: error.code };
    default: {
      const unknownCode: never = error;
      throw new Error(`A refusal with no mapping: ${(unknownCode as DomainError).code}`);
    }
  }
}

/** The one place refusals become GraphQL errors. */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: extensionsOf(error as AnyDomainError),
    originalError: error,
  });
}
