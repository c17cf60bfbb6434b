import { isMap, isSeq, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';

// How the source file lays out its blocks, so the rewritten file keeps the look of the original: the indentation
// width of nested mappings, and whether block sequences are indented under their key (`key:\n  - x`) or not
// (`key:\n- x`, the Go tool's own output).

export interface Layout {
  readonly indent: number;
  readonly indentSeq: boolean;
}

function column(lines: LineCounter, node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range === undefined ? undefined : lines.linePos(range[0]).col;
}

export function detectLayout(root: YAMLMap, lines: LineCounter): Layout {
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  const visit = (map: YAMLMap, depth: number): void => {
    if (depth > 50) return;
    for (const pair of map.items as Pair<Node, unknown>[]) {
      const keyColumn = column(lines, pair.key);
      const value = pair.value;
      if (keyColumn === undefined) continue;
      if (isMap(value) && !value.flow) {
        const child = column(lines, value.items[0]?.key);
        if (indent === undefined && child !== undefined && child > keyColumn) indent = child - keyColumn;
        visit(value, depth + 1);
      } else if (isSeq(value) && !value.flow) {
        const item = column(lines, value);
        if (indentSeq === undefined && item !== undefined) indentSeq = item > keyColumn;
        for (const element of value.items) if (isMap(element)) visit(element, depth + 1);
      }
    }
  };
  visit(root, 0);
  return { indent: indent ?? 2, indentSeq: indentSeq ?? true };
}
