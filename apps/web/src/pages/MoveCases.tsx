import { type FormEvent, useState } from 'react';
import { graphql } from '../gql';
import type { MigrationPreviewQuery } from '../gql/graphql';
import { request, useQuery } from '../graphql';

const VersionsQuery = graphql(`
  query MoveCaseVersions {
    workflows { id name versions { id version } }
  }
`);

const PreviewQuery = graphql(`
  query MigrationPreview($from: ID!, $to: ID!, $mapping: [StateMappingInput!]) {
    migrationPreview(fromVersionId: $from, toVersionId: $to, mapping: $mapping) {
      caseId
      reference
      movable
      problems
      from { stage step }
      to { stage step }
    }
  }
`);

const MigrateMutation = graphql(`
  mutation MigrateCases($input: MigrateCasesInput!) {
    migrateCases(input: $input) { caseId reference moved problems }
  }
`);

type Preview = MigrationPreviewQuery['migrationPreview'];

/** "old = new" per line: a stage ("received") or a step ("response.drafting"). */
function parseMapping(text: string): { from: string; to: string }[] {
  return text
    .split('\n')
    .map((line) => line.split('='))
    .filter((parts) => parts.length === 2 && parts[0]?.trim() && parts[1]?.trim())
    .map(([from, to]) => ({ from: (from as string).trim(), to: (to as string).trim() }));
}

/** Administrators move running cases to a newer version of their workflow, after seeing which can move and why not. */
export function MoveCases() {
  const { result } = useQuery(VersionsQuery);
  const [workflowId, setWorkflowId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [mapping, setMapping] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const workflows = result.state === 'ready' ? result.data.workflows : [];
  const versions = workflows.find((w) => w.id === workflowId)?.versions ?? [];

  async function showPreview(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(null);
    try {
      const data = await request(PreviewQuery, { from, to, mapping: parseMapping(mapping) });
      setPreview(data.migrationPreview);
    } catch (e) {
      setPreview(null);
      setError((e as Error).message);
    }
  }

  async function move() {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const caseIds = preview.filter((c) => c.movable).map((c) => c.caseId);
      const { migrateCases } = await request(MigrateMutation, {
        input: { fromVersionId: from, toVersionId: to, mapping: parseMapping(mapping), caseIds },
      });
      const moved = migrateCases.filter((c) => c.moved).length;
      const refused = migrateCases.filter((c) => !c.moved);
      setDone(
        `Moved ${moved} case${moved === 1 ? '' : 's'}.${
          refused.length > 0
            ? ` Not moved: ${refused.map((c) => `${c.reference ?? c.caseId} (${c.problems.join('; ')})`).join(', ')}.`
            : ''
        }`,
      );
      setPreview(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const movable = preview?.filter((c) => c.movable).length ?? 0;
  return (
    <>
      <h1>Move running cases to a new version</h1>
      <p>
        A running case stays on the version it started on. Here you can move cases to a newer version: map the
        old version's stages and steps onto the new one, see which cases can move and why others cannot, then
        move them. Each move is recorded in the case's history.
      </p>
      {result.state === 'error' && (
        <p role="alert" className="error">
          {result.message}
        </p>
      )}
      <form className="panel form" aria-label="Choose the versions" onSubmit={showPreview}>
        <label>
          Workflow
          <select
            value={workflowId}
            onChange={(e) => {
              setWorkflowId(e.target.value);
              setFrom('');
              setTo('');
              setPreview(null);
            }}
          >
            <option value="">Choose…</option>
            {workflows.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          From version
          <select value={from} onChange={(e) => setFrom(e.target.value)}>
            <option value="">Choose…</option>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                Version {v.version}
              </option>
            ))}
          </select>
        </label>
        <label>
          To version
          <select value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">Choose…</option>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                Version {v.version}
              </option>
            ))}
          </select>
        </label>
        <label>
          Mapping (one per line, old = new: a stage, or stage.step; anything not listed keeps its id)
          <textarea rows={4} value={mapping} onChange={(e) => setMapping(e.target.value)} />
        </label>
        <div className="actions">
          <button type="submit" disabled={!from || !to}>
            Preview the move
          </button>
        </div>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {done && <p className="notice">{done}</p>}
      {preview && (
        <section className="panel" aria-label="Cases on the old version">
          {preview.length === 0 ? (
            <p>No case runs on that version.</p>
          ) : (
            <table className="cases">
              <thead>
                <tr>
                  <th>Case</th>
                  <th>Now at</th>
                  <th>On the new version</th>
                  <th>Can move?</th>
                </tr>
              </thead>
              <tbody>
                {preview.map((c) => (
                  <tr key={c.caseId}>
                    <td>{c.reference}</td>
                    <td>
                      {c.from.stage} · {c.from.step}
                    </td>
                    <td>{c.movable ? `${c.to.stage} · ${c.to.step}` : '—'}</td>
                    <td>{c.movable ? 'Yes' : `No: ${c.problems.join('; ')}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="actions">
            <button type="button" disabled={movable === 0 || busy} onClick={move}>
              Move {movable} case{movable === 1 ? '' : 's'}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
