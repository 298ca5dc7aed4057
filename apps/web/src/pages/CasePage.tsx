import type { CaseSnapshot } from '@recordflow/workflow';
import { useEffect, useRef, useState } from 'react';
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
import { DeadlineFlag } from '../components/StatusFlag';
import { labelsOf, useWorkflowDefinition } from '../definitions';
import { humanize, showDate, showDateTime, TIMELINESS } from '../format';
import { graphql } from '../gql';
import { GraphQLRequestError, request, useQuery } from '../graphql';
import { takeFlash } from '../notices';
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

// Polled every few seconds: cheap, and says when someone else (or a timer) moved the case.
const CaseVersionQuery = graphql(`
  query CaseVersion($id: ID!) {
    case(id: $id) { version }
  }
`);

const CaseLastChangeQuery = graphql(`
  query CaseLastChange($id: ID!) {
    case(id: $id) { version history { sequence type actorLabel recordedAt actor { id } } }
  }
`);

const VERSION_POLL_MS = 4000;

type Notice = { kind: 'error' | 'conflict' | 'done'; text: string };

/**
 * Who changed the case since it was shown, by its latest event; null while it is as shown. What this
 * person did on this page (a document uploaded, a letter e-mailed) is simply shown (`onOwnChange`).
 */
function useChangedUnderneath(
  id: string,
  shownVersion: number | null,
  busy: boolean,
  meId: string | undefined,
  onOwnChange: () => void,
) {
  const [change, setChange] = useState<{ version: number; by: string; what: string; at: string } | null>(
    null,
  );
  useEffect(() => {
    if (shownVersion === null) return;
    setChange(null);
    let stopped = false;
    const timer = setInterval(async () => {
      if (busy) return;
      try {
        const { case: now } = await request(CaseVersionQuery, { id });
        if (stopped || now.version === shownVersion) return;
        const { case: detail } = await request(CaseLastChangeQuery, { id });
        const last = detail.history.at(-1);
        // A case's version is the sequence of its latest event: the changes are the events after it.
        const since = detail.history.filter((e) => e.sequence > shownVersion);
        if (!stopped && since.length > 0 && since.every((e) => e.actor?.id === meId)) {
          onOwnChange();
          return;
        }
        if (!stopped && last && detail.version !== shownVersion) {
          setChange({
            version: detail.version,
            by: last.actorLabel,
            what: humanize(last.type),
            at: showDateTime(last.recordedAt),
          });
        }
      } catch {
        // A missed poll is tried again at the next tick.
      }
    }, VERSION_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [id, shownVersion, busy, meId, onOwnChange]);
  return change;
}

const AssignCaseMutation = graphql(`
  mutation AssignCase($input: AssignCaseInput!) {
    assignCase(input: $input) { version }
  }
`);

export function CasePage({ id }: { id: string }) {
  const { result, reload } = useQuery(CaseQuery, { id });
  const me = useSession((s) => s.session?.user);
  const [open, setOpen] = useState<AllowedEvent | null>(null);
  // A message left by the page that sent the officer here (registering a request), shown once.
  const [notice, setNotice] = useState<Notice | null>(() => {
    const flash = takeFlash(`/cases/${id}`);
    return flash ? { kind: 'done', text: flash } : null;
  });
  const [busy, setBusy] = useState(false);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const ready = result.state === 'ready' ? result.data.case : null;
  const changed = useChangedUnderneath(id, ready?.version ?? null, busy, me?.id, reload);
  const definition = useWorkflowDefinition(ready?.workflowId ?? '', ready?.workflowVersion ?? 0);
  const labels = labelsOf(definition.state === 'ready' ? definition.definition : undefined);

  // Focus goes to what changed: the message saying what happened (it is also announced).
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

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
    setBusy(true);
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
    } finally {
      setBusy(false);
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
    setNotice(null);
    try {
      await request(AssignCaseMutation, {
        input: { caseId: c.id, assigneeId: me?.id, expectedVersion: c.version },
      });
      setNotice({ kind: 'done', text: 'The case is assigned to you.' });
      reload();
    } catch (error) {
      setNotice({ kind: 'error', text: (error as Error).message });
    }
  }

  const answered = timelinessOf((c.state as unknown as CaseSnapshot | null)?.context);

  return (
    <article>
      <p>
        <Link href="/cases">← All cases</Link>
      </p>
      <h1>
        {c.reference}: {c.subject}
      </h1>
      {changed && (
        <p role="alert" className="warning-banner">
          This case was changed by {changed.by} ({changed.what}, {changed.at}) since you opened it.{' '}
          <button
            type="button"
            onClick={() => {
              setNotice(null);
              reload();
            }}
          >
            Reload the case
          </button>
        </p>
      )}
      {notice && (
        <p
          ref={noticeRef}
          tabIndex={-1}
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
      <section className="panel standing" aria-labelledby="where">
        <h2 id="where">Where it stands</h2>
        <dl>
          <dt>Stage</dt>
          <dd data-testid="stage">
            {c.stageLabel} ({c.stepLabel})
          </dd>
          <dt>Received</dt>
          <dd>
            {showDate(c.receivedOn)} by {humanize(c.channel).toLowerCase()}
          </dd>
          <dt>Due</dt>
          <dd>
            <span data-testid="due">{showDate(c.dueDate)}</span>{' '}
            <DeadlineFlag overdue={c.overdue} dueSoon={c.dueSoon} />
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
                onAssigned={() => {
                  setNotice({ kind: 'done', text: 'The assignment is saved.' });
                  reload();
                }}
                onError={(text) => setNotice({ kind: 'error', text })}
              />
            )}
          </dd>
          {c.outcome && (
            <>
              <dt>Outcome</dt>
              <dd>{labels.outcome(c.outcome)}</dd>
            </>
          )}
          {answered && (
            <>
              <dt>Answered</dt>
              <dd>{answered}</dd>
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
      <div className="work">
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
        {/* Beside the forms that answer it, and kept in view while they scroll. */}
        <section className="panel request" aria-labelledby="request">
          <h2 id="request">The request, as written</h2>
          <p className="request-text" data-testid="request-text">
            {c.requestText}
          </p>
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
              <strong>{labels.event(e.type)}</strong> — {showDate(e.effectiveOn)}, by {e.actorLabel}
              <span className="muted"> (then at {labels.stage(e.stageAfter)})</span>
            </li>
          ))}
        </ol>
      </section>
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

/** Whether the answer was in time, in time with a permitted extension, or late; null before an answer. */
function timelinessOf(context: CaseSnapshot['context'] | undefined): string | null {
  const recorded = context?.record.timeliness;
  if (typeof recorded !== 'string') return null;
  // A workflow version from before recorded an answer in time after an extension as plain "in-time".
  const extended = recorded === 'in-time' && context?.clock.events.some((e) => e.type === 'extend');
  return TIMELINESS[extended ? 'in-time-extended' : recorded] ?? humanize(recorded);
}
