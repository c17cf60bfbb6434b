import { lstatSync, type Dirent, type Stats } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BundleFS, ContractBundle } from '@pacto/schema';
import { BundleError } from './bundle-error.js';
import { compareBytewise } from './bundle-path.js';
import { CONTRACT_FILE, decodeUtf8, type BundleContents, type BundleEntry } from './bundle-contents.js';
import { BUNDLE_LIMITS, type BundleLimits } from './limits.js';
import { bundleTooLarge, fileTooLarge, tooManyEntries } from './limit-errors.js';
import { memoryBundleFS } from './memory-bundle-fs.js';
import { osErrorText } from './os-error-text.js';
import { createIgnoreMatcher, type IgnoreMatcher } from './pactoignore.js';

/** A path `.pactoignore` removed, and the pattern that did it. Excluded directories are not descended into. */
export interface ExcludedPath {
  readonly path: string;
  readonly kind: 'file' | 'directory' | 'other';
  readonly pattern: string;
}

/** A contract directory read into memory, filtered by `.pactoignore`. */
export interface LoadedBundle extends ContractBundle {
  /** `<dir>/pacto.yaml`, joined and cleaned like Go's filepath.Join (`.` gives `pacto.yaml`). */
  readonly fileName: string;
  readonly text: string;
  readonly files: BundleFS;
  /** The directory as given. */
  readonly dir: string;
  /** Included files (bytes) and directories: what `packBundle` archives. */
  readonly contents: BundleContents;
  /** Included files and directories in archive order. */
  readonly entries: readonly BundleEntry[];
  /** Top-most excluded paths in walk order. */
  readonly excluded: readonly ExcludedPath[];
}

export interface LoadBundleDirOptions {
  readonly limits?: BundleLimits;
}

/**
 * Read a local contract directory (cli.md §3.1 errors, oci.md §2.1 and §2.3 rules). Limits are checked
 * from directory listings and sizes before any file content is read. Throws `BundleError`.
 */
export async function loadBundleDir(dir: string, options: LoadBundleDirOptions = {}): Promise<LoadedBundle> {
  const limits = options.limits ?? BUNDLE_LIMITS;
  const fileName = join(dir, CONTRACT_FILE);
  const contractBytes = await readContract(dir, fileName);

  const matcher = createIgnoreMatcher(await readPactoignore(dir));
  const walk = await walkBundleDir(dir, matcher, limits);

  const files = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of walk.entries) {
    if (entry.kind !== 'file') continue;
    const bytes = entry.path === CONTRACT_FILE ? contractBytes : await readBundleFile(dir, entry.path);
    // Sizes were checked from lstat; a file that grew since then is checked again here.
    if (bytes.byteLength > limits.maxFileBytes) throw fileTooLarge(entry.path, join(dir, entry.path), bytes.byteLength, limits, { kind: 'directory', dir });
    total += bytes.byteLength;
    if (total > limits.maxTotalBytes) throw bundleTooLarge(limits, { kind: 'directory', dir });
    files.set(entry.path, bytes);
  }

  const directories = walk.entries.filter((e) => e.kind === 'directory').map((e) => e.path);
  const excludedBy = excludedByLookup(dir, walk.excluded);
  return {
    fileName,
    text: decodeUtf8(contractBytes),
    files: memoryBundleFS(files, { directories, excludedBy }),
    dir,
    contents: { files, directories },
    entries: walk.entries,
    excluded: walk.excluded,
  };
}

async function readContract(dir: string, fileName: string): Promise<Uint8Array> {
  let info: Stats;
  try {
    info = await stat(dir);
  } catch (error) {
    throw new BundleError('PATH_NOT_FOUND', `failed to access ${dir}: ${osErrorText(error)}`, { cause: error });
  }
  if (!info.isDirectory()) {
    throw new BundleError('NOT_A_DIRECTORY', `${dir} is not a directory`, {
      hint: 'name the directory that holds pacto.yaml, or a bundle archive ending in .tar.gz or .tgz',
    });
  }
  try {
    await stat(fileName);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new BundleError('CONTRACT_NOT_FOUND', `no pacto.yaml found in ${dir}`, { cause: error, hint: 'run `pacto init <name>` to create one' });
    }
    throw unreadableContract(fileName, error);
  }
  try {
    return await readFile(fileName);
  } catch (error) {
    throw unreadableContract(fileName, error);
  }
}

function unreadableContract(fileName: string, error: unknown): BundleError {
  return new BundleError('CONTRACT_UNREADABLE', `failed to read ${fileName}: ${osErrorText(error)}`, { cause: error });
}

async function readBundleFile(root: string, path: string): Promise<Uint8Array> {
  const absolute = join(root, path);
  try {
    return await readFile(absolute);
  } catch (error) {
    throw new BundleError('READ_FAILED', `failed to read ${absolute}: ${osErrorText(error)}`, { cause: error });
  }
}

async function readPactoignore(dir: string): Promise<string> {
  const path = join(dir, '.pactoignore');
  try {
    const info = await lstat(path);
    if (!info.isFile()) return '';
    return decodeUtf8(await readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new BundleError('READ_FAILED', `failed to read ${path}: ${osErrorText(error)}`, { cause: error });
  }
}

interface WalkResult {
  readonly entries: BundleEntry[];
  readonly excluded: ExcludedPath[];
}

async function walkBundleDir(root: string, matcher: IgnoreMatcher, limits: BundleLimits): Promise<WalkResult> {
  const entries: BundleEntry[] = [];
  const excluded: ExcludedPath[] = [];
  let total = 0;

  const visit = async (relativeDir: string): Promise<void> => {
    const absolute = relativeDir === '' ? root : join(root, relativeDir);
    let children: Dirent[];
    try {
      children = await readdir(absolute, { withFileTypes: true });
    } catch (error) {
      throw new BundleError('READ_FAILED', `failed to read ${absolute}: ${osErrorText(error)}`, { cause: error });
    }
    children.sort((a, b) => compareBytewise(a.name, b.name));
    for (const child of children) {
      const path = relativeDir === '' ? child.name : `${relativeDir}/${child.name}`;
      const isDirectory = child.isDirectory();
      const pattern = matcher.excludedBy(path, isDirectory);
      if (pattern !== undefined) {
        excluded.push({ path, kind: isDirectory ? 'directory' : child.isFile() ? 'file' : 'other', pattern });
        continue;
      }
      if (!isDirectory && !child.isFile()) {
        throw new BundleError('UNSUPPORTED_FILE_TYPE', `unsupported file type for ${path}: ${fileKind(child)}`);
      }
      if (entries.length >= limits.maxEntries) {
        throw tooManyEntries(limits, { kind: 'directory', dir: root });
      }
      if (isDirectory) {
        entries.push({ path, kind: 'directory' });
        await visit(path);
        continue;
      }
      const size = await fileSize(join(root, path));
      if (size > limits.maxFileBytes) throw fileTooLarge(path, join(root, path), size, limits, { kind: 'directory', dir: root });
      total += size;
      if (total > limits.maxTotalBytes) throw bundleTooLarge(limits, { kind: 'directory', dir: root });
      entries.push({ path, kind: 'file' });
    }
  };

  await visit('');
  return { entries, excluded };
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await lstat(path)).size;
  } catch (error) {
    throw new BundleError('READ_FAILED', `failed to read ${path}: ${osErrorText(error)}`, { cause: error });
  }
}

function fileKind(entry: Dirent): string {
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isSocket()) return 'socket';
  if (entry.isFIFO()) return 'fifo';
  if (entry.isBlockDevice()) return 'block device';
  if (entry.isCharacterDevice()) return 'character device';
  return 'unknown';
}

/**
 * The FILE_NOT_FOUND hint: a path missing from the bundle is "excluded" when it, or a directory above it,
 * was removed by a pattern and it really exists on disk (a missing file under an ignored directory is just missing).
 */
function excludedByLookup(root: string, excluded: readonly ExcludedPath[]): (path: string) => string | undefined {
  const byPath = new Map(excluded.map((e) => [e.path, e]));
  // Nearest the root first. Looked up by prefix, not by listing the path's ancestors: a contract may name a
  // path thousands of segments deep, and its ancestors would cost time and memory in the square of its length.
  const directories = excluded.filter((e) => e.kind === 'directory').sort((a, b) => a.path.length - b.path.length);
  return (path) => {
    const own = byPath.get(path);
    if (own) return own.pattern;
    for (const hit of directories) {
      if (!path.startsWith(`${hit.path}/`)) continue;
      try {
        lstatSync(join(root, path));
        return hit.pattern;
      } catch {
        return undefined;
      }
    }
    return undefined;
  };
}
