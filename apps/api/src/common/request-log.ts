import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';
import type { RequestWithActor } from '../auth/current-user';

/** What Express adds to Node's request that the log reads. */
type Request = IncomingMessage & { path: string; originalUrl: string; ip?: string };

/** Paths probed every few seconds, which would drown the log. */
const UNLOGGED = new Set(['/health']);

/**
 * One log line per request when it ends: who (the signed-in user's id), what (method, path), from where,
 * the answer's status and how long it took. Written with the process's own logger and no per-request
 * child logger, so a request costs one object and nothing at all when the level leaves info out.
 */
export function requestLog(logger: Logger) {
  return (request: Request, response: ServerResponse, next: () => void): void => {
    if (UNLOGGED.has(request.path) || !logger.isLevelEnabled('info')) {
      next();
      return;
    }
    const started = performance.now();
    const id = (request.headers['x-request-id'] as string | undefined)?.slice(0, 100) || randomUUID();
    const log = (message: string) => {
      const statusCode = response.statusCode;
      const fields = {
        req: { id, method: request.method, url: request.originalUrl, remoteAddress: request.ip },
        res: { statusCode },
        userId: (request as unknown as RequestWithActor).actor?.id,
        responseTime: Math.round(performance.now() - started),
      };
      if (statusCode >= 500) logger.error(fields, message);
      else logger.info(fields, message);
    };
    response.once('finish', () => log('request completed'));
    response.once('close', () => response.writableFinished || log('request aborted'));
    next();
  };
}

/** Nest's own messages (start-up, services' Logger) through the same pino logger, with their context. */
export class NestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    rest: unknown[],
  ) {
    if (!this.logger.isLevelEnabled(level)) return;
    // Nest passes the context last, and for errors the stack before it.
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? rest.pop() : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' ? rest.shift() : undefined;
    if (message instanceof Error) this.logger[level]({ context, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ context, ...message });
    else this.logger[level]({ context, ...(stack ? { stack } : {}) }, String(message));
  }
}
