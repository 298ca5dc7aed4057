import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { StageGraph } from '../components/StageGraph';
import { showDate } from '../format';
import { graphql } from '../gql';
import type { ReplayCaseQuery as Replayed, VerifyCaseHistoryQuery as Verified } from '../gql/graphql';
import { request, useQuery } from '../graphql';

const AuditHistoryQuery = graphql(`
  query AuditHistory($id: ID!) {
    case(id: $id) {
      reference subject workflowId
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
    const { exportCaseBundle } = await request(ExportCaseBundleQuery, { id });
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(exportCaseBundle, null, 2)], { type: 'application/json' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = `${result.state === 'ready' ? result.data.case.reference : 'case'}-bundle.json`;
    link.click();
    URL.revokeObjectURL(url);
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
        <p role="alert" className="error">
          {error}
        </p>
      )}
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
          aria-valuetext={event ? `${event.sequence}: ${event.type}` : undefined}
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
                {e.sequence}. {e.type.replace(/_/g, ' ').toLowerCase()} ({showDate(e.effectiveOn)})
              </button>
            </li>
          ))}
        </ol>
      </div>
      {event && replay && (
        <section className="panel" aria-labelledby="moment">
          <h2 id="moment">
            After event {event.sequence}: {event.type.replace(/_/g, ' ').toLowerCase()}
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
              {new Date(event.recordedAt).toLocaleString('en-GB')} (took effect {showDate(event.effectiveOn)}
              ), workflow version {event.workflowVersion}
            </dd>
            <dt>Inputs</dt>
            <dd>
              <pre>{JSON.stringify(event.payload, null, 2)}</pre>
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
          <p role="status" className={verification.ok ? 'notice' : 'error'} data-testid="verification">
            {verification.ok
              ? `Verified: ${verification.eventsChecked} events; the hash chain is intact and replay gives the recorded state.`
              : `Not verified: event ${verification.firstBadSequence ?? '?'}: ${verification.reason}.`}
          </p>
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
