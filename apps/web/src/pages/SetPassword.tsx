import { type FormEvent, useState } from 'react';
import { Message } from '../components/Message';
import { graphql } from '../gql';
import { request } from '../graphql';

const SetPasswordMutation = graphql(`
  mutation SetPassword($token: String!, $password: String!) {
    setPassword(token: $token, password: $password)
  }
`);

/** Where an invitation or reset link lands: the person chooses their password, then signs in. */
export function SetPassword() {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [state, setState] = useState<{ done?: boolean; error?: string }>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await request(SetPasswordMutation, { token, password });
      setState({ done: true });
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  }

  return (
    <main className="page narrow">
      <h1>Choose your password</h1>
      {state.done ? (
        <Message kind="status" focusKey="done">
          Your password is set. <a href="/">Sign in</a>.
        </Message>
      ) : (
        <form onSubmit={submit} className="panel form">
          <label>
            New password (at least 8 characters)
            <input
              type="password"
              autoComplete="new-password"
              required
              minLength={8}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {state.error && (
            <Message kind="alert" focusKey={state}>
              {state.error}
            </Message>
          )}
          <button type="submit">Set my password</button>
        </form>
      )}
    </main>
  );
}
