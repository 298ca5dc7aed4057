import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { showDayOf } from '../format';
import { graphql } from '../gql';
import type { WorkflowListQuery as WorkflowList } from '../gql/graphql';
import { GraphQLRequestError, request, useQuery } from '../graphql';
import { saveFile } from '../save-file';

const WorkflowListQuery = graphql(`
  query WorkflowList {
    workflows {
      id
      name
      regime
      published { version publishedAt }
      draft { revision savedAt savedBy { name } errors { message } }
    }
    regimes { regime law }
  }
`);

const WorkflowVersionsQuery = graphql(`
  query WorkflowVersions($id: ID!) {
    workflow(id: $id) { id versions { version definition } }
  }
`);

const CreateWorkflowMutation = graphql(`
  mutation CreateWorkflow($input: CreateWorkflowInput!) {
    createWorkflow(input: $input) { id }
  }
`);

export function Workflows() {
  const { result } = useQuery(WorkflowListQuery);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <div className="title-row">
        <h1>Workflows</h1>
        <button type="button" onClick={() => setCreating(true)}>
          New workflow
        </button>
      </div>
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
      {creating && result.state === 'ready' && (
        <NewWorkflowForm
          workflows={result.data.workflows}
          regimes={result.data.regimes}
          onCancel={() => setCreating(false)}
        />
      )}
      {result.state === 'ready' && result.data.workflows.length === 0 && <p>There are no workflows yet.</p>}
      {result.state === 'ready' && result.data.workflows.length > 0 && (
        <WorkflowTable rows={result.data.workflows} />
      )}
    </>
  );
}

/** Saves one published version's definition as a JSON file, to import elsewhere or keep. */
async function download(workflowId: string, version: number) {
  const { workflow } = await request(WorkflowVersionsQuery, { id: workflowId });
  const found = workflow.versions.find((v) => v.version === version);
  if (!found) throw new Error(`Version ${version} of ${workflowId} is not there any more.`);
  const blob = new Blob([`${JSON.stringify(found.definition, null, 2)}\n`], { type: 'application/json' });
  saveFile(blob, `${workflowId}-v${version}.json`);
}

function WorkflowTable({ rows }: { rows: WorkflowList['workflows'] }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table className="cases">
        <thead>
          <tr>
            <th scope="col">Workflow</th>
            <th scope="col">Regime</th>
            <th scope="col">Published</th>
            <th scope="col">Draft</th>
            <th scope="col">Export</th>
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
                  ? `version ${w.published.version}${w.published.publishedAt ? `, ${showDayOf(w.published.publishedAt)}` : ''}`
                  : 'never'}
              </td>
              <td>
                {w.draft
                  ? `revision ${w.draft.revision}${w.draft.savedBy ? ` by ${w.draft.savedBy.name}` : ''}${w.draft.errors.length ? `, ${w.draft.errors.length} problems` : ', ready to publish'}`
                  : 'none'}
              </td>
              <td>
                {w.published && (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Export ${w.name} version ${w.published.version} as JSON`}
                    onClick={() => {
                      const version = w.published?.version ?? 0;
                      download(w.id, version).catch((e: Error) => setError(e.message));
                    }}
                  >
                    JSON
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

type Start = 'blank' | 'copy' | 'import';

/** A new workflow: blank, a copy of another, or imported from an exported JSON file. */
function NewWorkflowForm({
  workflows,
  regimes,
  onCancel,
}: {
  workflows: WorkflowList['workflows'];
  regimes: WorkflowList['regimes'];
  onCancel: () => void;
}) {
  const [, navigate] = useLocation();
  const [start, setStart] = useState<Start>('blank');
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [regime, setRegime] = useState(regimes[0]?.regime ?? '');
  const [copyFrom, setCopyFrom] = useState('');
  const [imported, setImported] = useState<Record<string, unknown> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<{ field: string; message: string }[]>([]);

  async function readFile(file: File | undefined) {
    setError(null);
    setProblems([]);
    setImported(null);
    if (!file) return;
    try {
      const parsed = JSON.parse(await file.text()) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new Error('The file is JSON but not a workflow (an object was expected).');
      }
      const definition = parsed as Record<string, unknown>;
      setImported(definition);
      if (typeof definition.id === 'string' && !id) setId(`${definition.id}-imported`);
      if (typeof definition.name === 'string' && !name) setName(definition.name);
      if (typeof definition.regime === 'string') setRegime(definition.regime);
    } catch (caught) {
      setError(`${file.name} is not a workflow file: ${(caught as Error).message}`);
    }
  }

  function chooseCopy(source: string) {
    setCopyFrom(source);
    const found = workflows.find((w) => w.id === source);
    if (found) setRegime(found.regime);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setProblems([]);
    if (start === 'import' && !imported) {
      setError('Choose the JSON file to import.');
      return;
    }
    try {
      const { createWorkflow } = await request(CreateWorkflowMutation, {
        input: {
          id: id.trim(),
          name: name.trim(),
          regime,
          ...(start === 'copy' ? { copyFrom } : {}),
          ...(start === 'import' && imported ? { definition: imported } : {}),
        },
      });
      navigate(`/workflows/${createWorkflow.id}`);
    } catch (caught) {
      setError((caught as Error).message);
      if (caught instanceof GraphQLRequestError && Array.isArray(caught.extensions.fields)) {
        setProblems(caught.extensions.fields as { field: string; message: string }[]);
      }
    }
  }

  return (
    <form className="panel form" aria-label="New workflow" onSubmit={submit}>
      <h2>New workflow</h2>
      <fieldset>
        <legend>Start from</legend>
        <div className="checkboxes">
          {(
            [
              ['blank', 'Blank (received and closed, to build on)'],
              ['copy', 'A copy of another workflow'],
              ['import', 'A JSON file exported from Recordflow'],
            ] as [Start, string][]
          ).map(([value, label]) => (
            <label key={value} className="inline">
              <input type="radio" name="start" checked={start === value} onChange={() => setStart(value)} />{' '}
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      {start === 'copy' && (
        <label>
          Workflow to copy
          <select required value={copyFrom} onChange={(e) => chooseCopy(e.target.value)}>
            <option value="" disabled>
              Choose a workflow
            </option>
            {workflows.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {start === 'import' && (
        <label>
          Workflow file (JSON)
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => readFile(e.currentTarget.files?.[0])}
          />
        </label>
      )}
      <label>
        Id (lower-case letters, digits and hyphens)
        <input required pattern="[a-z][a-z0-9\-]*" value={id} onChange={(e) => setId(e.target.value)} />
      </label>
      <label>
        Name
        <input required value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Regime
        <select value={regime} onChange={(e) => setRegime(e.target.value)} disabled={start !== 'blank'}>
          {regimes.map((r) => (
            <option key={r.regime} value={r.regime}>
              {r.regime.toUpperCase()}: {r.law}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <div role="alert" className="error">
          {/* The list says it all: the api's sentence repeats the first problems. */}
          <p>
            {problems.length > 0
              ? `${problems.length === 1 ? 'One problem' : `${problems.length} problems`}: nothing was saved.`
              : error}
          </p>
          {problems.length > 0 && (
            <ul aria-label="Problems">
              {problems.map((p) => (
                <li key={`${p.field}-${p.message}`}>
                  <code>{p.field}</code>: {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="actions">
        <button type="submit">Create</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
