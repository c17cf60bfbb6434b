/** Ascending Unicode code-point order (what Go's sort.Strings gives), unlike JS's UTF-16 default. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const ca = ia.next();
    const cb = ib.next();
    if (ca.done) return cb.done ? 0 : -1;
    if (cb.done) return 1;
    const da = ca.value.codePointAt(0)!;
    const db = cb.value.codePointAt(0)!;
    if (da !== db) return da - db;
  }
}

export function sortedKeys(keys: Iterable<string>): string[] {
  return [...keys].sort(compareCodePoints);
}
