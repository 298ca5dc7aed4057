import { type FormEvent, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { BulkActions } from '../components/BulkActions';
import { ExportDownload } from '../components/ExportDownload';
import { DeadlineFlag } from '../components/StatusFlag';
import { showCount, showDate, ukToday } from '../format';
import { graphql } from '../gql';
import type { CasesFilter } from '../gql/graphql';
import { request, useQuery } from '../graphql';
import { leaveFlash } from '../notices';

const CaseListQuery = graphql(`
  query CaseList($filter: CasesFilter, $first: Int, $after: String) {
    cases(filter: $filter, first: $first, after: $after) {
      count { value exact }
      pageInfo { hasNextPage endCursor }
      edges { node { id reference regime subject stageLabel stepLabel dueDate overdue dueSoon version assignee { name } } }
    }
  }
`);

const MySavedFiltersQuery = graphql(`
  query MySavedFilters {
    savedFilters { id name filter }
  }
`);

const SaveFilterMutation = graphql(`
  mutation SaveFilter($input: SaveFilterInput!) {
    saveFilter(input: $input) { id name }
  }
`);

const DeleteFilterMutation = graphql(`
  mutation DeleteFilter($id: ID!) {
    deleteFilter(id: $id) { id }
  }
`);

const PAGE_SIZE = 50;

type Row = {
  id: string;
  reference: string;
  subject: string;
  stageLabel: string;
  stepLabel: string;
  dueDate?: string | null;
  overdue: boolean;
  dueSoon: boolean;
  version: number;
  assignee?: { name: string } | null;
};

/** The search fields beyond the tabs, as the api names them; empty ones are left out. */
const MORE_FILTERS: { name: keyof CasesFilter; label: string; type: 'text' | 'date' }[] = [
  { name: 'requester', label: "Requester's name or e-mail", type: 'text' },
  { name: 'outcome', label: 'Outcome', type: 'text' },
  { name: 'receivedFrom', label: 'Received from', type: 'date' },
  { name: 'receivedTo', label: 'Received to', type: 'date' },
  { name: 'dueFrom', label: 'Due from', type: 'date' },
  { name: 'dueTo', label: 'Due to', type: 'date' },
  { name: 'closedFrom', label: 'Closed from', type: 'date' },
  { name: 'closedTo', label: 'Closed to', type: 'date' },
];

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

/** The case list's filter as the export route's query parameters (named as in GraphQL; one exemption). */
function exportParams(filter: CasesFilter): Record<string, string | number | boolean | null> {
  const params: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (Array.isArray(value)) params.exemption = value.join(',');
    else if (value !== undefined) params[key] = value as string | number | boolean | null;
  }
  return params;
}

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
  const [more, setMore] = useState<Record<string, string>>({});
  const [exemption, setExemption] = useState('');
  const [mine, setMine] = useState<Record<string, unknown> | null>(null);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<Map<string, number>>(new Map());
  const [extra, setExtra] = useState<{ rows: Row[]; after: string | null; hasNext: boolean } | null>(null);
  // The dashboard's late bar links here with the cases behind it: answered late, received in a period.
  const late = lateFilterFrom(useSearch());
  const filter: CasesFilter = late ??
    (mine as CasesFilter | null) ?? {
      ...SAVED_FILTERS.find((f) => f.id === active)?.filter,
      ...(regime ? { regime } : {}),
      ...(text ? { text } : {}),
      ...Object.fromEntries(Object.entries(more).filter(([, value]) => value.trim() !== '')),
      ...(exemption.trim() ? { exemptions: [exemption.trim()] } : {}),
    };
  const filterKey = JSON.stringify(filter);
  const { result, reload } = useQuery(CaseListQuery, { filter, first: PAGE_SIZE }, 15_000);
  const { result: counts } = useQuery(CaseListCountsQuery);
  const { result: regimes } = useQuery(RegimesQuery);
  const saved = useQuery(MySavedFiltersQuery);
  const [shownKey, setShownKey] = useState(filterKey);
  if (shownKey !== filterKey) {
    // A new filter starts from its first page, with nothing selected.
    setShownKey(filterKey);
    setExtra(null);
    setSelected(new Map());
  }
  const firstPage = result.state === 'ready' ? result.data.cases : null;
  const rows: Row[] = [...(firstPage?.edges.map((e) => e.node) ?? []), ...(extra?.rows ?? [])];
  const hasNext = extra ? extra.hasNext : Boolean(firstPage?.pageInfo.hasNextPage);

  async function loadMore() {
    const after = extra ? extra.after : (firstPage?.pageInfo.endCursor ?? null);
    const next = await request(CaseListQuery, { filter, first: PAGE_SIZE, after });
    setExtra({
      rows: [...(extra?.rows ?? []), ...next.cases.edges.map((e) => e.node)],
      after: next.cases.pageInfo.endCursor ?? null,
      hasNext: next.cases.pageInfo.hasNextPage,
    });
  }

  async function saveFilter() {
    const name = window.prompt('Name this filter');
    if (!name) return;
    await request(SaveFilterMutation, { input: { name, filter } });
    saved.reload();
  }

  const toggle = (row: Row) =>
    setSelected((now) => {
      const next = new Map(now);
      if (next.has(row.id)) next.delete(row.id);
      else next.set(row.id, row.version);
      return next;
    });

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
            aria-selected={!mine && active === f.id}
            onClick={() => {
              setMine(null);
              setActive(f.id);
            }}
            className={!mine && active === f.id ? 'tab active' : 'tab'}
          >
            {f.label}{' '}
            <span className="count">
              {counts.state === 'ready' ? showCount(counts.data[f.id].count) : '…'}
            </span>
          </button>
        ))}
      </div>
      {saved.result.state === 'ready' && saved.result.data.savedFilters.length > 0 && (
        <ul aria-label="My filters" className="tabs my-filters">
          {saved.result.data.savedFilters.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                className={mine === f.filter ? 'tab active' : 'tab'}
                onClick={() => setMine(f.filter)}
              >
                {f.name}
              </button>
              <button
                type="button"
                className="secondary"
                aria-label={`Delete the filter ${f.name}`}
                onClick={async () => {
                  await request(DeleteFilterMutation, { id: f.id });
                  if (mine === f.filter) setMine(null);
                  saved.reload();
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
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
          Search reference, subject, request and correspondence
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="button" className="secondary" onClick={saveFilter}>
          Save this filter
        </button>
      </div>
      <details className="filters">
        <summary>More filters</summary>
        {MORE_FILTERS.map((f) => (
          <label key={f.name}>
            {f.label}
            <input
              type={f.type}
              value={more[f.name] ?? ''}
              onChange={(e) => setMore((now) => ({ ...now, [f.name]: e.target.value }))}
            />
          </label>
        ))}
        <label>
          Exemption cited
          <input value={exemption} placeholder="s.43(2)" onChange={(e) => setExemption(e.target.value)} />
        </label>
      </details>
      {result.state === 'loading' && <p aria-live="polite">Loading cases…</p>}
      {result.state === 'error' && (
        <p role="alert" className="error">
          {result.message}
        </p>
      )}
      {result.state === 'ready' && rows.length === 0 && <p>No cases match.</p>}
      {result.state === 'ready' && rows.length > 0 && (
        <>
          <ExportDownload
            label="Download these cases"
            target={{
              table: 'cases',
              params: exportParams(filter),
            }}
          />
          <BulkActions
            selection={[...selected].map(([id, version]) => ({ id, version }))}
            filter={filter}
            onDone={() => {
              setExtra(null);
              setSelected(new Map());
              reload();
            }}
          />
          <table className="cases">
            <caption>
              {showCount(result.data.cases.count, 'case')}, soonest due first; {rows.length} shown
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label="Select all shown"
                    checked={rows.length > 0 && rows.every((r) => selected.has(r.id))}
                    onChange={(e) =>
                      setSelected(e.target.checked ? new Map(rows.map((r) => [r.id, r.version])) : new Map())
                    }
                  />
                </th>
                <th scope="col">Reference</th>
                <th scope="col">Subject</th>
                <th scope="col">Stage</th>
                <th scope="col">Due</th>
                <th scope="col">Assigned to</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((node) => (
                <tr
                  key={node.id}
                  className={node.overdue ? 'overdue' : node.dueSoon ? 'due-soon' : undefined}
                >
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${node.reference}`}
                      checked={selected.has(node.id)}
                      onChange={() => toggle(node)}
                    />
                  </td>
                  <td>
                    <Link href={`/cases/${node.id}`}>{node.reference}</Link>
                  </td>
                  <td>{node.subject}</td>
                  <td>
                    {node.stageLabel} <span className="muted">({node.stepLabel})</span>
                  </td>
                  <td>
                    {showDate(node.dueDate)}
                    <DeadlineFlag overdue={node.overdue} dueSoon={node.dueSoon} />
                  </td>
                  <td>{node.assignee?.name ?? <span className="muted">Unassigned</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {hasNext && (
            <button type="button" className="secondary" onClick={loadMore}>
              Show {PAGE_SIZE} more
            </button>
          )}
        </>
      )}
    </>
  );
}

function NewCaseForm({ onCancel }: { onCancel: () => void }) {
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [receivedOn, setReceivedOn] = useState(ukToday());
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
            address: value('requesterAddress') || undefined,
          },
          // Received before today: the officer records what already happened before the timers run.
          catchingUp: receivedOn < ukToday() && form.get('catchingUp') === 'on',
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
        <input
          type="date"
          name="receivedOn"
          required
          value={receivedOn}
          max={ukToday()}
          onChange={(e) => setReceivedOn(e.target.value)}
        />
      </label>
      {receivedOn < ukToday() && (
        <label>
          <input type="checkbox" name="catchingUp" defaultChecked /> Received earlier: let me record what has
          already happened, in date order, before the timers run (overdue marking waits until I say the record
          is up to date)
        </label>
      )}
      <label>
        Received by
        <select name="channel" defaultValue="email">
          <option value="email">E-mail</option>
          <option value="web form">Web form</option>
          <option value="post">Post</option>
        </select>
      </label>
      <fieldset>
        <legend>The requester (a valid request gives a name and an address for correspondence)</legend>
        <label>
          Requester's name
          <input name="requesterName" required autoComplete="off" />
        </label>
        <label>
          Requester's e-mail
          <input name="requesterEmail" type="email" autoComplete="off" />
        </label>
        <label>
          Requester's postal address (for a request by post; letters then carry it)
          <textarea name="requesterAddress" rows={3} />
        </label>
      </fieldset>
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
