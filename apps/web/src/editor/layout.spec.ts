import type { WorkflowDefinition } from '@recordflow/workflow';
import { describe, expect, it } from 'vitest';
import { addStage, connectStages } from './edits';
import { type LayoutNode, layoutGraph, needsLayout } from './layout';
import { builtIn } from './test-support/workflows';

// The sizes the canvas draws stage and step nodes at.
const STAGE = { width: 220, height: 124 };
const STEP = { width: 180, height: 72 };

type Box = { id: string; x: number; y: number; width: number; height: number };

/** The stage graph as Tidy up lays it out: final stages marked last, one edge per route. */
async function stageBoxes(definition: WorkflowDefinition): Promise<Box[]> {
  const nodes: LayoutNode[] = definition.stages.map((s) => ({ id: s.id, ...STAGE, last: s.final }));
  const positions = await layoutGraph(
    nodes,
    definition.stages.flatMap((s) =>
      s.routes.map((r) => ({ id: `${s.id}:${r.outcome}`, source: s.id, target: r.to })),
    ),
  );
  return nodes.map((n) => ({ id: n.id, width: n.width, height: n.height, ...positionOf(positions, n.id) }));
}

function positionOf(positions: Record<string, { x: number; y: number }>, id: string) {
  const position = positions[id];
  if (!position) throw new Error(`no position for ${id}`);
  return position;
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function overlapping(boxes: Box[]): string[] {
  return boxes.flatMap((a, i) =>
    boxes.slice(i + 1).flatMap((b) => (overlap(a, b) ? [`${a.id} / ${b.id}`] : [])),
  );
}

const box = (boxes: Box[], id: string) => boxes.find((b) => b.id === id) as Box;

describe(layoutGraph.name, () => {
  it.each(['foi', 'eir', 'foisa', 'sar'] as const)(
    'lays out the %s stages with no node on another and the closing stage in a column of its own',
    async (name) => {
      const boxes = await stageBoxes(builtIn(name));
      expect(overlapping(boxes)).toEqual([]);
      const closed = box(boxes, 'closed');
      for (const other of boxes.filter((b) => b.id !== 'closed'))
        expect(closed.x, `closed is right of ${other.id}`).toBeGreaterThan(other.x + other.width);
    },
  );

  it('reads left to right in the order a case moves', async () => {
    const boxes = await stageBoxes(builtIn('foi'));
    const x = (id: string) => box(boxes, id).x;
    expect(x('received')).toBeLessThan(x('response'));
    expect(x('response')).toBeLessThan(x('review-window'));
    expect(x('review-window')).toBeLessThan(x('internal-review'));
    expect(x('regulator')).toBeLessThan(x('compliance'));
  });

  it('puts every final stage in the last column, stacked without overlap', async () => {
    const withArchive = addStage(builtIn('foi'), 'Archived', { x: 0, y: 0 }).definition;
    const archived = {
      ...withArchive,
      stages: withArchive.stages.map((s) =>
        s.id === 'archived' ? { ...s, final: true, steps: [], transitions: [], initialStep: undefined } : s,
      ),
    };
    const routed = connectStages(archived, 'tribunal', 'archived').definition;
    const boxes = await stageBoxes(routed);
    expect(overlapping(boxes)).toEqual([]);
    expect(box(boxes, 'archived').x).toBe(box(boxes, 'closed').x);
    const rightmostOther = Math.max(
      ...boxes.filter((b) => b.id !== 'closed' && b.id !== 'archived').map((b) => b.x + b.width),
    );
    expect(box(boxes, 'closed').x).toBeGreaterThan(rightmostOther);
  });

  it('lays a stage’s steps out top down without overlap', async () => {
    const response = builtIn('foi').stages.find((s) => s.id === 'response');
    if (!response) throw new Error('no response stage');
    const positions = await layoutGraph(
      response.steps.map((s) => ({ id: s.id, ...STEP })),
      response.transitions.flatMap((t) =>
        t.to && t.from !== '*' ? [{ id: t.id, source: t.from, target: t.to }] : [],
      ),
      'DOWN',
    );
    const boxes = response.steps.map((s) => ({ id: s.id, ...STEP, ...positionOf(positions, s.id) }));
    expect(overlapping(boxes)).toEqual([]);
    expect(box(boxes, 'drafting').y).toBeLessThan(box(boxes, 'approval').y);
    expect(box(boxes, 'approval').y).toBeLessThan(box(boxes, 'sent').y);
  });

  it('places a graph of final nodes only, and an empty one', async () => {
    expect(await layoutGraph([{ id: 'closed', ...STAGE, last: true }], [])).toEqual({
      closed: { x: 0, y: 0 },
    });
    expect(await layoutGraph([], [])).toEqual({});
  });
});

describe(needsLayout.name, () => {
  it('asks for a layout when saved positions put nodes on top of each other', () => {
    expect(
      needsLayout([
        { x: 0, y: 0 },
        { x: 5, y: 3 },
      ]),
    ).toBe(true);
    expect(needsLayout(builtIn('foi').stages.map(() => ({ x: 0, y: 0 })))).toBe(true);
  });

  it('keeps positions an administrator arranged', async () => {
    expect(
      needsLayout([
        { x: 0, y: 0 },
        { x: 300, y: 0 },
      ]),
    ).toBe(false);
    expect(needsLayout(builtIn('foi').stages.map((s) => s.position))).toBe(false);
  });
});
