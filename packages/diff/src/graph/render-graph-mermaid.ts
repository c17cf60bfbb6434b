import { graphVertices } from './graph-vertices.js';
import type { GraphResult } from './types.js';

// Mermaid labels sit inside "..."; a double quote must be written as an entity.
const label = (text: string) => `"${text.replace(/"/g, '#quot;')}"`;

/** Mermaid flowchart of a resolved graph (an addition: the Go tool has no diagram output). */
export function renderGraphMermaid(graph: GraphResult): string {
  const { vertices, arcs } = graphVertices(graph);
  const ids = new Map(vertices.map((v, i) => [v.id, `n${i}`]));
  const lines = ['flowchart LR'];
  for (const v of vertices) {
    const id = ids.get(v.id)!;
    if (v.kind === 'service') lines.push(`  ${id}[${label(v.label)}]`);
    else if (v.kind === 'reference') lines.push(`  ${id}>${label(v.label)}]`);
    else lines.push(`  ${id}(${label(v.label)})`);
  }
  for (const a of arcs) {
    const arrow = a.kind === 'cycle' || a.kind === 'reference' || !a.required ? '-.->' : '-->';
    const text = a.label ? `|${label(a.label)}|` : '';
    lines.push(`  ${ids.get(a.from)} ${arrow}${text} ${ids.get(a.to)}`);
  }
  const errors = vertices.filter((v) => v.kind === 'error').map((v) => ids.get(v.id)!);
  if (errors.length > 0) {
    lines.push('  classDef error stroke:#d00,color:#d00', `  class ${errors.join(',')} error`);
  }
  return `${lines.join('\n')}\n`;
}
