import type { WorkflowDefinition } from '@recordflow/workflow';
import { describe, expect, it } from 'vitest';
import { diffWorkflows } from './diff';
import {
  addStage,
  addStep,
  connectStages,
  deleteStages,
  movePositions,
  updateRoute,
  updateStage,
  updateWorkflow,
} from './edits';
import { builtIn } from './test-support/workflows';

/** Only what differs, as the Versions panel lists it. */
function changes(before: WorkflowDefinition, after: WorkflowDefinition) {
  const diff = diffWorkflows(before, after);
  return {
    same: diff.same,
    stages: diff.stages.filter((s) => s.change !== 'unchanged').map((s) => [s.id, s.change, ...s.fields]),
    routes: diff.routes
      .filter((r) => r.change !== 'unchanged')
      .map((r) => [r.stageId, r.outcome, r.to, r.change]),
    workflow: diff.workflow,
  };
}

describe(diffWorkflows.name, () => {
  it('finds nothing between a version and itself', () => {
    const foi = builtIn('foi');
    const diff = diffWorkflows(foi, builtIn('foi'));
    expect(diff.same).toBe(true);
    expect(diff.stages).toHaveLength(foi.stages.length);
    expect(diff.stages.every((s) => s.change === 'unchanged')).toBe(true);
  });

  it('does not count moved nodes as a change to the process', () => {
    const foi = builtIn('foi');
    const moved = movePositions(foi, null, { received: { x: -500, y: -500 } });
    const stepsMoved = movePositions(moved, 'response', { drafting: { x: 900, y: 900 } });
    expect(changes(foi, stepsMoved)).toEqual({ same: true, stages: [], routes: [], workflow: [] });
  });

  it('reports a changed reopen route as a workflow change', () => {
    const foi = builtIn('foi');
    const fewer = { ...foi, reopenOn: foi.reopenOn?.slice(0, 1) };
    expect(changes(foi, fewer)).toEqual({ same: false, stages: [], routes: [], workflow: ['reopen routes'] });
  });

  it('reports an added step as a change to its stage’s steps', () => {
    const foi = builtIn('foi');
    const { definition } = addStep(foi, 'response', 'Legal check', { x: 300, y: 0 });
    expect(changes(foi, definition)).toEqual({
      same: false,
      stages: [['response', 'changed', 'steps']],
      routes: [],
      workflow: [],
    });
  });

  it('reports an added stage and the routes into and out of it', () => {
    const foi = builtIn('foi');
    const added = addStage(foi, 'Legal review', { x: 0, y: 0 }).definition;
    const routed = connectStages(
      connectStages(added, 'legal-review', 'response').definition,
      'received',
      'legal-review',
    );
    const diff = changes(foi, routed.definition);
    expect(diff.stages).toEqual([
      // Connecting a stage whose outcomes are all routed gives it a new final step and transition.
      ['received', 'changed', 'steps', 'transitions'],
      ['legal-review', 'added'],
    ]);
    expect(diff.routes).toEqual([
      ['received', 'to-legal-review', 'legal-review', 'added'],
      ['legal-review', 'done', 'response', 'added'],
    ]);
  });

  it('reports a removed stage and the routes that went into it', () => {
    const foi = builtIn('foi');
    const diff = changes(foi, deleteStages(foi, ['public-interest']));
    expect(diff.stages).toEqual([['public-interest', 'removed']]);
    expect(diff.routes).toEqual([
      ['public-interest', 'decided', 'response', 'removed'],
      ['public-interest', 'withdrawn', 'closed', 'removed'],
      ['public-interest', 'review-no-response', 'internal-review', 'removed'],
      ['public-interest', 'complaint-no-response', 'regulator', 'removed'],
      ['response', 'extended', 'public-interest', 'removed'],
    ]);
  });

  it('draws a route sent to another stage as the old edge removed and the new one added', () => {
    const foi = builtIn('foi');
    const redirected = updateRoute(foi, 'fees', 'lapsed', { to: 'review-window' });
    expect(changes(foi, redirected).routes).toEqual([
      ['fees', 'lapsed', 'closed', 'removed'],
      ['fees', 'lapsed', 'review-window', 'added'],
    ]);
  });

  it('names the fields of a stage that changed, and of the workflow', () => {
    const foi = builtIn('foi');
    const relabelled = updateStage(foi, 'fees', { label: 'Fees notice (s.9)' });
    const renamed = updateWorkflow(relabelled, { name: 'FOI (2027)' });
    expect(changes(foi, renamed)).toEqual({
      same: false,
      stages: [['fees', 'changed', 'label']],
      routes: [],
      workflow: ['name'],
    });
  });
});
