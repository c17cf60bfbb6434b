// Bundle-relative paths follow Go's io/fs.ValidPath (contract.md §3.12.4): unrooted, slash-separated,
// no empty, `.` or `..` elements, no trailing slash. The single `.` names the bundle root.

/** True when `path` can be opened inside a bundle. */
export function isValidBundlePath(path: string): boolean {
  if (path === '.') return true;
  // Scan element by element without allocating: each element must be non-empty and not `.` or `..`.
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && path.charCodeAt(i) !== 0x2f) continue;
    const length = i - start;
    if (length === 0) return false;
    if (path.charCodeAt(start) === 0x2e && (length === 1 || (length === 2 && path.charCodeAt(start + 1) === 0x2e))) return false;
    start = i + 1;
  }
  return true;
}
