import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';

const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt user { email roles } } }';

describe('signing in', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('auth');
  });
  afterAll(() => api?.close());

  it('gives a token that names the user and their roles', async () => {
    const token = await api.signIn(['officer'], 'Olu@Example.org');
    const me = await api.graphql<{ me: { email: string; roles: string[] } }>(
      '{ me { email roles } }',
      {},
      token,
    );
    expect(me.data?.me).toEqual({ email: 'olu@example.org', roles: ['officer'] });
  });

  it('refuses a wrong password with UNAUTHENTICATED and no hint which part was wrong', async () => {
    await api.signIn(['auditor'], 'aud@example.org');
    const wrong = await api.graphql(LOGIN, { email: 'aud@example.org', password: 'not it at all' });
    const nobody = await api.graphql(LOGIN, { email: 'nobody@example.org', password: 'not it at all' });
    expect(wrong.errors?.[0]).toMatchObject({
      message: 'The e-mail or password is wrong.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(nobody.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
  });

  it('refuses an operation without a token with UNAUTHENTICATED', async () => {
    const result = await api.graphql('{ me { email } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });

  it('refuses a tampered token and an expired one', async () => {
    const token = await api.signIn(['officer'], 'olu@example.org');
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const promoted = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url');
    const tampered = await api.graphql('{ me { email } }', {}, `${header}.${promoted}.${signature}`);
    expect(tampered.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // An expired token signed with the real secret, as if issued yesterday.
    const [{ value: secret }] = await api.dataSource.query(
      `SELECT value FROM setting WHERE key = 'auth.jwt-secret'`,
    );
    const old = Buffer.from(
      JSON.stringify({ ...claims, iat: claims.iat - 86_400, exp: claims.iat - 3_600 }),
    ).toString('base64url');
    const expiredSignature = createHmac('sha256', secret).update(`${header}.${old}`).digest('base64url');
    const expired = await api.graphql('{ me { email } }', {}, `${header}.${old}.${expiredSignature}`);
    expect(expired.errors?.[0]).toMatchObject({
      message: 'Your sign-in token is expired or invalid. Sign in again.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('slows password guessing: after three failures from one address the next attempt waits, even with the right password', async () => {
    await api.signIn(['officer'], 'guess@example.org');
    for (let i = 0; i < 3; i++)
      await api.graphql(LOGIN, { email: 'guess@example.org', password: `guess ${i}!!` });
    const blocked = await api.graphql(LOGIN, { email: 'guess@example.org', password: TEST_PASSWORD });
    expect(blocked.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.errors?.[0]?.message).toMatch(
      /Too many failed sign-ins from your address. Try again in \d+ seconds/,
    );
  });

  it('stores argon2id hashes, never the password', async () => {
    const [row] = await api.dataSource.query(
      `SELECT password_hash FROM "user" WHERE email = 'olu@example.org'`,
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });
});
