// The offending line of a file with a caret under the column, as the TypeScript compiler and Redocly show it
// on a terminal:
//
//     16 |     visiblity: internal
//        |     ^

/** The frame of `line`:`column` (1-based) in `text`, each line indented by `indent`; empty when out of range. */
export function codeFrame(text: string, line: number, column: number, indent = '    '): string {
  const source = lineAt(text, line);
  if (source === undefined) return '';
  const number = String(line);
  const gutter = ' '.repeat(number.length);
  // Tabs stay tabs so the caret lines up with what the terminal shows above it.
  const pad = source.slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, ' ');
  return `${indent}${number} | ${source}\n${indent}${gutter} | ${pad}^\n`;
}

function lineAt(text: string, line: number): string | undefined {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return undefined;
    start = next + 1;
  }
  if (start > text.length || line < 1) return undefined;
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
}
