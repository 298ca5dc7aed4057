import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { showDate } from '../format';
import { graphql } from '../gql';
import { request, useQuery } from '../graphql';
import { hasRole, useSession } from '../session';

const TaskQuery = graphql(`
  query TaskPage($id: ID!) {
    task(id: $id) {
      id question status workingDays raisedOn dueOn overdue remindedAt answer closedAt cancelReason
      team { name }
      assignee { id name }
      raisedBy { name }
      closedBy { name }
      case { id reference subject regime receivedOn requestText }
      files { id filename size }
      activity { at kind actorName message }
    }
  }
`);

const AnswerTaskMutation = graphql(`
  mutation AnswerTask($input: AnswerTaskInput!) {
    answerTask(input: $input) { id status }
  }
`);

/** Sends one file for the task's answer; the api keeps it as a document of the case. */
async function uploadFile(taskId: string, file: File) {
  const token = useSession.getState().session?.token;
  const form = new FormData();
  form.set('file', file);
  const response = await fetch(`/api/tasks/${taskId}/files`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? `The server answered ${response.status}.`);
  }
}

/** One task as its service area sees it: the question, what the request asks (never who asked), and the answer form. */
export function TaskPage({ id }: { id: string }) {
  const { result, reload } = useQuery(TaskQuery, { id });
  const user = useSession((s) => s.session?.user);
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);

  if (result.state === 'loading') return <p aria-live="polite">Loading the task…</p>;
  if (result.state === 'error') {
    return (
      <p role="alert" className="error">
        {result.message} <Link href="/tasks">Back to the tasks</Link>
      </p>
    );
  }
  const t = result.data.task;
  const mayAnswer = t.status === 'open' && (hasRole(user, 'contributor') || hasRole(user, 'officer'));

  async function attach(files: FileList | null) {
    setNotice(null);
    try {
      for (const file of Array.from(files ?? [])) await uploadFile(t.id, file);
      setNotice({ kind: 'status', text: 'File added to the answer.' });
      reload();
    } catch (error) {
      setNotice({ kind: 'alert', text: (error as Error).message });
    }
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      await request(AnswerTaskMutation, { input: { taskId: t.id, answer } });
      setNotice({ kind: 'status', text: 'Your answer was sent to the case.' });
      reload();
    } catch (error) {
      setNotice({ kind: 'alert', text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <article>
      <p>
        <Link href="/tasks">← All tasks</Link>
      </p>
      <h1>
        {t.case.reference}: {t.case.subject}
      </h1>
      {notice && (
        <p role={notice.kind} className={notice.kind === 'alert' ? 'error' : 'notice'}>
          {notice.text}
        </p>
      )}
      <div className="grid">
        <section className="panel" aria-labelledby="asked">
          <h2 id="asked">What you are asked</h2>
          <p data-testid="question">{t.question}</p>
          <dl>
            <dt>Asked by</dt>
            <dd>
              {t.raisedBy.name} on {showDate(t.raisedOn)}
            </dd>
            <dt>For</dt>
            <dd>{[t.team?.name, t.assignee?.name].filter(Boolean).join(', ')}</dd>
            <dt>Due</dt>
            <dd>
              <span data-testid="task-due">{showDate(t.dueOn)}</span> ({t.workingDays} working days)
              {t.overdue && <strong className="deadline-flag overdue"> overdue</strong>}
            </dd>
            <dt>State</dt>
            <dd data-testid="task-status">{t.status}</dd>
          </dl>
          <h3>The request</h3>
          <p className="request-text">{t.case.requestText}</p>
          <p className="muted">
            Received {showDate(t.case.receivedOn)}. Who asked is not shown to service areas.
          </p>
        </section>
        <section className="panel" aria-labelledby="answer">
          <h2 id="answer">Answer</h2>
          {t.status === 'answered' && (
            <>
              <p data-testid="answer">{t.answer}</p>
              <p className="muted">
                Answered by {t.closedBy?.name} on{' '}
                {t.closedAt ? new Date(t.closedAt).toLocaleString('en-GB') : ''}
              </p>
            </>
          )}
          {t.status === 'cancelled' && <p>Cancelled: {t.cancelReason}</p>}
          {t.files.length > 0 && (
            <ul aria-label="Files">
              {t.files.map((f) => (
                <li key={f.id}>
                  {f.filename} <span className="muted">({f.size} bytes)</span>
                </li>
              ))}
            </ul>
          )}
          {mayAnswer && (
            <form aria-label="Answer the task" className="form" onSubmit={send}>
              <label>
                Files for the answer
                <input type="file" multiple onChange={(e) => attach(e.target.files)} />
              </label>
              <label>
                Your answer
                <textarea value={answer} onChange={(e) => setAnswer(e.target.value)} rows={6} required />
              </label>
              <button type="submit" disabled={busy}>
                Send the answer
              </button>
            </form>
          )}
        </section>
      </div>
      <section className="panel" aria-labelledby="activity">
        <h2 id="activity">What happened</h2>
        <ol className="timeline">
          {t.activity.map((a) => (
            <li key={`${a.at}-${a.kind}`}>
              <strong>{a.kind}</strong> — {new Date(a.at).toLocaleString('en-GB')}, by {a.actorName}
              {a.message && <span className="muted"> “{a.message}”</span>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
