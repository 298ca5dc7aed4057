import { type FormEvent, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { DeadlineFlag } from '../components/StatusFlag';
import { showCount, showDate, ukToday } from '../format';
import { graphql } from '../gql';
import type { CasesFilter } from '../gql/graphql';
import { request, useQuery } from '../graphql';
import { leaveFlash } from '../notices';

const CaseListQuery = graphql(`
  query CaseList($filter: CasesFilter, $first: Int) {
    cases(filter: $filter, first: $first) {
      count { value exact }
      edges { node { id reference regime subject stageLabel stepLabel dueDate overdue dueSoon assignee { name } } }
    }
  }
`);

// One request counts every saved filter; each alias is a saved filter's id.
const CaseListCountsQuery = graphql(`
  query CaseListCounts {
    all: cases(first: 1) { count { value exact } }
    mine: cases(filter: { mine: true }, first: 1) { count { value exact } }
    team: cases(filter: { teamQueue: true }, first: 1) { count { value exact } }
    soon: cases(filter: { dueSoon: true }, first: 1) { count { value exact } }
    overdue: cases(filter: { overdue: true }, first: 1) { count { value exact } }
    closed: cases(filter: { status: "closed" }, first: 1) { count { value exact } }
  }
`);

// The regimes and the published workflows come from the api: the page keeps no list of its own.
const RegimesQuery = graphql(`
  query Regimes {
    regimes { regime law }
  }
`);

const PublishedWorkflowsQuery = graphql(`
  query PublishedWorkflows {
    workflows { id name regime published { version } }
  }
`);

const CreateCaseMutation = graphql(`
  mutation CreateCase($input: CreateCaseInput!) {
    createCase(input: $input) { id reference receivedOn dueDate }
  }
`);

type SavedFilter = 'all' | 'mine' | 'team' | 'soon' | 'overdue' | 'closed';

// "Due soon" and "overdue" are the api's rules (each case's own regime calendar): the page only names them.
const SAVED_FILTERS: { id: SavedFilter; label: string; filter: CasesFilter }[] = [
  { id: 'all', label: 'All open', filter: {} },
  { id: 'mine', label: 'Mine', filter: { mine: true } },
  { id: 'team', label: 'Team queue', filter: { teamQueue: true } },
  { id: 'soon', label: 'Due in 5 working days or fewer', filter: { dueSoon: true } },
  { id: 'overdue', label: 'Overdue', filter: { overdue: true } },
  { id: 'closed', label: 'Closed', filter: { status: 'closed' } },
];

function lateFilterFrom(search: string): CasesFilter | null {
  const params = new URLSearchParams(search);
  const from = params.get('receivedFrom');
  const to = params.get('receivedTo');
  if (params.get('answeredLate') !== 'true' || !from || !to) return null;
  const regime = params.get('regime');
  const teamId = params.get('teamId');
  return {
    status: 'all',
    answeredLate: true,
    receivedFrom: from,
    receivedTo: to,
    ...(regime ? { regime } : {}),
    ...(teamId ? { teamId } : {}),
  };
}

export function CaseList() {
  const [active, setActive] = useState<SavedFilter>('all');
  const [regime, setRegime] = useState('');
  const [text, setText] = useState('');
  const [creating, setCreating] = useState(false);
  // The dashboard's late bar links here with the cases behind it: answered late, received in a period.
  const late = lateFilterFrom(useSearch());
  const filter: CasesFilter = late ?? {
    ...SAVED_FILTERS.find((f) => f.id === active)?.filter,
    ...(regime ? { regime } : {}),
    ...(text ? { text } : {}),
  };
  const { result } = useQuery(CaseListQuery, { filter, first: 100 }, 15_000);
  const { result: counts } = useQuery(CaseListCountsQuery);
  const { result: regimes } = useQuery(RegimesQuery);

  return (
    <>
      <div className="title-row">
        <h1>Cases</h1>
        <button type="button" onClick={() => setCreating(true)}>
          Register a new request
        </button>
      </div>
      {creating && <NewCaseForm onCancel={() => setCreating(false)} />}
      {late && (
        <p role="status" className="notice">
          Answered late, received {showDate(late.receivedFrom)} to {showDate(late.receivedTo)}.{' '}
          <Link href="/cases">Show all open cases</Link>
        </p>
      )}
      <div role="tablist" aria-label="Saved filters" className="tabs">
        {SAVED_FILTERS.map((f) => (
          <button
            type="button"
            role="tab"
            key={f.id}
            aria-selected={active === f.id}
            onClick={() => setActive(f.id)}
            className={active === f.id ? 'tab active' : 'tab'}
          >
            {f.label}{' '}
            <span className="count">
              {counts.state === 'ready' ? showCount(counts.data[f.id].count) : '…'}
            </span>
          </button>
        ))}
      </div>
      <div className="filters">
        <label>
          Regime
          <select value={regime} onChange={(e) => setRegime(e.target.value)}>
            <option value="">All</option>
            {regimes.state === 'ready' &&
              regimes.data.regimes.map((r) => (
                <option key={r.regime} value={r.regime} title={r.law}>
                  {r.regime.toUpperCase()}
                </option>
              ))}
          </select>
        </label>
        <label>
          Search reference or subject
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      </div>
      {result.state === 'loading' && <p aria-live="polite">Loading cases…</p>}
      {result.state === 'error' && (
        <p role="alert" className="error">
          {result.message}
        </p>
      )}
      {result.state === 'ready' && result.data.cases.edges.length === 0 && <p>No cases match.</p>}
      {result.state === 'ready' && result.data.cases.edges.length > 0 && (
        <table className="cases">
          <caption>{showCount(result.data.cases.count, 'case')}, soonest due first</caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Subject</th>
              <th scope="col">Stage</th>
              <th scope="col">Due</th>
              <th scope="col">Assigned to</th>
            </tr>
          </thead>
          <tbody>
            {result.data.cases.edges.map(({ node }) => (
              <tr key={node.id} className={node.overdue ? 'overdue' : node.dueSoon ? 'due-soon' : undefined}>
                <td>
                  <Link href={`/cases/${node.id}`}>{node.reference}</Link>
                </td>
                <td>{node.subject}</td>
                <td>
                  {node.stageLabel} <span className="muted">({node.stepLabel})</span>
                </td>
                <td>
                  {showDate(node.dueDate)} <DeadlineFlag overdue={node.overdue} dueSoon={node.dueSoon} />
                </td>
                <td>{node.assignee?.name ?? <span className="muted">Unassigned</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function NewCaseForm({ onCancel }: { onCancel: () => void }) {
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | null>(null);
  const { result: workflows } = useQuery(PublishedWorkflowsQuery);
  const published =
    workflows.state === 'ready' ? workflows.data.workflows.filter((w) => w.published !== null) : [];
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    try {
      const { createCase } = await request(CreateCaseMutation, {
        input: {
          workflowId: value('workflowId'),
          receivedOn: value('receivedOn'),
          channel: value('channel'),
          subject: value('subject'),
          requestText: value('requestText'),
          requester: {
            name: value('requesterName') || undefined,
            email: value('requesterEmail') || undefined,
          },
        },
      });
      const path = `/cases/${createCase.id}`;
      leaveFlash(
        path,
        `Registered as ${createCase.reference}, received ${showDate(createCase.receivedOn)}${
          createCase.dueDate ? `: the response is due ${showDate(createCase.dueDate)}` : ''
        }.`,
      );
      navigate(path);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }
  return (
    <form className="panel form" onSubmit={submit} aria-label="New request">
      <h2>Register a new request</h2>
      <label>
        Kind of request
        <select name="workflowId" required>
          {published.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      {workflows.state === 'loading' && <p aria-live="polite">Loading the workflows…</p>}
      {workflows.state === 'error' && (
        <p role="alert" className="error">
          {workflows.message}
        </p>
      )}
      {workflows.state === 'ready' && published.length === 0 && (
        <p role="alert" className="error">
          No workflow is published yet: an administrator must publish one before requests can be registered.
        </p>
      )}
      <label>
        Date received
        <input type="date" name="receivedOn" required defaultValue={ukToday()} max={ukToday()} />
      </label>
      <label>
        Received by
        <select name="channel" defaultValue="email">
          <option value="email">E-mail</option>
          <option value="web form">Web form</option>
          <option value="post">Post</option>
        </select>
      </label>
      <label>
        Requester's name
        <input name="requesterName" />
      </label>
      <label>
        Requester's e-mail
        <input name="requesterEmail" type="email" />
      </label>
      <label>
        Subject
        <input name="subject" required />
      </label>
      <label>
        The request, as written
        <textarea name="requestText" required rows={6} />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit">Register</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
