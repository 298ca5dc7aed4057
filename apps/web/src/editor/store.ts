import type { CaseSnapshot, WorkflowDefinition } from '@recordflow/workflow';
import { temporal } from 'zundo';
import { create } from 'zustand';
import { type Selection, viewOf, WORKFLOW } from './selection';

export interface Simulation {
  receivedOn: string;
  snapshot: CaseSnapshot;
  /** What was sent, in order, for the panel's history. */
  log: { type: string; label: string; on: string; stage: string }[];
}

export interface EditorState {
  workflowId: string;
  definition: WorkflowDefinition;
  /** The draft revision this editing started from (null: no draft yet, editing the published version). */
  baseRevision: number | null;
  /** The definition as last loaded or saved, to tell whether there are unsaved changes. */
  savedDefinition: WorkflowDefinition;
  selection: Selection;
  /** The stage whose steps are drawn, or null for the stage graph. */
  openStage: string | null;
  /** A version the canvas is compared with (diff drawn on the canvas). */
  compare: { title: string; definition: WorkflowDefinition } | null;
  simulation: Simulation | null;
  /** Bumped to ask the canvas to fit the view again on its next render. */
  layoutRequest: number;

  /** Starts editing; `saved` is what the server holds when the definition was laid out on opening. */
  load(
    workflowId: string,
    definition: WorkflowDefinition,
    baseRevision: number | null,
    saved?: WorkflowDefinition,
  ): void;
  /** Applies one edit; edits sharing a coalesce key within a second are undone together (typing). */
  edit(change: (definition: WorkflowDefinition) => WorkflowDefinition, coalesce?: string): void;
  select(selection: Selection): void;
  openStageView(stageId: string | null): void;
  saved(definition: WorkflowDefinition, revision: number | null): void;
  setCompare(compare: EditorState['compare']): void;
  setSimulation(simulation: Simulation | null): void;
  requestLayout(): void;
}

const COALESCE_MS = 1000;
let coalesceKey: string | undefined;
let lastKey: string | undefined;
let lastAt = 0;

export const useEditor = create<EditorState>()(
  temporal(
    (set) => ({
      workflowId: '',
      definition: { id: '', name: '', regime: 'foi', initialStage: '', onCreate: [], stages: [] },
      baseRevision: null,
      savedDefinition: { id: '', name: '', regime: 'foi', initialStage: '', onCreate: [], stages: [] },
      selection: WORKFLOW,
      openStage: null,
      compare: null,
      simulation: null,
      layoutRequest: 0,

      load(workflowId, definition, baseRevision, saved = definition) {
        set({
          workflowId,
          definition,
          savedDefinition: saved,
          baseRevision,
          selection: WORKFLOW,
          openStage: null,
          compare: null,
          simulation: null,
        });
        useEditor.temporal.getState().clear();
      },
      edit(change, coalesce) {
        coalesceKey = coalesce;
        try {
          set((state) => ({ definition: change(state.definition) }));
        } finally {
          coalesceKey = undefined;
        }
      },
      select(selection) {
        const view = viewOf(selection);
        set((state) => ({
          selection,
          openStage: view ?? (selection.kind === 'workflow' ? state.openStage : null),
        }));
      },
      openStageView(stageId) {
        set({ openStage: stageId, selection: stageId ? { kind: 'stage', stageId } : WORKFLOW });
      },
      saved(definition, revision) {
        set({ savedDefinition: definition, baseRevision: revision });
      },
      setCompare(compare) {
        set({ compare });
      },
      setSimulation(simulation) {
        set({ simulation });
      },
      requestLayout() {
        set((state) => ({ layoutRequest: state.layoutRequest + 1 }));
      },
    }),
    {
      // Only the definition is history: selecting, comparing or simulating is not an edit to undo.
      partialize: (state) => ({ definition: state.definition }),
      equality: (past, current) => past.definition === current.definition,
      limit: 200,
      handleSet: (record) => (past, replace, current, delta) => {
        const now = Date.now();
        if (coalesceKey && coalesceKey === lastKey && now - lastAt < COALESCE_MS) {
          lastAt = now;
          return;
        }
        lastKey = coalesceKey;
        lastAt = now;
        (record as (...args: unknown[]) => void)(past, replace, current, delta);
      },
    },
  ),
);

export function undo() {
  lastKey = undefined;
  useEditor.temporal.getState().undo();
}

export function redo() {
  lastKey = undefined;
  useEditor.temporal.getState().redo();
}

export const isDirty = (state: EditorState) => state.definition !== state.savedDefinition;
