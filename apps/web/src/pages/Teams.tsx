import { type FormEvent, useEffect, useRef, useState } from 'react';
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

/** Which workflows' cases only some teams see (subject access requests, restricted from the start). */
function WorkflowAccess({ teams }: { teams: { id: string; name: string }[] }) {
  const { result, reload } = useQuery(WorkflowAccessQuery);
  const [notice, setNotice] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  if (result.state !== 'ready') return null;
  // Restricted with no team (subject access requests on a new installation): administrators alone see them.
  const unhandled = result.data.workflows.filter((w) => w.restricted && w.accessTeams.length === 0);

  async function save(workflowId: string, name: string, restricted: boolean, teamIds: string[]) {
    setNotice(null);
    try {
      const { setWorkflowAccess } = await request(SetWorkflowAccessMutation, {
        input: { workflowId, restricted, teamIds },
      });
      setNotice({
        kind: 'status',
        text: setWorkflowAccess.restricted
          ? `${name}: only ${setWorkflowAccess.teams.map((t) => t.name).join(', ')} (and administrators) see its cases.`
          : `${name}: every officer and auditor sees its cases.`,
      });
      reload();
      return true;
    } catch (e) {
      setNotice({ kind: 'alert', text: (e as Error).message });
      return false;
    }
  }

  return (
    <section aria-labelledby="restricted-heading">
      <h2 id="restricted-heading">Who sees each workflow's cases</h2>
      <p>
        A restricted workflow's cases are seen only by administrators and the teams ticked; to anyone else
        they do not exist. Each read of such a case's personal data is recorded for audit. Subject access
        requests are restricted from the start.
      </p>
      {notice && (
        <p role={notice.kind} className={notice.kind === 'alert' ? 'error' : 'notice'}>
          {notice.text}
        </p>
      )}
      {unhandled.length > 0 && (
        <p className="warning-banner">
          <strong>No team handles {unhandled.map((w) => w.name).join(', ')} yet:</strong> only administrators
          see {unhandled.length === 1 ? 'its' : 'their'} cases until you tick the teams that handle them
          below.
        </p>
      )}
      {result.data.workflows.map((w) => (
        <WorkflowAccessForm
          key={`${w.id}-${w.restricted}-${w.accessTeams.map((t) => t.id).join()}`}
          workflow={w}
          teams={teams}
          save={(restricted, teamIds) => save(w.id, w.name, restricted, teamIds)}
        />
      ))}
    </section>
  );
}

/** One workflow's access; opening a restricted workflow to everyone is confirmed first. */
function WorkflowAccessForm({
  workflow: w,
  teams,
  save,
}: {
  workflow: { id: string; name: string; restricted: boolean; accessTeams: { id: string }[] };
  teams: { id: string; name: string }[];
  save: (restricted: boolean, teamIds: string[]) => Promise<boolean>;
}) {
  // The team ids to keep while the administrator confirms opening the workflow to everyone.
  const [opening, setOpening] = useState<string[] | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  // The question takes the focus, so a keyboard or screen reader user meets it at once.
  useEffect(() => {
    if (opening) dialog.current?.focus();
  }, [opening]);
  const named = teams.filter((t) => w.accessTeams.some((a) => a.id === t.id)).map((t) => t.name);
  const standing = `standing-${w.id}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const restricted = form.get('restricted') === 'on';
    const teamIds = form.getAll('teamIds').map(String);
    // Opening a restricted workflow shows its requesters' personal data to everyone: a deliberate step.
    if (w.restricted && !restricted) setOpening(teamIds);
    else void save(restricted, teamIds);
  }

  return (
    <form aria-label={`Who sees ${w.name}`} className="panel" onSubmit={submit}>
      <fieldset aria-describedby={standing}>
        <legend>{w.name}</legend>
        {!w.restricted ? (
          <p id={standing} className="muted">
            Open: every officer and auditor sees its cases.
          </p>
        ) : named.length === 0 ? (
          <p id={standing} className="warning-banner">
            <strong>Restricted, and no team handles it yet:</strong> only administrators see its cases, and no
            officer can register one.{' '}
            {teams.length === 0
              ? 'Add the team that handles them above, then tick it here and save.'
              : 'Tick the teams that handle them and save.'}
          </p>
        ) : (
          <p id={standing} className="muted">
            Restricted: only {named.join(', ')} (and administrators) see its cases.
          </p>
        )}
        <label>
          <input type="checkbox" name="restricted" defaultChecked={w.restricted} /> Restricted to these teams
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
      {opening === null ? (
        <button type="submit">Save who sees {w.name}</button>
      ) : (
        <div role="alertdialog" aria-labelledby={`open-${w.id}`} tabIndex={-1} ref={dialog}>
          <p id={`open-${w.id}`}>
            Open {w.name} to everyone? Every officer and auditor will see its cases and their requesters'
            personal data.
          </p>
          <button
            type="button"
            onClick={async () => {
              if (await save(false, opening)) return;
              setOpening(null);
            }}
          >
            Open {w.name} to everyone
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setOpening(null)}>
            Keep it restricted
          </button>
        </div>
      )}
    </form>
  );
}
