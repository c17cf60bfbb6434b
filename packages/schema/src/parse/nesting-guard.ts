import { MAX_DEPTH } from './limits.js';
import { LineIndex } from './line-index.js';
import { YamlSyntaxError } from './tree.js';

// The complete reader composes recursively: very deep nesting (`[[[[...`, `- - - -...`, ever deeper
// indentation) would cost seconds and end on the call stack, which V8 does not always survive cleanly.
// A linear pre-scan estimates the nesting depth — open indentation levels, compact `- ` entries, open
// flow brackets (skipping quoted text and comments) — and refuses such input at once. The estimate can only
// over-count for hundreds of ever-deeper lines inside a block scalar, which no contract has.

const SPACE = 0x20;
const NEWLINE = 0x0a;

const isTokenStart = (code: number): boolean =>
  code === SPACE || code === NEWLINE || code === 0x5b || code === 0x7b || code === 0x2c || code === 0x3a || Number.isNaN(code);

function tooDeep(text: string, offset: number): never {
  const { line, column } = new LineIndex(text).position(offset);
  throw new YamlSyntaxError(`the document is nested more than ${MAX_DEPTH} levels deep`, line, column);
}

export function checkNesting(text: string): void {
  const indents: number[] = [];
  let flow = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    // Start of a line: indentation and compact sequence entries.
    const lineStart = i;
    while (i < length && text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (flow === 0 && i < length && c !== NEWLINE && c !== 0x23 && c !== 0x0d) {
      const indent = i - lineStart;
      while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent) indents.pop();
      indents.push(indent);
      let depth = indents.length;
      while ((text.charCodeAt(i) === 0x2d || text.charCodeAt(i) === 0x3f) && text.charCodeAt(i + 1) === SPACE) {
        if (++depth > MAX_DEPTH) tooDeep(text, i);
        i += 2;
        while (text.charCodeAt(i) === SPACE) i++;
      }
      if (depth > MAX_DEPTH) tooDeep(text, i);
    }
    // Rest of the line: flow brackets, quotes, comments.
    for (; i < length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === NEWLINE) break;
      if (ch === 0x5b || ch === 0x7b) {
        if (++flow + indents.length > MAX_DEPTH) tooDeep(text, i);
      } else if (ch === 0x5d || ch === 0x7d) {
        if (flow > 0) flow--;
      } else if ((ch === 0x22 || ch === 0x27) && isTokenStart(text.charCodeAt(i - 1))) {
        for (i++; i < length; i++) {
          const q = text.charCodeAt(i);
          if (q === 0x5c && ch === 0x22) i++;
          else if (q === ch) break;
        }
      } else if (ch === 0x23 && (i === lineStart || text.charCodeAt(i - 1) === SPACE)) {
        const end = text.indexOf('\n', i);
        i = end === -1 ? length : end;
        break;
      }
    }
    i++;
  }
}
