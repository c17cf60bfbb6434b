/**
 * Go `io/fs.ValidPath`: unrooted, `/`-separated, no empty, `.` or `..` element, no trailing slash;
 * `.` alone names the root. Contract paths that fail this cannot be opened (contract.md §3.12.4).
 */
export function isValidBundlePath(path: string): boolean {
  if (path === '.') return true;
  if (path === '') return false;
  for (const element of path.split('/')) {
    if (element === '' || element === '.' || element === '..') return false;
  }
  return true;
}

/** Every proper ancestor of a bundle path, nearest last: `a/b/c` -> [`a`, `a/b`]. */
export function ancestorsOf(path: string): string[] {
  const result: string[] = [];
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) result.push(path.slice(0, slash));
  return result;
}

/**
 * Byte-wise ascending order of UTF-8 strings, as Go sorts names (not `localeCompare`). UTF-8 byte order is
 * code point order, so this compares code points: no encoding, and nothing Node-only (browsers have no Buffer).
 */
export function compareBytewise(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) return x < y ? -1 : 1;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return i < a.length ? 1 : j < b.length ? -1 : 0;
}

/** Order of entries in an archive: segment by segment, byte-wise, so a directory's children follow it directly. */
export function compareBundlePaths(a: string, b: string): number {
  const as = a.split('/');
  const bs = b.split('/');
  const n = Math.min(as.length, bs.length);
  for (let i = 0; i < n; i++) {
    const order = compareBytewise(as[i] as string, bs[i] as string);
    if (order !== 0) return order;
  }
  return as.length - bs.length;
}
