import { parseDocument as parseYamlDocument } from 'yaml';
import { yamlWarningLine } from './yaml-warning.js';

/**
 * Parse an interface contract file: JSON first when it looks like JSON (much faster on large descriptions),
 * else YAML (JSON is YAML). Mapping keys are always strings (diff.md §4.1 [decision]).
 * Returns undefined when the text does not parse. The YAML reader's warnings (an unknown tag, …) go to
 * `onWarning`, one line each, never to the process's stderr.
 */
export function parseDocument(text: string, onWarning?: (message: string) => void): unknown {
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // not strict JSON; YAML may still read it
    }
  }
  let document: unknown;
  try {
    const parsed = parseYamlDocument(text, { prettyErrors: true });
    if (parsed.errors.length > 0) return undefined;
    for (const warning of parsed.warnings) onWarning?.(yamlWarningLine(warning));
    document = parsed.toJS({ maxAliasCount: -1 });
  } catch {
    return undefined;
  }
  // A YAML alias can point at its own ancestor; such a document has no JSON meaning, so it reads as unparsable.
  return isAcyclic(document) ? document : undefined;
}

function isAcyclic(root: unknown): boolean {
  const onPath = new Set<object>();
  const done = new Set<object>();
  const visit = (node: unknown): boolean => {
    if (typeof node !== 'object' || node === null || done.has(node)) return true;
    if (onPath.has(node)) return false;
    onPath.add(node);
    for (const child of Array.isArray(node) ? node : Object.values(node)) if (!visit(child)) return false;
    onPath.delete(node);
    done.add(node);
    return true;
  };
  return visit(root);
}
