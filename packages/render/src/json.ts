const GO_HTML_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON as the Go tool prints it: two-space indent, a final newline, and the HTML-sensitive
 * characters escaped the way Go's encoder does, so CI scripts see identical bytes (cli.md §1.4).
 * Escaping after stringify is safe: these characters only ever occur inside JSON strings.
 */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (ch) => GO_HTML_ESCAPES[ch]!)}\n`;
}
