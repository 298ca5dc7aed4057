import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OidcSettings } from '../../apps/api/src/index';

export const OIDC_CLIENT_ID = 'recordflow';
export const OIDC_CLIENT_SECRET = 'a test client secret that is long enough';
export const OIDC_PROVIDER_NAME = 'Test Provider';

/** Accounts the provider knows: their login is their e-mail; one that starts "unverified" has no verified e-mail. */
const accountOf = (id: string) => ({
  accountId: id,
  claims: () => ({
    sub: id,
    email: id,
    email_verified: !id.startsWith('unverified'),
    name: id.split('@')[0]?.replace(/[.-]/g, ' '),
  }),
});

export interface TestOidcProvider {
  issuer: string;
  /** The api's sign-in settings for this provider, with the api at `publicUrl`. */
  settings(publicUrl: string, defaultRole?: string | null): OidcSettings;
  /** Registers the client (with its redirect URI at `publicUrl`) and starts answering. */
  serve(publicUrl: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) over http on a free loopback port, with its development
 * login form (any login, any password) and consent page.
 */
export async function startOidcProvider(): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    settings: (publicUrl, defaultRole = null) => ({
      issuer,
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      publicUrl,
      providerName: OIDC_PROVIDER_NAME,
      defaultRole,
    }),
    async serve(publicUrl) {
      const { default: Provider } = await import('oidc-provider');
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: OIDC_CLIENT_ID,
            client_secret: OIDC_CLIENT_SECRET,
            redirect_uris: [`${publicUrl}/auth/oidc/callback`],
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'client_secret_post',
          },
        ],
        findAccount: (_context: unknown, id: string) => accountOf(id),
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        cookies: { keys: ['a test cookie key'] },
        ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
      });
      server.on('request', provider.callback());
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nobody listens on now. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Cookies per origin, as a browser keeps them (enough for one sign-in: paths and expiry ignored but removal). */
class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();
  header(url: URL): string {
    return [...(this.byOrigin.get(url.origin) ?? new Map()).entries()]
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
  }
  take(url: URL, response: Response): void {
    const jar = this.byOrigin.get(url.origin) ?? new Map<string, string>();
    this.byOrigin.set(url.origin, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', ...value] = pair.trim().split('=');
      const gone = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (gone || value.join('=') === '') jar.delete(name);
      else jar.set(name, value.join('='));
    }
  }
}

/**
 * Signs in at the provider over plain HTTP as a browser would: GET /auth/oidc, the provider's login form
 * (`email` as the login) and consent page, back to the callback. Returns Recordflow's last answer.
 */
export async function signInByHttp(
  apiUrl: string,
  email: string,
  options: { dropFlowCookie?: boolean } = {},
): Promise<{ status: number; location: string | null; body: string }> {
  const jar = new CookieJar();
  let url = new URL('/auth/oidc', apiUrl);
  let form: URLSearchParams | null = null;
  for (let hop = 0; hop < 20; hop++) {
    const fromApi = url.origin === new URL(apiUrl).origin;
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        // Without the flow cookie: as if the provider's answer reached another browser.
        cookie:
          fromApi && options.dropFlowCookie && url.pathname.endsWith('/callback') ? '' : jar.header(url),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ?? undefined,
    });
    jar.take(url, response);
    form = null;
    const location = response.headers.get('location');
    if (fromApi && url.pathname === '/auth/oidc/callback')
      return { status: response.status, location, body: await response.text() };
    if (location) {
      url = new URL(location, url);
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1];
    if (response.status !== 200 || !action || !prompt)
      throw new Error(`the provider answered ${response.status} at ${url}: ${page.slice(0, 500)}`);
    url = new URL(action.replaceAll('&amp;', '&'), url);
    form = new URLSearchParams(
      prompt === 'login' ? { prompt, login: email, password: 'any password' } : { prompt },
    );
  }
  throw new Error('the sign-in went round in circles');
}
