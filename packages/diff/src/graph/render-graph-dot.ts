import { graphVertices } from './graph-vertices.js';
import type { GraphResult } from './types.js';

const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

const SHAPES = { service: 'box', error: 'octagon', reference: 'note', unresolved: 'ellipse' } as const;

/** Graphviz DOT of a resolved graph (an addition: the Go tool has no diagram output). */
export function renderGraphDot(graph: GraphResult): string {
  const { vertices, arcs } = graphVertices(graph);
  const lines = ['digraph pacto {', '  rankdir=LR;', '  node [fontname="Helvetica"];'];
  for (const v of vertices) {
    const color = v.kind === 'error' ? ', color="red"' : '';
    lines.push(`  ${quote(v.id)} [label=${quote(v.label)}, shape=${SHAPES[v.kind]}${color}];`);
  }
  for (const a of arcs) {
    const attrs = [`label=${quote(a.label)}`];
    if (!a.required && a.kind === 'dependency') attrs.push('style=dashed');
    if (a.kind === 'reference') attrs.push('style=dotted');
    if (a.kind === 'cycle') attrs.push('color="red"', 'constraint=false');
    lines.push(`  ${quote(a.from)} -> ${quote(a.to)} [${attrs.join(', ')}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
