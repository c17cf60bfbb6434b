// Bundle-relative paths follow Go's io/fs.ValidPath (contract.md §3.12.4): unrooted, slash-separated,
// no empty, `.` or `..` elements, no trailing slash. The single `.` names the bundle root.

/** True when `path` can be opened inside a bundle. */
export function isValidBundlePath(path: string): boolean {
  if (path === '.') return true;
  if (path === '') return false;
  for (const element of path.split('/')) {
    if (element === '' || element === '.' || element === '..') return false;
  }
  return true;
}
