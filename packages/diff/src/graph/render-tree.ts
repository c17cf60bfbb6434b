import { shortRef } from './local-ref.js';
import { changedSubtrees } from './diff-graphs.js';
import { checkRenderDepth, graphDepth } from './walk.js';
import type { GraphDiff, GraphDiffNode, GraphEdge, GraphNode, GraphResult } from './types.js';

/**
 * Box-drawing tree lines below a root line (diff.md §9.5 connectors), with a loop over an explicit stack
 * (graphs can be deep): each item's line, then its children's lines, then its next sibling's.
 */
function treeLines<T>(roots: readonly T[], label: (item: T) => string, children: (item: T) => readonly T[], out: string[]): void {
  const stack: { items: readonly T[]; index: number; prefix: string }[] = [{ items: roots, index: 0, prefix: '' }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.items.length) {
      stack.pop();
      continue;
    }
    const item = frame.items[frame.index++]!;
    const last = frame.index === frame.items.length;
    out.push(`${frame.prefix}${last ? '└─ ' : '├─ '}${label(item)}`);
    const below = children(item);
    if (below.length > 0) stack.push({ items: below, index: 0, prefix: frame.prefix + (last ? '   ' : '│  ') });
  }
}

function edgeLabel(edge: GraphEdge): string {
  const local = (node: GraphNode) => (node.local ? ' [local]' : '');
  if (edge.type === 'reference') return `${shortRef(edge.ref)} [ref]`;
  if (edge.error !== undefined) return `${shortRef(edge.ref)} (error: ${edge.error})`;
  const node = edge.node;
  if (node && edge.shared) return `${node.name}@${node.version}${local(node)} (shared)`;
  if (node) return `${node.name}@${node.version}${local(node)}`;
  return shortRef(edge.ref);
}

function edgeChildren(edge: GraphEdge): readonly GraphEdge[] {
  if (edge.type === 'reference' || edge.error !== undefined || edge.shared || !edge.node) return [];
  return edge.node.dependencies ?? [];
}

/** Text tree of a resolved graph with its cycles and conflicts (diff.md §9.5). At most GRAPH_DEPTH_LIMIT levels. */
export function renderGraphTree(graph: GraphResult): string {
  checkRenderDepth(graphDepth(graph.root));
  const lines = [`${graph.root.name}@${graph.root.version}`];
  treeLines(graph.root.dependencies ?? [], edgeLabel, edgeChildren, lines);
  if (graph.cycles?.length) {
    lines.push('', `Cycles (${graph.cycles.length}):`, ...graph.cycles.map((cycle) => `  ${cycle.join(' -> ')}`));
  }
  if (graph.conflicts?.length) {
    lines.push('', `Conflicts (${graph.conflicts.length}):`, ...graph.conflicts.map((c) => `  ${c.name}: [${c.versions.join(' ')}]`));
  }
  return `${lines.join('\n')}\n`;
}

const pad = (name: string) => name.padEnd(14, ' ');

function diffLabel(node: GraphDiffNode): string {
  const change = node.change;
  if (change?.changeType === 'version_changed') return `${pad(node.name)}${change.oldVersion ?? ''} → ${change.newVersion ?? ''}`;
  if (change?.changeType === 'added') return `${pad(node.name)}+${change.newVersion ?? ''}`;
  if (change?.changeType === 'removed') return `${pad(node.name)}-${change.oldVersion ?? ''}`;
  return node.name;
}

/** The graph-diff tree of diff.md §10.2, every line ending in `\n`; empty when nothing changed. */
export function renderGraphDiffTree(diff: GraphDiff): string {
  if (!diff.changes?.length) return '';
  const changed = changedSubtrees(diff.root);
  const children = (node: GraphDiffNode) => (node.children ?? []).filter((child) => changed.has(child));
  checkRenderDepth(diffTreeDepth(diff.root, children));
  const lines = [diff.root.name];
  treeLines(children(diff.root), diffLabel, children, lines);
  return `${lines.join('\n')}\n`;
}

/** Levels below `root` of a graph-diff tree, following `children`. */
export function diffTreeDepth(root: GraphDiffNode, children: (node: GraphDiffNode) => readonly GraphDiffNode[] = (n) => n.children ?? []): number {
  let deepest = 0;
  const stack: { node: GraphDiffNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (const child of children(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return deepest;
}
