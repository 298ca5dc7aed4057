import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { showDate } from '../format';
import { graphql } from '../gql';
import { request, useQuery } from '../graphql';
import { hasRole, useSession } from '../session';

const CaseTasksQuery = graphql(`
  query CaseTasks($id: ID!) {
    case(id: $id) {
      id
      tasks {
        id question status dueOn workingDays overdue remindedAt chasers answer cancelReason
        team { name }
        assignee { name }
        raisedBy { name }
        closedBy { name }
        files { id filename }
      }
      notes { id text createdAt author { name } }
    }
  }
`);

const TeamsForTasksQuery = graphql(`
  query TeamsForTasks {
    teams { id name }
  }
`);

const TaskAssigneesQuery = graphql(`
  query TaskAssignees($teamId: ID) {
    taskAssignees(teamId: $teamId) { id name }
  }
`);

const RaiseTaskMutation = graphql(`
  mutation RaiseTask($input: RaiseTaskInput!) {
    raiseTask(input: $input) { id dueOn }
  }
`);

const ChaseTaskMutation = graphql(`
  mutation ChaseTask($input: ChaseTaskInput!) {
    chaseTask(input: $input) { id chasers }
  }
`);

const CancelTaskMutation = graphql(`
  mutation CancelTask($input: CancelTaskInput!) {
    cancelTask(input: $input) { id status }
  }
`);

const AddCaseNoteMutation = graphql(`
  mutation AddCaseNote($input: AddCaseNoteInput!) {
    addCaseNote(input: $input) { id }
  }
`);

/**
 * Tasks to service areas (raise, chase, cancel; their answers and files) and the internal notes of a
 * case: for staff only, never in a letter.
 */
export function CaseTasks({
  caseId,
  open,
  onChanged,
}: {
  caseId: string;
  open: boolean;
  onChanged: () => void;
}) {
  const { result, reload } = useQuery(CaseTasksQuery, { id: caseId }, 15_000);
  // Administrators read tasks and notes; officers raise, chase and write them.
  const officer = useSession((s) => hasRole(s.session?.user, 'officer'));
  const teams = useQuery(TeamsForTasksQuery).result;
  const [team, setTeam] = useState('');
  const [person, setPerson] = useState('');
  const people = useQuery(TaskAssigneesQuery, { teamId: team || null }).result;
  const [question, setQuestion] = useState('');
  const [days, setDays] = useState(5);
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);

  async function act(work: () => Promise<string>) {
    setNotice(null);
    try {
      setNotice({ kind: 'status', text: await work() });
      reload();
      onChanged();
    } catch (error) {
      setNotice({ kind: 'alert', text: (error as Error).message });
    }
  }

  function raise(event: FormEvent) {
    event.preventDefault();
    void act(async () => {
      const { raiseTask } = await request(RaiseTaskMutation, {
        input: { caseId, question, teamId: team || null, assigneeId: person || null, workingDays: days },
      });
      setQuestion('');
      return `Task raised, due ${showDate(raiseTask.dueOn)}.`;
    });
  }

  function addNote(event: FormEvent) {
    event.preventDefault();
    void act(async () => {
      await request(AddCaseNoteMutation, { input: { caseId, text: note } });
      setNote('');
      return 'Note added.';
    });
  }

  if (result.state !== 'ready') {
    return result.state === 'error' ? (
      <p role="alert" className="error">
        {result.message}
      </p>
    ) : null;
  }
  const { tasks, notes } = result.data.case;
  return (
    <div className="grid">
      <section className="panel" aria-labelledby="tasks">
        <h2 id="tasks">Tasks to service areas</h2>
        {notice && (
          <p role={notice.kind} className={notice.kind === 'alert' ? 'error' : 'notice'}>
            {notice.text}
          </p>
        )}
        {tasks.length === 0 && <p className="muted">No tasks yet.</p>}
        <ul className="tasks" aria-label="Tasks">
          {tasks.map((t) => (
            <li key={t.id} className="document">
              <p>
                <Link href={`/tasks/${t.id}`}>
                  <strong>{t.question}</strong>
                </Link>
              </p>
              <p className="muted">
                To {[t.team?.name, t.assignee?.name].filter(Boolean).join(', ')} by {t.raisedBy.name}; due{' '}
                {showDate(t.dueOn)} ({t.workingDays} working days) — {t.status}
                {t.overdue && <strong className="deadline-flag overdue"> overdue</strong>}
                {t.chasers > 0 && ` — chased ${t.chasers}×`}
              </p>
              {t.status === 'answered' && (
                <blockquote data-testid="task-answer">
                  {t.answer}
                  <footer className="muted">— {t.closedBy?.name}</footer>
                </blockquote>
              )}
              {t.files.length > 0 && <p>Files: {t.files.map((f) => f.filename).join(', ')}</p>}
              {t.status === 'cancelled' && <p className="muted">Cancelled: {t.cancelReason}</p>}
              {t.status === 'open' && officer && (
                <div className="actions">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      act(async () => {
                        const { chaseTask } = await request(ChaseTaskMutation, { input: { taskId: t.id } });
                        return `Chaser ${chaseTask.chasers} recorded.`;
                      })
                    }
                  >
                    Chase
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      const reason = window.prompt('Why cancel this task?');
                      if (reason)
                        void act(async () => {
                          await request(CancelTaskMutation, { input: { taskId: t.id, reason } });
                          return 'Task cancelled.';
                        });
                    }}
                  >
                    Cancel the task
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
        {open && officer && (
          <form aria-label="Raise a task" className="form" onSubmit={raise}>
            <label>
              Question
              <textarea value={question} onChange={(e) => setQuestion(e.target.value)} rows={3} required />
            </label>
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
                <option value="">Anyone</option>
                {people.state === 'ready' &&
                  people.data.taskAssignees.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
              </select>
            </label>
            <label>
              Working days to answer
              <input
                type="number"
                min={1}
                max={60}
                value={days}
                onChange={(e) => setDays(Number(e.target.value))}
                required
              />
            </label>
            <button type="submit">Raise the task</button>
          </form>
        )}
      </section>
      <section className="panel" aria-labelledby="notes">
        <h2 id="notes">Internal notes</h2>
        <p className="muted">For staff only; never in a letter.</p>
        <ul aria-label="Notes">
          {notes.map((n) => (
            <li key={n.id}>
              {n.text}{' '}
              <span className="muted">
                — {n.author.name}, {new Date(n.createdAt).toLocaleString('en-GB')}
              </span>
            </li>
          ))}
        </ul>
        {officer && (
          <form aria-label="Add a note" className="form" onSubmit={addNote}>
            <label>
              Note
              <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} required />
            </label>
            <button type="submit" className="secondary">
              Add the note
            </button>
          </form>
        )}
      </section>
    </div>
  );
}
