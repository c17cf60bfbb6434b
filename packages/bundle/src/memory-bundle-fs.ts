import type { BundleFS } from '@pacto/schema';
import { ancestorsOf, isValidBundlePath } from './bundle-path.js';

export interface MemoryBundleFSOptions {
  /** Directories to report even when no file lies below them (empty directories of the bundle). */
  readonly directories?: Iterable<string>;
  /** Which `.pactoignore` pattern removed a path from the bundle (see `loadBundleDir`). */
  readonly excludedBy?: (path: string) => string | undefined;
}

/**
 * A `BundleFS` over an in-memory map of bundle-relative file paths to bytes. Parent directories
 * of every file are implied; `.` is the root directory; invalid paths (Go io/fs rules) are never found.
 */
export function memoryBundleFS(
  files: ReadonlyMap<string, Uint8Array>,
  options: MemoryBundleFSOptions = {},
): BundleFS {
  const directories = new Set<string>(['.']);
  const addWithAncestors = (path: string): void => {
    for (const ancestor of ancestorsOf(path)) directories.add(ancestor);
  };
  for (const path of files.keys()) addWithAncestors(path);
  for (const dir of options.directories ?? []) {
    if (!isValidBundlePath(dir)) continue;
    directories.add(dir);
    addWithAncestors(dir);
  }
  const excludedBy = options.excludedBy;

  return {
    stat(path) {
      if (!isValidBundlePath(path)) return undefined;
      if (files.has(path)) return 'file';
      return directories.has(path) ? 'directory' : undefined;
    },
    readFile(path) {
      return isValidBundlePath(path) ? files.get(path) : undefined;
    },
    excludedBy(path) {
      if (!excludedBy || !isValidBundlePath(path) || files.has(path) || directories.has(path)) return undefined;
      return excludedBy(path);
    },
  };
}
