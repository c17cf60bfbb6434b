import { compareCodePoints } from '../code-point-order.js';
import type { GraphChange, GraphDiff, GraphDiffNode, GraphNode, GraphResult } from './types.js';

/** Every node in pre-order, root first. */
export function preOrder(root: GraphNode): GraphNode[] {
  const out: GraphNode[] = [];
  const walk = (node: GraphNode) => {
    out.push(node);
    for (const edge of node.dependencies ?? []) if (edge.node) walk(edge.node);
  };
  walk(root);
  return out;
}

const childNodes = (node: GraphNode) => {
  const kids = new Map<string, GraphNode>();
  for (const edge of node.dependencies ?? []) if (edge.node) kids.set(edge.node.name, edge.node);
  return kids;
};

/** Tree diff of two resolved graphs keyed by service name (diff.md §10.1). */
export function diffGraphs(oldGraph: GraphResult, newGraph: GraphResult): GraphDiff {
  const oldFull = new Map<string, GraphNode>();
  for (const node of preOrder(oldGraph.root)) {
    const recorded = oldFull.get(node.name);
    if (!recorded || !recorded.dependencies?.length) oldFull.set(node.name, node);
  }
  const visited = new Set<string>();

  const diffNode = (oldNode: GraphNode, newNode: GraphNode): GraphDiffNode => {
    const out: GraphDiffNode = { name: newNode.name, version: newNode.version };
    const children: GraphDiffNode[] = [];
    const oldKids = childNodes(oldNode);
    const newKids = childNodes(newNode);
    for (const edge of newNode.dependencies ?? []) {
      const node = edge.node;
      if (!node) continue;
      const oldKid = oldKids.get(node.name);
      if (oldKid) {
        const child: GraphDiffNode = { name: node.name, version: node.version };
        if (oldKid.version !== node.version) {
          child.change = { name: node.name, changeType: 'version_changed', oldVersion: oldKid.version, newVersion: node.version };
        }
        if (!edge.shared && !visited.has(node.name)) {
          visited.add(node.name);
          const grandChildren = diffNode(oldFull.get(node.name) ?? oldKid, node).children;
          if (grandChildren?.length) child.children = grandChildren;
        }
        children.push(child);
      } else {
        children.push({ name: node.name, version: node.version, change: { name: node.name, changeType: 'added', newVersion: node.version } });
      }
    }
    for (const edge of oldNode.dependencies ?? []) {
      const node = edge.node;
      if (!node || newKids.has(node.name)) continue;
      children.push({ name: node.name, version: node.version, change: { name: node.name, changeType: 'removed', oldVersion: node.version } });
    }
    if (children.length > 0) out.children = children;
    return out;
  };

  const root = diffNode(oldGraph.root, newGraph.root);
  const firstChange = new Map<string, GraphChange>();
  const collect = (node: GraphDiffNode) => {
    if (node.change && !firstChange.has(node.name)) firstChange.set(node.name, node.change);
    for (const child of node.children ?? []) collect(child);
  };
  collect(root);
  const changes = [...firstChange.values()].sort((a, b) => compareCodePoints(a.name, b.name));
  return changes.length > 0 ? { root, changes } : { root };
}

/** True when the subtree holds at least one change. */
export function hasGraphChange(node: GraphDiffNode): boolean {
  return node.change !== undefined || (node.children ?? []).some(hasGraphChange);
}
