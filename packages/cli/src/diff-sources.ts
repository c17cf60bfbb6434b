import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve as resolvePath } from 'node:path';
import type { DependencyFetcher, DiffSide } from '@pacto/diff';
import type { OciClient } from '@pacto/oci';
import type { ContractBundle, SourceMap } from '@pacto/schema';
import { parseBundleContract } from './load-contract.js';
import { applyOverridesTo } from './contract-source.js';
import type { Overrides } from './overrides.js';
import type { DebugLog } from './settings.js';

// Loaded on first use, once: a graph of 10,000 dependencies would otherwise resolve the same dynamic
// import 10,000 times (module resolution showed in its profile).
let bundleLibrary: Promise<typeof import('@pacto/bundle')> | undefined;
let diffLibrary: Promise<typeof import('@pacto/diff')> | undefined;
const loadBundleLibrary = () => (bundleLibrary ??= import('@pacto/bundle'));
const loadDiffLibrary = () => (diffLibrary ??= import('@pacto/diff'));

/** A contract loaded for `diff` / `graph`: what the diff reads, plus what CI output needs to point at lines. */
export interface LoadedSide {
  readonly side: DiffSide;
  readonly fileName: string;
  readonly positions: SourceMap;
  /** Absolute directory that local dependency refs resolve against (diff.md §9.2). */
  readonly baseDir: string;
  /** The root directory, when the argument was a local directory (sibling lookup of diff.md §7). */
  readonly localDir?: string;
}

/** A contract argument as read, before overrides and parsing (the shape @pacto/mcp's readers return too). */
export interface RawBundle {
  readonly bundle: ContractBundle;
  readonly listing: readonly string[];
  readonly baseDir: string;
  readonly localDir?: string;
}

/** Reads a directory, `.tar.gz`, `file://` or `oci://` argument (tag, digest or none) into a bundle. */
export async function readRaw(arg: string, cwd: string, client: () => OciClient, debug?: DebugLog): Promise<RawBundle> {
  const { contractBundleFromContents, loadContractSource } = await loadBundleLibrary();
  if (arg.startsWith('oci://')) {
    const pulled = await client().pull(arg);
    const bundle = contractBundleFromContents(pulled.contents, `${pulled.ref}/pacto.yaml`);
    return { bundle, listing: [...pulled.contents.files.keys()], baseDir: cwd };
  }
  // Loaded as typed so that messages name the path the way the user wrote it (cli.md §3.1).
  const source = await loadContractSource(arg);
  if (debug) (await import('./contract-source.js')).logSource(source, debug);
  const path = resolvePath(cwd, source.path);
  const listing = source.entries.filter((entry) => entry.kind === 'file').map((entry) => entry.path);
  if (source.kind === 'directory') return { bundle: source, listing, baseDir: path, localDir: path };
  return { bundle: source, listing, baseDir: dirname(path) };
}

/** Load a `diff` side or the `graph` root: directory, `.tar.gz`, `file://` or `oci://` (tag, digest or none). */
export async function loadSide(arg: string, overrides: Overrides, cwd: string, client: () => OciClient, debug?: DebugLog): Promise<LoadedSide> {
  const raw = await readRaw(arg, cwd, client, debug);
  const bundle = await applyOverridesTo(raw.bundle, overrides);
  const { contract, positions } = await parseBundleContract(bundle);
  return {
    side: { contract, files: bundle.files, listing: raw.listing, text: bundle.text },
    fileName: bundle.fileName,
    positions,
    baseDir: raw.baseDir,
    ...(raw.localDir ? { localDir: raw.localDir } : {}),
  };
}

export interface FetcherOptions {
  /** Directory local refs resolve against: the root bundle's directory (diff.md §9.2). */
  readonly baseDir: string;
  readonly client: () => OciClient;
  /** When set, `oci://` dependencies are first looked for in `<siblingsOf>/<repository name>` (diff.md §7). */
  readonly siblingsOf?: string;
  /** Called before each fetch (the commands log it under `-v`). */
  readonly onFetch?: (ref: string, compatibility: string) => void;
  /**
   * Only the contracts are needed (`pacto graph`, `pacto doc`): a local dependency directory's pacto.yaml is
   * read alone, without walking the bundle. Anything but a readable file falls back to the full load and its
   * messages.
   */
  readonly contractOnly?: boolean;
}

/** The contract of a local dependency directory, from its pacto.yaml alone; undefined when that cannot be read. */
async function readLocalContract(dir: string): Promise<DiffSide | undefined> {
  if (dir.endsWith('.tar.gz')) return undefined;
  const fileName = join(dir, 'pacto.yaml');
  let bytes: Uint8Array;
  try {
    // One small file: a synchronous read costs a fraction of the four thread-pool round trips of
    // fs/promises' readFile, which dominated the time of a 10,000-dependency graph.
    bytes = readFileSync(fileName);
  } catch {
    return undefined;
  }
  const { contractBundleFromContents } = await loadBundleLibrary();
  const { contract } = await parseBundleContract(contractBundleFromContents({ files: new Map([['pacto.yaml', bytes]]), directories: [] }, fileName));
  return { contract };
}

async function loadDependency(path: string, client: () => OciClient, cwd: string): Promise<DiffSide> {
  const raw = await readRaw(path, cwd, client);
  const { contract } = await parseBundleContract(raw.bundle);
  return { contract, files: raw.bundle.files, listing: raw.listing };
}

/** The dependency fetcher of `pacto graph` and `pacto diff`: local paths, sibling overrides, OCI with ranges. */
export function createDependencyFetcher(options: FetcherOptions): DependencyFetcher {
  return async (request) => {
    options.onFetch?.(request.ref, request.compatibility);
    const { isLocalRef } = await loadDiffLibrary();
    if (isLocalRef(request.ref)) {
      const path = request.ref.startsWith('file://') ? request.ref.slice('file://'.length) : request.ref;
      const dir = isAbsolute(path) ? path : resolvePath(options.baseDir, path);
      return (options.contractOnly ? await readLocalContract(dir) : undefined) ?? loadDependency(dir, options.client, options.baseDir);
    }
    if (options.siblingsOf !== undefined && request.ref.startsWith('oci://')) {
      const sibling = await siblingDirectory(options.siblingsOf, request.ref);
      if (sibling) {
        try {
          return await loadDependency(sibling, options.client, options.baseDir);
        } catch {
          // not a usable local copy: fall back to the registry
        }
      }
    }
    const { isPinned } = await import('@pacto/oci');
    const client = options.client();
    const pulled = isPinned(request.ref) ? await client.pull(request.ref) : await client.pull(request.ref, { constraint: request.compatibility });
    const { contractBundleFromContents } = await loadBundleLibrary();
    const bundle = contractBundleFromContents(pulled.contents, `${pulled.ref}/pacto.yaml`);
    const { contract } = await parseBundleContract(bundle);
    return { contract, files: bundle.files, listing: [...pulled.contents.files.keys()] };
  };
}

// `<parent of the new root>/<last segment of the repository>`, tag and digest stripped (diff.md §7 [decision]).
async function siblingDirectory(parent: string, ref: string): Promise<string | undefined> {
  const { parseReference } = await import('@pacto/oci');
  try {
    const repository = parseReference(ref).repository;
    return join(parent, repository.slice(repository.lastIndexOf('/') + 1));
  } catch {
    return undefined;
  }
}
