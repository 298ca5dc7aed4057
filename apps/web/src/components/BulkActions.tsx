import { useState } from 'react';
import { graphql } from '../gql';
import type { BulkActionInput, CasesFilter } from '../gql/graphql';
import { request, useQuery } from '../graphql';

const BulkAssigneesQuery = graphql(`
  query BulkAssignees {
    assignees { id name }
  }
`);

const PreviewBulkQuery = graphql(`
  query PreviewBulk($input: BulkActionInput!) {
    previewBulkAction(input: $input) { total allowed refused items { caseId reference allowed code message } }
  }
`);

const StartBulkMutation = graphql(`
  mutation StartBulk($input: BulkActionInput!) {
    startBulkAction(input: $input) { id }
  }
`);

const BulkJobQuery = graphql(`
  query BulkJobProgress($id: ID!) {
    bulkJob(id: $id) {
      id status total succeeded failed pending
      items(first: 200, status: "failed") { items { caseId reference code message } }
    }
  }
`);

type Preview = Awaited<ReturnType<typeof previewOf>>;
const previewOf = (input: BulkActionInput) =>
  request(PreviewBulkQuery, { input }).then((r) => r.previewBulkAction);

/**
 * Acts on the selected cases (with the versions the list showed) or on every case the filter matches:
 * assign, or withdraw; a preview says what each case will do, then the job's progress is polled.
 */
export function BulkActions({
  selection,
  filter,
  onDone,
}: {
  selection: { id: string; version: number }[];
  filter: CasesFilter;
  onDone: () => void;
}) {
  const [scope, setScope] = useState<'selection' | 'filter'>('selection');
  const [action, setAction] = useState<'assign' | 'withdraw'>('assign');
  const [assigneeId, setAssigneeId] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const people = useQuery(BulkAssigneesQuery).result;

  const input = (): BulkActionInput => ({
    ...(scope === 'selection'
      ? { caseIds: selection.map((c) => c.id), expectedVersions: selection.map((c) => c.version) }
      : { filter }),
    ...(action === 'assign'
      ? { action: 'ASSIGN' as const, assigneeId: assigneeId || null }
      : { action: 'EVENT' as const, eventType: 'WITHDRAW' }),
  });

  async function showPreview() {
    setError(null);
    try {
      setPreview(await previewOf(input()));
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  async function start() {
    setError(null);
    try {
      const { startBulkAction } = await request(StartBulkMutation, { input: input() });
      setPreview(null);
      setJobId(startBulkAction.id);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  const none = scope === 'selection' && selection.length === 0;
  return (
    <section className="panel" aria-label="Bulk action">
      <h2>Act on several cases</h2>
      <fieldset className="inline-form">
        <legend>Which cases</legend>
        <label>
          <input type="radio" checked={scope === 'selection'} onChange={() => setScope('selection')} />
          The {selection.length} selected
        </label>
        <label>
          <input type="radio" checked={scope === 'filter'} onChange={() => setScope('filter')} />
          Every case matching the filter
        </label>
      </fieldset>
      <div className="inline-form">
        <label>
          Action
          <select
            value={action}
            onChange={(e) => {
              setAction(e.target.value as 'assign' | 'withdraw');
              setPreview(null);
            }}
          >
            <option value="assign">Assign</option>
            <option value="withdraw">Record withdrawal</option>
          </select>
        </label>
        {action === 'assign' && (
          <label>
            Assign to
            <select
              value={assigneeId}
              onChange={(e) => {
                setAssigneeId(e.target.value);
                setPreview(null);
              }}
            >
              <option value="">Nobody (unassign)</option>
              {people.state === 'ready' &&
                people.data.assignees.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
            </select>
          </label>
        )}
        <button type="button" className="secondary" disabled={none} onClick={showPreview}>
          Preview
        </button>
        <button type="button" disabled={none || preview === null || preview.allowed === 0} onClick={start}>
          Start
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {preview && (
        <section aria-label="Preview">
          <p role="status">
            {preview.allowed} of {preview.total} cases can be changed; {preview.refused} would refuse.
          </p>
          {preview.refused > 0 && (
            <ul>
              {preview.items
                .filter((item) => !item.allowed)
                .map((item) => (
                  <li key={item.caseId}>
                    {item.reference}: {item.message}
                  </li>
                ))}
            </ul>
          )}
        </section>
      )}
      {jobId && <BulkProgress jobId={jobId} onDone={onDone} />}
    </section>
  );
}

function BulkProgress({ jobId, onDone }: { jobId: string; onDone: () => void }) {
  const [finished, setFinished] = useState(false);
  const { result } = useQuery(BulkJobQuery, { id: jobId }, finished ? 0 : 500);
  if (result.state !== 'ready') return <p aria-live="polite">Starting…</p>;
  const job = result.data.bulkJob;
  const done = job.succeeded + job.failed;
  if (job.status === 'done' && !finished) {
    setFinished(true);
    onDone();
  }
  return (
    <section aria-label="Progress">
      <progress max={job.total} value={done} aria-label="Cases done" />
      <p role="status">
        {job.status === 'done'
          ? `Done: ${job.succeeded} of ${job.total} changed, ${job.failed} refused.`
          : `${done} of ${job.total} done…`}
      </p>
      {job.items.items.length > 0 && (
        <ul aria-label="Refused cases">
          {job.items.items.map((item) => (
            <li key={item.caseId}>
              {item.reference}: {item.code} — {item.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
