import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BundleError } from './bundle-error.js';
import { assertValidBundleContents, listBundleEntries, type BundleContents, type BundleEntry } from './bundle-contents.js';
import type { BundleLimits } from './limits.js';
import { osErrorText } from './os-error-text.js';
import { readBundleArchive } from './read-bundle-archive.js';

export interface ExtractBundleOptions {
  readonly limits?: BundleLimits;
}

/**
 * Write a bundle (archive bytes or an in-memory tree) under `targetDir`: directories 0755, files 0644, parents
 * created, existing files overwritten, unrelated files left alone (oci.md §9.2). The archive is fully read and
 * checked first, and files are staged in a temporary directory on the same file system, so a refused archive
 * writes nothing. Returns the entries written, in archive order.
 */
export async function extractBundle(
  source: Uint8Array | BundleContents,
  targetDir: string,
  options: ExtractBundleOptions = {},
): Promise<BundleEntry[]> {
  const contents = source instanceof Uint8Array ? await readBundleArchive(source, options) : source;
  assertValidBundleContents(contents);
  const entries = listBundleEntries(contents);

  const target = resolve(targetDir);
  const targetExists = await checkTarget(target, entries);
  // Staging next to the target (or inside it when it exists) keeps every rename on one file system.
  const staging = targetExists
    ? join(target, `.pacto-extract-${randomBytes(6).toString('hex')}`)
    : join(dirname(target), `.${basename(target)}.pacto-extract-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(dirname(staging), { recursive: true });
    await mkdir(staging, { mode: 0o755 });
    await writeEntries(staging, entries, contents.files);
    if (!targetExists) {
      await rename(staging, target);
      await chmod(target, 0o755);
      return entries;
    }
    for (const entry of entries) {
      const to = join(target, entry.path);
      if (entry.kind === 'directory') await mkdir(to, { recursive: true, mode: 0o755 });
      else await rename(join(staging, entry.path), to);
    }
    return entries;
  } catch (error) {
    if (error instanceof BundleError) throw error;
    const path = (error as NodeJS.ErrnoException).path ?? target;
    throw new BundleError('WRITE_FAILED', `failed to write ${path}: ${osErrorText(error)}`, { cause: error });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function writeEntries(root: string, entries: readonly BundleEntry[], files: ReadonlyMap<string, Uint8Array>): Promise<void> {
  for (const entry of entries) {
    const path = join(root, entry.path);
    if (entry.kind === 'directory') {
      await mkdir(path, { mode: 0o755 });
      await chmod(path, 0o755);
    } else {
      await writeFile(path, files.get(entry.path) ?? new Uint8Array(), { mode: 0o644 });
      await chmod(path, 0o644);
    }
  }
}

/**
 * Refuse, before anything is written, targets that cannot take the bundle: the target or a needed directory
 * is a file, a needed file is a directory, or a directory on the way is a symbolic link (which would let a
 * bundle write outside the target). Returns whether the target exists.
 */
async function checkTarget(target: string, entries: readonly BundleEntry[]): Promise<boolean> {
  const targetKind = await kindOf(target);
  if (targetKind === undefined) return false;
  if (targetKind !== 'directory' && targetKind !== 'symlink') {
    throw new BundleError('WRITE_FAILED', `failed to write ${target}: not a directory`);
  }
  for (const entry of entries) {
    const path = join(target, entry.path);
    const kind = await kindOf(path);
    if (kind === undefined) continue;
    if (entry.kind === 'directory' && kind !== 'directory') {
      throw new BundleError('WRITE_FAILED', `failed to write ${path}: exists and is not a directory`);
    }
    if (entry.kind === 'file' && kind === 'directory') {
      throw new BundleError('WRITE_FAILED', `failed to write ${path}: is a directory`);
    }
  }
  return true;
}

async function kindOf(path: string): Promise<'directory' | 'symlink' | 'other' | undefined> {
  try {
    const info = await lstat(path);
    return info.isDirectory() ? 'directory' : info.isSymbolicLink() ? 'symlink' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new BundleError('WRITE_FAILED', `failed to write ${path}: ${osErrorText(error)}`, { cause: error });
  }
}
