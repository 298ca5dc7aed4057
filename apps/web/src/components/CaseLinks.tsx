import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { showDate } from '../format';
import { graphql } from '../gql';
import type { CaseLinkKind } from '../gql/graphql';
import { request, useQuery } from '../graphql';

const CaseLinksQuery = graphql(`
  query CaseLinks($id: ID!) {
    case(id: $id) { id links { id kind label other { id reference subject receivedOn status } } }
  }
`);

const LinkSuggestionsQuery = graphql(`
  query LinkSuggestions($id: ID!) {
    case(id: $id) {
      id
      linkSuggestions { case { id reference subject receivedOn status } reasons similarity suggestedKind }
    }
  }
`);

const FindCaseQuery = graphql(`
  query FindCaseByReference($text: String!) {
    cases(filter: { text: $text, status: "all" }, first: 5) { edges { node { id reference } } }
  }
`);

const LinkCasesMutation = graphql(`
  mutation LinkCases($input: LinkCasesInput!) {
    linkCases(input: $input) { id label }
  }
`);

const UnlinkCasesMutation = graphql(`
  mutation UnlinkCases($input: UnlinkCasesInput!) {
    unlinkCases(input: $input) { id }
  }
`);

/** How each kind reads from this case, in the order officers choose from. */
export const KIND_LABELS: { kind: CaseLinkKind; label: string }[] = [
  { kind: 'REPEAT', label: 'Repeat of' },
  { kind: 'REFINED_REQUEST', label: 'Refined request of' },
  { kind: 'SAME_REQUESTER', label: 'Same requester as' },
  { kind: 'AGGREGATED_S12', label: 'Aggregated for s.12 with' },
  { kind: 'REVIEW_OF', label: 'Review of' },
  { kind: 'COMPLAINT_ABOUT', label: 'Complaint about' },
];

const REASONS: Record<string, string> = {
  SAME_REQUESTER: 'same requester',
  SIMILAR_TEXT: 'similar request',
};

/** The case's links, the cases that may belong with it (never linked without the officer), and a form to link one by reference. */
export function CaseLinks({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const links = useQuery(CaseLinksQuery, { id: caseId });
  const suggestions = useQuery(LinkSuggestionsQuery, { id: caseId });
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);

  const changed = (text: string) => {
    setMessage({ kind: 'done', text });
    links.reload();
    suggestions.reload();
    onChanged();
  };

  async function link(otherCaseId: string, kind: CaseLinkKind, reference: string) {
    try {
      const { linkCases } = await request(LinkCasesMutation, { input: { caseId, otherCaseId, kind } });
      changed(`Linked: ${linkCases.label} ${reference}.`);
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  }

  async function unlink(linkId: string, reference: string) {
    try {
      await request(UnlinkCasesMutation, { input: { linkId } });
      changed(`Unlinked ${reference}.`);
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  }

  return (
    <section className="panel" aria-labelledby="linked">
      <h2 id="linked">Linked cases</h2>
      {message && (
        <p
          role={message.kind === 'done' ? 'status' : 'alert'}
          className={message.kind === 'done' ? 'notice' : 'error'}
        >
          {message.text}
        </p>
      )}
      {links.result.state === 'ready' && links.result.data.case.links.length === 0 && <p>No linked cases.</p>}
      {links.result.state === 'ready' && links.result.data.case.links.length > 0 && (
        <ul aria-label="Linked cases" className="links">
          {links.result.data.case.links.map((l) => (
            <li key={l.id}>
              {l.label} <Link href={`/cases/${l.other.id}`}>{l.other.reference}</Link>: {l.other.subject}{' '}
              <span className="muted">
                (received {showDate(l.other.receivedOn)}, {l.other.status})
              </span>{' '}
              <button type="button" className="secondary" onClick={() => unlink(l.id, l.other.reference)}>
                Unlink {l.other.reference}
              </button>
            </li>
          ))}
        </ul>
      )}
      {suggestions.result.state === 'ready' && suggestions.result.data.case.linkSuggestions.length > 0 && (
        <>
          <h3>Possibly related</h3>
          <ul aria-label="Possibly related cases" className="links">
            {suggestions.result.data.case.linkSuggestions.map((s) => (
              <Suggestion
                key={s.case.id}
                suggestion={s}
                onLink={(kind) => link(s.case.id, kind, s.case.reference)}
              />
            ))}
          </ul>
        </>
      )}
      <LinkByReference
        caseId={caseId}
        onLink={link}
        onError={(text) => setMessage({ kind: 'error', text })}
      />
    </section>
  );
}

function Suggestion({
  suggestion,
  onLink,
}: {
  suggestion: {
    case: { id: string; reference: string; subject: string; receivedOn: string };
    reasons: string[];
    similarity: number;
    suggestedKind: CaseLinkKind;
  };
  onLink: (kind: CaseLinkKind) => void;
}) {
  const [kind, setKind] = useState(suggestion.suggestedKind);
  const { case: other } = suggestion;
  return (
    <li>
      <Link href={`/cases/${other.id}`}>{other.reference}</Link>: {other.subject}{' '}
      <span className="muted">
        (received {showDate(other.receivedOn)}; {suggestion.reasons.map((r) => REASONS[r] ?? r).join(', ')})
      </span>{' '}
      <label>
        Link as
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as CaseLinkKind)}
          aria-label={`Kind of link to ${other.reference}`}
        >
          {KIND_LABELS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={() => onLink(kind)}>
        Link {other.reference}
      </button>
    </li>
  );
}

function LinkByReference({
  caseId,
  onLink,
  onError,
}: {
  caseId: string;
  onLink: (otherCaseId: string, kind: CaseLinkKind, reference: string) => Promise<void>;
  onError: (text: string) => void;
}) {
  const [reference, setReference] = useState('');
  const [kind, setKind] = useState<CaseLinkKind>('REPEAT');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = reference.trim().toUpperCase();
    const found = await request(FindCaseQuery, { text: wanted });
    const other = found.cases.edges.map((e) => e.node).find((n) => n.reference === wanted && n.id !== caseId);
    if (!other) {
      onError(`No other case has the reference ${wanted}.`);
      return;
    }
    await onLink(other.id, kind, other.reference);
    setReference('');
  }
  return (
    <form aria-label="Link another case" className="inline-form" onSubmit={submit}>
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind(e.target.value as CaseLinkKind)}>
          {KIND_LABELS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Reference of the other case
        <input
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          required
          placeholder="FOI-2026-000123"
        />
      </label>
      <button type="submit">Link</button>
    </form>
  );
}
