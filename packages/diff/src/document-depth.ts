import { DiffError } from './contract/to-diff-side.js';

/**
 * The most levels of nested objects and arrays `pacto diff` compares in an interface or schema file. Real
 * OpenAPI descriptions and JSON Schemas stay far below it; the comparison walks documents recursively, so a
 * generated document 20,000 levels deep is refused with one message instead of exhausting the stack.
 */
export const DOCUMENT_DEPTH_LIMIT = 500;

/**
 * `cycle` when an object contains itself (a YAML alias to its own ancestor), `too deep` beyond
 * DOCUMENT_DEPTH_LIMIT levels, else `ok`. A loop over an explicit stack: the document may be deep.
 */
export function documentShape(root: unknown): 'ok' | 'cycle' | 'too deep' {
  const onPath = new Set<object>();
  const done = new Set<object>();
  const stack: { node: object; children: unknown[]; index: number }[] = [];
  const enter = (node: unknown): 'cycle' | 'too deep' | undefined => {
    if (typeof node !== 'object' || node === null || done.has(node)) return undefined;
    if (onPath.has(node)) return 'cycle';
    if (stack.length >= DOCUMENT_DEPTH_LIMIT) return 'too deep';
    onPath.add(node);
    stack.push({ node, children: Array.isArray(node) ? node : Object.values(node), index: 0 });
    return undefined;
  };
  let problem = enter(root);
  while (problem === undefined && stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index < frame.children.length) {
      problem = enter(frame.children[frame.index++]);
      continue;
    }
    stack.pop();
    onPath.delete(frame.node);
    done.add(frame.node);
  }
  return problem ?? 'ok';
}

/** The error for a document nested deeper than DOCUMENT_DEPTH_LIMIT levels; `path` names its file. */
export function documentTooDeep(path?: string): DiffError {
  const what = path === undefined ? 'the document' : path;
  return new DiffError('DOCUMENT_TOO_DEEP', `${what} nests objects and arrays more than ${DOCUMENT_DEPTH_LIMIT} levels deep; pacto diff compares documents of at most ${DOCUMENT_DEPTH_LIMIT} levels`);
}

/** Throws documentTooDeep(path) when `document` is nested beyond the limit. */
export function checkDocumentDepth(document: unknown, path: string): void {
  if (documentShape(document) === 'too deep') throw documentTooDeep(path);
}
