import '@xyflow/react/dist/style.css';
import type { WorkflowDefinition } from '@recordflow/workflow';
import { Background, type Edge, Handle, type Node, Position, ReactFlow } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { graphql } from '../gql';
import { useQuery } from '../graphql';

const StageGraphQuery = graphql(`
  query StageGraph($id: ID!) {
    workflow(id: $id) { versions { version definition } }
  }
`);

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
      <span className="muted">{data.kind}</span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  )),
};

/** The stage graph of a workflow version, read-only, with one stage highlighted. */
export function StageGraph({
  workflowId,
  version,
  current,
}: {
  workflowId: string;
  version: number;
  current: string;
}) {
  const { result } = useQuery(StageGraphQuery, { id: workflowId });
  // A definition is JSON to GraphQL; the workflow package says its shape.
  const definition =
    result.state === 'ready'
      ? (result.data.workflow.versions.find((v) => v.version === version)?.definition as
          | WorkflowDefinition
          | undefined)
      : undefined;
  const { nodes, edges } = useMemo(() => {
    const stages = definition?.stages ?? [];
    const nodes: StageNode[] = stages.map((stage) => ({
      id: stage.id,
      type: 'stage',
      position: stage.position,
      data: { label: stage.label, kind: stage.kind, current: stage.id === current },
      draggable: false,
      connectable: false,
    }));
    const edges: Edge[] = stages.flatMap((stage) =>
      (stage.routes ?? [])
        .filter((route) => route.to !== stage.id)
        .map((route) => ({
          id: `${stage.id}-${route.outcome}`,
          source: stage.id,
          target: route.to,
          label: route.label ?? route.outcome,
        })),
    );
    return { nodes, edges };
  }, [definition, current]);

  if (result.state === 'error')
    return <p className="error">The workflow graph could not be loaded: {result.message}</p>;
  if (!definition) return <p aria-live="polite">Loading the workflow graph…</p>;
  return (
    <figure
      className="graph"
      aria-label={`Workflow stages; the case is at ${definition.stages.find((s) => s.id === current)?.label ?? current}`}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        // The whole process must fit: it is wide, so allow zooming out further than the default half.
        fitViewOptions={{ padding: 0.05 }}
        minZoom={0.2}
        nodesDraggable={false}
        nodesConnectable={false}
      >
        <Background />
      </ReactFlow>
    </figure>
  );
}
