import { Parser } from 'yaml';
import type { ErrorCode } from 'yaml';
import type { LineIndex } from './line-index.js';
import { YamlSyntaxError } from './tree.js';

// The `yaml` package's first error as one line a person can act on: its reason in our words where the
// package's own are jargon, a hint where the fix is plain, and the place the problem starts (an unclosed
// quote is reported where it opens, not at the end of the file where the package notices it).

interface Rewording {
  readonly reason: string;
  readonly hint?: string;
}

const REWORDED: Partial<Record<ErrorCode, Rewording>> = {
  BLOCK_AS_IMPLICIT_KEY: {
    reason: 'a value cannot hold another "key: value" on the same line',
    hint: 'put the inner key on its own line, indented under its parent, or quote the value',
  },
  TAB_AS_INDENT: { reason: 'a tab is used for indentation', hint: 'indent with spaces' },
  MULTILINE_IMPLICIT_KEY: { reason: 'this line does not continue the one above it', hint: 'check its indentation' },
};

/** The package's message as a sentence fragment: first line, no position, no final period, lower-case start. */
function plainReason(message: string): string {
  let reason = (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
  // The yaml package reports its own stack overflow as a document error.
  if (reason.includes('Maximum call stack size exceeded')) return 'the document is nested too deeply';
  if (/^[A-Z][a-z]/.test(reason)) reason = reason[0]!.toLowerCase() + reason.slice(1);
  return reason;
}

interface QuotedToken {
  readonly type: string;
  readonly offset: number;
  readonly source: string;
}

function isUnclosed(token: QuotedToken): boolean {
  const quote = token.source[0];
  const body = token.source.slice(1);
  if (quote === '"') {
    if (!body.endsWith('"')) return true;
    const escapes = /\\*$/.exec(body.slice(0, -1))?.[0].length ?? 0;
    return escapes % 2 === 1;
  }
  // In single quotes '' is an escaped quote: an even run of quotes at the end closes nothing.
  const closing = /'*$/.exec(body)?.[0].length ?? 0;
  return closing % 2 === 0;
}

/** Every token of the package's concrete syntax tree for `text`, depth first. */
function* syntaxTokens(text: string): Generator<Record<string, unknown>> {
  const pending: unknown[] = [...new Parser().parse(text)];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      pending.push(...value);
      continue;
    }
    yield value as Record<string, unknown>;
    pending.push(...Object.values(value));
  }
}

/** The offset of the quoted scalar that runs to the end of the text without its closing quote. */
function unclosedQuoteOffset(text: string): { offset: number; quote: string } | undefined {
  for (const value of syntaxTokens(text)) {
    const token = value as unknown as QuotedToken;
    if ((token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') && isUnclosed(token)) {
      return { offset: token.offset, quote: token.source[0]! };
    }
  }
  return undefined;
}

const CLOSING: Readonly<Record<string, string>> = { '[': ']', '{': '}' };

/**
 * The `[` or `{` nearest before `before` that is never closed: the package notices a missing `]` where the
 * next block line starts, which is not where the user has to look.
 */
function unclosedFlowOpening(text: string, before: number): { offset: number; open: string } | undefined {
  let found: { offset: number; open: string } | undefined;
  for (const token of syntaxTokens(text)) {
    if (token['type'] !== 'flow-collection') continue;
    const open = (token['start'] as { source?: string } | undefined)?.source ?? '';
    const offset = token['offset'] as number;
    const ends = (token['end'] as { source?: string }[] | undefined) ?? [];
    const closed = ends.some((end) => end.source === CLOSING[open]);
    if (!closed && CLOSING[open] !== undefined && offset <= before && (found === undefined || offset > found.offset)) found = { offset, open };
  }
  return found;
}

/** A YamlSyntaxError for the first error the `yaml` package reported on `text`. */
export function syntaxError(error: { code: ErrorCode; message: string; pos: readonly number[] }, text: string, lines: LineIndex): YamlSyntaxError {
  if (error.code === 'MISSING_CHAR' && /closing ["']quote/.test(error.message)) {
    const open = unclosedQuoteOffset(text);
    if (open !== undefined) {
      const { line, column } = lines.position(open.offset);
      const kind = open.quote === '"' ? 'double' : 'single';
      return new YamlSyntaxError(`the ${kind}-quoted string that starts here is never closed`, line, column, `add the closing ${open.quote}`);
    }
  }
  if (error.code === 'BAD_INDENT' && /^Flow (sequence|map) in block collection/.test(error.message)) {
    const opening = unclosedFlowOpening(text, error.pos[0] ?? text.length);
    if (opening !== undefined) {
      const { line, column } = lines.position(opening.offset);
      const close = CLOSING[opening.open]!;
      const block = opening.open === '[' ? 'one "- item" per line' : 'one "key: value" per line';
      return new YamlSyntaxError(`the ${opening.open} that opens here is never closed`, line, column, `add the closing ${close}, or write the items in block style, ${block}`);
    }
  }
  const reworded = REWORDED[error.code];
  const reason = reworded?.reason ?? plainReason(error.message);
  const offset = error.pos[0];
  if (offset === undefined) return new YamlSyntaxError(reason, undefined, undefined, reworded?.hint);
  const { line, column } = lines.position(offset);
  return new YamlSyntaxError(reason, line, column, reworded?.hint);
}
