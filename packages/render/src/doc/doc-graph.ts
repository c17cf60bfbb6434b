import type { BundleFS, Contract } from '@pacto/schema';

// The resolved dependency graph as the document reads it. Declared structurally so that the
// GraphResult of @pacto/diff's resolveGraph fits without render depending on diff.

export interface DocGraphNode {
  readonly name: string;
  readonly version: string;
  readonly dependencies?: readonly DocGraphEdge[];
  /** The dependency's own bundle; absent on the shallow copies of shared occurrences. */
  readonly bundle?: { readonly contract: Contract; readonly files?: BundleFS | undefined };
}

export interface DocGraphEdge {
  readonly ref: string;
  readonly required: boolean;
  readonly compatibility: string;
  /** Configuration and policy references are not dependencies and are not drawn. */
  readonly type?: 'dependency' | 'reference';
  readonly node?: DocGraphNode;
  readonly error?: string;
  readonly shared?: boolean;
}

export interface DocGraph {
  readonly root: DocGraphNode;
}

export function dependencyEdges(node: DocGraphNode): DocGraphEdge[] {
  return (node.dependencies ?? []).filter((edge) => edge.type !== 'reference');
}

/** Resolved nodes below the root, breadth-first, each once (shared occurrences skipped). */
export function nodesBreadthFirst(root: DocGraphNode): DocGraphNode[] {
  const out: DocGraphNode[] = [];
  const queue = [root];
  const seen = new Set<DocGraphNode>([root]);
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const edge of dependencyEdges(node)) {
      if (!edge.node || edge.shared || seen.has(edge.node)) continue;
      seen.add(edge.node);
      out.push(edge.node);
      queue.push(edge.node);
    }
  }
  return out;
}

/**
 * Resolved nodes below the root, depth-first in declaration order (pre-order), each once. A loop over an
 * explicit stack: a dependency chain can be thousands of levels deep.
 */
export function nodesDepthFirst(root: DocGraphNode): DocGraphNode[] {
  const out: DocGraphNode[] = [];
  const seen = new Set<DocGraphNode>([root]);
  const stack: { edges: DocGraphEdge[]; index: number }[] = [{ edges: dependencyEdges(root), index: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const edge = frame.edges[frame.index++];
    if (edge === undefined) {
      stack.pop();
      continue;
    }
    if (!edge.node || edge.shared || seen.has(edge.node)) continue;
    seen.add(edge.node);
    out.push(edge.node);
    stack.push({ edges: dependencyEdges(edge.node), index: 0 });
  }
  return out;
}
