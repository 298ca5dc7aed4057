import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { CaseFiles } from '../components/CaseFiles';
import { CaseLetterFiles } from '../components/CaseLetters';
import { Message } from '../components/Message';
import { StageGraph } from '../components/StageGraph';
import { DeadlineFlag } from '../components/StatusFlag';
import { labelsOf, useWorkflowDefinition } from '../definitions';
import { humanize, showDate, showDateTime } from '../format';
import { graphql } from '../gql';
import type { ReplayCaseQuery as Replayed, VerifyCaseHistoryQuery as Verified } from '../gql/graphql';
import { request, useQuery } from '../graphql';
import { saveFile } from '../save-file';

const AuditHistoryQuery = graphql(`
  query AuditHistory($id: ID!) {
    case(id: $id) {
      id reference subject requestText regime workflowId workflowVersion stageLabel stepLabel status receivedOn
      dueDate overdue dueSoon outcome
      history { sequence type actorLabel recordedAt effectiveOn workflowVersion payload hash erasure { fields rule erasedAt } }
    }
  }
`);

const ReplayCaseQuery = graphql(`
  query ReplayCase($id: ID!, $to: Int!) {
    replayCase(caseId: $id, toSequence: $to) { stage stageLabel stepLabel deadlines { name label due } }
  }
`);

const VerifyCaseHistoryQuery = graphql(`
  query VerifyCaseHistory($id: ID!) {
    verifyCaseHistory(caseId: $id) { ok eventsChecked firstBadSequence reason erasures { sequence rule erasedAt hashChecked } }
  }
`);

const ExportCaseBundleQuery = graphql(`
  query ExportCaseBundle($id: ID!) { exportCaseBundle(caseId: $id) }
`);

type Replay = Replayed['replayCase'];
type Verification = Verified['verifyCaseHistory'];

export function AuditCase({ id }: { id: string }) {
  const { result } = useQuery(AuditHistoryQuery, { id });
  const [at, setAt] = useState<number | null>(null);
  const [replay, setReplay] = useState<Replay | null>(null);
  const [previous, setPrevious] = useState<Replay | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const history = result.state === 'ready' ? result.data.case.history : [];
  const sequence = at ?? history.length;
  const shown = result.state === 'ready' ? result.data.case : null;
  const definition = useWorkflowDefinition(shown?.workflowId ?? '', shown?.workflowVersion ?? 0);
  const labels = labelsOf(definition.state === 'ready' ? definition.definition : undefined);

  useEffect(() => {
    if (sequence < 1) return;
    // Scrubbing fast sends many replays: only the answers for the sequence shown now are kept.
    let current = true;
    request(ReplayCaseQuery, { id, to: sequence }).then(
      ({ replayCase }) => current && setReplay(replayCase),
      (e: Error) => current && setError(e.message),
    );
    if (sequence > 1) {
      request(ReplayCaseQuery, { id, to: sequence - 1 }).then(
        ({ replayCase }) => current && setPrevious(replayCase),
        () => {},
      );
    } else {
      setPrevious(null);
    }
    return () => {
      current = false;
    };
  }, [id, sequence]);

  if (result.state === 'loading') return <p aria-live="polite">Loading the history…</p>;
  if (result.state === 'error') {
    return (
      <p role="alert" className="error">
        {result.message}
      </p>
    );
  }
  const event = history[sequence - 1];

  async function verify() {
    setVerification(null);
    try {
      const { verifyCaseHistory } = await request(VerifyCaseHistoryQuery, { id });
      setVerification(verifyCaseHistory);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function exportBundle() {
    setError(null);
    try {
      const { exportCaseBundle } = await request(ExportCaseBundleQuery, { id });
      saveFile(
        new Blob([JSON.stringify(exportCaseBundle, null, 2)], { type: 'application/json' }),
        `${result.state === 'ready' ? result.data.case.reference : 'case'}-bundle.json`,
      );
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const changed =
    (replay?.stageLabel ?? '') !== (previous?.stageLabel ?? '') || replay?.stepLabel !== previous?.stepLabel;
  return (
    <article>
      <p>
        <Link href="/audit">← All cases</Link>
      </p>
      <h1>
        History of {result.data.case.reference}: {result.data.case.subject}
      </h1>
      {error && (
        <Message kind="alert" focusKey={error}>
          {error}
        </Message>
      )}
      <section className="panel" aria-labelledby="case-now">
        <h2 id="case-now">The case now (read only)</h2>
        <dl>
          <dt>Stage</dt>
          <dd>
            {result.data.case.stageLabel} ({result.data.case.stepLabel})
          </dd>
          <dt>Received</dt>
          <dd>{showDate(result.data.case.receivedOn)}</dd>
          <dt>Due</dt>
          <dd>
            {showDate(result.data.case.dueDate)}{' '}
            <DeadlineFlag overdue={result.data.case.overdue} dueSoon={result.data.case.dueSoon} />
          </dd>
          {result.data.case.outcome && (
            <>
              <dt>Outcome</dt>
              <dd>{labels.outcome(result.data.case.outcome)}</dd>
            </>
          )}
        </dl>
        <h3>The request, as written</h3>
        <p className="request-text" data-testid="request-text">
          {result.data.case.requestText}
        </p>
        <CaseLetterFiles caseId={id} />
      </section>
      <CaseFiles caseId={id} regime={result.data.case.regime} />
      <div className="panel">
        <label htmlFor="scrubber">
          Event {sequence} of {history.length}
        </label>
        <input
          id="scrubber"
          type="range"
          min={1}
          max={history.length}
          value={sequence}
          onChange={(e) => setAt(Number(e.target.value))}
          aria-valuetext={event ? `${event.sequence}: ${labels.event(event.type)}` : undefined}
        />
        <ol className="timeline compact">
          {history.map((e) => (
            <li key={e.sequence} className={e.sequence === sequence ? 'current' : undefined}>
              <button
                type="button"
                className="link"
                onClick={() => setAt(e.sequence)}
                aria-current={e.sequence === sequence}
              >
                {e.sequence}. {labels.event(e.type)} ({showDate(e.effectiveOn)})
              </button>
            </li>
          ))}
        </ol>
      </div>
      {event && replay && (
        <section className="panel" aria-labelledby="moment">
          <h2 id="moment">
            After event {event.sequence}: {labels.event(event.type)}
          </h2>
          <dl>
            <dt>Stage then</dt>
            <dd data-testid="stage-then">
              {replay.stageLabel} ({replay.stepLabel})
            </dd>
            <dt>Deadlines then</dt>
            <dd data-testid="deadlines-then">
              {replay.deadlines.length === 0
                ? 'none running'
                : replay.deadlines.map((d) => `${d.label}: ${d.due ? showDate(d.due) : 'paused'}`).join('; ')}
            </dd>
            <dt>What changed</dt>
            <dd>
              {changed
                ? `moved from ${previous?.stageLabel ?? 'nothing'} to ${replay.stageLabel}`
                : 'stage unchanged'}
            </dd>
            <dt>By</dt>
            <dd>{event.actorLabel}</dd>
            <dt>Recorded</dt>
            <dd>
              {showDateTime(event.recordedAt)} (took effect {showDate(event.effectiveOn)}), workflow version{' '}
              {event.workflowVersion}
            </dd>
            <dt>Inputs</dt>
            <dd>
              <Inputs payload={event.payload as Record<string, unknown>} outcome={labels.outcome} />
            </dd>
            {event.erasure && (
              <>
                <dt>Erased</dt>
                <dd data-testid="erasure">
                  {event.erasure.fields.join(', ')} erased on{' '}
                  {new Date(event.erasure.erasedAt).toLocaleDateString('en-GB')} under {event.erasure.rule}
                </dd>
              </>
            )}
            <dt>Hash</dt>
            <dd className="hash">{event.hash}</dd>
          </dl>
        </section>
      )}
      {event && replay && (
        <section className="panel" aria-labelledby="graph-then">
          <h2 id="graph-then">The workflow at that moment</h2>
          <StageGraph
            workflowId={result.data.case.workflowId}
            version={event.workflowVersion}
            current={replay.stage}
          />
        </section>
      )}
      <section className="panel" aria-labelledby="proof">
        <h2 id="proof">Proof</h2>
        <div className="actions">
          <button type="button" onClick={verify}>
            Verify the history
          </button>
          <button type="button" className="secondary" onClick={exportBundle}>
            Export the bundle
          </button>
        </div>
        {verification && (
          <Message
            kind="status"
            focusKey={verification}
            className={verification.ok ? 'notice' : 'error'}
            testId="verification"
          >
            {verification.ok
              ? `Verified: ${verification.eventsChecked} events; the hash chain is intact and replay gives the recorded state.`
              : `Not verified: event ${verification.firstBadSequence ?? '?'}: ${verification.reason}.`}
          </Message>
        )}
        {verification?.erasures && verification.erasures.length > 0 && (
          <ul aria-label="Personal data erased">
            {verification.erasures.map((e) => (
              <li key={e.sequence}>
                Event {e.sequence}: personal data erased on {new Date(e.erasedAt).toLocaleDateString('en-GB')}{' '}
                under {e.rule}
                {e.hashChecked
                  ? ' (its hash still checks out)'
                  : ' (recorded before commitments: its hash cannot be checked)'}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

/** An event's inputs as a list: names in words, choices by their labels, lists item by item. */
function Inputs({
  payload,
  outcome,
}: {
  payload: Record<string, unknown>;
  outcome: (value: string) => string;
}) {
  const entries = Object.entries(payload ?? {});
  if (entries.length === 0) return <>none</>;
  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined) return '—';
    if (key === 'outcome' && typeof value === 'string') return outcome(value);
    if (typeof value === 'boolean') return value ? 'Yes' : 'No';
    // Ids such as "review-window" are said in words; free text, dates and sections stay as written.
    if (typeof value === 'string' && /^[a-z]+(-[a-z]+)+$/.test(value)) return humanize(value);
    if (Array.isArray(value)) return value.map((v) => show(key, v)).join('; ');
    if (typeof value === 'object') {
      return Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `${humanize(k)}: ${show(k, v)}`)
        .join(', ');
    }
    return String(value);
  };
  return (
    <dl className="inputs">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{humanize(key)}</dt>
          <dd>{show(key, value)}</dd>
        </div>
      ))}
    </dl>
  );
}
