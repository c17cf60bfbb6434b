import { readYamlFast } from './yaml-fast.js';
import { readYamlFull } from './yaml-full.js';
import { MAX_COMPLETE_READER_LENGTH, MAX_CONTRACT_LENGTH } from './limits.js';
import { LineIndex } from './line-index.js';
import { checkNesting } from './nesting-guard.js';
import type { YamlTree } from './tree.js';
import { YamlSyntaxError } from './tree.js';

// Text -> node tree of the first YAML document. The fast reader handles the
// plain block style contracts are written in; anything else goes to the full
// reader. Both give identical trees (tested over the conformance corpus).

// C0/C1 controls (except tab, LF, CR, NEL), DEL, and U+FFFD, which is what a
// lenient UTF-8 decoder leaves where bytes were not UTF-8.
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFD]/;

function checkIsText(text: string): void {
  const match = NOT_TEXT.exec(text);
  if (!match) return;
  const { line, column } = new LineIndex(text).position(match.index);
  const what = match[0] === '\uFFFD' ? 'invalid UTF-8 (is this a binary file?)' : `control character U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed (is this a binary file?)`;
  throw new YamlSyntaxError(what, line, column);
}

const size = (length: number): string => (length >= 1024 * 1024 ? `${(length / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(length / 1024)} KiB`);

/** A large file the fast reader declined: refused at once, at the line it stopped at, rather than read for seconds. */
function refuseLarge(text: string, line: number): never {
  const limit = `${MAX_COMPLETE_READER_LENGTH / 1024} KiB`;
  const start = new LineIndex(text).lineStart(line);
  let offset = start;
  while (text.charCodeAt(offset) === 0x20) offset++;
  throw new YamlSyntaxError(
    `a file over ${limit} must be plain block YAML, and line ${line} is not (a tag, a multi-line flow collection or quoted string, or a syntax error); this file is ${size(text.length)}`,
    line,
    offset - start + 1,
    `write line ${line} in plain block style (\`key: value\`, \`- item\`, \`|\` blocks), or keep the contract under ${limit}`,
  );
}

/** Undefined for an empty stream (no document: the `EOF` case). Throws YamlSyntaxError. */
export function readYaml(input: string, options: { fast?: boolean } = {}): YamlTree | undefined {
  if (input.length > MAX_CONTRACT_LENGTH) {
    throw new YamlSyntaxError(`the file is too large for a contract (more than ${MAX_CONTRACT_LENGTH / 1024 / 1024} MiB of text)`);
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  checkIsText(text);
  const declined: { line?: number } = {};
  if (options.fast !== false) {
    const fast = readYamlFast(text, declined);
    if (fast !== undefined) return fast === 'empty' ? undefined : fast;
  }
  checkNesting(text);
  // Forcing the complete reader (`fast: false`, for tests) skips the size bound: there is no line to name.
  if (declined.line !== undefined && text.length > MAX_COMPLETE_READER_LENGTH) refuseLarge(text, declined.line);
  return readYamlFull(text);
}
