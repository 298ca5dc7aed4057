import dagre from '@dagrejs/dagre';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /** Drawn in the last column (or row): e.g. the stage that closes the case. */
  last?: boolean;
}
export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

type Position = { x: number; y: number };

const GAP_BETWEEN_NODES = 40;
const GAP_BETWEEN_RANKS = 80;

/**
 * Layered layout (dagre, Sugiyama style), left to right for stages and top down for steps: the
 * order a case moves in reads like a process map, and back-edges (clarification → received) stay short.
 * Edges into the "last" nodes are left out of the ranking: nearly every stage can end in "closed",
 * and those long edges would multiply the work (a dummy node per rank crossed) for no better picture.
 */
export async function layoutGraph(
  nodes: LayoutNode[],
  edges: LayoutEdge[],
  direction: 'RIGHT' | 'DOWN' = 'RIGHT',
): Promise<Record<string, Position>> {
  const last = new Set(nodes.filter((n) => n.last).map((n) => n.id));
  const ranked = nodes.filter((n) => !last.has(n.id));
  const ids = new Set(ranked.map((n) => n.id));
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({
    rankdir: direction === 'RIGHT' ? 'LR' : 'TB',
    nodesep: GAP_BETWEEN_NODES,
    ranksep: GAP_BETWEEN_RANKS,
  });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of ranked) graph.setNode(node.id, { width: node.width, height: node.height });
  // Self-loops and edges to nodes not ranked do not place anything.
  for (const edge of edges) {
    if (edge.source !== edge.target && ids.has(edge.source) && ids.has(edge.target))
      graph.setEdge(edge.source, edge.target, {}, edge.id);
  }
  dagre.layout(graph);

  const positions: Record<string, Position> = {};
  let far = 0;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const node of ranked) {
    // dagre gives centres; React Flow wants top-left corners.
    const { x, y } = graph.node(node.id);
    const position = { x: Math.round(x - node.width / 2), y: Math.round(y - node.height / 2) };
    positions[node.id] = position;
    const [along, across, size] =
      direction === 'RIGHT'
        ? [position.x + node.width, position.y, node.height]
        : [position.y + node.height, position.x, node.width];
    far = Math.max(far, along);
    low = Math.min(low, across);
    high = Math.max(high, across + size);
  }
  // The last nodes: one more column (or row), centred across the others.
  const finals = nodes.filter((n) => last.has(n.id));
  const span = finals.reduce(
    (sum, n) => sum + (direction === 'RIGHT' ? n.height : n.width) + GAP_BETWEEN_NODES,
    -GAP_BETWEEN_NODES,
  );
  let next = Number.isFinite(low) ? (low + high - span) / 2 : 0;
  const column = ranked.length > 0 ? far + GAP_BETWEEN_RANKS : 0;
  for (const node of finals) {
    positions[node.id] =
      direction === 'RIGHT'
        ? { x: Math.round(column), y: Math.round(next) }
        : { x: Math.round(next), y: Math.round(column) };
    next += (direction === 'RIGHT' ? node.height : node.width) + GAP_BETWEEN_NODES;
  }
  return positions;
}

/** True when the saved positions cannot be drawn as they are (nodes on top of each other). */
export function needsLayout(positions: Position[]): boolean {
  const seen = new Set<string>();
  for (const p of positions) {
    const key = `${Math.round(p.x / 20)},${Math.round(p.y / 20)}`;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}
