import { parseAllDocuments } from 'yaml';

// Rule 11 (contract.md §6): an interface contract named *.yaml / *.yml must be syntactically valid YAML.
// Only the first document counts, as with Go's yaml.Unmarshal. Results are cached by text.

const MAX_CACHED = 512;
const cache = new Map<string, string | undefined>();

function check(text: string): string | undefined {
  const parsed = parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true, merge: true });
  // An empty stream has no documents and nothing to report.
  const first = Array.isArray(parsed) ? parsed[0] : undefined;
  const error = first?.errors[0];
  return error === undefined ? undefined : describe(error);
}

function describe(error: { message: string; linePos?: [{ line: number; col: number }, ...unknown[]] }): string {
  const headline = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  const position = error.linePos?.[0];
  return position === undefined ? headline : `line ${position.line}, column ${position.col}: ${headline}`;
}

/** The YAML syntax error of `text` (one line, with line and column), or undefined when it parses. */
export function yamlSyntaxError(text: string): string | undefined {
  if (cache.has(text)) return cache.get(text);
  const result = check(text);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(text, result);
  return result;
}
