import { RefResolver } from './ref-resolver.js';

const isRef = (node: object) => typeof (node as { $ref?: unknown }).$ref === 'string' && !Array.isArray(node);

/**
 * Deep equality across two documents with local `$ref`s resolved on both sides. Each pair of nodes is compared
 * once (memoised by identity), and a pair met again while it is being compared is assumed equal, which makes
 * the comparison terminate on recursive schemas and gives the greatest consistent answer.
 */
export class ResolvedEquality {
  readonly #old: RefResolver;
  readonly #new: RefResolver;
  readonly #memo = new Map<object, Map<object, boolean>>();

  constructor(oldRoot: unknown, newRoot: unknown) {
    this.#old = new RefResolver(oldRoot);
    this.#new = new RefResolver(newRoot);
  }

  get oldResolver(): RefResolver {
    return this.#old;
  }

  get newResolver(): RefResolver {
    return this.#new;
  }

  equal(a: unknown, b: unknown): boolean {
    if (a === b && (typeof a !== 'object' || a === null)) return true;
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
      return Number.isNaN(a) && Number.isNaN(b);
    }
    // Documents are trees; only `$ref`s make them graphs. So only pairs involving a reference need the memo
    // (which also makes each referenced schema pair compared once); plain nodes are compared directly.
    if (!isRef(a) && !isRef(b)) return this.#compare(a, b);
    let row = this.#memo.get(a);
    const known = row?.get(b);
    if (known !== undefined) return known;
    if (!row) {
      row = new Map();
      this.#memo.set(a, row);
    }
    row.set(b, true); // in progress: assumed equal
    const result = this.#compare(this.#old.resolve(a), this.#new.resolve(b));
    row.set(b, result);
    return result;
  }

  #compare(a: unknown, b: unknown): boolean {
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return this.equal(a, b);
    if (a instanceof Date || b instanceof Date) {
      return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
    }
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a)) {
      const bb = b as unknown[];
      if (a.length !== bb.length) return false;
      for (let i = 0; i < a.length; i++) if (!this.equal(a[i], bb[i])) return false;
      return true;
    }
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = Object.keys(ao);
    if (keys.length !== Object.keys(bo).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(bo, key) || !this.equal(ao[key], bo[key])) return false;
    }
    return true;
  }
}
