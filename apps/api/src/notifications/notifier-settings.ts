import { ConfigError } from '../config/recordflow-config';
import type { NotifierSettings } from './notifier.service';

function wholeNumber(
  name: string,
  value: string | undefined,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
) {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > max) {
    throw new ConfigError(`${name} must be a whole number from 0 to ${max}, not "${value}".`);
  }
  return number;
}

/** README: RECORDFLOW_NOTIFY_INTERVAL_MS, RECORDFLOW_DIGEST_HOUR. */
export function loadNotifierSettings(env: NodeJS.ProcessEnv, intervalMs?: number): NotifierSettings {
  return {
    intervalMs:
      intervalMs ?? wholeNumber('RECORDFLOW_NOTIFY_INTERVAL_MS', env.RECORDFLOW_NOTIFY_INTERVAL_MS, 60_000),
    digestHour: wholeNumber('RECORDFLOW_DIGEST_HOUR', env.RECORDFLOW_DIGEST_HOUR, 7, 23),
  };
}
