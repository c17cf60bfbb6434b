import { compareCodePoints } from '../code-point-order.js';
import { edgesDepthFirst } from './walk.js';
import type { GraphChange, GraphDiff, GraphDiffNode, GraphNode, GraphResult } from './types.js';

/** Every node in pre-order, root first. */
export function preOrder(root: GraphNode): GraphNode[] {
  const out: GraphNode[] = [root];
  for (const { edge } of edgesDepthFirst(root)) if (edge.node) out.push(edge.node);
  return out;
}

const childNodes = (node: GraphNode) => {
  const kids = new Map<string, GraphNode>();
  for (const edge of node.dependencies ?? []) if (edge.node) kids.set(edge.node.name, edge.node);
  return kids;
};

/** One node pair being compared: its new dependencies are walked one by one; `done` receives the result. */
interface Frame {
  readonly oldNode: GraphNode;
  readonly newNode: GraphNode;
  readonly oldKids: Map<string, GraphNode>;
  readonly newKids: Map<string, GraphNode>;
  readonly children: GraphDiffNode[];
  readonly done: (children: GraphDiffNode[]) => void;
  index: number;
}

/** Tree diff of two resolved graphs keyed by service name (diff.md §10.1). */
export function diffGraphs(oldGraph: GraphResult, newGraph: GraphResult): GraphDiff {
  const oldFull = new Map<string, GraphNode>();
  for (const node of preOrder(oldGraph.root)) {
    const recorded = oldFull.get(node.name);
    if (!recorded || !recorded.dependencies?.length) oldFull.set(node.name, node);
  }
  const visited = new Set<string>();

  // The depth-first comparison of diff.md §10.1 with an explicit stack (graphs can be thousands of levels
  // deep). A matched child is expanded at its place in the walk, before its next sibling, so `visited`
  // decides which occurrence of a service is expanded exactly as the recursive definition does.
  const root: GraphDiffNode = { name: newGraph.root.name, version: newGraph.root.version };
  const stack: Frame[] = [];
  const enter = (oldNode: GraphNode, newNode: GraphNode, done: Frame['done']) =>
    stack.push({ oldNode, newNode, oldKids: childNodes(oldNode), newKids: childNodes(newNode), children: [], done, index: 0 });
  enter(oldGraph.root, newGraph.root, (children) => {
    if (children.length > 0) root.children = children;
  });
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const newEdges = frame.newNode.dependencies ?? [];
    if (frame.index < newEdges.length) {
      const edge = newEdges[frame.index++]!;
      const node = edge.node;
      if (!node) continue;
      const oldKid = frame.oldKids.get(node.name);
      if (!oldKid) {
        frame.children.push({ name: node.name, version: node.version, change: { name: node.name, changeType: 'added', newVersion: node.version } });
        continue;
      }
      const child: GraphDiffNode = { name: node.name, version: node.version };
      if (oldKid.version !== node.version) {
        child.change = { name: node.name, changeType: 'version_changed', oldVersion: oldKid.version, newVersion: node.version };
      }
      frame.children.push(child);
      if (!edge.shared && !visited.has(node.name)) {
        visited.add(node.name);
        enter(oldFull.get(node.name) ?? oldKid, node, (grandChildren) => {
          if (grandChildren.length > 0) child.children = grandChildren;
        });
      }
      continue;
    }
    stack.pop();
    for (const edge of frame.oldNode.dependencies ?? []) {
      const node = edge.node;
      if (!node || frame.newKids.has(node.name)) continue;
      frame.children.push({ name: node.name, version: node.version, change: { name: node.name, changeType: 'removed', oldVersion: node.version } });
    }
    frame.done(frame.children);
  }

  const firstChange = new Map<string, GraphChange>();
  const pending: GraphDiffNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.change && !firstChange.has(node.name)) firstChange.set(node.name, node.change);
    // Pushed in reverse: popped in pre-order, the order of first occurrence.
    for (let i = (node.children?.length ?? 0) - 1; i >= 0; i -= 1) pending.push(node.children![i]!);
  }
  const changes = [...firstChange.values()].sort((a, b) => compareCodePoints(a.name, b.name));
  return changes.length > 0 ? { root, changes } : { root };
}

/** The nodes of a graph-diff tree whose subtree (the node included) holds at least one change. */
export function changedSubtrees(root: GraphDiffNode): Set<GraphDiffNode> {
  const order: GraphDiffNode[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    order.push(node);
    for (const child of node.children ?? []) pending.push(child);
  }
  const changed = new Set<GraphDiffNode>();
  // Children come after their parent in `order`: walking it backwards settles every child first.
  for (let i = order.length - 1; i >= 0; i -= 1) {
    const node = order[i]!;
    if (node.change !== undefined || (node.children ?? []).some((child) => changed.has(child))) changed.add(node);
  }
  return changed;
}
