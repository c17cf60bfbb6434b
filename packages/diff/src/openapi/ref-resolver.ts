import { isPlainObject } from '../deep-equal.js';

/**
 * Follows local `$ref`s (`#/...` JSON pointers) inside one document. Chains are followed, cycles stop at the
 * node that closes them, results are memoised per node so every resolved object has a stable identity.
 * OpenAPI 3.1 sibling keys next to `$ref` (summary, description) override the target's.
 */
export class RefResolver {
  readonly #root: unknown;
  readonly #cache = new Map<object, unknown>();

  constructor(root: unknown) {
    this.#root = root;
  }

  resolve(node: unknown): unknown {
    if (!isPlainObject(node) || typeof node.$ref !== 'string') return node;
    const cached = this.#cache.get(node);
    if (cached !== undefined) return cached;
    const seen = new Set<object>([node]);
    let current: unknown = node;
    const siblings: Record<string, unknown>[] = [];
    while (isPlainObject(current) && typeof current.$ref === 'string') {
      const { $ref, ...rest } = current;
      if (Object.keys(rest).length > 0) siblings.unshift(rest);
      const target = this.#pointer($ref as string);
      if (target === undefined || (typeof target === 'object' && target !== null && seen.has(target))) {
        // external, dangling or cyclic: compare the reference itself
        break;
      }
      if (typeof target === 'object' && target !== null) seen.add(target);
      current = target;
    }
    let resolved = current;
    if (siblings.length > 0 && isPlainObject(current) && current !== node) {
      resolved = Object.assign({}, current, ...siblings) as unknown;
    }
    this.#cache.set(node, resolved);
    return resolved;
  }

  #pointer(ref: string): unknown {
    if (!ref.startsWith('#')) return undefined;
    let fragment: string;
    try {
      fragment = decodeURIComponent(ref.slice(1));
    } catch {
      return undefined;
    }
    if (fragment === '') return this.#root;
    if (!fragment.startsWith('/')) return undefined;
    let current: unknown = this.#root;
    for (const raw of fragment.slice(1).split('/')) {
      const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (Array.isArray(current)) current = current[Number(segment)];
      else if (isPlainObject(current) && Object.hasOwn(current, segment)) current = current[segment];
      else return undefined;
    }
    return current;
  }
}
