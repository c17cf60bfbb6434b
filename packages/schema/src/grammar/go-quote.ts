// Go's %q (strconv.Quote), as contract.md §10.4 prescribes for messages.
// Printable code points (letters, marks, numbers, punctuation, symbols, ASCII space) stay as they are.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const SHORT_ESCAPES: Record<number, string> = {
  0x07: '\\a',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v',
  0x5c: '\\\\',
  0x22: '\\"',
};

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, '0');
}

// Printable ASCII other than `"` and `\`: such text is quoted as it is (the common case, and fast on long text).
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Quote `text` the way Go's `%q` verb does. */
export function goQuote(text: string): string {
  if (PLAIN_ASCII.test(text)) return `"${text}"`;
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    const short = SHORT_ESCAPES[code];
    if (short !== undefined) out += short;
    else if (code >= 0x20 && code < 0x7f) out += char;
    else if (code < 0x80) out += `\\x${hex(code, 2)}`;
    else if (PRINTABLE.test(char)) out += char;
    else if (code < 0x10000) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return `${out}"`;
}
