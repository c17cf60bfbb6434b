import { MAX_DEPTH } from './limits.js';
import { LineIndex } from './line-index.js';
import { YamlSyntaxError } from './tree.js';

// The complete reader composes recursively: very deep flow nesting (`[[[[...`)
// would cost seconds before failing on the call stack. A linear pre-scan of
// bracket depth (skipping quoted text and comments) refuses such input at once.

const isTokenStart = (code: number): boolean =>
  code === 0x20 || code === 0x0a || code === 0x5b || code === 0x7b || code === 0x2c || code === 0x3a || Number.isNaN(code);

export function checkFlowNesting(text: string): void {
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_DEPTH) {
        const { line, column } = new LineIndex(text).position(i);
        throw new YamlSyntaxError(`yaml: line ${line}, column ${column}: exceeded max depth of ${MAX_DEPTH}`, line, column);
      }
    } else if (c === 0x5d || c === 0x7d) {
      if (depth > 0) depth--;
    } else if ((c === 0x22 || c === 0x27) && isTokenStart(text.charCodeAt(i - 1))) {
      for (i++; i < length; i++) {
        const q = text.charCodeAt(i);
        if (q === 0x5c && c === 0x22) i++;
        else if (q === c) break;
      }
    } else if (c === 0x23 && (i === 0 || text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x0a)) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? length : end;
    }
  }
}
