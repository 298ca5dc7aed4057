import { Link } from 'wouter';
import { showDate } from '../format';
import { graphql } from '../gql';
import type { WorkflowListQuery as WorkflowList } from '../gql/graphql';
import { useQuery } from '../graphql';

const WorkflowListQuery = graphql(`
  query WorkflowList {
    workflows {
      id
      name
      regime
      published { version publishedAt }
      draft { revision savedAt savedBy { name } errors { message } }
    }
  }
`);

export function Workflows() {
  const { result } = useQuery(WorkflowListQuery);
  return (
    <>
      <h1>Workflows</h1>
      <p>
        The workflows cases run on. Open one to change it: your changes are a draft until you publish them,
        and publishing a new version never changes cases already running.
      </p>
      {result.state === 'loading' && <p aria-live="polite">Loading the workflows…</p>}
      {result.state === 'error' && (
        <p role="alert" className="error">
          {result.message}
        </p>
      )}
      {result.state === 'ready' && result.data.workflows.length === 0 && <p>There are no workflows yet.</p>}
      {result.state === 'ready' && result.data.workflows.length > 0 && (
        <WorkflowTable rows={result.data.workflows} />
      )}
    </>
  );
}

function WorkflowTable({ rows }: { rows: WorkflowList['workflows'] }) {
  return (
    <table className="cases">
      <thead>
        <tr>
          <th scope="col">Workflow</th>
          <th scope="col">Regime</th>
          <th scope="col">Published</th>
          <th scope="col">Draft</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((w) => (
          <tr key={w.id}>
            <td>
              <Link href={`/workflows/${w.id}`}>{w.name}</Link>
            </td>
            <td>{w.regime.toUpperCase()}</td>
            <td>
              {w.published
                ? `version ${w.published.version}${w.published.publishedAt ? `, ${showDate(w.published.publishedAt.slice(0, 10))}` : ''}`
                : 'never'}
            </td>
            <td>
              {w.draft
                ? `revision ${w.draft.revision}${w.draft.savedBy ? ` by ${w.draft.savedBy.name}` : ''}${w.draft.errors.length ? `, ${w.draft.errors.length} problems` : ', ready to publish'}`
                : 'none'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
