import type { ServerResponse } from 'node:http';
import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from '../common/errors';

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

/** A refusal on a plain HTTP route: its status and the same code and sentence GraphQL would give. */
@Catch(DomainError)
export class HttpRefusalFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<ServerResponse>();
    if (response.headersSent) {
      response.destroy(error);
      return;
    }
    response.statusCode = STATUS[error.code] ?? 400;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(
      JSON.stringify({ error: { code: error.code, message: error.message, details: error.details } }),
    );
  }
}
