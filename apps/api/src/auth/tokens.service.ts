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

  /** The actor a token names, or null when it is expired, tampered with or not ours. */
  verify(token: string): { userId: string; sessionVersion: number } | null {
    try {
      const claims = this.jwt.verify<TokenClaims>(token);
      if (typeof claims.sv !== 'number') return null;
      return { userId: claims.sub, sessionVersion: claims.sv };
    } catch {
      return null;
    }
  }
}
