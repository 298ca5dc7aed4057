import type { WorkflowDefinition } from '@recordflow/workflow';
import { describe, expect, it } from 'vitest';
import { diffWorkflows } from './diff';
import {
  addStage,
  addStep,
  connectStages,
  connectSteps,
  deleteRoutes,
  deleteStages,
  deleteSteps,
  movePositions,
  renameOutcome,
  renameStage,
  renameStep,
  slugify,
  stageOf,
  uniqueId,
  unroutedOutcomes,
  updateStep,
  updateTransition,
} from './edits';
import { builtIn, errorMessages, errorsOf } from './test-support/workflows';

const routesInto = (definition: WorkflowDefinition, stageId: string) =>
  definition.stages.flatMap((s) =>
    s.routes.filter((r) => r.to === stageId).map((r) => `${s.id}:${r.outcome}`),
  );

const stage = (definition: WorkflowDefinition, stageId: string) => {
  const found = stageOf(definition, stageId);
  if (!found) throw new Error(`no stage ${stageId}`);
  return found;
};

describe('stage edits', () => {
  it('adds a stage that needs only routing in and out to be valid', () => {
    const foi = builtIn('foi');
    const { definition: added, stageId } = addStage(foi, 'Legal review', { x: 400, y: 600 });
    expect(stageId).toBe('legal-review');
    expect(stage(added, 'legal-review')).toMatchObject({
      label: 'Legal review',
      position: { x: 400, y: 600 },
    });
    // Nothing routes into it and its one outcome goes nowhere yet: the two problems left to fix.
    const at = `stages[${added.stages.length - 1}]`;
    expect(errorsOf(added).sort()).toEqual([`dead-end at ${at}.routes`, `unreachable at ${at}`]);

    const routedOut = connectStages(added, 'legal-review', 'response').definition;
    const routedIn = connectStages(routedOut, 'received', 'legal-review').definition;
    expect(errorsOf(routedIn)).toEqual([]);
  });

  it('gives a second stage of the same name its own id', () => {
    const first = addStage(builtIn('foi'), 'Legal review', { x: 0, y: 0 }).definition;
    expect(addStage(first, 'Legal review', { x: 0, y: 0 }).stageId).toBe('legal-review-2');
  });

  it('renaming a stage renames every route into it, and the workflow stays valid', () => {
    const foi = builtIn('foi');
    const before = routesInto(foi, 'response');
    expect(before).toEqual([
      'received:accepted',
      'fees:paid',
      'cost-limit:within-limit',
      'public-interest:decided',
      'internal-review:withdrawn-unanswered',
    ]);

    const renamed = renameStage(foi, 'response', 'reply');
    expect(routesInto(renamed, 'reply')).toEqual(before);
    expect(routesInto(renamed, 'response')).toEqual([]);
    expect(stageOf(renamed, 'response')).toBeUndefined();
    expect(errorsOf(renamed)).toEqual([]);
  });

  it('renaming or deleting a stage that a closed case reopens into updates the reopen routes', () => {
    const foi = builtIn('foi');
    const renamed = renameStage(foi, 'review-window', 'review-period');
    expect(renamed.reopenOn?.map((r) => r.to)).toEqual(['review-period', 'regulator-window', 'compliance']);
    expect(errorsOf(renamed)).toEqual([]);
    const deleted = deleteStages(foi, ['regulator-window']);
    expect(deleted.reopenOn?.map((r) => `${r.event}:${r.to}`)).toEqual([
      'REQUEST_INTERNAL_REVIEW:review-window',
      'APPEAL_LODGED:compliance',
    ]);
  });

  it('renaming the first stage moves the start of the workflow with it', () => {
    const renamed = renameStage(builtIn('foi'), 'received', 'logged');
    expect(renamed.initialStage).toBe('logged');
    expect(routesInto(renamed, 'logged')).toEqual(['clarification:clarified']);
    expect(errorsOf(renamed)).toEqual([]);
  });

  it('deleting a stage removes the routes into it, and validation names the outcome left unrouted', () => {
    const foi = builtIn('foi');
    const deleted = deleteStages(foi, ['public-interest']);
    expect(stageOf(deleted, 'public-interest')).toBeUndefined();
    expect(routesInto(deleted, 'public-interest')).toEqual([]);
    expect(stage(deleted, 'response').routes.map((r) => r.outcome)).toEqual([
      'sent',
      'withdrawn',
      'review-no-response',
      'complaint-no-response',
    ]);
    expect(unroutedOutcomes(stage(deleted, 'response'))).toEqual(['extended']);
    expect(errorMessages(deleted)).toContainEqual(
      expect.stringContaining('Outcome "extended" of stage "response" is not routed anywhere'),
    );
  });

  it('connecting two stages uses an outcome not yet routed', () => {
    const deleted = deleteStages(builtIn('foi'), ['public-interest']);
    const { definition, outcome } = connectStages(deleted, 'response', 'internal-review');
    expect(outcome).toBe('extended');
    expect(stage(definition, 'response').routes).toContainEqual({
      outcome: 'extended',
      to: 'internal-review',
      actions: [],
    });
    expect(errorsOf(definition)).toEqual([]);
  });

  it('connecting a stage whose outcomes are all routed adds a final step, its transition and the route', () => {
    const foi = builtIn('foi');
    const { definition, outcome } = connectStages(foi, 'review-window', 'regulator-window');
    expect(outcome).toBe('to-regulator-window');
    const window = stage(definition, 'review-window');
    expect(window.steps.at(-1)).toMatchObject({ id: 'to-regulator-window', final: true, outcome });
    expect(window.transitions.at(-1)).toMatchObject({
      event: 'MOVE_TO_REGULATOR_WINDOW',
      label: 'Move to Awaiting any ICO complaint',
      from: '*',
      to: 'to-regulator-window',
      roles: ['officer'],
    });
    expect(window.routes.at(-1)).toEqual({ outcome, to: 'regulator-window', actions: [] });
    expect(errorsOf(definition)).toEqual([]);
  });

  it('deleting a route leaves its outcome unrouted, which validation reports', () => {
    const deleted = deleteRoutes(builtIn('foi'), [{ stageId: 'fees', outcome: 'lapsed' }]);
    expect(stage(deleted, 'fees').routes.map((r) => r.outcome)).toEqual(['paid', 'withdrawn']);
    expect(errorsOf(deleted)).toEqual(['dead-end at stages[2].routes']);
  });

  it('moving nodes changes their positions and nothing else', () => {
    const foi = builtIn('foi');
    const moved = movePositions(foi, null, { closed: { x: 2000, y: 40 } });
    expect(stage(moved, 'closed').position).toEqual({ x: 2000, y: 40 });
    expect(stage(moved, 'received').position).toEqual(stage(foi, 'received').position);
    expect(diffWorkflows(foi, moved).same).toBe(true);
  });

  it('never changes the definition it was given, so undo can return to it', () => {
    const foi = builtIn('foi');
    const copy = structuredClone(foi);
    renameStage(foi, 'response', 'reply');
    deleteStages(foi, ['fees']);
    connectStages(foi, 'review-window', 'closed');
    renameStep(foi, 'response', 'drafting', 'writing');
    deleteSteps(foi, 'response', ['approval']);
    expect(foi).toEqual(copy);
  });
});

describe('step and transition edits', () => {
  it('renaming a step renames the transitions from and to it and the stage’s first step', () => {
    const renamed = renameStep(builtIn('foi'), 'response', 'drafting', 'writing');
    const response = stage(renamed, 'response');
    expect(response.initialStep).toBe('writing');
    expect(response.transitions.map((t) => [t.id, t.from, t.to])).toEqual([
      ['submit-for-approval', 'writing', 'approval'],
      ['request-changes', 'approval', 'writing'],
      ['extend-public-interest', 'writing', 'extend'],
      ['approve-response', 'approval', 'approved'],
      ['amend-response', 'approved', 'writing'],
      ['send-response-in-time', 'approved', 'sent'],
      ['send-response-late', 'approved', 'sent'],
      ['mark-overdue', '*', undefined],
      ['withdraw', '*', 'withdrawn'],
      ['review-no-response', '*', 'review-no-response'],
      ['complaint-no-response', '*', 'complaint-no-response'],
    ]);
    expect(errorsOf(renamed)).toEqual([]);
  });

  it('renaming an outcome keeps the route that takes it', () => {
    const renamed = renameOutcome(builtIn('foi'), 'response', 'sent', 'answered');
    const response = stage(renamed, 'response');
    expect(response.steps.find((s) => s.id === 'sent')?.outcome).toBe('answered');
    expect(response.routes.find((r) => r.outcome === 'answered')?.to).toBe('review-window');
    expect(errorsOf(renamed)).toEqual([]);
  });

  it('deleting a step removes the transitions from and to it and the route on its outcome', () => {
    const deleted = deleteSteps(builtIn('foi'), 'response', ['extend']);
    const response = stage(deleted, 'response');
    expect(response.steps.map((s) => s.id)).not.toContain('extend');
    expect(response.transitions.map((t) => t.id)).not.toContain('extend-public-interest');
    expect(response.routes.map((r) => r.outcome)).toEqual([
      'sent',
      'withdrawn',
      'review-no-response',
      'complaint-no-response',
    ]);
    // The public-interest stage can no longer be reached, and validation says so.
    expect(errorMessages(deleted)).toContainEqual(expect.stringContaining('"public-interest"'));
  });

  it('a step that is no longer final loses its outcome', () => {
    const changed = updateStep(builtIn('foi'), 'response', 'extend', { final: false });
    expect(stage(changed, 'response').steps.find((s) => s.id === 'extend')).not.toHaveProperty('outcome');
  });

  it('adds a step and a transition to it with a label an officer can read', () => {
    const { definition: withStep, stepId } = addStep(builtIn('foi'), 'response', 'Legal check', {
      x: 300,
      y: 0,
    });
    expect(stepId).toBe('legal-check');
    const { definition, transitionId } = connectSteps(withStep, 'response', 'drafting', 'legal-check');
    expect(transitionId).toBe('drafting-to-legal-check');
    expect(stage(definition, 'response').transitions.at(-1)).toMatchObject({
      event: 'TO_LEGAL_CHECK',
      label: 'Move to legal check',
      from: 'drafting',
      to: 'legal-check',
    });
  });

  it('clearing a transition’s target removes it, so the transition stays on its step', () => {
    const cleared = updateTransition(builtIn('foi'), 'response', 'withdraw', { to: undefined });
    expect(stage(cleared, 'response').transitions.find((t) => t.id === 'withdraw')).not.toHaveProperty('to');
  });
});

describe('ids', () => {
  it('turns a label into an id the schema accepts', () => {
    expect(slugify('Legal review')).toBe('legal-review');
    expect(slugify('Section 12 — cost limit!')).toBe('section-12-cost-limit');
    expect(slugify('2nd review')).toBe('nd-review');
    expect(slugify('???', 'stage')).toBe('stage');
  });

  it('takes the first free id', () => {
    expect(uniqueId('review', [])).toBe('review');
    expect(uniqueId('review', ['review', 'review-2'])).toBe('review-3');
  });
});
