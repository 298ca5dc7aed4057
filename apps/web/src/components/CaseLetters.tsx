import { useEffect, useRef, useState } from 'react';
import { humanize, showDate, showDateTime, ukToday } from '../format';
import { graphql } from '../gql';
import type { CaseDocumentsQuery as CaseDocuments, CaseMailsQuery as CaseMails } from '../gql/graphql';
import { request, useQuery } from '../graphql';
import { base64Blob, saveFile } from '../save-file';
import { Message } from './Message';

const CaseDocumentsQuery = graphql(`
  query CaseDocuments($id: ID!) {
    caseDocuments(caseId: $id) { id template format filename sha256 sentSequence datedOn sentOn sentChannel createdAt }
  }
`);

const DocumentFileQuery = graphql(`
  query DocumentFile($id: ID!) { documentFile(documentId: $id) { base64 mimeType } }
`);

const GenerateLetterMutation = graphql(`
  mutation GenerateLetter($id: ID!, $kind: String!, $dated: LocalDate) {
    generateLetter(caseId: $id, kind: $kind, dated: $dated) { id format }
  }
`);

const SendLetterMutation = graphql(`
  mutation SendLetter($id: ID!, $sentOn: LocalDate, $channel: String, $recipient: String) {
    sendLetter(documentId: $id, sentOn: $sentOn, channel: $channel, recipient: $recipient) { id }
  }
`);

const CaseMailsQuery = graphql(`
  query CaseMails($id: ID!) {
    caseMails(caseId: $id) { id documentIds toAddress status attempts lastError nextAttemptAt sentSequence }
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

const CHANNELS = [
  { value: 'post', label: 'Post' },
  { value: 'email', label: 'E-mail (sent outside Recordflow)' },
  { value: 'hand', label: 'By hand' },
  { value: 'other', label: 'Other' },
];

const CHANNEL_WORDS: Record<string, string> = {
  post: 'post',
  email: 'e-mail',
  hand: 'hand',
  other: 'another way',
};

/**
 * Records a letter as sent: to whom, how and on what day, then a confirmation. A letter carries the
 * date it is sent, so a different day makes the letter again, dated that day, and records that one.
 */
function SendForm({
  caseId,
  document,
  requester,
  onDone,
  onCancel,
}: {
  caseId: string;
  document: { id: string; template: string; filename: string; datedOn?: string | null };
  requester: { email?: string | null; address?: string | null } | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [channel, setChannel] = useState(requester?.address ? 'post' : 'email');
  const [recipient, setRecipient] = useState(
    (channel === 'post' ? requester?.address : requester?.email) ?? '',
  );
  const [sentOn, setSentOn] = useState(document.datedOn ?? ukToday());
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const what = document.template.replace(/-/g, ' ');
  const record = async () => {
    setBusy(true);
    setError(null);
    try {
      let id = document.id;
      if (document.datedOn && document.datedOn !== sentOn) {
        const { generateLetter } = await request(GenerateLetterMutation, {
          id: caseId,
          kind: document.template,
          dated: sentOn,
        });
        id = generateLetter.find((d) => d.format === 'pdf')?.id ?? id;
      }
      await request(SendLetterMutation, { id, sentOn, channel, recipient: recipient.trim() || null });
      onDone();
    } catch (e) {
      setError((e as Error).message);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="send-form"
      aria-label={`Record the ${what} letter as sent`}
      onSubmit={(event) => {
        event.preventDefault();
        if (confirming) void record();
        else setConfirming(true);
      }}
    >
      {!confirming ? (
        <>
          <label>
            Sent to
            <input value={recipient} onChange={(e) => setRecipient(e.target.value)} required />
          </label>
          <label>
            How it went
            <select
              value={channel}
              onChange={(e) => {
                setChannel(e.target.value);
                const next = e.target.value === 'post' ? requester?.address : requester?.email;
                if (next) setRecipient(next);
              }}
            >
              {CHANNELS.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Date sent
            <input
              type="date"
              value={sentOn}
              max={ukToday()}
              onChange={(e) => setSentOn(e.target.value)}
              required
            />
          </label>
          <button type="submit">Record as sent…</button>
        </>
      ) : (
        <div role="alertdialog" aria-labelledby={`confirm-${document.id}`}>
          <p id={`confirm-${document.id}`}>
            Record the {what} letter as sent to {recipient} by {CHANNEL_WORDS[channel] ?? channel} on{' '}
            {showDate(sentOn)}?
            {document.template === 'response' &&
              ' Once the approved response is sent the clock stops, and it cannot be changed: a correction is a new letter.'}
          </p>
          <button type="submit" disabled={busy}>
            Yes, record it as sent
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Back
          </button>
        </div>
      )}
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

/**
 * The letters of one kind worth showing: every one sent, and the newest draft made since the last one
 * sent (an older draft was superseded, by a letter made again or dated otherwise).
 */
function currentLetters<D extends { format: string; sentSequence?: number | null; createdAt: unknown }>(
  all: D[],
) {
  const at = (d: D) => new Date(String(d.createdAt)).getTime();
  const sent = all.filter((d) => d.sentSequence);
  const lastSent = Math.max(0, ...sent.map(at));
  const drafts = all.filter((d) => !d.sentSequence && at(d) > lastSent);
  const newest = (format: string) =>
    drafts.filter((d) => d.format === format).sort((a, b) => at(b) - at(a))[0];
  return [...sent, ...[newest('pdf'), newest('docx')].filter((d): d is D => d !== undefined)];
}

/** Each queued letter with its number among the letters of its kind (1, 2 …). */
function numbered(queued: { template: string; on: string }[]) {
  const seen = new Map<string, number>();
  return queued.map((letter) => {
    const nth = (seen.get(letter.template) ?? 0) + 1;
    seen.set(letter.template, nth);
    return { ...letter, nth };
  });
}

async function download(document: CaseDocuments['caseDocuments'][number]) {
  const { documentFile } = await request(DocumentFileQuery, { id: document.id });
  saveFile(base64Blob(documentFile.base64, documentFile.mimeType), document.filename);
}

/** The letters the workflow queued for a case: generate them, download them, record them as sent. */
export function CaseLetters({
  caseId,
  queued,
  requester,
  onSent,
}: {
  caseId: string;
  queued: { template: string; on: string }[];
  requester: { email?: string | null; address?: string | null } | null;
  onSent: () => void;
}) {
  const { result, reload } = useQuery(CaseDocumentsQuery, { id: caseId });
  const [error, setError] = useState<string | null>(null);
  const [emailing, setEmailing] = useState<string | null>(null);
  const [recording, setRecording] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Mail goes out in the background: look again every few seconds while any is on its way.
  const mails = useQuery(CaseMailsQuery, { id: caseId }, pending ? 3000 : 0);
  const documents = result.state === 'ready' ? result.data.caseDocuments : [];
  const mailList = mails.result.state === 'ready' ? mails.result.data.caseMails : [];
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
        {numbered(queued).map((letter) => {
          const all = documents.filter((d) => d.template === letter.template);
          // Each letter of a kind is listed under the last one queued (a correction queues the kind again).
          const last = letter.nth === queued.filter((l) => l.template === letter.template).length;
          const current = currentLetters(all);
          const made = last ? current : [];
          const sentPdfs = all.filter((d) => d.format === 'pdf' && d.sentSequence).length;
          const draft = current.some((d) => d.format === 'pdf' && !d.sentSequence);
          const queuedOfKind = queued.filter((l) => l.template === letter.template).length;
          const what = letter.template.replace(/-/g, ' ');
          const generate = () =>
            act(() =>
              request(GenerateLetterMutation, { id: caseId, kind: letter.template, dated: ukToday() }),
            );
          return (
            <li key={`${letter.template}-${letter.nth}`}>
              {what} (queued {showDate(letter.on)}){' '}
              {last && !draft && sentPdfs < queuedOfKind && (
                <button type="button" className="secondary" onClick={generate}>
                  Generate the {what} letter
                </button>
              )}
              {last && draft && (
                <button type="button" className="secondary" onClick={generate}>
                  Generate the {what} letter again
                </button>
              )}
              {made.map((d) => (
                <span key={d.id} className="document">
                  <button type="button" className="link" onClick={() => download(d)}>
                    {d.filename}
                  </button>
                  {d.datedOn && <span className="muted"> dated {showDate(d.datedOn)}</span>}
                  {d.format === 'pdf' && !d.sentSequence && emailing !== d.id && (
                    <button type="button" className="secondary" onClick={() => setEmailing(d.id)}>
                      Email
                    </button>
                  )}
                  {d.format === 'pdf' && emailing === d.id && (
                    <EmailForm
                      document={d}
                      defaultTo={requester?.email ?? ''}
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
                      <span className="muted">
                        {' '}
                        sent (event {d.sentSequence}){d.sentOn ? ` on ${showDate(d.sentOn)}` : ''}
                        {d.sentChannel ? ` by ${d.sentChannel}` : ''}
                      </span>
                    ) : recording === d.id ? (
                      <SendForm
                        caseId={caseId}
                        document={d}
                        requester={requester}
                        onCancel={() => setRecording(null)}
                        onDone={() => {
                          setRecording(null);
                          reload();
                          onSent();
                        }}
                      />
                    ) : (
                      <button type="button" className="secondary" onClick={() => setRecording(d.id)}>
                        Record as sent
                      </button>
                    ))}
                </span>
              ))}
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
