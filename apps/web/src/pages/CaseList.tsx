import { addWorkingDays } from '@recordflow/calendar';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { showCount, showDate, ukToday } from '../format';
import { graphql, useQuery } from '../graphql';

interface CaseRow {
  id: string;
  reference: string;
  regime: string;
  subject: string;
  stageLabel: string;
  stepLabel: string;
  dueDate: string | null;
  assignee: { name: string } | null;
}

interface ListCount {
  value: number;
  exact: boolean;
}

const LIST = `query($filter: CasesFilter, $first: Int) {
  cases(filter: $filter, first: $first) { count { value exact } edges { node { id reference regime subject stageLabel stepLabel dueDate assignee { name } } } }
}`;

function savedFilters(): { id: string; label: string; filter: Record<string, unknown> }[] {
  const today = ukToday();
  return [
    { id: 'all', label: 'All open', filter: {} },
    { id: 'mine', label: 'Mine', filter: { mine: true } },
    // "Due soon" counts in FOIA working days, the calendar most requests run on.
    {
      id: 'soon',
      label: 'Due in 5 working days or fewer',
      filter: { dueBefore: addWorkingDays('foi', today, 5) },
    },
    { id: 'overdue', label: 'Overdue', filter: { overdue: true } },
    { id: 'closed', label: 'Closed', filter: { status: 'closed' } },
  ];
}

function useCounts(filters: ReturnType<typeof savedFilters>) {
  const [counts, setCounts] = useState<Record<string, string>>({});
  useEffect(() => {
    const query = `query { ${filters
      .map(
        (f, i) =>
          `f${i}: cases(filter: ${JSON.stringify(f.filter).replace(/"(\w+)":/g, '$1:')}, first: 1) { count { value exact } }`,
      )
      .join(' ')} }`;
    graphql<Record<string, { count: ListCount }>>(query).then(
      (data) =>
        setCounts(
          Object.fromEntries(
            filters.map((f, i) => {
              const count = data[`f${i}`]?.count;
              return [f.id, count ? showCount(count) : '0'];
            }),
          ),
        ),
      () => setCounts({}),
    );
  }, [filters]);
  return counts;
}

export function CaseList() {
  const [filters] = useState(savedFilters);
  const [active, setActive] = useState('all');
  const [regime, setRegime] = useState('');
  const [text, setText] = useState('');
  const [creating, setCreating] = useState(false);
  const filter = {
    ...(filters.find((f) => f.id === active)?.filter ?? {}),
    ...(regime ? { regime } : {}),
    ...(text ? { text } : {}),
  };
  const { result } = useQuery<{ cases: { count: ListCount; edges: { node: CaseRow }[] } }>(
    LIST,
    { filter, first: 100 },
    15_000,
  );
  const counts = useCounts(filters);

  return (
    <>
      <div className="title-row">
        <h1>Cases</h1>
        <button type="button" onClick={() => setCreating(true)}>
          Register a new request
        </button>
      </div>
      {creating && <NewCaseForm onCancel={() => setCreating(false)} />}
      <div role="tablist" aria-label="Saved filters" className="tabs">
        {filters.map((f) => (
          <button
            type="button"
            role="tab"
            key={f.id}
            aria-selected={active === f.id}
            onClick={() => setActive(f.id)}
            className={active === f.id ? 'tab active' : 'tab'}
          >
            {f.label} <span className="count">{counts[f.id] ?? '…'}</span>
          </button>
        ))}
      </div>
      <div className="filters">
        <label>
          Regime
          <select value={regime} onChange={(e) => setRegime(e.target.value)}>
            <option value="">All</option>
            <option value="foi">FOI</option>
            <option value="eir">EIR</option>
            <option value="foisa">FOISA</option>
            <option value="sar">SAR</option>
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
              <tr key={node.id} className={node.dueDate && node.dueDate < ukToday() ? 'overdue' : undefined}>
                <td>
                  <Link href={`/cases/${node.id}`}>{node.reference}</Link>
                </td>
                <td>{node.subject}</td>
                <td>
                  {node.stageLabel} <span className="muted">({node.stepLabel})</span>
                </td>
                <td>{showDate(node.dueDate)}</td>
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
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    try {
      const { createCase } = await graphql<{ createCase: { id: string } }>(
        'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
        {
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
        },
      );
      navigate(`/cases/${createCase.id}`);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }
  return (
    <form className="panel form" onSubmit={submit} aria-label="New request">
      <h2>Register a new request</h2>
      <label>
        Kind of request
        <select name="workflowId" defaultValue="foi">
          <option value="foi">Freedom of Information (FOIA 2000)</option>
          <option value="eir">Environmental Information (EIR 2004)</option>
          <option value="foisa">Scottish FOI (FOISA 2002)</option>
          <option value="sar">Subject access request (UK GDPR)</option>
        </select>
      </label>
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
