import { parseAllDocuments } from 'yaml';
import { LineIndex } from './parse/line-index.js';
import { syntaxError } from './parse/syntax-error.js';

// Whether a file a contract names can be read as its format needs: an interface contract named *.yaml / *.yml
// must be YAML (contract.md §6 rule 11), and a 2.0 interface spec file YAML or JSON (contract-2.0.md §5 rule 6d).
// Only the first YAML document counts, as with Go's yaml.Unmarshal. YAML results are cached by text.

const MAX_CACHED = 512;
const cache = new Map<string, string | undefined>();
const YAML_NAME = /\.ya?ml$/i;

function check(text: string): string | undefined {
  const parsed = parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true, merge: true });
  // An empty stream has no documents and nothing to report.
  const first = Array.isArray(parsed) ? parsed[0] : undefined;
  const error = first?.errors[0];
  return error === undefined ? undefined : describe(syntaxError(error, text, new LineIndex(text)));
}

// Worded as the contract's own syntax errors are (where a quote or bracket opens, no library jargon).
function describe(error: { message: string; line?: number | undefined; column?: number | undefined }): string {
  return error.line === undefined ? error.message : `line ${error.line}, column ${error.column}: ${error.message}`;
}

/** The YAML syntax error of `text` (one line, with line and column), or undefined when it parses. */
export function yamlSyntaxError(text: string): string | undefined {
  if (cache.has(text)) return cache.get(text);
  const result = check(text);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(text, result);
  return result;
}

/** True when a bundle path names a YAML file by its extension (case-insensitive). */
export function isYamlFileName(path: string): boolean {
  return YAML_NAME.test(path);
}

/**
 * Why a 2.0 interface spec file cannot be read, or undefined when it can: a `.yaml`/`.yml` file must be YAML,
 * any other must be JSON (so a `.proto` file is refused, as by the Go tool). The text keeps its BOM, which JSON
 * refuses as Go's encoding/json does.
 */
export function interfaceSpecProblem(path: string, text: string): string | undefined {
  if (isYamlFileName(path)) {
    const problem = yamlSyntaxError(text);
    return problem === undefined ? undefined : `is not valid YAML: ${problem}`;
  }
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    // V8 ends some messages with a quote of the text and "is not valid JSON"; the finding says that already.
    return `is not valid JSON: ${(error as Error).message.replace(/, ".*" is not valid JSON$/s, '')}`;
  }
}
