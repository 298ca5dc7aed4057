import { type FormEvent, useState } from 'react';
import { Message } from '../components/Message';
import { graphql } from '../gql';
import { request, useQuery } from '../graphql';

const TeamsQuery = graphql(`
  query Teams {
    teams { id name members { id name disabled } }
  }
`);

const CreateTeamMutation = graphql(`
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) { id name }
  }
`);

/** Administrators add teams; members are chosen on the Users page. */
export function Teams() {
  const { result, reload } = useQuery(TeamsQuery);
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    try {
      const { createTeam } = await request(CreateTeamMutation, { input: { name } });
      setName('');
      setNotice({ kind: 'status', text: `Added the team ${createTeam.name}.` });
      reload();
    } catch (e) {
      setNotice({ kind: 'alert', text: (e as Error).message });
    }
  }

  if (result.state === 'loading') return <p aria-live="polite">Loading teams…</p>;
  if (result.state === 'error') {
    return (
      <p role="alert" className="error">
        {result.message}
      </p>
    );
  }
  return (
    <>
      <h1>Teams</h1>
      {notice && (
        <Message kind={notice.kind} focusKey={notice}>
          {notice.text}
        </Message>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Members</th>
          </tr>
        </thead>
        <tbody>
          {result.data.teams.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>
                {t.members
                  .filter((m) => !m.disabled)
                  .map((m) => m.name)
                  .join(', ') || <span className="muted">Nobody yet</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form aria-label="Add a team" className="panel" onSubmit={add}>
        <label>
          Team name
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <button type="submit">Add the team</button>
      </form>
    </>
  );
}
