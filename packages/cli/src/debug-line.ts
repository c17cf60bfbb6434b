/** Extra `key=value` pairs of a `-v` line; undefined values are left out. */
export type DebugFields = Readonly<Record<string, string | number | boolean | undefined>>;

/** One `-v` line on stderr, logfmt (cli.md §1.5): `time=… level=DEBUG msg="…" key=value …`. */
export function debugLine(message: string, fields: DebugFields = {}): string {
  let line = `time=${new Date().toISOString()} level=DEBUG msg=${JSON.stringify(message)}`;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const text = String(value);
    line += ` ${key}=${/^[^\s"=]+$/.test(text) ? text : JSON.stringify(text)}`;
  }
  return `${line}\n`;
}
