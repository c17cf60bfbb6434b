import { goJson } from '../render/go-json.js';
import type { GraphEdge, GraphNode, GraphResult } from './types.js';
import { checkRenderDepth, graphDepth } from './walk.js';

function nodeJson(node: GraphNode): Record<string, unknown> {
  const out: Record<string, unknown> = { name: node.name, version: node.version };
  if (node.ref) out.ref = node.ref;
  if (node.local) out.local = true;
  if (node.dependencies?.length) out.dependencies = node.dependencies.map(edgeJson);
  return out;
}

function edgeJson(edge: GraphEdge): Record<string, unknown> {
  const out: Record<string, unknown> = { ref: edge.ref, required: edge.required, compatibility: edge.compatibility, type: edge.type };
  if (edge.node) out.node = nodeJson(edge.node);
  if (edge.error) out.error = edge.error;
  if (edge.shared) out.shared = true;
  if (edge.local) out.local = true;
  return out;
}

/**
 * The GraphResult object of diff.md §9.1 in output key order, without the loaded bundles. At most
 * GRAPH_DEPTH_LIMIT levels (the nesting is what JSON output indents).
 */
export function buildGraphJson(graph: GraphResult): Record<string, unknown> {
  checkRenderDepth(graphDepth(graph.root));
  const out: Record<string, unknown> = { root: nodeJson(graph.root) };
  if (graph.cycles?.length) out.cycles = graph.cycles;
  if (graph.conflicts?.length) out.conflicts = graph.conflicts;
  return out;
}

/** `pacto graph --output-format json` (diff.md §9.5). */
export function renderGraphJson(graph: GraphResult): string {
  return goJson(buildGraphJson(graph));
}
