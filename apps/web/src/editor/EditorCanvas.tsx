import '@xyflow/react/dist/style.css';
import { describeState, type Problem, type WorkflowDefinition } from '@recordflow/workflow';
import {
  Background,
  Controls,
  type Edge,
  Handle,
  MarkerType,
  MiniMap,
  type Node,
  type NodeChange,
  type OnConnect,
  Panel,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useNodesInitialized,
  useReactFlow,
} from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Change, diffWorkflows } from './diff';
import {
  connectStages,
  connectSteps,
  deleteRoutes,
  deleteStages,
  deleteSteps,
  deleteTransitions,
  movePositions,
  stageOf,
} from './edits';
import { layoutGraph } from './layout';
import { stageDeadlines, stageRoles } from './registry';
import { selectionForProblem } from './selection';
import { useEditor } from './store';

// As in styles.css (.editor-node.stage and .step).
export const STAGE_SIZE = { width: 220, height: 124 };
export const STEP_SIZE = { width: 180, height: 72 };
const ANY_STEP = '*';

interface StageData extends Record<string, unknown> {
  label: string;
  kind: string;
  final: boolean;
  initial: boolean;
  deadlines: string[];
  roles: string[];
  steps: number;
  errors: number;
  warnings: number;
  change: Change | null;
  active: boolean;
}

interface StepData extends Record<string, unknown> {
  label: string;
  final: boolean;
  outcome?: string;
  initial: boolean;
  any: boolean;
  errors: number;
  warnings: number;
  active: boolean;
}

const classes = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ');

const ProblemBadge = ({ errors, warnings }: { errors: number; warnings: number }) =>
  errors > 0 ? (
    <span className="badge error-badge" title={`${errors} error${errors === 1 ? '' : 's'}`}>
      {errors}
    </span>
  ) : warnings > 0 ? (
    <span className="badge warning-badge" title={`${warnings} warning${warnings === 1 ? '' : 's'}`}>
      {warnings}
    </span>
  ) : null;

const StageNode = memo(({ data }: { data: StageData }) => (
  <div
    className={classes(
      'editor-node stage',
      data.final && 'final',
      data.change && `diff-${data.change}`,
      data.active && 'active',
    )}
    aria-current={data.active ? 'step' : undefined}
  >
    <Handle type="target" position={Position.Left} />
    <div className="node-title">
      <strong title={data.label}>{data.label}</strong>
      <ProblemBadge errors={data.errors} warnings={data.warnings} />
    </div>
    <span className="muted">
      {data.kind}
      {data.initial && ' · first'}
      {data.final ? ' · ends the case' : ` · ${data.steps} steps`}
    </span>
    {data.roles.length > 0 && <span className="muted">{data.roles.join(', ')}</span>}
    {data.deadlines.slice(0, 2).map((d) => (
      <span key={d} className="deadline" title={d}>
        {d}
      </span>
    ))}
    {data.change && data.change !== 'unchanged' && <span className="diff-tag">{data.change}</span>}
    {!data.final && <Handle type="source" position={Position.Right} />}
  </div>
));

const StepNode = memo(({ data }: { data: StepData }) => (
  <div
    className={classes('editor-node step', data.final && 'final', data.any && 'any', data.active && 'active')}
    aria-current={data.active ? 'step' : undefined}
  >
    {!data.any && <Handle type="target" position={Position.Top} />}
    <div className="node-title">
      <strong>{data.label}</strong>
      <ProblemBadge errors={data.errors} warnings={data.warnings} />
    </div>
    <span className="muted">
      {data.any
        ? 'transitions from every step'
        : data.final
          ? `final → outcome "${data.outcome ?? '?'}"`
          : data.initial
            ? 'first step'
            : 'step'}
    </span>
    {!data.final && <Handle type="source" position={Position.Bottom} />}
  </div>
));

// At module scope, as React Flow asks: a new object each render would remount every node.
const nodeTypes = { stage: StageNode, step: StepNode };

function problemCounts(definition: WorkflowDefinition, problems: Problem[]) {
  const counts = new Map<string, number>();
  for (const problem of problems) {
    const target = selectionForProblem(definition, problem);
    const key =
      target.kind === 'stage' || target.kind === 'route'
        ? `stage:${target.stageId}`
        : target.kind === 'step'
          ? `step:${target.stageId}:${target.stepId}`
          : target.kind === 'transition'
            ? `transition:${target.stageId}:${target.transitionId}`
            : 'workflow';
    counts.set(key, (counts.get(key) ?? 0) + 1);
    // A problem inside a stage also counts on the stage's node in the stage graph.
    if (target.kind === 'step' || target.kind === 'transition')
      counts.set(`stage:${target.stageId}`, (counts.get(`stage:${target.stageId}`) ?? 0) + 1);
  }
  return counts;
}

function useGraph(errors: Problem[], warnings: Problem[]) {
  const definition = useEditor((s) => s.definition);
  const selection = useEditor((s) => s.selection);
  const openStage = useEditor((s) => s.openStage);
  const compare = useEditor((s) => s.compare);
  const simulation = useEditor((s) => s.simulation);
  return useMemo(() => {
    const counts = problemCounts(definition, errors);
    const warningCounts = problemCounts(definition, warnings);
    let active: { stage: string; step: string } | null = null;
    if (simulation) {
      try {
        const state = describeState(definition, simulation.snapshot);
        active = { stage: state.stage, step: state.step };
      } catch {
        active = null;
      }
    }
    const stage = openStage ? stageOf(definition, openStage) : undefined;
    if (stage) {
      const nodes: Node[] = stage.steps.map((step) => ({
        id: step.id,
        type: 'step',
        position: step.position,
        width: STEP_SIZE.width,
        selected: selection.kind === 'step' && selection.stageId === stage.id && selection.stepId === step.id,
        ariaLabel: `Step ${step.label}`,
        data: {
          label: step.label,
          final: step.final,
          outcome: step.outcome,
          initial: stage.initialStep === step.id,
          any: false,
          errors: counts.get(`step:${stage.id}:${step.id}`) ?? 0,
          warnings: warningCounts.get(`step:${stage.id}:${step.id}`) ?? 0,
          active: active?.stage === stage.id && active.step === step.id,
        } satisfies StepData,
      }));
      if (stage.transitions.some((t) => t.from === ANY_STEP)) {
        const top = Math.min(0, ...stage.steps.map((s) => s.position.y));
        const right = Math.max(0, ...stage.steps.map((s) => s.position.x));
        nodes.push({
          id: ANY_STEP,
          type: 'step',
          position: { x: right + 260, y: top },
          width: STEP_SIZE.width,
          draggable: false,
          deletable: false,
          ariaLabel: 'Any step',
          data: {
            label: 'Any step',
            final: false,
            initial: false,
            any: true,
            errors: 0,
            warnings: 0,
            active: false,
          } satisfies StepData,
        });
      }
      const edges: Edge[] = stage.transitions
        .filter((t) => t.to !== undefined && t.to !== t.from)
        .map((t) => ({
          id: `transition:${t.id}`,
          source: t.from,
          target: t.to as string,
          label: t.label,
          ariaLabel: `Transition ${t.label}`,
          markerEnd: { type: MarkerType.ArrowClosed },
          selected:
            selection.kind === 'transition' &&
            selection.stageId === stage.id &&
            selection.transitionId === t.id,
          className: classes((counts.get(`transition:${stage.id}:${t.id}`) ?? 0) > 0 && 'has-error'),
          data: { transitionId: t.id },
        }));
      return { nodes, edges, view: stage.id };
    }

    const diff = compare ? diffWorkflows(compare.definition, definition) : null;
    const stageChange = new Map(diff?.stages.map((s) => [s.id, s.change]));
    const shownStages = [
      ...definition.stages,
      ...(diff?.stages.filter((s) => s.change === 'removed').map((s) => s.stage) ?? []),
    ];
    const nodes: Node[] = shownStages.map((s) => ({
      id: s.id,
      type: 'stage',
      position: s.position,
      width: STAGE_SIZE.width,
      selected: selection.kind === 'stage' && selection.stageId === s.id,
      draggable: stageChange.get(s.id) !== 'removed',
      connectable: !compare,
      deletable: stageChange.get(s.id) !== 'removed',
      ariaLabel: `Stage ${s.label}${stageChange.get(s.id) && stageChange.get(s.id) !== 'unchanged' ? ` (${stageChange.get(s.id)})` : ''}`,
      data: {
        label: s.label,
        kind: s.kind,
        final: s.final,
        initial: definition.initialStage === s.id,
        deadlines: stageDeadlines(s),
        roles: stageRoles(s),
        steps: s.steps.length,
        errors: counts.get(`stage:${s.id}`) ?? 0,
        warnings: warningCounts.get(`stage:${s.id}`) ?? 0,
        change: stageChange.get(s.id) ?? null,
        active: active?.stage === s.id,
      } satisfies StageData,
    }));
    const routes = diff
      ? diff.routes
      : definition.stages.flatMap((s) =>
          s.routes.map((r) => ({
            stageId: s.id,
            outcome: r.outcome,
            to: r.to,
            label: r.label ?? r.outcome,
            change: null as Change | null,
          })),
        );
    const edges: Edge[] = routes
      .filter((r) => r.to !== r.stageId)
      .map((r) => ({
        id: `route:${r.stageId}:${r.outcome}:${r.change === 'removed' ? 'old' : 'new'}`,
        source: r.stageId,
        target: r.to,
        label: r.change && r.change !== 'unchanged' ? `${r.label} (${r.change})` : r.label,
        ariaLabel: `Route ${r.label} from ${r.stageId} to ${r.to}`,
        markerEnd: { type: MarkerType.ArrowClosed },
        selected:
          r.change !== 'removed' &&
          selection.kind === 'route' &&
          selection.stageId === r.stageId &&
          selection.outcome === r.outcome,
        deletable: r.change !== 'removed',
        className: classes(r.change && `diff-${r.change}`),
        data: { stageId: r.stageId, outcome: r.outcome, removed: r.change === 'removed' },
      }));
    return { nodes, edges, view: null as string | null };
  }, [definition, selection, openStage, compare, simulation, errors, warnings]);
}

/** Lays the graph out when asked (Tidy up, or a workflow opened without usable positions), then fits it. */
function LayoutAndFit({ onReady }: { onReady: () => void }) {
  const initialised = useNodesInitialized();
  const { fitView } = useReactFlow();
  const openStage = useEditor((s) => s.openStage);
  const layoutRequest = useEditor((s) => s.layoutRequest);
  const fitted = useRef('');
  useEffect(() => {
    const key = `${openStage ?? ''}|${layoutRequest}`;
    if (!initialised || fitted.current === key) return;
    fitted.current = key;
    // fitView's promise waits on a node change that a controlled graph may never send: two frames suffice.
    void fitView({ padding: 0.1 });
    requestAnimationFrame(() => requestAnimationFrame(onReady));
  }, [initialised, openStage, layoutRequest, fitView, onReady]);
  return null;
}

/** Lays out (dagre) the drawn view and saves the positions as one undoable edit. */
export async function tidyUp() {
  const { definition, openStage, edit, requestLayout } = useEditor.getState();
  const stage = openStage ? stageOf(definition, openStage) : undefined;
  const positions = stage
    ? await layoutGraph(
        stage.steps.map((s) => ({ id: s.id, ...STEP_SIZE })),
        stage.transitions.flatMap((t) =>
          t.to && t.from !== ANY_STEP ? [{ id: t.id, source: t.from, target: t.to }] : [],
        ),
        'DOWN',
      )
    : await layoutGraph(
        definition.stages.map((s) => ({ id: s.id, ...STAGE_SIZE, last: s.final })),
        definition.stages.flatMap((s) =>
          s.routes.map((r) => ({ id: `${s.id}:${r.outcome}`, source: s.id, target: r.to })),
        ),
      );
  edit((d) => movePositions(d, stage ? stage.id : null, positions));
  requestLayout();
}

export function EditorCanvas({ errors, warnings }: { errors: Problem[]; warnings: Problem[] }) {
  return (
    <ReactFlowProvider>
      <Canvas errors={errors} warnings={warnings} />
    </ReactFlowProvider>
  );
}

function Canvas({ errors, warnings }: { errors: Problem[]; warnings: Problem[] }) {
  const { nodes: built, edges, view } = useGraph(errors, warnings);
  const compare = useEditor((s) => s.compare);
  const { edit, select, openStageView } = useEditor.getState();
  // Positions while a node is dragged: committed to the definition (one undo step) when it is dropped.
  const [dragging, setDragging] = useState<Record<string, { x: number; y: number }>>({});
  // Sizes React Flow measured: a controlled graph must hand them back, or it never counts as drawn.
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});
  const [ready, setReady] = useState(false);
  const nodes = useMemo(
    () =>
      built.map((n) => ({
        ...n,
        position: dragging[n.id] ?? n.position,
        measured: measured[n.id],
      })),
    [built, dragging, measured],
  );
  const onReady = useCallback(() => {
    // A performance mark, so the time to a drawn graph can be read in devtools (and by the browser test).
    performance.mark('workflow-graph-ready');
    setReady(true);
  }, []);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const moved: Record<string, { x: number; y: number }> = {};
      const sized: Record<string, { width: number; height: number }> = {};
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions) sized[change.id] = change.dimensions;
        if (change.type === 'position' && change.position && change.id !== ANY_STEP)
          moved[change.id] = change.position;
        if (change.type === 'select' && change.selected) {
          if (view && change.id !== ANY_STEP) select({ kind: 'step', stageId: view, stepId: change.id });
          if (!view) select({ kind: 'stage', stageId: change.id });
        }
      }
      if (Object.keys(moved).length > 0) setDragging((d) => ({ ...d, ...moved }));
      if (Object.keys(sized).length > 0) setMeasured((m) => ({ ...m, ...sized }));
    },
    [view, select],
  );

  const onNodeDragStop = useCallback(
    (_: unknown, _node: Node, dragged: Node[]) => {
      const positions = Object.fromEntries(dragged.map((n) => [n.id, n.position]));
      delete positions[ANY_STEP];
      setDragging({});
      edit((d) => movePositions(d, view, positions));
    },
    [edit, view],
  );

  const onConnect: OnConnect = useCallback(
    ({ source, target }) => {
      if (!source || !target || source === target) return;
      if (view) {
        let created = '';
        edit((d) => {
          const result = connectSteps(d, view, source, target);
          created = result.transitionId;
          return result.definition;
        });
        if (created) select({ kind: 'transition', stageId: view, transitionId: created });
      } else {
        let outcome = '';
        edit((d) => {
          const result = connectStages(d, source, target);
          outcome = result.outcome;
          return result.definition;
        });
        if (outcome) select({ kind: 'route', stageId: source, outcome });
      }
    },
    [edit, select, view],
  );

  const onDelete = useCallback(
    ({ nodes: gone, edges: cut }: { nodes: Node[]; edges: Edge[] }) => {
      if (compare) return;
      const nodeIds = gone.map((n) => n.id).filter((id) => id !== ANY_STEP);
      if (view) {
        const transitions = cut.map((e) => (e.data as { transitionId: string }).transitionId);
        edit((d) => deleteTransitions(deleteSteps(d, view, nodeIds), view, transitions));
      } else {
        const routes = cut
          .map((e) => e.data as { stageId: string; outcome: string; removed?: boolean })
          .filter((r) => !r.removed);
        edit((d) => deleteRoutes(deleteStages(d, nodeIds), routes));
      }
      select(view ? { kind: 'stage', stageId: view } : { kind: 'workflow' });
    },
    [compare, edit, select, view],
  );

  return (
    <div className="editor-canvas" data-ready={ready ? 'true' : 'false'} data-view={view ?? 'stages'}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onDelete={onDelete}
        onNodeClick={(_, node) => {
          if (node.id === ANY_STEP) return;
          if (view) select({ kind: 'step', stageId: view, stepId: node.id });
          else select({ kind: 'stage', stageId: node.id });
        }}
        onNodeDoubleClick={(_, node) => {
          if (!view && !compare) openStageView(node.id);
        }}
        onEdgeClick={(_, edge) => {
          if (view)
            select({
              kind: 'transition',
              stageId: view,
              transitionId: (edge.data as { transitionId: string }).transitionId,
            });
          else {
            const route = edge.data as { stageId: string; outcome: string; removed?: boolean };
            if (!route.removed) select({ kind: 'route', stageId: route.stageId, outcome: route.outcome });
          }
        }}
        onPaneClick={() => select(view ? { kind: 'stage', stageId: view } : { kind: 'workflow' })}
        deleteKeyCode={['Backspace', 'Delete']}
        nodesConnectable={!compare}
        minZoom={0.05}
        fitView
        fitViewOptions={{ padding: 0.1 }}
        aria-label={view ? `Steps of stage ${view}` : 'Stages of the workflow'}
      >
        <Background />
        <Controls />
        <MiniMap pannable zoomable ariaLabel="Overview of the whole graph" />
        <LayoutAndFit onReady={onReady} />
        {compare && (
          <Panel position="top-left" className="legend">
            <span className="diff-added">added</span> <span className="diff-changed">changed</span>{' '}
            <span className="diff-removed">removed</span> since {compare.title}
          </Panel>
        )}
      </ReactFlow>
    </div>
  );
}
