import { DiffError } from '../contract/to-diff-side.js';
import type { GraphEdge, GraphNode } from './types.js';

// Dependency graphs come from user data and can be thousands of levels deep (a generated chain of
// 10,000 services): every walk over them is a loop over an explicit stack, never a recursion.

export interface EdgeVisit {
  readonly parent: GraphNode;
  readonly edge: GraphEdge;
  /** Levels below the root: 1 for the root's own dependencies. */
  readonly depth: number;
}

/**
 * Every edge below `root`, depth-first in declaration order (an edge, then everything below it, then
 * its next sibling), descending into `edge.node` when `follow(edge)` allows it (default: always).
 */
export function* edgesDepthFirst(root: GraphNode, follow: (edge: GraphEdge) => boolean = () => true): Generator<EdgeVisit> {
  const stack: { node: GraphNode; index: number; depth: number }[] = [{ node: root, index: 0, depth: 1 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const edges = frame.node.dependencies ?? [];
    if (frame.index >= edges.length) {
      stack.pop();
      continue;
    }
    const edge = edges[frame.index++]!;
    yield { parent: frame.node, edge, depth: frame.depth };
    if (edge.node?.dependencies?.length && follow(edge)) stack.push({ node: edge.node, index: 0, depth: frame.depth + 1 });
  }
}

/**
 * The most levels the nested renderings (the text tree and the JSON of `pacto graph`, the graph part
 * of `pacto diff`) print. Their size grows with the square of the depth: a 10,000-level chain would be
 * 150 MB of tree text and over 2 GB of indented JSON. Resolution and the dot/Mermaid diagrams have no limit.
 */
export const GRAPH_DEPTH_LIMIT = 500;

/** Refuses, with one clear message, a tree deeper than GRAPH_DEPTH_LIMIT levels below its root. */
export function checkRenderDepth(depth: number): void {
  if (depth <= GRAPH_DEPTH_LIMIT) return;
  throw new DiffError(
    'GRAPH_TOO_DEEP',
    `the dependency graph is ${depth} levels deep; text and JSON output show at most ${GRAPH_DEPTH_LIMIT} levels`,
    { hint: 'pacto graph --format dot or --format mermaid draws a graph of any depth' },
  );
}

/** Levels below `root` in the tree the renderings print (shared occurrences are leaves). */
export function graphDepth(root: GraphNode): number {
  let deepest = 0;
  for (const { depth } of edgesDepthFirst(root)) if (depth > deepest) deepest = depth;
  return deepest;
}
