import type { Classification } from '../change.js';
import type { Change } from '../change.js';
import { compareCodePoints } from '../code-point-order.js';
import { diffContracts } from '../contract/diff-contracts.js';
import type { DiffOptions } from '../contract/diff-options.js';
import type { SbomDiff } from '../sbom/diff-sbom.js';
import { preOrder } from './diff-graphs.js';
import type { GraphNode, GraphResult } from './types.js';

export interface DependencyDiff {
  readonly name: string;
  readonly classification: Classification;
  readonly changes: readonly Change[];
  readonly sbomDiff?: SbomDiff;
}

// First fully resolved node per service name; shallow shared copies carry no bundle and are skipped.
function fullNodes(graph: GraphResult): Map<string, GraphNode> {
  const map = new Map<string, GraphNode>();
  for (const node of preOrder(graph.root)) if (node.bundle && !map.has(node.name)) map.set(node.name, node);
  return map;
}

/**
 * Compare every dependency contract present in both graphs (diff.md §7), except the root service itself.
 * Sets without contract or SBOM changes are dropped; the rest are ordered by name.
 */
export function compareDependencies(oldGraph: GraphResult, newGraph: GraphResult, options: DiffOptions = {}): DependencyDiff[] {
  const oldNodes = fullNodes(oldGraph);
  const newNodes = fullNodes(newGraph);
  const out: DependencyDiff[] = [];
  for (const name of [...oldNodes.keys()].sort(compareCodePoints)) {
    if (name === oldGraph.root.name) continue;
    const oldNode = oldNodes.get(name)!;
    const newNode = newNodes.get(name);
    if (!newNode?.bundle || !oldNode.bundle) continue;
    const diff = diffContracts(oldNode.bundle, newNode.bundle, options);
    if (diff.changes.length === 0 && !diff.sbomDiff) continue;
    out.push({ name, ...diff });
  }
  return out;
}
