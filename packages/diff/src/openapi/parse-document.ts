import { parse } from 'yaml';

/**
 * Parse an interface contract file: JSON first when it looks like JSON (much faster on large descriptions),
 * else YAML (JSON is YAML). Mapping keys are always strings (diff.md §4.1 [decision]).
 * Returns undefined when the text does not parse.
 */
export function parseDocument(text: string): unknown {
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // not strict JSON; YAML may still read it
    }
  }
  try {
    return parse(text, { maxAliasCount: -1, prettyErrors: false });
  } catch {
    return undefined;
  }
}
