/** One `-v` line on stderr, logfmt: `time=… level=DEBUG msg="…"`. */
export function debugLine(message: string): string {
  return `time=${new Date().toISOString()} level=DEBUG msg=${JSON.stringify(message)}\n`;
}
