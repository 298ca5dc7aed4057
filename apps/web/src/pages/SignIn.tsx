import { type FormEvent, useEffect, useState } from 'react';
import { Message } from '../components/Message';
import { graphql } from '../gql';
import { request, useQuery } from '../graphql';
import { useSession } from '../session';

const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    login(email: $email, password: $password) { token expiresAt user { id email name roles } }
  }
`);

const SignInOptionsQuery = graphql(`
  query SignInOptions {
    signInOptions { password oidc oidcProviderName }
  }
`);

const ExchangeSignInCodeMutation = graphql(`
  mutation ExchangeSignInCode($code: String!) {
    exchangeSignInCode(code: $code) { token expiresAt user { id email name roles } }
  }
`);

/** The one-time code single sign-on leaves in the fragment (/sign-in#code=…), taken once: the effect may run twice. */
let pendingCode: string | null = new URLSearchParams(window.location.hash.slice(1)).get('code');

export function SignIn() {
  const { signIn, endedBecause } = useSession();
  const { result: options } = useQuery(SignInOptionsQuery);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const code = pendingCode;
    if (!code) return;
    pendingCode = null;
    // The code leaves the address bar and the history at once; it works only once anyway.
    window.history.replaceState(null, '', '/');
    setBusy(true);
    request(ExchangeSignInCodeMutation, { code }).then(
      ({ exchangeSignInCode }) => signIn(exchangeSignInCode),
      (caught: Error) => {
        setError(caught.message);
        setBusy(false);
      },
    );
  }, [signIn]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { login } = await request(SignInMutation, { email, password });
      signIn(login);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const ways = options.state === 'ready' ? options.data.signInOptions : null;
  return (
    <main className="page narrow">
      <h1>Sign in to Recordflow</h1>
      <p>Freedom of Information, Environmental Information and subject access requests, on time.</p>
      {endedBecause && <p className="notice">{endedBecause}</p>}
      {ways?.oidc && (
        <p>
          <a className="button" href="/auth/oidc">
            Sign in with {ways.oidcProviderName}
          </a>
        </p>
      )}
      {ways && !ways.password && (
        <p>Password sign-in is turned off here: use {ways.oidcProviderName ?? 'single sign-on'}.</p>
      )}
      {ways?.password && (
        <form onSubmit={submit} className="panel form">
          <label>
            E-mail
            <input
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <label>
            Password
            <input
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      )}
      {options.state === 'error' && (
        <p role="alert" className="error">
          {options.message}
        </p>
      )}
      {error && (
        <Message kind="alert" focusKey={error}>
          {error}
        </Message>
      )}
    </main>
  );
}
