import { useEffect, useState } from 'react';
import { Message } from '../components/Message';
import { showDateTime } from '../format';
import { graphql } from '../gql';
import { request, useQuery } from '../graphql';
import { base64Blob, saveFile } from '../save-file';

const OutboxQuery = graphql(`
  query Outbox {
    outbox { id caseReference toAddress subject createdAt }
    mailTemplate { subject body builtIn }
  }
`);

const OutboxMessageQuery = graphql(`
  query OutboxMessage($id: ID!) {
    outboxMessage(id: $id) {
      id caseReference toAddress fromAddress subject messageId createdAt text source
      attachments { filename contentType size sha256 base64 }
    }
  }
`);

const SaveMailTemplateMutation = graphql(`
  mutation SaveMailTemplate($subject: String!, $body: String!) {
    saveMailTemplate(subject: $subject, body: $body) { subject body builtIn }
  }
`);

const time = showDateTime;

function save(attachment: { filename: string; contentType: string; base64: string }) {
  saveFile(base64Blob(attachment.base64, attachment.contentType), attachment.filename);
}

/** One outbox message as it would have gone out: headers, text, attachments and the source. */
function OutboxMessage({ id, onClose }: { id: string; onClose: () => void }) {
  const { result } = useQuery(OutboxMessageQuery, { id });
  if (result.state === 'loading') return <p aria-live="polite">Opening the message…</p>;
  if (result.state === 'error') return <p role="alert">{result.message}</p>;
  const message = result.data.outboxMessage;
  return (
    <article className="outbox-message" aria-label={message.subject}>
      <h2>{message.subject}</h2>
      <dl>
        <dt>From</dt>
        <dd>{message.fromAddress}</dd>
        <dt>To</dt>
        <dd>{message.toAddress}</dd>
        <dt>Case</dt>
        <dd>{message.caseReference}</dd>
        <dt>Kept</dt>
        <dd>{time(message.createdAt)}</dd>
        <dt>Message-ID</dt>
        <dd>
          <code>{message.messageId}</code>
        </dd>
      </dl>
      <pre className="mail-text">{message.text}</pre>
      <h3>Attachments</h3>
      <ul>
        {message.attachments.map((a) => (
          <li key={a.sha256 + a.filename}>
            <button type="button" className="link" onClick={() => save(a)}>
              {a.filename}
            </button>{' '}
            <span className="muted">
              {Math.ceil(a.size / 1024)} kB, SHA-256 <code>{a.sha256}</code>
            </span>
          </li>
        ))}
      </ul>
      <details>
        <summary>Message source</summary>
        <pre className="mail-source">{message.source}</pre>
      </details>
      <button type="button" className="secondary" onClick={onClose}>
        Back to the outbox
      </button>
    </article>
  );
}

/** The e-mail that carries letters: administrators edit its subject and body. */
function MailTemplateForm({ template }: { template: { subject: string; body: string; builtIn: boolean } }) {
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [note, setNote] = useState<{ text: string; error?: boolean } | null>(null);
  useEffect(() => {
    setSubject(template.subject);
    setBody(template.body);
  }, [template]);
  return (
    <form
      className="mail-template"
      aria-label="E-mail template"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await request(SaveMailTemplateMutation, { subject, body });
          setNote({ text: 'Saved: letters e-mailed from now on use this template.' });
        } catch (e) {
          setNote({ text: (e as Error).message, error: true });
        }
      }}
    >
      <h2>E-mail template</h2>
      <p className="muted">
        Handlebars, with the same fields as letters ({'{{reference}}'}, {'{{requester.name}}'} …). Keep the
        reference in the subject so replies can be matched to their case.
      </p>
      <label>
        Subject{' '}
        <input
          value={subject}
          onChange={(e) => {
            setSubject(e.target.value);
            setNote(null);
          }}
        />
      </label>
      <label>
        Body{' '}
        <textarea
          rows={10}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            setNote(null);
          }}
        />
      </label>
      <button type="submit">Save the e-mail template</button>
      {note && (
        <Message kind={note.error ? 'alert' : 'status'} focusKey={note}>
          {note.text}
        </Message>
      )}
    </form>
  );
}

/** Administrators read the mail kept here when no SMTP server is set, and edit the e-mail template. */
export function Outbox() {
  const { result } = useQuery(OutboxQuery, {}, 10_000);
  const [open, setOpen] = useState<string | null>(null);
  if (result.state === 'loading') return <p aria-live="polite">Loading the outbox…</p>;
  if (result.state === 'error') return <p role="alert">{result.message}</p>;
  if (open) return <OutboxMessage id={open} onClose={() => setOpen(null)} />;
  const messages = result.data.outbox;
  return (
    <>
      <h1>Outbox</h1>
      <p className="muted">
        With no SMTP server set (RECORDFLOW_SMTP_URL), e-mailed letters are kept here, exactly as they would
        have been sent.
      </p>
      {messages.length === 0 ? (
        <p>The outbox is empty.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Kept</th>
              <th scope="col">Case</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td>{time(m.createdAt)}</td>
                <td>{m.caseReference}</td>
                <td>{m.toAddress}</td>
                <td>
                  <button type="button" className="link" onClick={() => setOpen(m.id)}>
                    {m.subject}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MailTemplateForm template={result.data.mailTemplate} />
    </>
  );
}
