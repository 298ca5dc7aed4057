import { useState } from 'react';
import { Link } from 'wouter';
import { showDate } from '../format';
import { graphql } from '../gql';
import type { TaskStatusFilter } from '../gql/graphql';
import { useQuery } from '../graphql';
import { hasRole, useSession } from '../session';

const TeamsForQueueQuery = graphql(`
  query TeamsForQueue {
    teams { id name }
  }
`);

const TasksQuery = graphql(`
  query TaskQueue($filter: TasksFilter) {
    tasks(filter: $filter, first: 100) {
      id question status dueOn overdue remindedAt chasers
      team { id name }
      assignee { id name }
      case { id reference subject }
    }
  }
`);

type View = 'mine' | 'open' | 'overdue' | 'answered';

const VIEWS: { id: View; label: string }[] = [
  { id: 'mine', label: 'My tasks' },
  { id: 'open', label: 'All open' },
  { id: 'overdue', label: 'Overdue' },
  { id: 'answered', label: 'Answered' },
];

/** The task queue: a contributor's own and their teams' tasks; officers can look across every team. */
export function Tasks() {
  const user = useSession((s) => s.session?.user);
  const staff = hasRole(user, 'officer') || hasRole(user, 'admin');
  const [view, setView] = useState<View>('mine');
  const [teamId, setTeamId] = useState('');
  const filter = {
    teamId: teamId || null,
    mine: view === 'mine' || !staff,
    overdue: view === 'overdue',
    status: (view === 'answered' ? 'ANSWERED' : 'OPEN') as TaskStatusFilter,
  };
  const { result } = useQuery(TasksQuery, { filter }, 15_000);

  return (
    <>
      <h1>{staff ? 'Tasks' : 'My tasks'}</h1>
      <p className="muted">
        Questions to service areas about requests, with their internal deadlines in working days.
      </p>
      <div className="tabs">
        {VIEWS.filter((v) => staff || v.id !== 'open').map((v) => (
          <button
            type="button"
            key={v.id}
            className={`tab${view === v.id ? ' active' : ''}`}
            aria-pressed={view === v.id}
            onClick={() => setView(v.id)}
          >
            {v.label}
          </button>
        ))}
      </div>
      {staff && <TeamChoice value={teamId} onChange={setTeamId} />}
      {result.state === 'loading' && <p aria-live="polite">Loading tasks…</p>}
      {result.state === 'error' && (
        <p role="alert" className="error">
          {result.message}
        </p>
      )}
      {result.state === 'ready' &&
        (result.data.tasks.length === 0 ? (
          <p>No tasks here.</p>
        ) : (
          <table className="cases" aria-label="Task queue">
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Question</th>
                <th scope="col">For</th>
                <th scope="col">Due</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {result.data.tasks.map((t) => (
                <tr key={t.id} className={t.overdue ? 'overdue' : undefined}>
                  <td>
                    <Link href={`/tasks/${t.id}`}>{t.case.reference}</Link>
                    <div className="muted">{t.case.subject}</div>
                  </td>
                  <td>{t.question}</td>
                  <td>{[t.team?.name, t.assignee?.name].filter(Boolean).join(', ')}</td>
                  <td>{showDate(t.dueOn)}</td>
                  <td>
                    {t.status}
                    {t.overdue && <strong className="deadline-flag overdue"> overdue</strong>}
                    {!t.overdue && t.status === 'open' && t.remindedAt && (
                      <strong className="deadline-flag due-soon"> reminder sent</strong>
                    )}
                    {t.chasers > 0 && <span className="muted"> (chased {t.chasers}×)</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </>
  );
}

/** Staff look at one team's queue; contributors' own queue already holds their teams' tasks. */
function TeamChoice({ value, onChange }: { value: string; onChange: (teamId: string) => void }) {
  const teams = useQuery(TeamsForQueueQuery).result;
  return (
    <div className="filters">
      <label>
        Team's queue
        <select value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Every team</option>
          {teams.state === 'ready' &&
            teams.data.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
        </select>
      </label>
    </div>
  );
}
