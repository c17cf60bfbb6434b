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
 * Longest and deepest path accepted from an archive. Longer paths cannot be extracted on most systems
 * (PATH_MAX is 4096 bytes) and would cost time in proportion to length × depth to index.
 */
export const MAX_ARCHIVE_PATH_LENGTH = 1024;
export const MAX_ARCHIVE_PATH_DEPTH = 64;

/**
 * A UTF-16 code unit's rank in UTF-8 byte order (which is code point order): surrogates, which encode code
 * points above U+FFFF, rank above U+E000–U+FFFF. `slash` ranks below everything when given.
 */
function rank(code: number, slashFirst: boolean): number {
  if (slashFirst && code === 0x2f) return -1;
  if (code < 0xd800) return code;
  return code >= 0xe000 ? code - 0x800 : code + 0x2000;
}

function compareRanked(a: string, b: string, slashFirst: boolean): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x, slashFirst) - rank(y, slashFirst);
  }
  return a.length - b.length;
}

/** Byte-wise ascending order of UTF-8 strings, as Go sorts names (not `localeCompare`), without encoding them. */
export function compareBytewise(a: string, b: string): number {
  return Math.sign(compareRanked(a, b, false));
}

/**
 * Order of entries in an archive: segment by segment, byte-wise, so a directory's children follow it directly.
 * Equivalent to comparing the `/`-separated segments in turn: `/` ranks below every other character.
 */
export function compareBundlePaths(a: string, b: string): number {
  return compareRanked(a, b, true);
}
