import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Configuration } from 'openid-client';
import { DataSource } from 'typeorm';
import { DomainError, refusal } from '../common/errors';
import { PeopleService } from '../people/people.service';
import { createUser } from '../users/users.service';
import { SignInCode } from './sign-in-code.entity';
import { type OidcSettings, SIGN_IN_SETTINGS, type SignInSettings } from './sign-in-settings';
import { TokensService } from './tokens.service';

/** A sign-in the callback refuses: a sentence for the person and the HTTP status of the page that shows it. */
export class OidcRefusal extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** What the flow cookie carries between /auth/oidc and its callback (signed, ten minutes). */
interface FlowClaims {
  state: string;
  nonce: string;
  verifier: string;
}

const FLOW_AUDIENCE = 'recordflow-oidc-flow';
export const FLOW_SECONDS = 600;
/** The web app exchanges the one-time code at once; a minute allows a slow page load. */
const CODE_SECONDS = 60;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/** openid-client is ESM only: loaded once, on the first sign-in. */
const openidClient = () => import('openid-client');

/** Single sign-on through an OpenID Connect provider: authorisation code flow with state, nonce and PKCE. */
@Injectable()
export class OidcService {
  private configuration?: Promise<Configuration>;

  constructor(
    @Inject(SIGN_IN_SETTINGS) private readonly settings: SignInSettings,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly tokens: TokensService,
    private readonly people: PeopleService,
  ) {}

  get oidc(): OidcSettings | null {
    return this.settings.oidc;
  }

  /** The provider's URL to send the browser to, and the signed flow token to keep in a cookie until it comes back. */
  async start(): Promise<{ url: string; flow: string }> {
    const oidc = this.required();
    const client = await openidClient();
    const config = await this.discover();
    const flow: FlowClaims = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: `${oidc.publicUrl}/auth/oidc/callback`,
      scope: 'openid email profile',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
    const token = this.jwt.sign(
      { ...flow },
      { expiresIn: FLOW_SECONDS, audience: FLOW_AUDIENCE, subject: 'oidc-flow' },
    );
    return { url: url.href, flow: token };
  }

  /**
   * Finishes the flow the provider sent back (`query` is the callback's query string): checks state, nonce
   * and PKCE, matches the person by verified e-mail (creating them when a default role is set), refuses
   * disabled users, records the sign-in and returns a one-time code for the web app.
   */
  async finish(query: string, flowToken: string | undefined, clientIp: string): Promise<string> {
    const oidc = this.required();
    const flow = this.flowOf(flowToken);
    const client = await openidClient();
    const config = await this.discover();
    const callback = new URL(`${oidc.publicUrl}/auth/oidc/callback${query}`);
    const providerError = callback.searchParams.get('error');
    if (providerError) {
      const said = callback.searchParams.get('error_description');
      throw new OidcRefusal(
        `${oidc.providerName} did not sign you in (${providerError}${said ? `: ${said}` : ''}).`,
        403,
      );
    }
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      claims = { ...(tokens.claims() ?? {}) };
      // Many providers put the e-mail only in the userinfo answer.
      if (typeof claims.email !== 'string')
        claims = {
          ...claims,
          ...(await client.fetchUserInfo(config, tokens.access_token, String(claims.sub))),
        };
    } catch (error) {
      throw new OidcRefusal(
        `The sign-in through ${oidc.providerName} could not be checked: ${(error as Error).message}. Start again.`,
        400,
      );
    }
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    if (!email || String(claims.email_verified) !== 'true') {
      await this.people.recordSignIn(
        email || String(claims.sub),
        null,
        clientIp,
        'refused-unverified',
        'oidc',
      );
      throw new OidcRefusal(
        `${oidc.providerName} did not give a verified e-mail address for you, so Recordflow cannot tell who you are.`,
        403,
      );
    }
    const user = await this.userFor(oidc, email, typeof claims.name === 'string' ? claims.name : email);
    if (!user) {
      await this.people.recordSignIn(email, null, clientIp, 'refused-unknown', 'oidc');
      throw new OidcRefusal(
        `${email} has no Recordflow account. Ask an administrator to add you, then sign in again.`,
        403,
      );
    }
    if (user.disabled) {
      await this.people.recordSignIn(email, user.id, clientIp, 'refused-disabled', 'oidc');
      throw new OidcRefusal(`The Recordflow account of ${email} is disabled. Ask an administrator.`, 403);
    }
    await this.people.recordSignIn(email, user.id, clientIp, 'signed-in', 'oidc');
    const code = randomBytes(32).toString('base64url');
    await this.dataSource.getRepository(SignInCode).insert({
      codeHash: sha256(code),
      userId: user.id,
      expiresAt: new Date(Date.now() + CODE_SECONDS * 1000),
    });
    return code;
  }

  /** Exchanges a one-time code (once, within a minute) for a session token, as a password sign-in issues. */
  async exchange(code: string) {
    const gone = () =>
      refusal('UNAUTHENTICATED', 'This sign-in code is unknown, used or expired. Sign in again.');
    if (code.length > 200) throw gone();
    return this.dataSource.transaction(async (manager) => {
      // Old codes nobody used go with any exchange.
      await manager.query(`DELETE FROM sign_in_code WHERE expires_at < now() - interval '1 day'`);
      // TypeORM answers a DELETE … RETURNING as [rows, count].
      const [[used]] = await manager.query<[{ user_id: string; fresh: boolean }[], number]>(
        `DELETE FROM sign_in_code WHERE code_hash = $1 RETURNING user_id, expires_at > now() AS fresh`,
        [sha256(code)],
      );
      if (!used?.fresh) throw gone();
      const [user] = await manager.query<
        {
          id: string;
          email: string;
          name: string;
          roles: string[];
          disabled: boolean;
          session_version: number;
        }[]
      >(`SELECT id, email, name, roles, disabled, session_version FROM "user" WHERE id = $1`, [used.user_id]);
      if (!user || user.disabled) throw gone();
      const { token, expiresAt } = this.tokens.issue(user, user.session_version);
      return { token, expiresAt, user };
    });
  }

  private required(): OidcSettings {
    if (!this.settings.oidc) throw new OidcRefusal('Single sign-on is not set up here.', 404);
    return this.settings.oidc;
  }

  private flowOf(token: string | undefined): FlowClaims {
    try {
      if (!token) throw new Error('no flow cookie');
      const claims = this.jwt.verify<FlowClaims & { sub: string }>(token, { audience: FLOW_AUDIENCE });
      if (claims.sub !== 'oidc-flow') throw new Error('not a flow token');
      return claims;
    } catch {
      throw new OidcRefusal(
        'This sign-in took too long or was started in another browser. Go back to Recordflow and sign in again.',
        400,
      );
    }
  }

  /** The provider's metadata, read once; a failed read is tried again at the next sign-in. */
  private discover(): Promise<Configuration> {
    const oidc = this.required();
    this.configuration ??= (async () => {
      const client = await openidClient();
      const issuer = new URL(oidc.issuer);
      // Plain http only to a provider on this machine (tests, a local Keycloak); anything else must be https.
      const insecure = issuer.protocol === 'http:' && LOOPBACK.test(issuer.hostname);
      return client.discovery(
        issuer,
        oidc.clientId,
        oidc.clientSecret,
        undefined,
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      );
    })().catch((error: Error) => {
      this.configuration = undefined;
      throw new OidcRefusal(
        `Recordflow could not reach ${oidc.providerName} (${oidc.issuer}): ${error.message}. Try again later, or ask an administrator.`,
        502,
      );
    });
    return this.configuration;
  }

  /** The user with this e-mail; created with the default role on their first sign-in when one is set. */
  private async userFor(oidc: OidcSettings, email: string, name: string) {
    const find = () =>
      this.dataSource
        .query<{ id: string; disabled: boolean }[]>(`SELECT id, disabled FROM "user" WHERE email = $1`, [
          email,
        ])
        .then((rows) => rows[0] ?? null);
    const found = await find();
    if (found || !oidc.defaultRole) return found;
    try {
      const created = await this.dataSource.transaction((manager) =>
        createUser(
          manager,
          { email, name: name.trim() || email, roles: [oidc.defaultRole as string], invite: false },
          { id: null, label: `single sign-on (${oidc.issuer})` },
        ),
      );
      return { id: created.id, disabled: created.disabled };
    } catch (error) {
      // Two first sign-ins at once: the other made the user.
      const again = await find();
      if (again) return again;
      if (error instanceof DomainError)
        throw new OidcRefusal(
          `Recordflow could not add ${email} with the role ${oidc.defaultRole}: ${error.message} Ask an administrator.`,
          500,
        );
      throw error;
    }
  }
}
