import { validateWorkflow, type WorkflowDefinition } from '@recordflow/workflow';
import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { useStore } from 'zustand';
import { graphql } from '../gql';
import { GraphQLRequestError, request } from '../graphql';
import { EditorCanvas, STAGE_SIZE, STEP_SIZE, tidyUp } from './EditorCanvas';
import { addStage, addStep, movePositions, stageOf } from './edits';
import { layoutGraph, needsLayout } from './layout';
import { useKnownRoles } from './roles';
import { SidePanel } from './SidePanel';
import { Simulator } from './Simulator';
import { selectionForProblem } from './selection';
import { isDirty, redo, undo, useEditor } from './store';
import { DiffSummary, type VersionRow, Versions } from './Versions';

const EditorWorkflowQuery = graphql(`
  query EditorWorkflow($id: ID!) {
    workflow(id: $id) {
      id
      name
      regime
      published { version definition }
      draft { revision definition savedAt savedBy { name } }
      versions { id version status publishedAt publishedBy { name } definition definitionHash }
    }
  }
`);

const CurrentDraftQuery = graphql(`
  query CurrentDraft($id: ID!) {
    workflow(id: $id) {
      draft { revision definition savedAt savedBy { name } }
      published { version }
    }
  }
`);

const SaveDraftMutation = graphql(`
  mutation SaveWorkflowDraft($input: SaveWorkflowDraftInput!) {
    saveWorkflowDraft(input: $input) { revision savedAt }
  }
`);

const PublishMutation = graphql(`
  mutation PublishWorkflow($input: PublishWorkflowInput!) {
    publishWorkflow(input: $input) { version publishedAt }
  }
`);

interface Conflict {
  /** Null when the draft was published or discarded meanwhile. */
  revision: number | null;
  savedBy: string | null;
  savedAt: string | null;
  definition: WorkflowDefinition | null;
}

type Tab = 'edit' | 'versions' | 'simulate';

/** Lays a workflow out with dagre when its saved positions cannot be drawn (e.g. written by hand or generated). */
async function withUsablePositions(definition: WorkflowDefinition): Promise<WorkflowDefinition> {
  if (!needsLayout(definition.stages.map((s) => s.position))) return definition;
  const positions = await layoutGraph(
    definition.stages.map((s) => ({ id: s.id, ...STAGE_SIZE, last: s.final })),
    definition.stages.flatMap((s) =>
      s.routes.map((r) => ({ id: `${s.id}:${r.outcome}`, source: s.id, target: r.to })),
    ),
  );
  return movePositions(definition, null, positions);
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function WorkflowEditor({ id }: { id: string }) {
  const [loading, setLoading] = useState<'loading' | 'ready' | { error: string }>('loading');
  const [versions, setVersions] = useState<VersionRow[]>([]);
  const [draftInfo, setDraftInfo] = useState<{ savedAt: string; savedBy: string | null } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState<Tab>('edit');
  const [newName, setNewName] = useState('');

  const definition = useEditor((s) => s.definition);
  const baseRevision = useEditor((s) => s.baseRevision);
  const openStage = useEditor((s) => s.openStage);
  const compare = useEditor((s) => s.compare);
  const dirty = useEditor(isDirty);
  const canUndo = useStore(useEditor.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useEditor.temporal, (s) => s.futureStates.length > 0);
  const knownRoles = useKnownRoles();
  const validation = useMemo(() => validateWorkflow(definition, { knownRoles }), [definition, knownRoles]);
  const problems = useMemo(() => [...validation.errors, ...validation.warnings], [validation]);

  const load = useCallback(async () => {
    try {
      const { workflow } = await request(EditorWorkflowQuery, { id });
      const source = (workflow.draft?.definition ?? workflow.published?.definition) as
        | WorkflowDefinition
        | undefined;
      if (!source) throw new Error(`Workflow "${id}" has neither a draft nor a published version.`);
      const laidOut = await withUsablePositions(source);
      useEditor.getState().load(id, laidOut, workflow.draft?.revision ?? null, source);
      setVersions(workflow.versions.map((v) => ({ ...v, definition: v.definition as WorkflowDefinition })));
      setDraftInfo(
        workflow.draft
          ? { savedAt: workflow.draft.savedAt, savedBy: workflow.draft.savedBy?.name ?? null }
          : null,
      );
      setConflict(null);
      setLoading('ready');
    } catch (caught) {
      setLoading({ error: (caught as Error).message });
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  // Undo and redo from the keyboard, except while typing (the field's own undo applies there).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Unsaved work is never lost to a closed tab without a warning.
  useEffect(() => {
    if (!dirty) return;
    const onLeave = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [dirty]);

  async function save(over?: number | null): Promise<number | null> {
    const state = useEditor.getState();
    const base = over === undefined ? state.baseRevision : over;
    setBusy(true);
    setFailure(null);
    try {
      const { saveWorkflowDraft } = await request(SaveDraftMutation, {
        input: { workflowId: state.workflowId, definition: state.definition, baseRevision: base },
      });
      useEditor.getState().saved(state.definition, saveWorkflowDraft.revision);
      setDraftInfo({ savedAt: saveWorkflowDraft.savedAt, savedBy: 'you' });
      setConflict(null);
      setStatus(`Draft saved (revision ${saveWorkflowDraft.revision}).`);
      return saveWorkflowDraft.revision;
    } catch (caught) {
      if (caught instanceof GraphQLRequestError && caught.code === 'VERSION_CONFLICT') {
        const { workflow } = await request(CurrentDraftQuery, { id: state.workflowId });
        setConflict({
          revision: workflow.draft?.revision ?? null,
          savedBy: workflow.draft?.savedBy?.name ?? null,
          savedAt: workflow.draft?.savedAt ?? null,
          definition: (workflow.draft?.definition as WorkflowDefinition | undefined) ?? null,
        });
        setStatus(null);
      } else setFailure((caught as Error).message);
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function publish() {
    const revision = dirty || baseRevision === null ? await save() : baseRevision;
    if (revision === null) return;
    setBusy(true);
    try {
      const { publishWorkflow } = await request(PublishMutation, { input: { workflowId: id, revision } });
      await load();
      setStatus(
        `Published version ${publishWorkflow.version}. New cases start on it; cases already running keep their version.`,
      );
    } catch (caught) {
      if (caught instanceof GraphQLRequestError && caught.code === 'VERSION_CONFLICT') await save();
      else setFailure((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function addNode(event: FormEvent) {
    event.preventDefault();
    const name = newName.trim();
    if (!name) return;
    const { selection, edit, select } = useEditor.getState();
    const current = useEditor.getState().definition;
    if (openStage) {
      const stage = stageOf(current, openStage);
      const below = Math.max(0, ...(stage?.steps.map((s) => s.position.y) ?? [0])) + STEP_SIZE.height + 80;
      let stepId = '';
      edit((d) => {
        const result = addStep(d, openStage, name, { x: 0, y: below });
        stepId = result.stepId;
        return result.definition;
      });
      select({ kind: 'step', stageId: openStage, stepId });
    } else {
      const near = selection.kind === 'stage' ? stageOf(current, selection.stageId) : undefined;
      const position = near
        ? { x: near.position.x + 40, y: near.position.y + STAGE_SIZE.height + 60 }
        : { x: 0, y: Math.max(0, ...current.stages.map((s) => s.position.y)) + STAGE_SIZE.height + 80 };
      let stageId = '';
      edit((d) => {
        const result = addStage(d, name, position);
        stageId = result.stageId;
        return result.definition;
      });
      select({ kind: 'stage', stageId });
    }
    setNewName('');
    // Fit the view again so the new node is on screen, wherever it was placed.
    useEditor.getState().requestLayout();
  }

  if (loading === 'loading') return <p aria-live="polite">Opening the workflow…</p>;
  if (typeof loading === 'object')
    return (
      <>
        <h1>Workflow editor</h1>
        <p role="alert" className="error">
          {loading.error}
        </p>
        <Link href="/workflows">Back to the workflows</Link>
      </>
    );

  const errors = validation.errors.length;
  const stageLabel = openStage ? stageOf(definition, openStage)?.label : null;
  return (
    <div className="workflow-editor">
      <div className="editor-head">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link href="/workflows">Workflows</Link> ›{' '}
          {openStage ? (
            <>
              <button type="button" className="link" onClick={() => useEditor.getState().openStageView(null)}>
                {definition.name}
              </button>{' '}
              › {stageLabel}
            </>
          ) : (
            definition.name
          )}
        </nav>
        <h1>{openStage ? `Steps of ${stageLabel}` : definition.name}</h1>
        <p className="muted" data-testid="draft-status">
          {dirty
            ? 'Unsaved changes'
            : baseRevision !== null
              ? `Draft revision ${baseRevision} saved${draftInfo?.savedBy ? ` by ${draftInfo.savedBy}` : ''}`
              : `Published version ${versions.find((v) => v.status === 'published')?.version ?? '?'}, no draft`}
        </p>
      </div>
      <div className="toolbar" role="toolbar" aria-label="Editor">
        <button type="button" className="secondary" onClick={undo} disabled={!canUndo} title="Ctrl+Z">
          Undo
        </button>
        <button type="button" className="secondary" onClick={redo} disabled={!canRedo} title="Ctrl+Shift+Z">
          Redo
        </button>
        <form className="inline-form" onSubmit={addNode}>
          <label htmlFor="new-node-name">{openStage ? 'New step name' : 'New stage name'}</label>
          <input id="new-node-name" value={newName} onChange={(e) => setNewName(e.target.value)} />
          <button type="submit" className="secondary" disabled={!newName.trim() || Boolean(compare)}>
            {openStage ? 'Add step' : 'Add stage'}
          </button>
        </form>
        <button type="button" className="secondary" onClick={() => void tidyUp()}>
          Tidy up
        </button>
        <span className="spacer" />
        <button type="button" className="secondary" onClick={() => void save()} disabled={busy || !dirty}>
          Save draft
        </button>
        <button
          type="button"
          onClick={() => void publish()}
          disabled={busy || errors > 0}
          title={errors > 0 ? 'Fix the errors first' : undefined}
        >
          Publish
        </button>
      </div>
      <div aria-live="polite">
        {status && (
          <p role="status" className="notice">
            {status}
          </p>
        )}
        {failure && (
          <p role="alert" className="error">
            {failure}
          </p>
        )}
      </div>
      {conflict && (
        <ConflictBanner
          conflict={conflict}
          onOverwrite={() => void save(conflict.revision)}
          onTakeTheirs={() => void load()}
        />
      )}
      <div className="editor-body">
        <div className="editor-main">
          <EditorCanvas errors={validation.errors} warnings={validation.warnings} />
          <ProblemList validation={validation} />
        </div>
        <aside className="editor-side" aria-label="Details">
          <div className="tabs" role="tablist" aria-label="Panel">
            {(['edit', 'versions', 'simulate'] as Tab[]).map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                aria-selected={tab === t}
                className={tab === t ? 'tab active' : 'tab'}
                onClick={() => setTab(t)}
              >
                {t === 'edit' ? 'Properties' : t === 'versions' ? 'Versions' : 'Simulate'}
              </button>
            ))}
          </div>
          <div role="tabpanel">
            {tab === 'edit' && <SidePanel problems={problems} />}
            {tab === 'versions' && <Versions versions={versions} />}
            {tab === 'simulate' && <Simulator valid={validation.valid} />}
          </div>
        </aside>
      </div>
    </div>
  );
}

function ConflictBanner({
  conflict,
  onOverwrite,
  onTakeTheirs,
}: {
  conflict: Conflict;
  onOverwrite: () => void;
  onTakeTheirs: () => void;
}) {
  const compare = useEditor((s) => s.compare);
  const setCompare = useEditor((s) => s.setCompare);
  const definition = useEditor((s) => s.definition);
  const theirs = conflict.definition;
  return (
    <div className="panel conflict" role="alert" aria-label="Save conflict">
      {conflict.revision !== null ? (
        <p>
          <strong>
            {conflict.savedBy ?? 'Someone'} saved this draft (revision {conflict.revision}) while you were
            editing.
          </strong>{' '}
          Your changes are still here, not saved. Compare the two, then keep yours or take theirs.
        </p>
      ) : (
        <p>
          <strong>The draft you were editing was published or discarded by someone else.</strong> Your changes
          are still here; save them as a new draft or reload.
        </p>
      )}
      <div className="actions">
        {theirs && (
          <button
            type="button"
            className="secondary"
            onClick={() => setCompare({ title: `their revision ${conflict.revision}`, definition: theirs })}
          >
            Compare their revision with mine
          </button>
        )}
        <button type="button" onClick={onOverwrite}>
          {conflict.revision !== null ? 'Keep mine (save over theirs)' : 'Save mine as a new draft'}
        </button>
        <button type="button" className="secondary" onClick={onTakeTheirs}>
          {conflict.revision !== null ? 'Take theirs (discard mine)' : 'Reload (discard mine)'}
        </button>
      </div>
      {compare && theirs && compare.definition === theirs && (
        <DiffSummary before={theirs} after={definition} title={compare.title} />
      )}
    </div>
  );
}

function ProblemList({ validation }: { validation: ReturnType<typeof validateWorkflow> }) {
  const definition = useEditor((s) => s.definition);
  const select = useEditor((s) => s.select);
  const { errors, warnings } = validation;
  return (
    <section className="problems" aria-label="Problems">
      <h2 role="status" data-testid="validation-summary">
        {errors.length === 0
          ? `Valid: ready to publish${warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})` : ''}`
          : `${errors.length} error${errors.length === 1 ? '' : 's'}: publishing is refused until they are fixed`}
      </h2>
      <ul className="plain">
        {[
          ...errors.map((p) => ({ ...p, level: 'error' })),
          ...warnings.map((p) => ({ ...p, level: 'warning' })),
        ].map((p) => (
          <li key={`${p.level}|${p.path}|${p.code}|${p.message}`}>
            <button
              type="button"
              className={`problem ${p.level}`}
              onClick={() => select(selectionForProblem(definition, p))}
            >
              <span className="level">{p.level}</span> {p.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
