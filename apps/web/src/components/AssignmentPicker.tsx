import { type FormEvent, useState } from 'react';
import { graphql } from '../gql';
import { request, useQuery } from '../graphql';

const TeamsForPickerQuery = graphql(`
  query TeamsForPicker {
    teams { id name }
  }
`);

const AssigneesQuery = graphql(`
  query Assignees($teamId: ID) {
    assignees(teamId: $teamId) { id name }
  }
`);

const AssignToMutation = graphql(`
  mutation AssignTo($input: AssignCaseInput!) {
    assignCase(input: $input) { version }
  }
`);

/** Puts a case in a team's queue and/or with a person who may take it (officers, of that team when one is chosen). */
export function AssignmentPicker({
  caseId,
  version,
  teamId,
  assigneeId,
  onAssigned,
  onError,
}: {
  caseId: string;
  version: number;
  teamId: string | null;
  assigneeId: string | null;
  onAssigned: () => void;
  onError: (message: string) => void;
}) {
  const [team, setTeam] = useState(teamId ?? '');
  const [person, setPerson] = useState(assigneeId ?? '');
  const teams = useQuery(TeamsForPickerQuery).result;
  const people = useQuery(AssigneesQuery, { teamId: team || null }).result;
  const choices = people.state === 'ready' ? people.data.assignees : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await request(AssignToMutation, {
        input: { caseId, teamId: team || null, assigneeId: person || null, expectedVersion: version },
      });
      onAssigned();
    } catch (error) {
      onError((error as Error).message);
    }
  }

  return (
    <form aria-label="Assign the case" className="assign" onSubmit={submit}>
      <label>
        Team
        <select
          value={team}
          onChange={(e) => {
            setTeam(e.target.value);
            setPerson('');
          }}
        >
          <option value="">No team</option>
          {teams.state === 'ready' &&
            teams.data.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
        </select>
      </label>
      <label>
        Person
        <select value={person} onChange={(e) => setPerson(e.target.value)}>
          <option value="">Nobody</option>
          {choices.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="secondary">
        Assign
      </button>
    </form>
  );
}
