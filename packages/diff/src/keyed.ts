import { sortedKeys } from './code-point-order.js';

export interface KeyedVisitor<T> {
  removed(key: string, oldItem: T): void;
  both(key: string, oldItem: T, newItem: T): void;
  added(key: string, newItem: T): void;
}

/** Index a list by key; a duplicate key keeps its last occurrence (diff.md §2.5). */
export function indexBy<T>(items: readonly T[] | undefined, keyOf: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items ?? []) map.set(keyOf(item), item);
  return map;
}

/**
 * The deterministic walk of diff.md §2.5: old keys ascending (removed or compared),
 * then keys only in new, ascending (added).
 */
export function walkKeyed<T>(oldItems: Map<string, T>, newItems: Map<string, T>, visitor: KeyedVisitor<T>): void {
  for (const key of sortedKeys(oldItems.keys())) {
    const oldItem = oldItems.get(key)!;
    if (newItems.has(key)) visitor.both(key, oldItem, newItems.get(key)!);
    else visitor.removed(key, oldItem);
  }
  for (const key of sortedKeys(newItems.keys())) {
    if (!oldItems.has(key)) visitor.added(key, newItems.get(key)!);
  }
}
