import { type ReactNode, useRef, useState } from 'react';
import { Link } from 'wouter';
import { humanize, showDate } from '../format';
import { graphql } from '../gql';
import { request, useQuery } from '../graphql';

const PublishingQuery = graphql(`
  query Publishing {
    disclosureCandidates(first: 100) {
      caseId reference regime subject outcome respondedOn
      documents { id filename version }
    }
    disclosureLog { caseId reference regime subject outcome respondedOn publishedOn summary }
  }
`);

const PublishMutation = graphql(`
  mutation PublishToDisclosureLog($caseId: ID!, $summary: String, $documentIds: [ID!]) {
    publishToDisclosureLog(caseId: $caseId, summary: $summary, documentIds: $documentIds) { caseId published }
  }
`);

const WithdrawMutation = graphql(`
  mutation WithdrawFromDisclosureLog($caseId: ID!, $reason: String!) {
    withdrawFromDisclosureLog(caseId: $caseId, reason: $reason) { caseId published }
  }
`);

type Choice = { caseId: string; reference: string; action: 'publish' | 'withdraw' };

/** Administrators choose which responses the public disclosure log shows, and withdraw them. */
export function Publishing() {
  const { result, reload } = useQuery(PublishingQuery);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [text, setText] = useState('');
  // Nothing ticked at first: each document goes to the whole world only when the administrator ticks it.
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);

  const say = (kind: 'status' | 'alert', said: string) => {
    setMessage({ kind, text: said });
    requestAnimationFrame(() => messageRef.current?.focus());
  };
  const confirm = async () => {
    if (!choice) return;
    try {
      if (choice.action === 'publish')
        await request(PublishMutation, { caseId: choice.caseId, summary: text.trim() || null, documentIds });
      else await request(WithdrawMutation, { caseId: choice.caseId, reason: text });
      say(
        'status',
        choice.action === 'publish'
          ? `${choice.reference} is published in the disclosure log.`
          : `${choice.reference} is withdrawn from the disclosure log.`,
      );
      setChoice(null);
      setText('');
      setDocumentIds([]);
      reload();
    } catch (error) {
      say('alert', (error as Error).message);
    }
  };

  if (result.state === 'loading') return <p>Loading…</p>;
  if (result.state === 'error') return <p role="alert">{result.message}</p>;
  const { disclosureCandidates: candidates, disclosureLog: published } = result.data;
  const documentsOf = (caseId: string) => candidates.find((c) => c.caseId === caseId)?.documents ?? [];
  const tick = (id: string, ticked: boolean) =>
    setDocumentIds((ids) => (ticked ? [...ids, id] : ids.filter((each) => each !== id)));
  const form = (row: { caseId: string; reference: string }) =>
    choice?.caseId === row.caseId && (
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        <label>
          {choice.action === 'publish' ? 'Summary for the public (optional)' : 'Why it is withdrawn'}
          <textarea
            value={text}
            required={choice.action === 'withdraw'}
            onChange={(e) => setText(e.target.value)}
            rows={2}
          />
        </label>
        {choice.action === 'publish' && (
          <fieldset>
            <legend>Documents to publish</legend>
            {documentsOf(row.caseId).length === 0 ? (
              <p>This case has no document for release.</p>
            ) : (
              <div className="checkboxes">
                {documentsOf(row.caseId).map((document) => (
                  <label key={document.id} className="inline">
                    <input
                      type="checkbox"
                      checked={documentIds.includes(document.id)}
                      onChange={(e) => tick(document.id, e.target.checked)}
                    />{' '}
                    {document.filename} (version {document.version})
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        )}
        <button type="submit">
          {choice.action === 'publish' ? `Publish ${row.reference}` : `Withdraw ${row.reference}`}
        </button>
        <button type="button" onClick={() => setChoice(null)}>
          Cancel
        </button>
      </form>
    );

  const choose = (row: Row, action: Choice['action'], label: string) => (
    <button
      type="button"
      onClick={() => {
        setChoice({ caseId: row.caseId, reference: row.reference, action });
        setText('');
        setDocumentIds([]);
      }}
    >
      {label}
    </button>
  );

  return (
    <>
      <h1>Disclosure log</h1>
      <p>
        Published responses appear on the <a href="/disclosure-log">public disclosure log</a> (also as{' '}
        <a href="/disclosure-log.json">JSON</a> and <a href="/disclosure-log.rss">RSS</a>) with the request
        text, the response and the documents you tick, never the requester's name or address (it is taken out
        of the subject, the texts and the file names). Only the latest version of a for-release document can
        be published, never the release bundle. Publishing and withdrawing are recorded in each case's
        history. Subject access requests are never published.
      </p>
      {message && (
        <p ref={messageRef} tabIndex={-1} role={message.kind} className="notice">
          {message.text}
        </p>
      )}
      <ResponseTable
        id="candidates"
        heading="Answered, not published"
        empty="No answered response waits to be published."
        dateHeading="Responded"
        rows={candidates.map((row) => ({ ...row, on: row.respondedOn }))}
        action={(row) => form(row) || choose(row, 'publish', 'Publish…')}
      />
      <ResponseTable
        id="published"
        heading="Published"
        empty="Nothing is published yet."
        dateHeading="Published"
        rows={published.map((row) => ({ ...row, on: row.publishedOn }))}
        action={(row) => form(row) || choose(row, 'withdraw', 'Withdraw…')}
      />
    </>
  );
}

type Row = { caseId: string; reference: string; subject: string; outcome: string | null; on: string };

/** One list of responses: the answered ones to publish, or the published ones to withdraw. */
function ResponseTable(props: {
  id: string;
  heading: string;
  empty: string;
  dateHeading: string;
  rows: Row[];
  action: (row: Row) => ReactNode;
}) {
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>
        {props.heading} ({props.rows.length})
      </h2>
      {props.rows.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Subject</th>
              <th scope="col">Outcome</th>
              <th scope="col">{props.dateHeading}</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.caseId}>
                <td>
                  <Link href={`/cases/${row.caseId}`}>{row.reference}</Link>
                </td>
                <td>{row.subject}</td>
                <td>{row.outcome ? humanize(row.outcome) : 'No outcome'}</td>
                <td>{showDate(row.on)}</td>
                <td>{props.action(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
