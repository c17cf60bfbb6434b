import { parseDocument as parseYamlDocument } from 'yaml';
import { documentShape, documentTooDeep } from '../document-depth.js';
import { yamlWarningLine } from './yaml-warning.js';

/**
 * Parse an interface contract file: JSON first when it looks like JSON (much faster on large descriptions),
 * else YAML (JSON is YAML). Mapping keys are always strings (diff.md §4.1 [decision]).
 * Returns undefined when the text does not parse; throws DiffError `DOCUMENT_TOO_DEEP` for a document
 * nested beyond DOCUMENT_DEPTH_LIMIT levels. The YAML reader's warnings (an unknown tag, …) go to
 * `onWarning`, one line each, never to the process's stderr.
 */
export function parseDocument(text: string, onWarning?: (message: string) => void): unknown {
  const first = text.trimStart()[0];
  let document: unknown;
  let parsed = false;
  if (first === '{' || first === '[') {
    try {
      document = JSON.parse(text) as unknown;
      parsed = true;
    } catch {
      // not strict JSON; YAML may still read it
    }
  }
  if (!parsed) {
    try {
      const yaml = parseYamlDocument(text, { prettyErrors: true });
      if (yaml.errors.length > 0) return undefined;
      for (const warning of yaml.warnings) onWarning?.(yamlWarningLine(warning));
      document = yaml.toJS({ maxAliasCount: -1 });
    } catch {
      return undefined;
    }
  }
  // A YAML alias can point at its own ancestor; such a document has no JSON meaning, so it reads as unparsable.
  const shape = documentShape(document);
  if (shape === 'too deep') throw documentTooDeep();
  return shape === 'cycle' ? undefined : document;
}
