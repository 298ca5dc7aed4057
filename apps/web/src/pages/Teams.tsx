import { type FormEvent, useState } from 'react';
import { Message } from '../components/Message';
import { graphql } from '../gql';
import { request, useQuery } from '../graphql';

const TeamsQuery = graphql(`
  query Teams {
    teams { id name members { id name disabled } }
  }
`);

const WorkflowAccessQuery = graphql(`
  query WorkflowAccess {
    workflows { id name restricted accessTeams { id } }
  }
`);

const SetWorkflowAccessMutation = graphql(`
  mutation SetWorkflowAccess($input: SetWorkflowAccessInput!) {
    setWorkflowAccess(input: $input) { workflowId restricted teams { id name } }
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
      <WorkflowAccess teams={result.data.teams} />
    </>
  );
}

/** Which workflows' cases only some teams see (subject access requests for Data Protection, say). */
function WorkflowAccess({ teams }: { teams: { id: string; name: string }[] }) {
  const { result, reload } = useQuery(WorkflowAccessQuery);
  const [notice, setNotice] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  if (result.state !== 'ready') return null;

  async function save(event: FormEvent<HTMLFormElement>, workflowId: string, name: string) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setNotice(null);
    try {
      const { setWorkflowAccess } = await request(SetWorkflowAccessMutation, {
        input: {
          workflowId,
          restricted: form.get('restricted') === 'on',
          teamIds: form.getAll('teamIds').map(String),
        },
      });
      setNotice({
        kind: 'status',
        text: setWorkflowAccess.restricted
          ? `${name}: only ${setWorkflowAccess.teams.map((t) => t.name).join(', ')} (and administrators) see its cases.`
          : `${name}: every officer sees its cases.`,
      });
      reload();
    } catch (e) {
      setNotice({ kind: 'alert', text: (e as Error).message });
    }
  }

  return (
    <section aria-labelledby="restricted-heading">
      <h2 id="restricted-heading">Who sees each workflow's cases</h2>
      <p>
        A restricted workflow's cases are seen only by administrators and the teams ticked; to anyone else
        they do not exist. Each read of such a case's personal data is recorded for audit.
      </p>
      {notice && (
        <p role={notice.kind} className={notice.kind === 'alert' ? 'error' : 'notice'}>
          {notice.text}
        </p>
      )}
      {result.data.workflows.map((w) => (
        <form
          key={`${w.id}-${w.restricted}-${w.accessTeams.map((t) => t.id).join()}`}
          aria-label={`Who sees ${w.name}`}
          className="panel"
          onSubmit={(event) => save(event, w.id, w.name)}
        >
          <fieldset>
            <legend>{w.name}</legend>
            <label>
              <input type="checkbox" name="restricted" defaultChecked={w.restricted} /> Restricted to these
              teams
            </label>
            {teams.map((t) => (
              <label key={t.id}>
                <input
                  type="checkbox"
                  name="teamIds"
                  value={t.id}
                  defaultChecked={w.accessTeams.some((a) => a.id === t.id)}
                />{' '}
                {t.name}
              </label>
            ))}
          </fieldset>
          <button type="submit">Save who sees {w.name}</button>
        </form>
      ))}
    </section>
  );
}
