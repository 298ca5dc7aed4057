import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { graphql } from '../gql';
import { request, useQuery } from '../graphql';

const IncomingQuery = graphql(`
  query IncomingMail {
    incomingMail {
      id messageId fromAddress fromName subject text sentAt arrivedAt receivedOn status caseId caseReference
      threadedBy offeredEvent offerStatus
      attachments { filename size accepted }
    }
    workflows { id name published { version } }
  }
`);

const OfferedEventQuery = graphql(`
  query OfferedEvent($caseId: ID!) {
    case(id: $caseId) { id allowedEvents { type label inputSchema } }
  }
`);

const ConfirmMutation = graphql(`
  mutation ConfirmIncomingMail($id: ID!, $input: CreateCaseInput!) {
    confirmIncomingMail(id: $id, input: $input) { id status caseId caseReference }
  }
`);

const DiscardMutation = graphql(`
  mutation DiscardIncomingMail($id: ID!) {
    discardIncomingMail(id: $id) { id status }
  }
`);

const RecordOfferMutation = graphql(`
  mutation RecordIncomingMailEvent($id: ID!, $payload: JSONObject) {
    recordIncomingMailEvent(id: $id, payload: $payload) { id offerStatus offerSequence }
  }
`);

const DismissOfferMutation = graphql(`
  mutation DismissIncomingMailOffer($id: ID!) {
    dismissIncomingMailOffer(id: $id) { id offerStatus }
  }
`);

type Mail = {
  id: string;
  fromAddress: string;
  fromName?: string | null;
  subject: string;
  text: string;
  arrivedAt: string;
  receivedOn: string;
  caseId?: string | null;
  caseReference?: string | null;
  offeredEvent?: string | null;
  attachments: { filename: string; size: number; accepted: boolean }[];
};

const time = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function Attachments({ mail }: { mail: Mail }) {
  if (mail.attachments.length === 0) return null;
  return (
    <p className="muted">
      Attachments:{' '}
      {mail.attachments
        .map(
          (a) =>
            `${a.filename} (${Math.ceil(a.size / 1024)} kB${a.accepted ? '' : ', not a type a case keeps'})`,
        )
        .join(', ')}
    </p>
  );
}

/** A new request: the officer checks the fields the e-mail gave and registers it, or discards it. */
function Draft({
  mail,
  workflows,
  onDone,
}: {
  mail: Mail;
  workflows: { id: string; name: string }[];
  onDone: (message: string) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    try {
      const { confirmIncomingMail } = await request(ConfirmMutation, {
        id: mail.id,
        input: {
          workflowId: value('workflowId'),
          receivedOn: value('receivedOn'),
          channel: 'email',
          subject: value('subject'),
          requestText: value('requestText'),
          requester: {
            name: value('requesterName') || undefined,
            email: value('requesterEmail') || undefined,
          },
        },
      });
      onDone(`Registered as ${confirmIncomingMail.caseReference}.`);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }
  async function discard() {
    try {
      await request(DiscardMutation, { id: mail.id });
      onDone(`Discarded “${mail.subject}”.`);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }
  return (
    <form className="panel form" onSubmit={confirm} aria-label={`Confirm ${mail.subject}`}>
      <h2>{mail.subject || '(no subject)'}</h2>
      <p className="muted">
        From {mail.fromName ? `${mail.fromName} <${mail.fromAddress}>` : mail.fromAddress}, arrived{' '}
        {time(mail.arrivedAt)}
      </p>
      <Attachments mail={mail} />
      <label>
        Kind of request
        <select name="workflowId" required>
          {workflows.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Date received
        <input type="date" name="receivedOn" required defaultValue={mail.receivedOn} />
      </label>
      <label>
        Requester's name
        <input name="requesterName" defaultValue={mail.fromName ?? ''} />
      </label>
      <label>
        Requester's e-mail
        <input name="requesterEmail" type="email" defaultValue={mail.fromAddress} />
      </label>
      <label>
        Subject
        <input name="subject" required defaultValue={mail.subject} />
      </label>
      <label>
        The request, as written
        <textarea name="requestText" required rows={6} defaultValue={mail.text} />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit">Register as a case</button>
        <button type="button" className="secondary" onClick={discard}>
          Discard
        </button>
      </div>
    </form>
  );
}

/** A reply on its case that looks like the event the case waits for: the officer records it, or not. */
function Offer({ mail, onDone }: { mail: Mail; onDone: (message: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const { result } = useQuery(OfferedEventQuery, { caseId: mail.caseId as string });
  const event =
    result.state === 'ready'
      ? result.data.case.allowedEvents.find((e) => e.type === mail.offeredEvent)
      : undefined;
  // The event's first text input (the clarification itself) is the reply's text, for the officer to check.
  const properties = (event?.inputSchema as { properties?: Record<string, { type?: string }> } | undefined)
    ?.properties;
  const textField = Object.entries(properties ?? {}).find(([, p]) => p.type === 'string')?.[0];
  async function record(submitted: FormEvent<HTMLFormElement>) {
    submitted.preventDefault();
    const form = new FormData(submitted.currentTarget);
    try {
      await request(RecordOfferMutation, {
        id: mail.id,
        payload: textField ? { [textField]: String(form.get('text') ?? '') } : {},
      });
      onDone(`Recorded on ${mail.caseReference}: ${event?.label ?? mail.offeredEvent}.`);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }
  async function dismiss() {
    try {
      await request(DismissOfferMutation, { id: mail.id });
      onDone(`Kept on ${mail.caseReference} without recording an event.`);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }
  return (
    <form className="panel form" onSubmit={record} aria-label={`Reply ${mail.subject}`}>
      <h2>{mail.subject || '(no subject)'}</h2>
      <p className="muted">
        A reply on <Link href={`/cases/${mail.caseId}`}>{mail.caseReference}</Link> from {mail.fromAddress},
        received {mail.receivedOn}. It looks like: {event?.label ?? mail.offeredEvent}.
      </p>
      <Attachments mail={mail} />
      {textField ? (
        <label>
          {event?.label ?? 'Text'}
          <textarea name="text" rows={5} defaultValue={mail.text} />
        </label>
      ) : (
        <pre className="mail-text">{mail.text}</pre>
      )}
      {result.state === 'error' && (
        <p role="alert" className="error">
          {result.message}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={!event}>
          {event?.label ?? mail.offeredEvent}, dated {mail.receivedOn}
        </button>
        <button type="button" className="secondary" onClick={dismiss}>
          Not this event
        </button>
      </div>
    </form>
  );
}

/** E-mail taken from the intake mailbox that waits for an officer: new requests, and replies with an event on offer. */
export function Incoming() {
  const { result, reload } = useQuery(IncomingQuery, {}, 30_000);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setNotice(message);
    reload();
  };
  return (
    <section>
      <h1>Incoming</h1>
      {notice && <p role="status">{notice}</p>}
      {result.state === 'loading' && <p aria-live="polite">Loading incoming e-mail…</p>}
      {result.state === 'error' && (
        <p role="alert" className="error">
          {result.message}
        </p>
      )}
      {result.state === 'ready' && result.data.incomingMail.length === 0 && <p>Nothing waits for you.</p>}
      {result.state === 'ready' &&
        result.data.incomingMail.map((mail) =>
          mail.status === 'draft' ? (
            <Draft
              key={mail.id}
              mail={mail}
              workflows={result.data.workflows.filter((w) => w.published !== null)}
              onDone={done}
            />
          ) : (
            <Offer key={mail.id} mail={mail} onDone={done} />
          ),
        )}
    </section>
  );
}
