import { isAbsolute, resolve } from 'node:path';
import type { ReceiptRule } from '@recordflow/calendar';

/** Where the repository lives: the api runs from apps/api/dist (built) or apps/api/src (tests). */
export const repositoryRoot = resolve(__dirname, '../../../..');

export interface RecordflowConfig {
  /** HTTP port for GraphQL, /health and the web app. */
  port: number;
  /** A PostgreSQL server to use instead of the embedded one. */
  databaseUrl: string | undefined;
  /** Folder holding the embedded database (db/) and its lock file. */
  dataDir: string;
  /** Load the built-in workflows, demo users and demo cases on first run. */
  demo: boolean;
  /** Built web app served at /. */
  webDir: string;
  logLevel: string;
  /** How often this process looks for due timers. */
  timerIntervalMs: number;
  /** Day 0 of a working-day deadline: the date of receipt (ico) or the next working day (code-of-practice). */
  receiptRule: ReceiptRule;
}

export class ConfigError extends Error {}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${value}".`);
  }
  return port;
}

function parseFlag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, not "${value}".`);
}

/** RECORDFLOW_RECEIPT_RULE: 'ico' (the default, the reading that never gives a requester less time) or 'code-of-practice'. */
export function parseReceiptRule(value: string | undefined): ReceiptRule {
  if (value === undefined || value === '') return 'ico';
  if (value !== 'ico' && value !== 'code-of-practice') {
    throw new ConfigError(`RECORDFLOW_RECEIPT_RULE must be ico or code-of-practice, not "${value}".`);
  }
  return value;
}

/** Reads the settings from the environment; every one has a default that works on a fresh machine. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): RecordflowConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir = env.RECORDFLOW_DATA_DIR || '.recordflow';
  return {
    port: parsePort(env.PORT),
    databaseUrl,
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(repositoryRoot, dataDir),
    // Demo data belongs on the zero-setup embedded database, never silently on a real server.
    demo: parseFlag('RECORDFLOW_DEMO', env.RECORDFLOW_DEMO, databaseUrl === undefined),
    webDir: resolve(repositoryRoot, 'apps/web/dist'),
    logLevel: env.LOG_LEVEL || 'info',
    timerIntervalMs: Number(env.RECORDFLOW_TIMER_INTERVAL_MS || 30_000),
    receiptRule: parseReceiptRule(env.RECORDFLOW_RECEIPT_RULE),
  };
}
