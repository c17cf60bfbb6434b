import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { loadContractSource } from '@pacto/bundle';
import type { BundleResolver } from '@pacto/validate';
import { createEntry, unreadableEntry, type ContractEntry } from '../fleet/contract-entry.js';

// The local source (cli.md §4.14): every contract directory in and under one directory, re-read on each
// refresh, so contracts being edited show as they are now.

/** Directories never searched: dependencies, version control, build output. */
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'coverage']);
const MAX_DEPTH = 8;
const MAX_DIRECTORIES = 20_000;

export interface LocalScan {
  readonly entries: readonly ContractEntry[];
  /** Why the source is disabled, when it found no contract. */
  readonly reason: string;
}

/**
 * Directories holding a `pacto.yaml` that looks like a contract (a `pactoVersion:` or `service:` key at the top;
 * the same file name also serves as the CLI's config file). Hidden and dependency directories are skipped.
 */
export async function findContractDirs(root: string): Promise<string[]> {
  const found: string[] = [];
  let visited = 0;
  const queue: { dir: string; depth: number }[] = [{ dir: root, depth: 0 }];
  while (queue.length > 0 && visited < MAX_DIRECTORIES) {
    const { dir, depth } = queue.shift()!;
    visited += 1;
    let names;
    try {
      names = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    if (names.some((entry) => entry.name === 'pacto.yaml' && entry.isFile()) && (await looksLikeContract(join(dir, 'pacto.yaml')))) {
      found.push(dir);
    }
    if (depth >= MAX_DEPTH) continue;
    for (const entry of names) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED.has(entry.name)) queue.push({ dir: join(dir, entry.name), depth: depth + 1 });
    }
  }
  return found.sort();
}

async function looksLikeContract(file: string): Promise<boolean> {
  try {
    const text = await readFile(file, 'utf8');
    return /^(pactoVersion|service)\s*:/m.test(text);
  } catch {
    return false;
  }
}

/** Reads and validates every contract under `root`. */
export async function scanLocal(root: string, resolver: BundleResolver): Promise<LocalScan> {
  const absolute = resolve(root);
  const dirs = await findContractDirs(absolute);
  if (dirs.length === 0) return { entries: [], reason: `no pacto.yaml in or under ${root}` };
  const entries = await Promise.all(dirs.map((dir) => loadLocal(absolute, root, dir, resolver)));
  return { entries, reason: `${dirs.length} contract${dirs.length === 1 ? '' : 's'} in ${root}` };
}

async function loadLocal(absoluteRoot: string, root: string, dir: string, resolver: BundleResolver): Promise<ContractEntry> {
  // Shown the way the user named the root: `examples/redis`, `./redis`.
  const shown = join(root, relative(absoluteRoot, dir)) || '.';
  const common = { source: 'local' as const, ref: shown, dir, fallbackName: basename(dir), fallbackVersion: '' };
  try {
    const source = await loadContractSource(dir);
    const bundle = { fileName: join(shown, 'pacto.yaml'), text: source.text, files: source.files };
    const listing = source.entries.filter((entry) => entry.kind === 'file').map((entry) => entry.path);
    // Over every file, so an edited OpenAPI or schema file counts as a change too.
    const digest = createHash('sha256');
    for (const [path, bytes] of source.contents.files) digest.update(`${path}\u0000${bytes.byteLength}\u0000`).update(bytes);
    const hash = `sha256:${digest.digest('hex')}`;
    return await createEntry({ ...common, bundle, listing, hash }, resolver);
  } catch (error) {
    return unreadableEntry({ ...common, message: (error as Error).message });
  }
}
