/** One wrong value: where (an argument or input path such as `input.requester.name`) and what is wrong with it. */
export interface FieldProblem {
  field: string;
  message: string;
  /** A stable name for the kind of problem, where there is one (workflow definition checks). */
  code?: string;
}

/** The facts each code carries, so a client can act on a refusal without parsing its sentence (docs/errors.md). */
export interface ErrorDetails {
  VALIDATION_FAILED: { fields: FieldProblem[] };
  EVENT_NOT_ALLOWED: { allowed: string[] };
  /** The version (a draft's revision for workflow drafts) the thing is at now; null when it is gone. */
  VERSION_CONFLICT: { currentVersion: number | null };
  /** The id (or name) asked for; null when the refusal names none. */
  NOT_FOUND: { id: string | null };
  UNAUTHENTICATED: Record<string, never>;
  FORBIDDEN: { requiredRoles: string[] };
  BAD_USER_INPUT: Record<string, never>;
  TOO_MANY_REQUESTS: { retryInSeconds: number };
  /** Password sign-in is turned off (RECORDFLOW_PASSWORD_SIGN_IN=off): sign in through the provider. */
  PASSWORD_SIGN_IN_OFF: Record<string, never>;
}

/** The stable error codes outside tools rely on (docs/errors.md). */
export type ErrorCode = keyof ErrorDetails;

/** What a refusal carries when its maker gives nothing: every key of its code is always there. */
const EMPTY: { [C in ErrorCode]: ErrorDetails[C] } = {
  VALIDATION_FAILED: { fields: [] },
  EVENT_NOT_ALLOWED: { allowed: [] },
  VERSION_CONFLICT: { currentVersion: null },
  NOT_FOUND: { id: null },
  UNAUTHENTICATED: {},
  FORBIDDEN: { requiredRoles: [] },
  BAD_USER_INPUT: {},
  TOO_MANY_REQUESTS: { retryInSeconds: 0 },
  PASSWORD_SIGN_IN_OFF: {},
};

/** Every refusal code. */
export const ERROR_CODES = Object.keys(EMPTY) as ErrorCode[];

/** An expected refusal: a sentence a person can act on, a code, and the facts needed to act. Not tied to any transport. */
export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  override name = 'DomainError';
  readonly details: ErrorDetails[C];
  constructor(
    readonly code: C,
    message: string,
    details: Partial<ErrorDetails[C]> = {},
  ) {
    super(message);
    this.details = { ...EMPTY[code], ...details };
  }
}

/** Makes a refusal; services throw it, and the GraphQL layer turns it into an error with extensions.code. */
export const refusal = <C extends ErrorCode>(code: C, message: string, details?: Partial<ErrorDetails[C]>) =>
  new DomainError(code, message, details);

/** VALIDATION_FAILED for one wrong value, named. */
export const invalid = (field: string, message: string, sentence = `${field}: ${message}`) =>
  refusal('VALIDATION_FAILED', sentence, { fields: [{ field, message }] });

/** VALIDATION_FAILED for one wrong value, named, whose message is a whole sentence already. */
export const invalidBecause = (field: string, sentence: string) => invalid(field, sentence, sentence);

export const notFound = (what: string, id: string) =>
  refusal('NOT_FOUND', `No ${what} has the id "${id}".`, { id });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID as PostgreSQL's uuid type reads it; anything else names no row. */
export const isUuid = (value: string): boolean => UUID.test(value);
