import { Injectable } from '@nestjs/common';
import { refusal } from '../common/errors';

/** Failures older than this are forgotten. */
const WINDOW_MS = 15 * 60 * 1000;
/** Free attempts before the waits start, per account from one client, and per client over all accounts. */
const FREE_PER_ACCOUNT_AND_CLIENT = 3;
const FREE_PER_CLIENT = 20;
const FIRST_WAIT_SECONDS = 5;
const LONGEST_WAIT_SECONDS = 15 * 60;
/** Beyond this many keys, forget the stale ones (a bound on memory whatever the traffic). */
const SWEEP_AT = 10_000;

/**
 * Slows password guessing with waits that double after each failure (5 s, 10 s, 20 s … up to 15 min),
 * counted per account AND client address, and per client address over all accounts. An account is never
 * locked for everyone: a stranger's failures slow only the stranger, so the right password from another
 * client still works. Per process; replicas each keep their own count, which still bounds guessing.
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  /** Refuses with TOO_MANY_REQUESTS while this client must wait. */
  check(email: string, client: string): void {
    const wait = Math.max(
      this.waitSeconds(this.accountKey(email, client), FREE_PER_ACCOUNT_AND_CLIENT),
      this.waitSeconds(this.clientKey(client), FREE_PER_CLIENT),
    );
    if (wait > 0) {
      throw refusal(
        'TOO_MANY_REQUESTS',
        `Too many failed sign-ins from your address. Try again in ${wait < 60 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`}.`,
        { retryInSeconds: wait },
      );
    }
  }

  failed(email: string, client: string): void {
    if (this.failures.size > SWEEP_AT) this.sweep();
    for (const key of [this.accountKey(email, client), this.clientKey(client)]) {
      this.failures.set(key, [...this.recent(key), Date.now()]);
    }
  }

  succeeded(email: string, client: string): void {
    this.failures.delete(this.accountKey(email, client));
  }

  private waitSeconds(key: string, free: number): number {
    const recent = this.recent(key);
    if (recent.length < free) return 0;
    const seconds = Math.min(FIRST_WAIT_SECONDS * 2 ** (recent.length - free), LONGEST_WAIT_SECONDS);
    const last = recent.at(-1) ?? 0;
    return Math.max(0, Math.ceil((last + seconds * 1000 - Date.now()) / 1000));
  }

  private accountKey(email: string, client: string): string {
    return `account:${email.trim().toLowerCase()}|${client}`;
  }

  private clientKey(client: string): string {
    return `client:${client}`;
  }

  private recent(key: string): number[] {
    const since = Date.now() - WINDOW_MS;
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }

  private sweep(): void {
    for (const key of [...this.failures.keys()]) if (this.recent(key).length === 0) this.failures.delete(key);
  }
}
