import type { WorkflowDefinition } from '@recordflow/workflow';
import { showDayOf } from '../format';
import type { EditorWorkflowQuery } from '../gql/graphql';
import { diffWorkflows } from './diff';
import { useEditor } from './store';

/** A published version as the editor's query reads it, its definition given the workflow package's shape. */
export type VersionRow = Omit<EditorWorkflowQuery['workflow']['versions'][number], 'definition'> & {
  definition: WorkflowDefinition;
};

/** The published versions; comparing one with the editor's draft draws the diff on the canvas. */
export function Versions({ versions }: { versions: VersionRow[] }) {
  const compare = useEditor((s) => s.compare);
  const setCompare = useEditor((s) => s.setCompare);
  const definition = useEditor((s) => s.definition);
  return (
    <section aria-label="Versions">
      <h2>Versions</h2>
      {versions.length === 0 && <p>Never published.</p>}
      <ul className="plain versions">
        {versions.map((v) => (
          <li key={v.id}>
            <strong>Version {v.version}</strong> (
            {v.status === 'published' ? 'new cases start on it' : 'archived'})
            <br />
            <span className="muted">
              {v.publishedAt ? showDayOf(v.publishedAt) : 'built in'}
              {v.publishedBy ? ` by ${v.publishedBy.name}` : ''}
            </span>
            <br />
            <button
              type="button"
              className="secondary small"
              onClick={() => setCompare({ title: `version ${v.version}`, definition: v.definition })}
            >
              Compare version {v.version} with the draft
            </button>
          </li>
        ))}
      </ul>
      {compare && <DiffSummary before={compare.definition} after={definition} title={compare.title} />}
    </section>
  );
}

/** The diff in words, beside the colours on the canvas. */
export function DiffSummary({
  before,
  after,
  title,
}: {
  before: WorkflowDefinition;
  after: WorkflowDefinition;
  title: string;
}) {
  const setCompare = useEditor((s) => s.setCompare);
  const diff = diffWorkflows(before, after);
  const stages = diff.stages.filter((s) => s.change !== 'unchanged');
  const routes = diff.routes.filter((r) => r.change !== 'unchanged');
  const label = (id: string) =>
    after.stages.find((s) => s.id === id)?.label ?? before.stages.find((s) => s.id === id)?.label ?? id;
  return (
    <section className="panel diff-summary" aria-label="Differences">
      <h3>Changes since {title}</h3>
      {diff.same && <p>No changes (positions aside).</p>}
      {diff.workflow.length > 0 && <p>Workflow: {diff.workflow.join(', ')} changed.</p>}
      {stages.length > 0 && (
        <ul>
          {stages.map((s) => (
            <li key={s.id} className={`diff-${s.change}`}>
              Stage {s.label} {s.change}
              {s.fields.length > 0 ? ` (${s.fields.join(', ')})` : ''}
            </li>
          ))}
        </ul>
      )}
      {routes.length > 0 && (
        <ul>
          {routes.map((r) => (
            <li key={`${r.stageId}|${r.outcome}|${r.change}`} className={`diff-${r.change}`}>
              Route {label(r.stageId)} → {label(r.to)} ({r.label}) {r.change}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="secondary small" onClick={() => setCompare(null)}>
        Stop comparing
      </button>
    </section>
  );
}
