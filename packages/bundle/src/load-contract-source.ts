import { open } from 'node:fs/promises';
import { BundleError } from './bundle-error.js';
import { contractBundleFromContents } from './bundle-contents.js';
import { BUNDLE_LIMITS, maxArchiveBytes, type BundleLimits } from './limits.js';
import { mebibytes } from './limit-errors.js';
import { loadBundleDir, type LoadedBundle } from './load-bundle-dir.js';
import { osErrorText } from './os-error-text.js';

/**
 * A contract read from a local directory or from a `.tar.gz` bundle file: what `loadBundleDir` gives,
 * with the argument's kind and cleaned path instead of the directory (`excluded` is always empty for
 * archives, which are read as they are).
 */
export interface LocalContractSource extends Omit<LoadedBundle, 'dir'> {
  readonly kind: 'directory' | 'archive';
  /** The path after defaults and `file://` removal (`.` when the argument was empty). */
  readonly path: string;
}

export interface LoadContractSourceOptions {
  readonly limits?: BundleLimits;
}

/**
 * Read the contract named by a command-line argument (cli.md §3.1): empty means `.`, a `file://` prefix is
 * dropped, a regular file ending in `.tar.gz` or `.tgz` is read as a bundle archive with the hardened rules of oci.md §3.2,
 * anything else must be a contract directory. `oci://` references are the caller's business (here they are
 * paths, which is what `pack` wants). Throws `BundleError`.
 */
export async function loadContractSource(arg: string | undefined, options: LoadContractSourceOptions = {}): Promise<LocalContractSource> {
  let path = arg === undefined || arg === '' ? '.' : arg;
  if (path.startsWith('file://')) path = path.slice('file://'.length) || '.';
  if (isBundleArchivePath(path)) {
    const bytes = await readArchiveFile(path, options.limits ?? BUNDLE_LIMITS);
    if (bytes) return fromArchive(path, bytes, options);
  }
  const bundle: LoadedBundle = await loadBundleDir(path, options);
  return { kind: 'directory', path, ...pick(bundle) };
}

function pick(bundle: LoadedBundle) {
  const { fileName, text, files, contents, entries, excluded } = bundle;
  return { fileName, text, files, contents, entries, excluded };
}

async function fromArchive(path: string, bytes: Uint8Array, options: LoadContractSourceOptions): Promise<LocalContractSource> {
  try {
    // Loaded on demand: tar-stream is not needed for the usual contract directory.
    const { readBundleArchive } = await import('./read-bundle-archive.js');
    const archive = await readBundleArchive(bytes, options);
    const bundle = contractBundleFromContents(archive, `${path}/pacto.yaml`);
    return { kind: 'archive', path, ...bundle, contents: archive, entries: archive.entries, excluded: [] };
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    throw new BundleError(error.code, `failed to read bundle ${path}: ${error.message}`, { cause: error, ...(error.hint === undefined ? {} : { hint: error.hint }) });
  }
}

/** True for a path named like a bundle archive: `.tar.gz`, or its short form `.tgz` (as `pack -o x.tgz` writes). */
export function isBundleArchivePath(path: string): boolean {
  return path.endsWith('.tar.gz') || path.endsWith('.tgz');
}

/** The archive's bytes, or undefined when `path` is not a regular file (then the directory rules report it). */
async function readArchiveFile(path: string, limits: BundleLimits): Promise<Uint8Array | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return undefined;
    const maxBytes = maxArchiveBytes(limits);
    if (info.size > maxBytes) {
      throw new BundleError('BUNDLE_TOO_LARGE', `failed to read bundle ${path}: the archive is ${mebibytes(info.size)}, more than a bundle within the limits can be (${mebibytes(maxBytes)})`);
    }
    return new Uint8Array(await handle.readFile());
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError('READ_FAILED', `failed to read ${path}: ${osErrorText(error)}`, { cause: error });
  } finally {
    await handle.close();
  }
}
