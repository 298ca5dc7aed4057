import { type FormEvent, useState } from 'react';
import { Message } from '../components/Message';
import { graphql } from '../gql';
import { request, useQuery } from '../graphql';

const UsersQuery = graphql(`
  query Users {
    users { id email name roles disabled invited teams { id name } }
    teams { id name }
    roles { name description builtIn }
  }
`);

const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) { id email invitation { token expiresAt } }
  }
`);

const UpdateUserMutation = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) { id }
  }
`);

const ResetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($input: ResetUserPasswordInput!) {
    resetUserPassword(input: $input) { id email invitation { token expiresAt } }
  }
`);

const EndUserSessionsMutation = graphql(`
  mutation EndUserSessions($id: ID!) {
    endUserSessions(userId: $id) { id }
  }
`);

const CreateRoleMutation = graphql(`
  mutation CreateRole($input: CreateRoleInput!) {
    createRole(input: $input) { name }
  }
`);

type Notice = { kind: 'status' | 'alert'; text: string; link?: string };

const setPasswordLink = (token: string) => `${window.location.origin}/set-password?token=${token}`;

/** Ticks for a set of names (roles, teams). */
function Choices({
  legend,
  options,
  chosen,
  onChange,
}: {
  legend: string;
  options: { value: string; label: string }[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="choice">
          <input
            type="checkbox"
            checked={chosen.includes(o.value)}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))
            }
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Administrators add, change, disable and re-enable users (never delete them: history names them). */
export function Users() {
  const { result, reload } = useQuery(UsersQuery);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>(['officer']);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [editing, setEditing] = useState<{ id: string; roles: string[]; teamIds: string[] } | null>(null);
  const [roleName, setRoleName] = useState('');
  const [roleDescription, setRoleDescription] = useState('');

  async function act(work: () => Promise<Notice>) {
    setNotice(null);
    try {
      setNotice(await work());
      reload();
    } catch (e) {
      setNotice({ kind: 'alert', text: (e as Error).message });
    }
  }

  if (result.state === 'loading') return <p aria-live="polite">Loading users…</p>;
  if (result.state === 'error') {
    return (
      <p role="alert" className="error">
        {result.message}
      </p>
    );
  }
  const { users, teams } = result.data;
  const roleOptions = result.data.roles.map((r) => ({ value: r.name, label: r.name }));
  const teamOptions = teams.map((t) => ({ value: t.id, label: t.name }));

  function addUser(event: FormEvent) {
    event.preventDefault();
    act(async () => {
      const { createUser } = await request(CreateUserMutation, {
        input: { email, name, roles, teamIds, password: password || null },
      });
      setEmail('');
      setName('');
      setPassword('');
      return createUser.invitation
        ? {
            kind: 'status',
            text: `Invited ${createUser.email}. Send them this one-time link to set their password (shown only now):`,
            link: setPasswordLink(createUser.invitation.token),
          }
        : { kind: 'status', text: `Added ${createUser.email}.` };
    });
  }

  function addRole(event: FormEvent) {
    event.preventDefault();
    act(async () => {
      const { createRole } = await request(CreateRoleMutation, {
        input: { name: roleName, description: roleDescription },
      });
      setRoleName('');
      setRoleDescription('');
      return { kind: 'status', text: `Defined the role ${createRole.name}.` };
    });
  }

  return (
    <>
      <h1>Users</h1>
      {notice && (
        <Message kind={notice.kind} focusKey={notice}>
          {notice.text} {notice.link && <code>{notice.link}</code>}
        </Message>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Roles</th>
            <th scope="col">Teams</th>
            <th scope="col">State</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{u.roles.join(', ')}</td>
              <td>{u.teams.map((t) => t.name).join(', ') || <span className="muted">None</span>}</td>
              <td>{u.disabled ? 'Disabled' : u.invited ? 'Invited' : 'Active'}</td>
              <td className="actions">
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setEditing({ id: u.id, roles: u.roles, teamIds: u.teams.map((t) => t.id) })}
                >
                  Edit {u.name}
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    act(async () => {
                      await request(UpdateUserMutation, { input: { id: u.id, disabled: !u.disabled } });
                      return { kind: 'status', text: `${u.disabled ? 'Enabled' : 'Disabled'} ${u.email}.` };
                    })
                  }
                >
                  {u.disabled ? 'Enable' : 'Disable'} {u.name}
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    act(async () => {
                      const { resetUserPassword } = await request(ResetUserPasswordMutation, {
                        input: { userId: u.id },
                      });
                      return {
                        kind: 'status',
                        text: `Cleared the password of ${resetUserPassword.email}. Send them this one-time link (shown only now):`,
                        link: setPasswordLink(resetUserPassword.invitation?.token ?? ''),
                      };
                    })
                  }
                >
                  Reset password of {u.name}
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    act(async () => {
                      await request(EndUserSessionsMutation, { id: u.id });
                      return { kind: 'status', text: `Ended every session of ${u.email}.` };
                    })
                  }
                >
                  End sessions of {u.name}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {editing && (
        <form
          aria-label="Edit user"
          className="panel"
          onSubmit={(event) => {
            event.preventDefault();
            act(async () => {
              await request(UpdateUserMutation, {
                input: { id: editing.id, roles: editing.roles, teamIds: editing.teamIds },
              });
              setEditing(null);
              return { kind: 'status', text: 'Saved: it takes effect at their next request.' };
            });
          }}
        >
          <h2>Edit {users.find((u) => u.id === editing.id)?.name}</h2>
          <Choices
            legend="Roles"
            options={roleOptions}
            chosen={editing.roles}
            onChange={(chosen) => setEditing({ ...editing, roles: chosen })}
          />
          <Choices
            legend="Teams"
            options={teamOptions}
            chosen={editing.teamIds}
            onChange={(chosen) => setEditing({ ...editing, teamIds: chosen })}
          />
          <button type="submit">Save changes</button>{' '}
          <button type="button" className="secondary" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      )}

      <form aria-label="Add a user" className="panel" onSubmit={addUser}>
        <h2>Add a user</h2>
        <label>
          E-mail
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </label>
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label>
          Password (leave empty to invite them with a one-time link)
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <Choices legend="Roles" options={roleOptions} chosen={roles} onChange={setRoles} />
        <Choices legend="Teams" options={teamOptions} chosen={teamIds} onChange={setTeamIds} />
        <button type="submit">Add the user</button>
      </form>

      <form aria-label="Define a role" className="panel" onSubmit={addRole}>
        <h2>Define a role</h2>
        <p className="muted">
          Workflow roles such as approver, legal or press-office: transitions may name them, and users can
          hold them.
        </p>
        <label>
          Role name
          <input value={roleName} onChange={(e) => setRoleName(e.target.value)} required />
        </label>
        <label>
          Description
          <input value={roleDescription} onChange={(e) => setRoleDescription(e.target.value)} />
        </label>
        <button type="submit">Define the role</button>
      </form>
    </>
  );
}
