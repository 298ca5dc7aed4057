import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Actor } from './current-user';

export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');

export interface AuthSettings {
  /** HMAC secret shared by every replica (from RECORDFLOW_JWT_SECRET, else generated once into the database). */
  secret: string;
  /** Lifetime of a token in seconds. */
  tokenSeconds: number;
}

interface TokenClaims {
  sub: string;
  email: string;
  name: string;
  roles: string[];
  /** The user's session_version when the token was issued; a higher one in the database ends the session. */
  sv: number;
}

@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  issue(actor: Actor, sessionVersion: number): { token: string; expiresAt: Date } {
    const claims: TokenClaims = {
      sub: actor.id,
      email: actor.email,
      name: actor.name,
      roles: actor.roles,
      sv: sessionVersion,
    };
    const token = this.jwt.sign(claims, { expiresIn: this.settings.tokenSeconds });
    return { token, expiresAt: new Date(Date.now() + this.settings.tokenSeconds * 1000) };
  }

  /**
   * Tokens whose signature this process has checked, with their claims and expiry: the same text always
   * checks the same way under the same secret, so each token's HMAC is computed once, not per request.
   */
  private readonly verified = new Map<string, { userId: string; sessionVersion: number; exp: number }>();

  /** The actor a token names, or null when it is expired, tampered with or not ours. */
  verify(token: string): { userId: string; sessionVersion: number } | null {
    const known = this.verified.get(token);
    // Expired exactly as jsonwebtoken says: from the second its exp names.
    if (known && Math.floor(Date.now() / 1000) < known.exp) return known;
    if (known) this.verified.delete(token);
    try {
      const claims = this.jwt.verify<TokenClaims & { exp: number }>(token);
      if (typeof claims.sv !== 'number') return null;
      const checked = { userId: claims.sub, sessionVersion: claims.sv, exp: claims.exp };
      if (typeof claims.exp === 'number') {
        if (this.verified.size >= VERIFIED_TOKENS)
          this.verified.delete(this.verified.keys().next().value as string);
        this.verified.set(token, checked);
      }
      return { userId: checked.userId, sessionVersion: checked.sessionVersion };
    } catch {
      return null;
    }
  }
}

/** Checked tokens kept per process (about 400 bytes each); the oldest goes first. */
const VERIFIED_TOKENS = 10_000;
