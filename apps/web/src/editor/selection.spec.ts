import { type Problem, validateWorkflow, type WorkflowDefinition } from '@recordflow/workflow';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  deleteRoutes,
  renameStage,
  updateRoute,
  updateStep,
  updateTransition,
  updateWorkflow,
} from './edits';
import { problemIsAbout, type Selection, selectionForProblem, viewOf, WORKFLOW } from './selection';
import { isDirty, redo, undo, useEditor } from './store';
import { builtIn } from './test-support/workflows';

/** The first error validation reports for a definition broken on purpose, as the problem list shows it. */
function firstError(definition: WorkflowDefinition, code?: string): Problem {
  const problem = validateWorkflow(definition).errors.find((e) => code === undefined || e.code === code);
  if (!problem) throw new Error(`no ${code ?? ''} error`);
  return problem;
}

describe('clicking a problem selects what is at fault', () => {
  const foi = builtIn('foi');

  it('a route to a stage that does not exist selects the route', () => {
    const broken = updateRoute(foi, 'fees', 'lapsed', { to: 'archive' });
    expect(selectionForProblem(broken, firstError(broken))).toEqual({
      kind: 'route',
      stageId: 'fees',
      outcome: 'lapsed',
    });
  });

  it('an outcome routed nowhere selects its stage', () => {
    const broken = deleteRoutes(foi, [{ stageId: 'fees', outcome: 'lapsed' }]);
    expect(selectionForProblem(broken, firstError(broken))).toEqual({ kind: 'stage', stageId: 'fees' });
  });

  it('a transition to a step that does not exist selects the transition', () => {
    const broken = updateTransition(foi, 'response', 'withdraw', { to: 'cancelled' });
    expect(selectionForProblem(broken, firstError(broken))).toEqual({
      kind: 'transition',
      stageId: 'response',
      transitionId: 'withdraw',
    });
  });

  it('a final step without an outcome selects the step', () => {
    const broken = updateStep(foi, 'fees', 'paid', { outcome: undefined });
    expect(selectionForProblem(broken, firstError(broken, 'missing-outcome'))).toEqual({
      kind: 'step',
      stageId: 'fees',
      stepId: 'paid',
    });
  });

  it('a workflow that starts at no stage selects the workflow itself', () => {
    const broken = updateWorkflow(foi, { initialStage: 'intake' });
    expect(selectionForProblem(broken, firstError(broken))).toEqual(WORKFLOW);
  });

  it('shows a problem beside the stage it is in and beside the route at fault, not elsewhere', () => {
    const broken = updateRoute(foi, 'fees', 'lapsed', { to: 'archive' });
    const problem = firstError(broken);
    const about = (selection: Selection) => problemIsAbout(broken, problem, selection);
    expect(about({ kind: 'stage', stageId: 'fees' })).toBe(true);
    expect(about({ kind: 'route', stageId: 'fees', outcome: 'lapsed' })).toBe(true);
    expect(about({ kind: 'route', stageId: 'fees', outcome: 'paid' })).toBe(false);
    expect(about({ kind: 'stage', stageId: 'response' })).toBe(false);
    expect(about(WORKFLOW)).toBe(false);
  });

  it('draws steps and transitions inside their stage, everything else on the stage graph', () => {
    expect(viewOf({ kind: 'step', stageId: 'fees', stepId: 'paid' })).toBe('fees');
    expect(viewOf({ kind: 'transition', stageId: 'fees', transitionId: 'pay' })).toBe('fees');
    expect(viewOf({ kind: 'route', stageId: 'fees', outcome: 'paid' })).toBeNull();
    expect(viewOf({ kind: 'stage', stageId: 'fees' })).toBeNull();
    expect(viewOf(WORKFLOW)).toBeNull();
  });
});

describe('the editor store', () => {
  const foi = builtIn('foi');

  beforeEach(() => useEditor.getState().load('foi', foi, 3));

  it('opens a stage when one of its steps is selected, and returns to the graph for a stage', () => {
    const editor = useEditor.getState();
    editor.select({ kind: 'step', stageId: 'response', stepId: 'approval' });
    expect(useEditor.getState().openStage).toBe('response');
    editor.select(WORKFLOW);
    expect(useEditor.getState().openStage).toBe('response');
    editor.select({ kind: 'stage', stageId: 'fees' });
    expect(useEditor.getState().openStage).toBeNull();
    editor.openStageView('fees');
    expect(useEditor.getState().selection).toEqual({ kind: 'stage', stageId: 'fees' });
  });

  it('undoes and redoes edits, but not selections', () => {
    const editor = useEditor.getState();
    editor.edit((d) => renameStage(d, 'response', 'reply'));
    editor.select({ kind: 'stage', stageId: 'reply' });
    expect(isDirty(useEditor.getState())).toBe(true);

    undo();
    expect(useEditor.getState().definition).toBe(foi);
    expect(useEditor.getState().selection).toEqual({ kind: 'stage', stageId: 'reply' });
    expect(isDirty(useEditor.getState())).toBe(false);

    redo();
    expect(useEditor.getState().definition.stages.map((s) => s.id)).toContain('reply');
  });

  it('undoes a burst of typing in one field as one edit', () => {
    const editor = useEditor.getState();
    for (const name of ['F', 'FO', 'FOI 2']) editor.edit((d) => updateWorkflow(d, { name }), 'workflow.name');
    expect(useEditor.getState().definition.name).toBe('FOI 2');
    undo();
    expect(useEditor.getState().definition.name).toBe(foi.name);
  });

  it('starts each workflow with nothing to undo and nothing unsaved', () => {
    useEditor.getState().edit((d) => updateWorkflow(d, { name: 'Changed' }));
    useEditor.getState().load('foi', foi, 4);
    expect(useEditor.temporal.getState().pastStates).toEqual([]);
    expect(isDirty(useEditor.getState())).toBe(false);
    expect(useEditor.getState().baseRevision).toBe(4);
  });
});
