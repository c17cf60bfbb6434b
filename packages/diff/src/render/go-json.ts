const ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * JSON as the Go tool prints it: two-space indent, final newline, `<`, `>`, `&` escaped (cli.md §1.4).
 * Replacing after stringify is safe because those characters only occur inside JSON strings.
 */
export function goJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (ch) => ESCAPES[ch]!)}\n`;
}
