import { useEffect, useRef, useState } from 'react';
import { humanize, showDate, showDateTime } from '../format';
import { graphql } from '../gql';
import type { CaseDocumentsQuery as CaseDocuments, CaseMailsQuery as CaseMails } from '../gql/graphql';
import { request, useQuery } from '../graphql';
import { Message } from './Message';

const CaseDocumentsQuery = graphql(`
  query CaseDocuments($id: ID!) {
    caseDocuments(caseId: $id) { id template format filename sha256 sentSequence }
  }
`);

const DocumentFileQuery = graphql(`
  query DocumentFile($id: ID!) { documentFile(documentId: $id) { base64 mimeType } }
`);

const GenerateLetterMutation = graphql(`
  mutation GenerateLetter($id: ID!, $kind: String!) { generateLetter(caseId: $id, kind: $kind) { id } }
`);

const SendLetterMutation = graphql(`
  mutation SendLetter($id: ID!) { sendLetter(documentId: $id) { id } }
`);

const CaseMailsQuery = graphql(`
  query CaseMails($id: ID!) {
    caseMails(caseId: $id) { id documentIds toAddress status attempts lastError nextAttemptAt sentSequence }
    case(id: $id) { requester { email } }
  }
`);

const EmailLetterMutation = graphql(`
  mutation EmailLetter($id: ID!, $to: String, $withDocx: Boolean) {
    emailLetter(documentId: $id, to: $to, withDocx: $withDocx) { id status }
  }
`);

type Mail = CaseMails['caseMails'][number];

const time = showDateTime;

/** Where one e-mail of a letter has got to, in words. */
function mailStatus(mail: Mail): string {
  if (mail.status === 'sent') return `e-mailed to ${mail.toAddress} (event ${mail.sentSequence})`;
  if (mail.status === 'failed')
    return `e-mail to ${mail.toAddress} failed: ${mail.lastError ?? 'no reason given'}`;
  if (mail.attempts > 0 && mail.lastError) {
    return `e-mail to ${mail.toAddress} queued: attempt ${mail.attempts} failed (${mail.lastError}), retrying at ${time(mail.nextAttemptAt)}`;
  }
  return `e-mail to ${mail.toAddress} ${mail.status === 'sending' ? 'sending' : 'queued'}`;
}

/** The recipient (the requester's address unless changed), the DOCX choice, and a confirmation. */
function EmailForm({
  document,
  defaultTo,
  onDone,
  onCancel,
}: {
  document: { id: string; filename: string };
  defaultTo: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [to, setTo] = useState(defaultTo);
  const [withDocx, setWithDocx] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await request(EmailLetterMutation, { id: document.id, to: to.trim() || null, withDocx });
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="email-form"
      aria-label={`E-mail ${document.filename}`}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label>
        To <input type="email" value={to} onChange={(e) => setTo(e.target.value)} required />
      </label>
      <label>
        <input type="checkbox" checked={withDocx} onChange={(e) => setWithDocx(e.target.checked)} /> Attach
        the DOCX too
      </label>
      <button type="submit" disabled={busy}>
        Send e-mail
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

async function download(document: CaseDocuments['caseDocuments'][number]) {
  const { documentFile } = await request(DocumentFileQuery, { id: document.id });
  const bytes = Uint8Array.from(atob(documentFile.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: documentFile.mimeType }));
  const link = window.document.createElement('a');
  link.href = url;
  link.download = document.filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** The letters the workflow queued for a case: generate them, download them, record them as sent. */
export function CaseLetters({
  caseId,
  queued,
  onSent,
}: {
  caseId: string;
  queued: { template: string; on: string }[];
  onSent: () => void;
}) {
  const { result, reload } = useQuery(CaseDocumentsQuery, { id: caseId });
  const [error, setError] = useState<string | null>(null);
  const [emailing, setEmailing] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Mail goes out in the background: look again every few seconds while any is on its way.
  const mails = useQuery(CaseMailsQuery, { id: caseId }, pending ? 3000 : 0);
  const documents = result.state === 'ready' ? result.data.caseDocuments : [];
  const mailList = mails.result.state === 'ready' ? mails.result.data.caseMails : [];
  const requesterEmail =
    mails.result.state === 'ready' ? (mails.result.data.case.requester?.email ?? '') : '';
  const sentCount = mailList.filter((m) => m.status === 'sent').length;
  const seenSent = useRef(sentCount);
  useEffect(() => {
    setPending(mailList.some((m) => m.status === 'queued' || m.status === 'sending'));
    // A mail just accepted added to the history and marked its letters sent.
    if (sentCount > seenSent.current) {
      reload();
      onSent();
    }
    seenSent.current = sentCount;
  }, [mailList, sentCount, reload, onSent]);

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      reload();
      onSent();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <>
      <h3>Letters</h3>
      {queued.length === 0 && <p>No letters yet.</p>}
      <ul className="letters">
        {queued.map((letter) => {
          const made = documents.filter((d) => d.template === letter.template);
          return (
            <li key={`${letter.template}-${letter.on}`}>
              {humanize(letter.template)} ({showDate(letter.on)}){' '}
              {made.length === 0 ? (
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    act(() => request(GenerateLetterMutation, { id: caseId, kind: letter.template }))
                  }
                >
                  Generate the {letter.template.replace(/-/g, ' ')} letter
                </button>
              ) : (
                made.map((d) => (
                  <span key={d.id} className="document">
                    <button type="button" className="link" onClick={() => download(d)}>
                      {d.filename}
                    </button>
                    {d.format === 'pdf' && emailing !== d.id && (
                      <button type="button" className="secondary" onClick={() => setEmailing(d.id)}>
                        Email
                      </button>
                    )}
                    {d.format === 'pdf' && emailing === d.id && (
                      <EmailForm
                        document={d}
                        defaultTo={requesterEmail}
                        onCancel={() => setEmailing(null)}
                        onDone={() => {
                          setEmailing(null);
                          mails.reload();
                        }}
                      />
                    )}
                    {mailList
                      .filter((m) => m.documentIds.includes(d.id))
                      .map((m) => (
                        <span key={m.id} className={`mail-status ${m.status}`} role="status">
                          {' '}
                          {mailStatus(m)}
                        </span>
                      ))}
                    {d.format === 'pdf' &&
                      (d.sentSequence ? (
                        <span className="muted"> sent (event {d.sentSequence})</span>
                      ) : (
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => act(() => request(SendLetterMutation, { id: d.id }))}
                        >
                          Record as sent
                        </button>
                      ))}
                  </span>
                ))
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <Message kind="alert" focusKey={error}>
          {error}
        </Message>
      )}
    </>
  );
}

/** A case's generated letters, read only: each downloads; whether and when it was sent is said beside it. */
export function CaseLetterFiles({ caseId }: { caseId: string }) {
  const { result } = useQuery(CaseDocumentsQuery, { id: caseId });
  const [error, setError] = useState<string | null>(null);
  if (result.state === 'loading') return <p aria-live="polite">Loading the letters…</p>;
  if (result.state === 'error') return <p className="error">{result.message}</p>;
  const documents = result.data.caseDocuments;
  return (
    <>
      <h3>Letters</h3>
      {documents.length === 0 ? (
        <p>No letters were generated for this case.</p>
      ) : (
        <ul className="letters">
          {documents.map((d) => (
            <li key={d.id}>
              {humanize(d.template)}:{' '}
              <button
                type="button"
                className="link"
                onClick={() => download(d).catch((e: Error) => setError(e.message))}
              >
                {d.filename}
              </button>{' '}
              <span className="muted">
                {d.sentSequence ? `sent (event ${d.sentSequence})` : 'not sent'}, SHA-256{' '}
                <code>{d.sha256.slice(0, 12)}…</code>
              </span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
