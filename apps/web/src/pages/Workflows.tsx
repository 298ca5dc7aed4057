import { showDate } from '../format';
import { useQuery } from '../graphql';

interface WorkflowRow {
  id: string;
  name: string;
  regime: string;
  published: { version: number; publishedAt: string | null } | null;
  draft: { revision: number; errors: { message: string }[] } | null;
}

export function Workflows() {
  const { result } = useQuery<{ workflows: WorkflowRow[] }>(
    '{ workflows { id name regime published { version publishedAt } draft { revision errors { message } } } }',
  );
  return (
    <>
      <h1>Workflows</h1>
      <p>The workflows cases run on. Publishing a new version never changes cases already running.</p>
      {result.state === 'error' && (
        <p role="alert" className="error">
          {result.message}
        </p>
      )}
      {result.state === 'ready' && (
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
            {result.data.workflows.map((w) => (
              <tr key={w.id}>
                <td>{w.name}</td>
                <td>{w.regime.toUpperCase()}</td>
                <td>
                  {w.published
                    ? `version ${w.published.version}, ${showDate(w.published.publishedAt?.slice(0, 10))}`
                    : 'never'}
                </td>
                <td>
                  {w.draft
                    ? `revision ${w.draft.revision}${w.draft.errors.length ? `, ${w.draft.errors.length} problems` : ', ready to publish'}`
                    : 'none'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
