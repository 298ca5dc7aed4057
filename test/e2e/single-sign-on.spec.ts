import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, loadSignInSettings } from '../../apps/api/src/index';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import {
  freePort,
  OIDC_PROVIDER_NAME,
  signInByHttp,
  startOidcProvider,
  type TestOidcProvider,
} from '../support/oidc';

const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';
const EXCHANGE = `mutation($code: String!) { exchangeSignInCode(code: $code) { token user { email roles } } }`;

/** The one-time code the callback hands the web app in its redirect's fragment. */
const codeOf = (location: string | null) => /^\/sign-in#code=([\w-]+)$/.exec(location ?? '')?.[1] ?? '';

describe('single sign-on with password sign-in turned off', () => {
  let provider: TestOidcProvider;
  let api: TestApi;
  const signInEvents = (email: string) =>
    api.dataSource.query(`SELECT outcome, method FROM sign_in_event WHERE email = $1 ORDER BY id`, [email]);

  beforeAll(async () => {
    provider = await startOidcProvider();
    const port = await freePort();
    api = await startTestApi('sso_password_off', {
      port,
      // First sign-ins get the officer role.
      signIn: { password: false, oidc: provider.settings(`http://127.0.0.1:${port}`, 'officer') },
    });
    await provider.serve(api.url);
    await createUser(api.dataSource.manager, {
      email: 'pat.password@example.org',
      name: 'Pat Password',
      password: TEST_PASSWORD,
      roles: ['admin'],
    });
  });
  afterAll(async () => {
    await api?.close();
    await provider?.close();
  });

  it('tells the web app that only single sign-on is on', async () => {
    const result = await api.graphql('{ signInOptions { password oidc oidcProviderName } }');
    expect(result.data).toEqual({
      signInOptions: { password: false, oidc: true, oidcProviderName: OIDC_PROVIDER_NAME },
    });
  });

  it('refuses a password sign-in, even with the right password, with PASSWORD_SIGN_IN_OFF', async () => {
    const result = await api.graphql(LOGIN, { email: 'pat.password@example.org', password: TEST_PASSWORD });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('PASSWORD_SIGN_IN_OFF');
    expect(result.errors?.[0]?.message).toContain('Password sign-in is turned off here');
    expect(await signInEvents('pat.password@example.org')).toEqual([
      { outcome: 'refused-password-off', method: 'password' },
    ]);
  });

  it('signs an existing user in through the provider; the one-time code works once', async () => {
    const { status, location } = await signInByHttp(api.url, 'pat.password@example.org');
    expect(status).toBe(303);
    const code = codeOf(location);
    expect(code).toMatch(/^[\w-]{40,}$/);
    const first = await api.graphql<{ exchangeSignInCode: { token: string; user: { roles: string[] } } }>(
      EXCHANGE,
      { code },
    );
    expect(first.data?.exchangeSignInCode.user).toEqual({
      email: 'pat.password@example.org',
      roles: ['admin'],
    });
    const token = first.data?.exchangeSignInCode.token ?? '';
    const me = await api.graphql<{ me: { email: string } }>('{ me { email } }', {}, token);
    expect(me.data?.me.email).toBe('pat.password@example.org');

    const again = await api.graphql(EXCHANGE, { code });
    expect(again.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await signInEvents('pat.password@example.org')).toEqual([
      { outcome: 'refused-password-off', method: 'password' },
      { outcome: 'signed-in', method: 'oidc' },
    ]);
  });

  it('adds a person the provider vouches for on their first sign-in, with the default role', async () => {
    const { location } = await signInByHttp(api.url, 'new.starter@example.org');
    const result = await api.graphql<{ exchangeSignInCode: { user: { email: string; roles: string[] } } }>(
      EXCHANGE,
      { code: codeOf(location) },
    );
    expect(result.data?.exchangeSignInCode.user).toEqual({
      email: 'new.starter@example.org',
      roles: ['officer'],
    });
    const [audit] = await api.dataSource.query(
      `SELECT a.actor_label, a.action, u.password_hash IS NULL AS no_password, u.set_password_token_hash IS NULL AS no_link
         FROM user_audit a JOIN "user" u ON u.id::text = a.target_id WHERE u.email = 'new.starter@example.org'`,
    );
    expect(audit).toEqual({
      actor_label: `single sign-on (${provider.issuer})`,
      action: 'created',
      no_password: true,
      no_link: true,
    });
  });

  it('refuses an e-mail the provider has not verified, and a callback without its flow cookie', async () => {
    const unverified = await signInByHttp(api.url, 'unverified@example.org');
    expect(unverified.status).toBe(403);
    expect(unverified.body).toContain('did not give a verified e-mail address');
    const [made] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM "user" WHERE email = 'unverified@example.org'`,
    );
    expect(made.n).toBe(0);

    const elsewhere = await signInByHttp(api.url, 'pat.password@example.org', { dropFlowCookie: true });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body).toContain('started in another browser');
  });

  it('refuses a code nobody issued', async () => {
    const result = await api.graphql(EXCHANGE, { code: 'not-a-code-anyone-issued' });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('single sign-on settings', () => {
  const full = {
    RECORDFLOW_OIDC_ISSUER: 'https://login.example.org/tenant/v2.0',
    RECORDFLOW_OIDC_CLIENT_ID: 'recordflow',
    RECORDFLOW_OIDC_CLIENT_SECRET: 'secret',
    RECORDFLOW_PUBLIC_URL: 'https://foi.council.example/',
  };

  it('reads a full provider configuration; passwords stay on unless turned off', () => {
    expect(loadSignInSettings({ ...full, RECORDFLOW_OIDC_PROVIDER_NAME: 'Microsoft' })).toEqual({
      password: true,
      oidc: {
        issuer: full.RECORDFLOW_OIDC_ISSUER,
        clientId: 'recordflow',
        clientSecret: 'secret',
        publicUrl: 'https://foi.council.example',
        providerName: 'Microsoft',
        defaultRole: null,
      },
    });
    expect(loadSignInSettings({}).oidc).toBeNull();
    expect(loadSignInSettings({ ...full, RECORDFLOW_PASSWORD_SIGN_IN: 'off' }).password).toBe(false);
  });

  it('refuses to start with half a configuration, passwords off and no provider, or values that cannot be right', () => {
    expect(() => loadSignInSettings({ RECORDFLOW_OIDC_ISSUER: full.RECORDFLOW_OIDC_ISSUER })).toThrow(
      'Single sign-on also needs RECORDFLOW_OIDC_CLIENT_ID, RECORDFLOW_OIDC_CLIENT_SECRET, RECORDFLOW_PUBLIC_URL.',
    );
    expect(() => loadSignInSettings({ RECORDFLOW_PASSWORD_SIGN_IN: 'off' })).toThrow('nobody could sign in');
    expect(() => loadSignInSettings({ ...full, RECORDFLOW_PASSWORD_SIGN_IN: 'maybe' })).toThrow(
      'RECORDFLOW_PASSWORD_SIGN_IN must be on or off, not "maybe".',
    );
    expect(() => loadSignInSettings({ ...full, RECORDFLOW_PUBLIC_URL: 'foi.council.example' })).toThrow(
      'RECORDFLOW_PUBLIC_URL must be an http(s) URL',
    );
    expect(() => loadSignInSettings({ ...full, RECORDFLOW_OIDC_DEFAULT_ROLE: 'Officer!' })).toThrow(
      'RECORDFLOW_OIDC_DEFAULT_ROLE must be a role name',
    );
  });
});
