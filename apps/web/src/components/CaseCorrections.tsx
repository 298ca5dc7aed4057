import { type FormEvent, useState } from 'react';
import { graphql } from '../gql';
import { request } from '../graphql';

const CorrectMutation = graphql(`
  mutation CorrectCase($input: CorrectCaseInput!) {
    correctCase(input: $input) { version dueOn }
  }
`);

const ReopenMutation = graphql(`
  mutation ReopenCase($id: ID!, $reason: String!) {
    reopenCase(caseId: $id, reason: $reason) { version }
  }
`);

const VoidMutation = graphql(`
  mutation VoidCase($id: ID!, $reason: String!) {
    voidCase(caseId: $id, reason: $reason) { version }
  }
`);

interface Props {
  caseId: string;
  version: number;
  status: string;
  subject: string;
  receivedOn: string;
  channel: string;
  isAdmin: boolean;
  onDone: (text: string) => void;
}

/** Correcting registration details, reopening a closure made in error, voiding a case registered in error: each an event with a reason. */
export function CaseCorrections(props: Props) {
  const [subject, setSubject] = useState(props.subject);
  const [receivedOn, setReceivedOn] = useState(props.receivedOn);
  const [channel, setChannel] = useState(props.channel);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<string>) => {
    setError(null);
    try {
      props.onDone(await work());
      setReason('');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const correct = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      await request(CorrectMutation, {
        input: {
          caseId: props.caseId,
          expectedVersion: props.version,
          subject: subject !== props.subject ? subject : null,
          receivedOn: receivedOn !== props.receivedOn ? receivedOn : null,
          channel: channel !== props.channel ? channel : null,
          reason,
        },
      });
      return 'Correction recorded in the history.';
    });
  };

  return (
    <details className="panel">
      <summary>Correct, reopen or void this case</summary>
      <form className="form" aria-label="Correct the registration details" onSubmit={correct}>
        <label>
          Subject
          <input value={subject} onChange={(e) => setSubject(e.target.value)} />
        </label>
        <label>
          Received on
          <input type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
        </label>
        <label>
          How it arrived
          <input value={channel} onChange={(e) => setChannel(e.target.value)} />
        </label>
        <label>
          Why (kept in the history)
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <div className="actions">
          <button type="submit">Record the correction</button>
          {props.status === 'closed' && (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                run(async () => {
                  await request(ReopenMutation, { id: props.caseId, reason });
                  return 'The case is open again where it stood before it closed.';
                })
              }
            >
              Reopen the case
            </button>
          )}
          {props.isAdmin && props.status !== 'void' && (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                run(async () => {
                  await request(VoidMutation, { id: props.caseId, reason });
                  return 'The case is void: it has left the lists and statistics; its history stays.';
                })
              }
            >
              Void (registered in error)
            </button>
          )}
        </div>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </details>
  );
}
