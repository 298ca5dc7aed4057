import { ConfigError } from '../config/recordflow-config';

/** How this process sends mail (README: settings). */
export interface MailSettings {
  /** The SMTP server, e.g. smtp://user:pass@host:587; unset keeps mail in the local outbox. */
  smtpUrl: string | undefined;
  /** The From address; unset uses the authority's e-mail from its letter settings. */
  from: string | undefined;
  /** How often this process looks for mail to send; 0 for never (tests send by hand). */
  intervalMs: number;
  /** The wait before the first retry; each later one doubles it (capped at an hour). */
  retrySeconds: number;
  /** The intake mailbox, e.g. imaps://user:pass@host:993/INBOX; unset takes no mail in. */
  imapUrl?: string;
  /** How often this process polls the intake mailbox; 0 for never (tests poll by hand). */
  imapIntervalMs?: number;
}

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new ConfigError(`${name} must be a whole number, not "${value}".`);
  }
  return number;
}

export function loadMailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings {
  const smtpUrl = env.RECORDFLOW_SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new ConfigError('RECORDFLOW_SMTP_URL must start with smtp:// or smtps://.');
  }
  const imapUrl = env.RECORDFLOW_IMAP_URL || undefined;
  if (imapUrl && !/^imaps?:\/\/[^/]+/.test(imapUrl)) {
    throw new ConfigError('RECORDFLOW_IMAP_URL must start with imap:// or imaps:// and name a host.');
  }
  return {
    smtpUrl,
    imapUrl,
    imapIntervalMs: wholeNumber('RECORDFLOW_IMAP_INTERVAL_MS', env.RECORDFLOW_IMAP_INTERVAL_MS, 60_000),
    from: env.RECORDFLOW_MAIL_FROM || undefined,
    intervalMs: wholeNumber('RECORDFLOW_MAIL_INTERVAL_MS', env.RECORDFLOW_MAIL_INTERVAL_MS, 5_000),
    retrySeconds: wholeNumber('RECORDFLOW_MAIL_RETRY_SECONDS', env.RECORDFLOW_MAIL_RETRY_SECONDS, 60),
  };
}

/** The wait after `attempts` failed tries: retrySeconds, doubling each time, at most an hour. */
export const retryDelaySeconds = (settings: MailSettings, attempts: number): number =>
  Math.min(3600, settings.retrySeconds * 2 ** Math.max(0, attempts - 1));

export const MAIL_SETTINGS = Symbol('MAIL_SETTINGS');
