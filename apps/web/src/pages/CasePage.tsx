import type { CaseSnapshot } from '@recordflow/workflow';
import { useState } from 'react';
import { Link } from 'wouter';
import { AssignmentPicker } from '../components/AssignmentPicker';
import { CaseCorrections } from '../components/CaseCorrections';
import { CaseFiles } from '../components/CaseFiles';
import { CaseLetters } from '../components/CaseLetters';
import { CaseLinks } from '../components/CaseLinks';
import { CaseTasks } from '../components/CaseTasks';
import { type AllowedEvent, EventForm } from '../components/EventForm';
import { ResponseReview } from '../components/ResponseReview';
import { StageGraph } from '../components/StageGraph';
import { showDate } from '../format';
import { graphql } from '../gql';
import { GraphQLRequestError, request, useQuery } from '../graphql';
import { useSession } from '../session';

const CaseQuery = graphql(`
  query CasePage($id: ID!) {
    case(id: $id) {
      id reference subject requestText channel receivedOn status stage stageLabel step stepLabel version catchingUp
      dueDate overdue dueSoon outcome workflowId workflowVersion regime
      assignee { id name }
      team { id name }
      requester { name email address }
      deadlines { name label due statutory }
      deadlineExplanation { summary skipped { date reason } }
      allowedEvents { type label inputSchema unavailableReason }
      state
      history { sequence type actorLabel recordedAt effectiveOn stageAfter }
    }
  }
`);

const SendCaseEventMutation = graphql(`
  mutation SendCaseEvent($input: SendCaseEventInput!) {
    sendCaseEvent(input: $input) { case { version } }
  }
`);

const FinishCatchingUpMutation = graphql(`
  mutation FinishCatchingUp($id: ID!, $version: Int) {
    finishCatchingUp(caseId: $id, expectedVersion: $version) { version }
  }
`);

const AssignCaseMutation = graphql(`
  mutation AssignCase($input: AssignCaseInput!) {
    assignCase(input: $input) { version }
  }
`);

export function CasePage({ id }: { id: string }) {
  const { result, reload } = useQuery(CaseQuery, { id }, 10_000);
  const me = useSession((s) => s.session?.user);
  const [open, setOpen] = useState<AllowedEvent | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'conflict' | 'done'; text: string } | null>(null);

  if (result.state === 'loading') return <p aria-live="polite">Loading the case…</p>;
  if (result.state === 'error') {
    return (
      <p role="alert" className="error">
        {result.message} <Link href="/cases">Back to the cases</Link>
      </p>
    );
  }
  const c = result.data.case;

  async function send(event: AllowedEvent, payload: Record<string, unknown>, effectiveOn: string) {
    try {
      await request(SendCaseEventMutation, {
        input: { caseId: c.id, type: event.type, payload, effectiveOn, expectedVersion: c.version },
      });
      setOpen(null);
      setNotice({ kind: 'done', text: `${event.label}: done.` });
      reload();
    } catch (error) {
      if (error instanceof GraphQLRequestError && error.code === 'VERSION_CONFLICT') {
        setOpen(null);
        setNotice({ kind: 'conflict', text: 'Someone else moved this case while you were working on it.' });
        return;
      }
      throw error;
    }
  }

  async function finishCatchingUp() {
    try {
      await request(FinishCatchingUpMutation, { id: c.id, version: c.version });
      setNotice({ kind: 'done', text: 'The record is up to date: the timers run from now.' });
      reload();
    } catch (error) {
      setNotice({ kind: 'error', text: (error as Error).message });
    }
  }

  async function assignToMe() {
    try {
      await request(AssignCaseMutation, {
        input: { caseId: c.id, assigneeId: me?.id, expectedVersion: c.version },
      });
      reload();
    } catch (error) {
      setNotice({ kind: 'error', text: (error as Error).message });
    }
  }

  return (
    <article>
      <p>
        <Link href="/cases">← All cases</Link>
      </p>
      <h1>
        {c.reference}: {c.subject}
      </h1>
      {notice && (
        <p
          role={notice.kind === 'done' ? 'status' : 'alert'}
          className={notice.kind === 'done' ? 'notice' : 'error'}
        >
          {notice.text}{' '}
          {notice.kind === 'conflict' && (
            <button
              type="button"
              onClick={() => {
                setNotice(null);
                reload();
              }}
            >
              Reload the case
            </button>
          )}
        </p>
      )}
      {c.catchingUp && (
        <section className="panel catching-up" aria-labelledby="catching-up">
          <h2 id="catching-up">Catching up</h2>
          <p>
            This request was received on {showDate(c.receivedOn)}. Record what has already happened, in date
            order, with the date each thing happened; the timers (overdue marking) wait until the record is up
            to date, and timeliness is judged on those dates.
          </p>
          <button type="button" onClick={finishCatchingUp}>
            The record is up to date
          </button>
        </section>
      )}
      <div className="grid">
        <section className="panel" aria-labelledby="where">
          <h2 id="where">Where it stands</h2>
          <dl>
            <dt>Stage</dt>
            <dd data-testid="stage">
              {c.stageLabel} ({c.stepLabel})
            </dd>
            <dt>Received</dt>
            <dd>
              {showDate(c.receivedOn)} by {c.channel}
            </dd>
            <dt>Due</dt>
            <dd>
              <span data-testid="due">{showDate(c.dueDate)}</span>
              {c.overdue && <strong className="deadline-flag overdue"> overdue</strong>}
              {c.dueSoon && <strong className="deadline-flag due-soon"> due soon</strong>}
            </dd>
            <dt>Requester</dt>
            <dd>{c.requester ? `${c.requester.name ?? '—'} ${c.requester.email ?? ''}` : '—'}</dd>
            <dt>Assigned to</dt>
            <dd>
              {c.assignee?.name ?? 'Nobody'}
              {c.team && ` (${c.team.name})`}{' '}
              {c.status === 'open' && c.assignee?.id !== me?.id && (
                <button type="button" className="secondary" onClick={assignToMe}>
                  Assign to me
                </button>
              )}
              {c.status === 'open' && (
                <AssignmentPicker
                  key={`${c.id}-${c.version}`}
                  caseId={c.id}
                  version={c.version}
                  teamId={c.team?.id ?? null}
                  assigneeId={c.assignee?.id ?? null}
                  onAssigned={reload}
                  onError={(text) => setNotice({ kind: 'error', text })}
                />
              )}
            </dd>
            {c.outcome && (
              <>
                <dt>Outcome</dt>
                <dd>{c.outcome}</dd>
              </>
            )}
          </dl>
          <h3>Deadlines</h3>
          {c.deadlines.length === 0 ? (
            <p>No deadline is running.</p>
          ) : (
            <ul>
              {c.deadlines.map((d) => (
                <li key={d.name}>
                  {d.label}: <strong>{d.due ? showDate(d.due) : 'paused'}</strong>
                </li>
              ))}
            </ul>
          )}
          {c.deadlineExplanation && (
            <details open>
              <summary>How the response deadline was counted</summary>
              <p data-testid="explanation">{c.deadlineExplanation.summary}</p>
              <ul>
                {c.deadlineExplanation.skipped
                  .filter((s) => s.reason !== 'Saturday' && s.reason !== 'Sunday')
                  .map((s) => (
                    <li key={s.date}>
                      {showDate(s.date)}: {s.reason}
                    </li>
                  ))}
              </ul>
            </details>
          )}
        </section>
        <section className="panel" aria-labelledby="next">
          <h2 id="next">What to do next</h2>
          {c.allowedEvents.length === 0 && <p>Nothing: the case is {c.status}.</p>}
          {(c.step === 'approval' || c.step === 'approved') && (
            <ResponseReview
              key={c.version}
              caseId={c.id}
              record={(c.state as unknown as CaseSnapshot).context.record}
              approved={c.step === 'approved'}
            />
          )}
          <div className="event-buttons">
            {c.allowedEvents.map((event) => (
              <span key={event.type} className="event-button">
                <button
                  type="button"
                  disabled={event.unavailableReason != null}
                  aria-describedby={event.unavailableReason ? `why-${event.type}` : undefined}
                  onClick={() => {
                    setNotice(null);
                    setOpen(event);
                  }}
                >
                  {event.label}
                </button>
                {event.unavailableReason && (
                  <span id={`why-${event.type}`} className="unavailable" data-testid={`why-${event.type}`}>
                    You cannot do this: {event.unavailableReason}
                  </span>
                )}
              </span>
            ))}
          </div>
          {open && (
            <EventForm
              event={open}
              questions={requestQuestions(c.requestText)}
              onCancel={() => setOpen(null)}
              onSubmit={(payload, on) => send(open, payload, on)}
            />
          )}
          <CaseLetters
            caseId={c.id}
            queued={(c.state as unknown as CaseSnapshot).context.letters}
            requester={c.requester ?? null}
            onSent={reload}
          />
        </section>
      </div>
      <CaseLinks caseId={c.id} onChanged={reload} />
      <CaseCorrections
        key={c.version}
        caseId={c.id}
        version={c.version}
        status={c.status}
        subject={c.subject}
        receivedOn={c.receivedOn}
        channel={c.channel}
        isAdmin={Boolean(me?.roles.includes('admin'))}
        onDone={(text) => {
          setNotice({ kind: 'done', text });
          reload();
        }}
      />
      <CaseFiles caseId={c.id} regime={c.regime} />
      <CaseTasks caseId={c.id} open={c.status === 'open'} onChanged={reload} />
      <section className="panel" aria-labelledby="graph">
        <h2 id="graph">The workflow</h2>
        <StageGraph workflowId={c.workflowId} version={c.workflowVersion} current={c.stage} />
      </section>
      <section className="panel" aria-labelledby="timeline">
        <h2 id="timeline">Timeline</h2>
        <ol className="timeline">
          {c.history.map((e) => (
            <li key={e.sequence}>
              <strong>{e.type.replace(/_/g, ' ').toLowerCase()}</strong> — {showDate(e.effectiveOn)}, by{' '}
              {e.actorLabel}
              <span className="muted"> (now at {e.stageAfter})</span>
            </li>
          ))}
        </ol>
      </section>
      <details>
        <summary>The request, as written</summary>
        <p className="request-text">{c.requestText}</p>
      </details>
    </article>
  );
}

/** The request's paragraphs to answer; its request for section 16 advice should section 12 apply is not a question. */
function requestQuestions(requestText: string): string[] {
  return requestText
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !(/section 12/i.test(p) && /section 16/i.test(p)));
}
