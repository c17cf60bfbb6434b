import { edgesDepthFirst, resolveGraph, type DependencyRequest, type GraphEdge, type GraphNode } from '@pacto/diff';
import type { BundleFS, Contract } from '@pacto/schema';
import { LockError } from './lock-error.js';
import { destinationId, LOCK_VERSION, type LockDependency, type LockFile, type LockReference, type LockSource } from './lock-file.js';

/** What pins a resolved bundle: its manifest digest (registry) or the content hash of its files (local). */
export type Pin = { readonly source: 'oci'; readonly digest: string } | { readonly source: 'local'; readonly contentHash: string };

/** A bundle the resolver found for a dependency or a reference. */
export interface ResolvedBundle {
  readonly contract: Contract;
  readonly pin: Pin;
  readonly files?: BundleFS;
  /**
   * The absolute directory the bundle was read from, for a local bundle: relative references *it* declares
   * resolve against it. Absent for registry bundles, whose local references cannot be resolved.
   */
  readonly dir?: string;
}

/**
 * How the closure is fetched; the CLI implements it with the registry client and the file system. Both
 * methods reject with an Error whose message says why (it becomes the `LOCK_UNRESOLVED` reason).
 */
export interface LockResolver {
  /** A dependency, as `pacto graph` resolves it: local paths relative to the root's directory, OCI by `compatibility`. */
  dependency(request: DependencyRequest): Promise<ResolvedBundle>;
  /** A configuration or policy `ref` declared by a contract that lives in `dir` (undefined for a registry bundle). */
  reference(ref: string, dir: string | undefined): Promise<ResolvedBundle>;
}

export interface BuildLockOptions {
  /** Written as `pacto.version`. */
  readonly pactoVersion: string;
  /** The root contract's directory (absolute), when it is local: its relative references resolve against it. */
  readonly rootDir?: string;
  /** Most fetches in flight at once for the dependency graph. */
  readonly concurrency?: number;
}

const isLocal = (ref: string) => ref.startsWith('file://') || !/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(ref);
const location = (ref: string) => (ref.startsWith('file://') ? ref.slice('file://'.length) : ref);

function pinned(ref: string, pin: Pin): { source: LockSource; ref?: string; path?: string; digest?: string; contentHash?: string } {
  const where = isLocal(ref) ? { path: location(ref) } : { ref };
  return pin.source === 'oci' ? { source: 'oci', ...where, digest: pin.digest } : { source: 'local', ...where, contentHash: pin.contentHash };
}

const unresolved = (ref: string, reason: string) =>
  new LockError('LOCK_UNRESOLVED', `cannot resolve ${ref}: ${reason}`, { hint: 'check the reference and the registry, then run `pacto lock` again' });

/**
 * Resolves the dependency closure (the graph of `pacto graph`, every node pinned) and the reference closure
 * (configuration and policy refs of the root and, transitively, of the bundles they point at: one entry per
 * declaration, tagged with the content identity of the contract that declares it) into a lock.
 * Fails closed: a conflict, anything unresolved, a duplicate declaration or an ambiguous one is a LockError.
 */
export async function buildLock(root: Contract, resolver: LockResolver, options: BuildLockOptions): Promise<LockFile> {
  const dependencies = await dependencyClosure(root, resolver, options);
  const references = await referenceClosure(root, resolver, options.rootDir);
  return {
    lockVersion: LOCK_VERSION,
    pacto: { version: options.pactoVersion },
    root: { name: root.service.name, version: root.service.version },
    dependencies,
    references,
  };
}

async function dependencyClosure(root: Contract, resolver: LockResolver, options: BuildLockOptions): Promise<LockDependency[]> {
  const pins = new WeakMap<object, Pin>();
  const graph = await resolveGraph(
    { contract: root },
    async (request) => {
      const resolved = await resolver.dependency(request);
      const side = { contract: resolved.contract, ...(resolved.files ? { files: resolved.files } : {}) };
      pins.set(side, resolved.pin);
      return side;
    },
    options.concurrency === undefined ? {} : { concurrency: options.concurrency },
  );
  const conflict = graph.conflicts?.[0];
  if (conflict) {
    throw new LockError('LOCK_CONFLICT', `${conflict.name} is required at conflicting versions: ${conflict.versions.join(', ')}`, {
      hint: 'align the compatibility ranges so that one version of it satisfies every dependent',
    });
  }
  const failed = firstFailedEdge(graph.root);
  if (failed) throw unresolved(failed.ref, failed.error ?? 'not resolved');

  const byName = new Map<string, LockDependency>();
  // Below a node only when it was resolved here, not shared, and pinned: those are the ones that get an entry.
  const pinnedNode = (edge: GraphEdge) => !!edge.node && !edge.shared && !!edge.node.bundle && pins.has(edge.node.bundle);
  for (const { edge } of edgesDepthFirst(graph.root, pinnedNode)) {
    if (!pinnedNode(edge)) continue;
    const child = edge.node!;
    const entry: LockDependency = {
      name: child.name,
      ...pinned(edge.ref, pins.get(child.bundle!)!),
      constraint: edge.compatibility,
      version: child.version,
      dependsOn: (child.dependencies ?? []).filter((e) => e.type === 'dependency' && e.node).map((e) => e.node!.name),
    };
    const seen = byName.get(entry.name);
    if (seen && (seen.digest !== entry.digest || seen.contentHash !== entry.contentHash)) {
      throw new LockError('LOCK_CONFLICT', `${entry.name} is required as two different bundles: ${seen.ref ?? seen.path} and ${entry.ref ?? entry.path}`, {
        hint: 'make every dependent point at the same bundle',
      });
    }
    if (!seen) byName.set(entry.name, entry);
  }
  return [...byName.values()];
}

/** The first edge that failed, in depth-first declaration order. */
function firstFailedEdge(root: GraphNode): GraphEdge | undefined {
  for (const { edge } of edgesDepthFirst(root, (e) => !e.shared)) if (edge.error !== undefined) return edge;
  return undefined;
}

interface Declaration {
  readonly kind: 'config' | 'policy';
  readonly name: string;
  readonly ref?: string;
}

/** Every configuration and policy a contract declares, refusing a (kind, name) declared twice. */
function declarations(contract: Contract, from: string): Declaration[] {
  const out: Declaration[] = [];
  const seen = new Set<string>();
  const scopes: [Declaration['kind'], readonly { name?: string; ref?: string }[]][] = [
    ['config', contract.configurations ?? []],
    ['policy', contract.policies ?? []],
  ];
  for (const [kind, items] of scopes) {
    for (const item of items) {
      const name = String(item.name ?? '');
      const key = `${kind}\u0000${name}`;
      if (seen.has(key)) {
        const who = from === '' ? 'the root contract' : from;
        throw new LockError('LOCK_DUPLICATE_DECLARATION', `${kind} ${JSON.stringify(name)} is declared more than once by ${who}; a lock cannot tell two declarations of one name apart`, {
          hint: `give each ${kind === 'config' ? 'configuration' : 'policy'} of a contract its own name`,
        });
      }
      seen.add(key);
      out.push({ kind, name, ...(item.ref ? { ref: String(item.ref) } : {}) });
    }
  }
  return out;
}

interface Resolution {
  readonly entry: Omit<LockReference, 'from' | 'kind' | 'name'>;
  readonly bundle: ResolvedBundle;
  /** What the walk is deduplicated by: the resolved path of a local bundle (its relative refs depend on it), else the digest. */
  readonly identity: string;
}

async function referenceClosure(root: Contract, resolver: LockResolver, rootDir: string | undefined): Promise<LockReference[]> {
  const memo = new Map<string, Promise<Resolution>>();
  const walked = new Set<string>();
  const seen = new Map<string, LockReference>();
  const out: LockReference[] = [];

  const resolve = (ref: string, dir: string | undefined): Promise<Resolution> => {
    const key = `${dir ?? ''}\u0000${ref}`;
    let pending = memo.get(key);
    if (!pending) {
      pending = (async () => {
        if (isLocal(ref) && dir === undefined) throw unresolved(ref, 'a local reference inside a registry bundle cannot be resolved');
        let bundle: ResolvedBundle;
        try {
          bundle = await resolver.reference(ref, dir);
        } catch (error) {
          throw unresolved(ref, (error as Error).message);
        }
        const { source, ...where } = pinned(ref, bundle.pin);
        const identity = bundle.dir !== undefined ? `local:${bundle.dir}` : `oci:${bundle.pin.source === 'oci' ? bundle.pin.digest : ''}`;
        return { entry: { source, ...where, version: bundle.contract.service?.version ?? '' }, bundle, identity };
      })();
      memo.set(key, pending);
    }
    return pending;
  };

  const walk = async (contract: Contract, dir: string | undefined, from: string): Promise<void> => {
    for (const declaration of declarations(contract, from)) {
      if (declaration.ref === undefined) continue;
      const resolution = await resolve(declaration.ref, dir);
      const entry: LockReference = { ...(from ? { from } : {}), kind: declaration.kind, name: declaration.name, ...resolution.entry };
      const occurrence = `${from}\u0000${declaration.kind}\u0000${declaration.name}`;
      const previous = seen.get(occurrence);
      if (previous) {
        if (destinationId(previous) !== destinationId(entry) || previous.ref !== entry.ref || previous.path !== entry.path) {
          const who = from === '' ? 'the root contract' : from;
          throw new LockError(
            'LOCK_AMBIGUOUS_REFERENCE',
            `${declaration.kind} ${JSON.stringify(declaration.name)} declared by ${who} resolves to both ${origin(previous)} and ${origin(entry)}; a lock records one resolution per declared reference`,
          );
        }
        continue; // the same declaration reached again through another route
      }
      seen.set(occurrence, entry);
      out.push(entry);
      if (walked.has(resolution.identity)) continue;
      walked.add(resolution.identity);
      await walk(resolution.bundle.contract, resolution.bundle.dir, destinationId(entry));
    }
  };

  await walk(root, rootDir, '');
  return out;
}

const origin = (entry: LockReference) => `${entry.ref ?? entry.path} (${destinationId(entry)})`;
