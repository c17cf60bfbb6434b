import { parseDocument, stringify } from 'yaml';
import { LockError } from './lock-error.js';

/** The lock file's name, beside `pacto.yaml`. */
export const LOCK_FILE = 'pacto.lock';
/** The schema version written (the Go tool's current one). */
export const LOCK_VERSION = 3;
/** The oldest version still read (older locks parse, and verify as `LOCK_STALE`). */
export const MIN_LOCK_VERSION = 1;

/** Where a pinned bundle comes from and what pins it: a registry digest or the content hash of local files. */
export type LockSource = 'oci' | 'local';

/** One resolved dependency of the closure. */
export interface LockDependency {
  /** The resolved contract's `service.name`. */
  name: string;
  source: LockSource;
  /** The `oci://` reference as written in the contract (OCI). */
  ref?: string;
  /** The path as written, without `file://` (local). */
  path?: string;
  /** The dependency's `compatibility` range. */
  constraint?: string;
  /** The resolved contract's `service.version`. */
  version?: string;
  /** Manifest digest (OCI). */
  digest?: string;
  /** Content hash of the bundle's files (local). */
  contentHash?: string;
  /** Names of this dependency's own dependencies, sorted. */
  dependsOn?: string[];
}

/** One declared configuration or policy reference of the closure. */
export interface LockReference {
  /** Content identity of the declaring contract: absent for the root, `oci:<digest>` or `local:<contentHash>`. */
  from?: string;
  kind: 'config' | 'policy';
  name: string;
  source: LockSource;
  ref?: string;
  path?: string;
  version?: string;
  digest?: string;
  contentHash?: string;
}

export interface LockFile {
  lockVersion: number;
  pacto: { version: string };
  root: { name: string; version: string };
  dependencies: LockDependency[];
  references: LockReference[];
}

const DEPENDENCY_KEYS = ['name', 'source', 'ref', 'path', 'constraint', 'version', 'digest', 'contentHash', 'dependsOn'] as const;
const REFERENCE_KEYS = ['from', 'kind', 'name', 'source', 'ref', 'path', 'version', 'digest', 'contentHash'] as const;

/** The identity a reference pins (the declaring contract's `from` for the entries it declares): `oci:<digest>` / `local:<hash>`. */
export function destinationId(entry: Pick<LockReference, 'source' | 'digest' | 'contentHash'>): string {
  if (entry.source === 'local' && entry.contentHash) return `local:${entry.contentHash}`;
  if (entry.source === 'oci' && entry.digest) return `oci:${entry.digest}`;
  return '';
}

/** Byte order of UTF-8 strings, as Go sorts them. */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const encoder = new TextEncoder();
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

function ordered<T extends object>(entry: T, keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = (entry as Record<string, unknown>)[key];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out as T;
}

function compareBy<T>(...keys: ((item: T) => string)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const order = compareUtf8(key(a), key(b));
      if (order !== 0) return order;
    }
    return 0;
  };
}

/**
 * The lock in its deterministic form: version set to the current one, dependencies sorted by name (their
 * `dependsOn` sorted), references by `from`, kind, name, ref, path; keys in the Go tool's order; empty
 * fields left out.
 */
export function normalizeLock(lock: LockFile): LockFile {
  const dependencies = lock.dependencies
    .map((entry) => ordered({ ...entry, ...(entry.dependsOn ? { dependsOn: [...entry.dependsOn].sort(compareUtf8) } : {}) }, DEPENDENCY_KEYS))
    .sort(compareBy((d) => d.name));
  const references = lock.references
    .map((entry) => ordered(entry, REFERENCE_KEYS))
    .sort(compareBy((r) => r.from ?? '', (r) => r.kind, (r) => r.name, (r) => r.ref ?? '', (r) => r.path ?? ''));
  return {
    lockVersion: LOCK_VERSION,
    pacto: { version: lock.pacto.version },
    root: { name: lock.root.name, version: lock.root.version },
    dependencies,
    references,
  };
}

/** The YAML text of a lock (deterministic: the same closure gives the same bytes). */
export function serializeLock(lock: LockFile): string {
  const normal = normalizeLock(lock);
  const document: Record<string, unknown> = { lockVersion: normal.lockVersion, pacto: normal.pacto, root: normal.root };
  if (normal.dependencies.length > 0) document.dependencies = normal.dependencies;
  if (normal.references.length > 0) document.references = normal.references;
  return stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
}

const text = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : typeof value === 'object' ? undefined : String(value);

function entryOf<K extends string>(value: unknown, keys: readonly K[], where: string): Partial<Record<K, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${where} is not a mapping`);
  const out: Partial<Record<K, unknown>> = {};
  for (const key of keys) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined && item !== null) out[key] = item;
  }
  return out;
}

const invalid = (detail: string) => new LockError('LOCK_INVALID', `cannot read ${LOCK_FILE}: ${detail}`, { hint: 'run `pacto lock --update` to write it again' });

function sourceOf(value: unknown, where: string): LockSource {
  if (value === 'oci' || value === 'local') return value;
  throw invalid(`${where}.source must be oci or local, got ${JSON.stringify(value ?? null)}`);
}

/**
 * Reads a lock of any version from 1 to 3. `lockVersion` keeps the value the file declares, so callers see
 * what an old lock can and cannot answer (a version below 3 verifies as `LOCK_STALE`).
 */
export function parseLock(source: string): LockFile {
  const document = parseDocument(source, { uniqueKeys: false });
  if (document.errors.length > 0) throw invalid(document.errors[0]!.message.split('\n')[0]!);
  const root = document.toJS() as unknown;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw invalid('the file is not a YAML mapping');
  const raw = root as Record<string, unknown>;
  const version = raw.lockVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < MIN_LOCK_VERSION || version > LOCK_VERSION) {
    throw invalid(`unsupported lockVersion ${JSON.stringify(version ?? null)} (this pacto reads ${MIN_LOCK_VERSION} to ${LOCK_VERSION})`);
  }
  const pacto = entryOf(raw.pacto ?? {}, ['version'], 'pacto');
  const top = entryOf(raw.root ?? {}, ['name', 'version'], 'root');
  const list = (value: unknown, where: string): unknown[] => {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw invalid(`${where} is not a list`);
    return value;
  };
  const dependencies = list(raw.dependencies, 'dependencies').map((value, index): LockDependency => {
    const where = `dependencies[${index}]`;
    const entry = entryOf(value, DEPENDENCY_KEYS, where);
    const dependsOn = list(entry.dependsOn, `${where}.dependsOn`).map((item) => String(item));
    return {
      name: text(entry.name) ?? '',
      source: sourceOf(entry.source, where),
      ...optional({ ref: entry.ref, path: entry.path, constraint: entry.constraint, version: entry.version, digest: entry.digest, contentHash: entry.contentHash }),
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
    };
  });
  const references = list(raw.references, 'references').map((value, index): LockReference => {
    const where = `references[${index}]`;
    const entry = entryOf(value, REFERENCE_KEYS, where);
    const kind = entry.kind === 'config' || entry.kind === 'policy' ? entry.kind : undefined;
    if (kind === undefined) throw invalid(`${where}.kind must be config or policy, got ${JSON.stringify(entry.kind ?? null)}`);
    return {
      ...optional({ from: entry.from }),
      kind,
      name: text(entry.name) ?? '',
      source: sourceOf(entry.source, where),
      ...optional({ ref: entry.ref, path: entry.path, version: entry.version, digest: entry.digest, contentHash: entry.contentHash }),
    };
  });
  return {
    lockVersion: version,
    pacto: { version: text(pacto.version) ?? '' },
    root: { name: text(top.name) ?? '', version: text(top.version) ?? '' },
    dependencies,
    references,
  };
}

function optional(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const value_ = text(value);
    if (value_ !== undefined && value_ !== '') out[key] = value_;
  }
  return out;
}
