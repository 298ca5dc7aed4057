import { Injectable } from '@nestjs/common';
import { refusal } from '../common/errors';

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 5;

/**
 * Slows password guessing: after 5 failed sign-ins for one e-mail within 15 minutes, refuse more until
 * the window passes. Per process; replicas each keep their own count, which still bounds guessing.
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  check(email: string): void {
    const recent = this.recent(email);
    if (recent.length >= MAX_FAILURES) {
      const retryInSeconds = Math.ceil(((recent[0] ?? 0) + WINDOW_MS - Date.now()) / 1000);
      throw refusal(
        'TOO_MANY_REQUESTS',
        `Too many failed sign-ins for ${email}. Try again in ${Math.ceil(retryInSeconds / 60)} minutes.`,
        { retryInSeconds },
      );
    }
  }

  failed(email: string): void {
    this.failures.set(this.key(email), [...this.recent(email), Date.now()]);
  }

  succeeded(email: string): void {
    this.failures.delete(this.key(email));
  }

  private key(email: string): string {
    return email.trim().toLowerCase();
  }

  private recent(email: string): number[] {
    const since = Date.now() - WINDOW_MS;
    return (this.failures.get(this.key(email)) ?? []).filter((at) => at > since);
  }
}
