import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CONTRACT_FILE, writeFileAtomic } from '@pacto/bundle';
import { McpToolError } from '../tool-error.js';

// Writing is the last step of create and edit, after validation passed. A contract is never left
// half-written: a new directory appears whole (written beside it, then renamed), and in an existing one
// every file is replaced atomically with pacto.yaml last, so a failure leaves the old contract in place.

/** Bundle-relative paths with their text; `pacto.yaml` is written after the others. */
export type FileSet = ReadonlyMap<string, string>;

/** The paths of a file set in writing order: by name, pacto.yaml last. */
export function orderedPaths(files: FileSet): string[] {
  return [...files.keys()].sort((a, b) => Number(a === CONTRACT_FILE) - Number(b === CONTRACT_FILE) || a.localeCompare(b));
}

function ordered(files: FileSet): [string, string][] {
  return orderedPaths(files).map((path) => [path, files.get(path)!]);
}

async function writeTree(dir: string, files: FileSet, flag: 'wx' | 'w'): Promise<void> {
  for (const [path, text] of ordered(files)) {
    const target = join(dir, ...path.split('/'));
    await mkdir(dirname(target), { recursive: true, mode: 0o755 });
    if (flag === 'wx') await writeFile(target, text, { mode: 0o644, flag });
    else await writeFileAtomic(target, new TextEncoder().encode(text));
  }
}

function failure(dir: string, error: unknown): McpToolError {
  const reason = error instanceof Error ? error.message : String(error);
  return new McpToolError('CONTRACT_INVALID', `failed to write the contract in ${dir}: ${reason}`, { cause: error });
}

/** Creates `dir` with these files, all or nothing: written in a sibling temporary directory, then renamed. */
export async function writeNewDirectory(dir: string, files: FileSet): Promise<void> {
  const parent = dirname(dir);
  const temp = join(parent, `.${basename(dir)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(parent, { recursive: true, mode: 0o755 });
    await mkdir(temp, { mode: 0o755 });
    await writeTree(temp, files, 'wx');
    await rename(temp, dir);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw failure(dir, error);
  }
}

/**
 * Adds files that do not exist yet to an existing directory (pacto.yaml last). On failure the files this
 * call created are removed again.
 */
export async function addToDirectory(dir: string, files: FileSet): Promise<void> {
  const created: string[] = [];
  try {
    for (const [path, text] of ordered(files)) {
      const target = join(dir, ...path.split('/'));
      await mkdir(dirname(target), { recursive: true, mode: 0o755 });
      await writeFile(target, text, { mode: 0o644, flag: 'wx' });
      created.push(target);
    }
  } catch (error) {
    await Promise.all(created.map((file) => rm(file, { force: true })));
    throw failure(dir, error);
  }
}

/** Replaces or adds files in a contract directory, each atomically, pacto.yaml last. */
export async function replaceInDirectory(dir: string, files: FileSet): Promise<void> {
  try {
    await writeTree(dir, files, 'w');
  } catch (error) {
    throw failure(dir, error);
  }
}
