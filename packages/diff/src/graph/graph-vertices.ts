import { shortRef } from './local-ref.js';
import type { GraphEdge, GraphNode, GraphResult } from './types.js';
import { edgesDepthFirst } from './walk.js';

export interface Vertex {
  readonly id: string;
  readonly label: string;
  readonly kind: 'service' | 'error' | 'reference' | 'unresolved';
}

export interface Arc {
  readonly from: string;
  readonly to: string;
  readonly required: boolean;
  readonly kind: 'dependency' | 'reference' | 'cycle';
  readonly label: string;
}

/**
 * The graph flattened for diagram formats: one vertex per service `name@version` (shared occurrences
 * collapse onto it, so diamonds draw as diamonds), one per failed or unresolved edge, arcs in walk order.
 */
export function graphVertices(graph: GraphResult): { vertices: Vertex[]; arcs: Arc[] } {
  const vertices = new Map<string, Vertex>();
  const arcs: Arc[] = [];
  const arcKeys = new Set<string>();
  const serviceId = (node: GraphNode) => `${node.name}@${node.version}`;
  const addVertex = (vertex: Vertex) => {
    if (!vertices.has(vertex.id)) vertices.set(vertex.id, vertex);
  };
  const addArc = (arc: Arc) => {
    const key = `${arc.from}\u0000${arc.to}\u0000${arc.kind}`;
    if (arcKeys.has(key)) return;
    arcKeys.add(key);
    arcs.push(arc);
  };
  // Shared occurrences are leaves of the tree; the walks do not descend into them.
  const notShared = (edge: GraphEdge) => !edge.shared;
  const refIds = new Map<string, string>();
  for (const { edge } of edgesDepthFirst(graph.root, notShared)) {
    if (edge.node && !edge.shared && !refIds.has(edge.ref)) refIds.set(edge.ref, serviceId(edge.node));
  }
  addVertex({ id: serviceId(graph.root), label: serviceId(graph.root), kind: 'service' });
  for (const { parent, edge } of edgesDepthFirst(graph.root, notShared)) {
    const from = serviceId(parent);
    const label = edge.compatibility;
    if (edge.node) {
      addVertex({ id: serviceId(edge.node), label: serviceId(edge.node), kind: 'service' });
      addArc({ from, to: serviceId(edge.node), required: edge.required, kind: edge.type, label });
      continue;
    }
    const cycleTarget = edge.error?.startsWith('cycle detected: ') ? refIds.get(edge.ref) : undefined;
    if (cycleTarget) {
      addArc({ from, to: cycleTarget, required: edge.required, kind: 'cycle', label: 'cycle' });
      continue;
    }
    const kind: Vertex['kind'] = edge.type === 'reference' ? 'reference' : edge.error !== undefined ? 'error' : 'unresolved';
    const id = `${kind}:${edge.ref}`;
    addVertex({ id, label: edgeLabel(edge), kind });
    addArc({ from, to: id, required: edge.required, kind: edge.type, label });
  }
  return { vertices: [...vertices.values()], arcs };
}

function edgeLabel(edge: GraphEdge): string {
  if (edge.type === 'reference') return `${shortRef(edge.ref)} [ref]`;
  if (edge.error !== undefined) return `${shortRef(edge.ref)} (error: ${edge.error})`;
  return shortRef(edge.ref);
}
