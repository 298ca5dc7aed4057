import '@xyflow/react/dist/style.css';
import { Background, type Edge, Handle, type Node, Position, ReactFlow } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { labelsOf, useWorkflowDefinition } from '../definitions';
import { humanize } from '../format';

type StageNode = Node<{ label: string; kind: string; current: boolean }, 'stage'>;

// Defined once, at module scope, as React Flow asks: a new object each render would remount every node.
const nodeTypes = {
  stage: memo(({ data }: { data: StageNode['data'] }) => (
    <div
      className={data.current ? 'stage-node current' : 'stage-node'}
      aria-current={data.current ? 'step' : undefined}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <strong>{data.label}</strong>
      <span className="muted">{data.current ? '▶ The case is here' : humanize(data.kind)}</span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  )),
};

// Room around the stages' recorded positions for a node's own size, at full size.
const NODE_WIDTH = 240;
const NODE_HEIGHT = 110;
const MARGIN = 24;

/**
 * The stage graph of a workflow version, read-only, with one stage highlighted. Drawn at full size
 * (labels stay readable at any width) in a region that scrolls sideways: one tab stop, arrow keys
 * scroll it, and nothing in it takes focus. The list below it says the same in text.
 */
export function StageGraph({
  workflowId,
  version,
  current,
}: {
  workflowId: string;
  version: number;
  current: string;
}) {
  const loaded = useWorkflowDefinition(workflowId, version);
  const definition = loaded.state === 'ready' ? loaded.definition : undefined;
  const { nodes, edges, width, height, origin } = useMemo(() => {
    const stages = definition?.stages ?? [];
    const xs = stages.map((s) => s.position.x);
    const ys = stages.map((s) => s.position.y);
    const origin = { x: Math.min(0, ...xs), y: Math.min(0, ...ys) };
    const nodes: StageNode[] = stages.map((stage) => ({
      id: stage.id,
      type: 'stage',
      position: stage.position,
      data: { label: stage.label, kind: stage.kind, current: stage.id === current },
      draggable: false,
      connectable: false,
      selectable: false,
      focusable: false,
    }));
    const edges: Edge[] = stages.flatMap((stage) =>
      (stage.routes ?? [])
        .filter((route) => route.to !== stage.id)
        .map((route) => ({
          id: `${stage.id}-${route.outcome}`,
          source: stage.id,
          target: route.to,
          label: route.label ?? route.outcome,
          focusable: false,
          selectable: false,
        })),
    );
    return {
      nodes,
      edges,
      origin,
      width: Math.max(0, ...xs) - origin.x + NODE_WIDTH + 2 * MARGIN,
      height: Math.max(0, ...ys) - origin.y + NODE_HEIGHT + 2 * MARGIN,
    };
  }, [definition, current]);

  if (loaded.state === 'error')
    return <p className="error">The workflow graph could not be loaded: {loaded.message}</p>;
  if (!definition) return <p aria-live="polite">Loading the workflow graph…</p>;
  const labels = labelsOf(definition);
  const here = labels.stage(current);
  return (
    <figure className="graph">
      <figcaption>
        The case is at <strong data-testid="graph-current">{here}</strong>. The graph scrolls sideways; the
        list below it gives the same stages in words.
      </figcaption>
      {/* One tab stop: the region scrolls with the arrow keys; the drawing itself is for the eye only. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="graph-scroll" tabIndex={0} aria-label={`Workflow graph; the case is at ${here}`}>
        <div style={{ width, height }} aria-hidden="true">
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            defaultViewport={{ x: MARGIN - origin.x, y: MARGIN - origin.y, zoom: 1 }}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            elementsSelectable={false}
            panOnDrag={false}
            panOnScroll={false}
            zoomOnScroll={false}
            zoomOnPinch={false}
            zoomOnDoubleClick={false}
            preventScrolling={false}
            disableKeyboardA11y
            proOptions={{ hideAttribution: true }}
          >
            <Background />
          </ReactFlow>
        </div>
      </section>
      <details className="graph-list">
        <summary>The stages in words</summary>
        <ol>
          {definition.stages.map((stage) => (
            <li key={stage.id} aria-current={stage.id === current ? 'step' : undefined}>
              <strong>{stage.label}</strong>
              {stage.id === current && ' (the case is here)'}
              {(stage.routes ?? []).filter((r) => r.to !== stage.id).length > 0 && (
                <>
                  {': then '}
                  {(stage.routes ?? [])
                    .filter((r) => r.to !== stage.id)
                    .map((r) => `${labels.stage(r.to)} (${r.label ?? labels.outcome(r.outcome)})`)
                    .join('; ')}
                </>
              )}
            </li>
          ))}
        </ol>
      </details>
    </figure>
  );
}
