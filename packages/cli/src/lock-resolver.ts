import { isAbsolute, resolve } from 'node:path';
import { contractBundleFromContents, loadContractSource } from '@pacto/bundle';
import { buildLock, contentHash, LOCK_FILE, LockError, parseLock, verifyLock, type LockFile, type LockResolver, type ResolvedBundle } from '@pacto/lock';
import { formatReference, type OciClient } from '@pacto/oci';
import type { Contract } from '@pacto/schema';
import { buildInfo } from './build-info.js';
import { parseBundleContract } from './load-contract.js';

// Static imports: this module is only loaded by the commands that lock or verify a lock.

const localPath = (ref: string) => (ref.startsWith('file://') ? ref.slice('file://'.length) : ref);

async function localBundle(path: string): Promise<ResolvedBundle> {
  const source = await loadContractSource(path);
  const { contract } = await parseBundleContract(source);
  const pin = { source: 'local' as const, contentHash: await contentHash(source.contents.files) };
  return source.kind === 'directory' ? { contract, pin, files: source.files, dir: resolve(path) } : { contract, pin, files: source.files };
}

/**
 * A registry bundle pinned by its manifest digest: the tag (or the best one in `constraint`) is resolved, the
 * manifest fetched for its digest, and the bundle pulled by that digest, so a disk-cache entry of a tag that
 * was pushed again cannot stand in for what the registry serves now.
 */
async function registryBundle(client: OciClient, ref: string, constraint: string | undefined): Promise<ResolvedBundle> {
  const reference = await client.resolveReference(ref, constraint ? { constraint } : {});
  const { digest } = await client.registry.getManifest(reference);
  const pulled = await client.pull(formatReference({ ...reference, digest }));
  const bundle = contractBundleFromContents(pulled.contents, `${pulled.ref}/pacto.yaml`);
  const { contract } = await parseBundleContract(bundle);
  return { contract, pin: { source: 'oci', digest }, files: bundle.files };
}

/**
 * Resolves the closure for `pacto lock` and lock verification: dependencies as `pacto graph` does (local paths
 * relative to `baseDir`, the root's directory), references relative to the contract that declares them.
 */
export function createLockResolver(options: { baseDir: string; client: () => Promise<OciClient> }): LockResolver {
  const at = (dir: string, ref: string) => {
    const path = localPath(ref);
    return isAbsolute(path) ? path : resolve(dir, path);
  };
  return {
    dependency: async (request) =>
      request.ref.startsWith('oci://') ? registryBundle(await options.client(), request.ref, request.compatibility) : localBundle(at(options.baseDir, request.ref)),
    reference: async (ref, dir) => (ref.startsWith('oci://') ? registryBundle(await options.client(), ref, undefined) : localBundle(at(dir ?? options.baseDir, ref))),
  };
}

/** The closure of a local contract resolved now, as a lock. */
export function resolveLock(contract: Contract, dir: string, client: () => Promise<OciClient>): Promise<LockFile> {
  return buildLock(contract, createLockResolver({ baseDir: dir, client }), { pactoVersion: buildInfo.version, rootDir: dir });
}

/** The `pacto.lock` beside a contract directory, or undefined when there is none (a missing lock verifies nothing). */
export async function readLockBeside(dir: string): Promise<LockFile | undefined> {
  const { readFile } = await import('node:fs/promises');
  let text: string;
  try {
    text = await readFile(resolve(dir, LOCK_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new LockError('LOCK_INVALID', `cannot read ${LOCK_FILE}: ${code === 'EACCES' ? 'permission denied' : (error as Error).message}`, { cause: error });
  }
  return parseLock(text);
}

/** Verifies the `pacto.lock` of the contract directory `dir` against the closure resolved now; throws the first drift. */
export async function verifyLockIn(dir: string, contract: Contract, client: () => Promise<OciClient>): Promise<void> {
  const locked = await readLockBeside(dir);
  if (locked) verifyLock(locked, await resolveLock(contract, dir, client));
}
