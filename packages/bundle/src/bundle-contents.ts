import type { BundleFS, ContractBundle } from '@pacto/schema';
import { ancestorsOf, compareBundlePaths, isValidBundlePath } from './bundle-path.js';
import { BundleError } from './bundle-error.js';
import { memoryBundleFS } from './memory-bundle-fs.js';

/** The file tree of a bundle: bundle-relative file paths to bytes, plus directories (empty ones must be listed). */
export interface BundleContents {
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly directories?: Iterable<string>;
}

export interface BundleEntry {
  readonly path: string;
  readonly kind: 'file' | 'directory';
}

export const CONTRACT_FILE = 'pacto.yaml';

/**
 * Every entry of the tree (explicit and implied directories, files) in archive order: depth-first,
 * names byte-wise ascending, a directory before its children (oci.md §3.1).
 */
export function listBundleEntries(contents: BundleContents): BundleEntry[] {
  const directories = new Set<string>();
  for (const dir of contents.directories ?? []) {
    directories.add(dir);
    for (const ancestor of ancestorsOf(dir)) directories.add(ancestor);
  }
  for (const path of contents.files.keys()) for (const ancestor of ancestorsOf(path)) directories.add(ancestor);
  const entries: BundleEntry[] = [];
  for (const path of directories) if (!contents.files.has(path)) entries.push({ path, kind: 'directory' });
  for (const path of contents.files.keys()) entries.push({ path, kind: 'file' });
  return entries.sort((a, b) => compareBundlePaths(a.path, b.path));
}

/** The same tree with `pacto.yaml` replaced (used after overrides; every other file is unchanged). */
export function withContractText(contents: BundleContents, text: string): BundleContents {
  const files = new Map(contents.files);
  files.set(CONTRACT_FILE, new TextEncoder().encode(text));
  return { files, directories: contents.directories ? [...contents.directories] : [] };
}

/**
 * A `ContractBundle` over an in-memory tree, e.g. one read back from an archive (oci.md §2.2).
 * Throws `MISSING_CONTRACT` (`bundle missing pacto.yaml: ...`) when the tree has no root `pacto.yaml`.
 */
export function contractBundleFromContents(
  contents: BundleContents,
  fileName: string,
): ContractBundle & { readonly files: BundleFS } {
  const bytes = contents.files.get(CONTRACT_FILE);
  if (!bytes) {
    throw new BundleError('MISSING_CONTRACT', `bundle missing pacto.yaml: open ${CONTRACT_FILE}: file does not exist`);
  }
  const options = contents.directories ? { directories: contents.directories } : {};
  return { fileName, text: decodeUtf8(bytes), files: memoryBundleFS(contents.files, options) };
}

export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** The same tree without the given files (e.g. a previous archive that `pack` is about to replace). */
export function withoutFiles(contents: BundleContents, paths: Iterable<string>): BundleContents {
  const files = new Map(contents.files);
  for (const path of paths) files.delete(path);
  return { files, directories: contents.directories ? [...contents.directories] : [] };
}

/**
 * Refuse a tree no archive may hold: a path that is not a valid bundle path (absolute, `..`, empty segments, the
 * root itself) or a file that is also a directory. Trees from `loadBundleDir`/`readBundleArchive` always pass.
 */
export function assertValidBundleContents(contents: BundleContents): void {
  const directories = new Set<string>();
  for (const dir of contents.directories ?? []) {
    if (!isValidBundlePath(dir) || dir === '.') throw new BundleError('INVALID_PATH', `invalid path in bundle: ${dir}`);
    directories.add(dir);
  }
  for (const path of contents.files.keys()) {
    if (!isValidBundlePath(path) || path === '.') throw new BundleError('INVALID_PATH', `invalid path in bundle: ${path}`);
    for (const ancestor of ancestorsOf(path)) directories.add(ancestor);
  }
  for (const path of contents.files.keys()) {
    if (directories.has(path)) throw new BundleError('INVALID_PATH', `invalid path in bundle: ${path} is both a file and a directory`);
  }
}
