import 'reflect-metadata';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import pino, { type Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { loadAuthSettings } from './auth/auth-settings';
import { loadSignInSettings, type SignInSettings } from './auth/sign-in-settings';
import { NestLogger, requestLog } from './common/request-log';
import { openDatabase } from './database/database';
import type { MailSettings } from './mail/mail-settings';
import { loadNotifierSettings } from './notifications/notifier-settings';
import { recordReceiptRule } from './settings/receipt-rule';
import { DatabaseMode } from './system/about.model';
import { type BuiltInWorkflowsLoad, loadBuiltInWorkflows } from './workflows/built-in-workflows';

export interface CreateAppOptions {
  databaseUrl: string;
  database: DatabaseMode;
  demo: boolean;
  logger?: Logger;
  webDir?: string;
  /** Default 30 s; 0 turns the timer loop off. */
  timerIntervalMs?: number;
  /** Default: from the environment (RECORDFLOW_SMTP_URL …). */
  mail?: MailSettings;
  /** How often notices are made; default RECORDFLOW_NOTIFY_INTERVAL_MS, else a minute; 0 turns the loop off. */
  notifyIntervalMs?: number;
  /** Express "trust proxy": whose X-Forwarded-For to believe for the client's address (default RECORDFLOW_TRUST_PROXY, else none). */
  trustProxy?: string;
  /** Default: from the environment (RECORDFLOW_PASSWORD_SIGN_IN, RECORDFLOW_OIDC_* …). */
  signIn?: SignInSettings;
}

/** Strict headers: only our own scripts, styles and connections; never framed; no MIME sniffing; no X-Powered-By. */
const strictHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
  // Letters open in the same tab from blob: URLs; nothing here is embedded cross-origin.
  crossOriginEmbedderPolicy: false,
});

/**
 * Helmet's headers for this configuration are the same for every response: worked out once here by
 * running it on a stand-in response, then set as they are (helmet's chain of twelve middlewares per
 * request was 2% of the api's CPU under load).
 */
function fixedHeaders(): [string, string][] {
  const headers: [string, string][] = [];
  const response = {
    setHeader: (name: string, value: string) => headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  strictHeaders({} as never, response as never, () => undefined);
  return headers;
}

function securityHeaders() {
  const headers = fixedHeaders();
  return (_request: IncomingMessage, response: ServerResponse, next: () => void) => {
    for (const [name, value] of headers) response.setHeader(name, value);
    next();
  };
}

export interface RecordflowApp {
  app: INestApplication;
  dataSource: DataSource;
  /** Migrations applied by this start, oldest first. */
  appliedMigrations: string[];
  /** Built-in workflows this start published, first or again, and those it left as an administrator published them. */
  loadedWorkflows: BuiltInWorkflowsLoad;
}

/** Opens and migrates the database, then builds the Nest application (not yet listening). */
export async function createApp(options: CreateAppOptions): Promise<RecordflowApp> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const signIn = options.signIn ?? loadSignInSettings(process.env);
  const { dataSource, applied } = await openDatabase(options.databaseUrl);
  try {
    const loadedWorkflows = await loadBuiltInWorkflows(dataSource);
    await recordReceiptRule(dataSource, process.env);
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.register({
        dataSource,
        logger,
        auth: await loadAuthSettings(dataSource, process.env),
        signIn,
        timerIntervalMs: options.timerIntervalMs ?? 30_000,
        mail: options.mail,
        notifier: loadNotifierSettings(process.env, options.notifyIntervalMs),
        runtime: { database: options.database, demo: options.demo },
        webDir: options.webDir && existsSync(options.webDir) ? options.webDir : undefined,
      }),
      { bufferLogs: true, bodyParser: false },
    );
    app.use(requestLog(logger));
    app.use(securityHeaders());
    app.disable('x-powered-by');
    const trustProxy = options.trustProxy ?? process.env.RECORDFLOW_TRUST_PROXY;
    if (trustProxy) app.set('trust proxy', trustProxy);
    // A workflow definition is the largest honest body (tens of kB); refuse anything far beyond it.
    app.useBodyParser('json', { limit: '2mb' });
    app.useLogger(new NestLogger(logger));
    return { app, dataSource, appliedMigrations: applied, loadedWorkflows };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
