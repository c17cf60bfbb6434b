import { shortRef } from './local-ref.js';
import { hasGraphChange } from './diff-graphs.js';
import type { GraphDiff, GraphDiffNode, GraphEdge, GraphNode, GraphResult } from './types.js';

interface TreeItem {
  readonly label: string;
  readonly children: readonly TreeItem[];
}

/** Box-drawing tree lines below a root line (diff.md §9.5 connectors). */
function treeLines(items: readonly TreeItem[], prefix: string, out: string[]): void {
  items.forEach((item, index) => {
    const last = index === items.length - 1;
    out.push(`${prefix}${last ? '└─ ' : '├─ '}${item.label}`);
    treeLines(item.children, prefix + (last ? '   ' : '│  '), out);
  });
}

function edgeItem(edge: GraphEdge): TreeItem {
  const local = (node: GraphNode) => (node.local ? ' [local]' : '');
  if (edge.type === 'reference') return { label: `${shortRef(edge.ref)} [ref]`, children: [] };
  if (edge.error !== undefined) return { label: `${shortRef(edge.ref)} (error: ${edge.error})`, children: [] };
  const node = edge.node;
  if (node && edge.shared) return { label: `${node.name}@${node.version}${local(node)} (shared)`, children: [] };
  if (node) return { label: `${node.name}@${node.version}${local(node)}`, children: (node.dependencies ?? []).map(edgeItem) };
  return { label: shortRef(edge.ref), children: [] };
}

/** Text tree of a resolved graph with its cycles and conflicts (diff.md §9.5). */
export function renderGraphTree(graph: GraphResult): string {
  const lines = [`${graph.root.name}@${graph.root.version}`];
  treeLines((graph.root.dependencies ?? []).map(edgeItem), '', lines);
  if (graph.cycles?.length) {
    lines.push('', `Cycles (${graph.cycles.length}):`, ...graph.cycles.map((cycle) => `  ${cycle.join(' -> ')}`));
  }
  if (graph.conflicts?.length) {
    lines.push('', `Conflicts (${graph.conflicts.length}):`, ...graph.conflicts.map((c) => `  ${c.name}: [${c.versions.join(' ')}]`));
  }
  return `${lines.join('\n')}\n`;
}

const pad = (name: string) => name.padEnd(14, ' ');

function diffItem(node: GraphDiffNode): TreeItem {
  const change = node.change;
  let label = node.name;
  if (change?.changeType === 'version_changed') label = `${pad(node.name)}${change.oldVersion ?? ''} → ${change.newVersion ?? ''}`;
  else if (change?.changeType === 'added') label = `${pad(node.name)}+${change.newVersion ?? ''}`;
  else if (change?.changeType === 'removed') label = `${pad(node.name)}-${change.oldVersion ?? ''}`;
  return { label, children: (node.children ?? []).filter(hasGraphChange).map(diffItem) };
}

/** The graph-diff tree of diff.md §10.2, every line ending in `\n`; empty when nothing changed. */
export function renderGraphDiffTree(diff: GraphDiff): string {
  if (!diff.changes?.length) return '';
  const lines = [diff.root.name];
  treeLines((diff.root.children ?? []).filter(hasGraphChange).map(diffItem), '', lines);
  return `${lines.join('\n')}\n`;
}
