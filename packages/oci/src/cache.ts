import { createHash } from 'node:crypto';
import { sha256DigestInSteps } from './artifact.js';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, relative, isAbsolute, sep } from 'node:path';

export const CACHE_ENTRY_FILE = 'bundle.tar.gz';
/** Our addition next to each entry: `sha256:<hex>` of bundle.tar.gz, so a corrupted entry is noticed. */
export const CACHE_DIGEST_FILE = 'bundle.tar.gz.sha256';

/**
 * The bundle cache directory (oci.md §13.1): `PACTO_CACHE_DIR`, else `$XDG_CACHE_HOME/pacto/oci`, else
 * `~/.cache/pacto/oci`; undefined (no disk cache) when there is no home directory.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, home?: string): string | undefined {
  if (env.PACTO_CACHE_DIR) return env.PACTO_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'pacto', 'oci');
  let base = home;
  if (base === undefined) {
    try {
      base = homedir();
    } catch {
      return undefined;
    }
  }
  return base ? join(base, '.cache', 'pacto', 'oci') : undefined;
}

/** `<cache>/<ref with every ":" as "/">/bundle.tar.gz`, or `<cache>/_invalid/bundle.tar.gz` if that escapes. */
export function cacheEntryPath(cacheDir: string, key: string): string {
  const candidate = join(cacheDir, key.replaceAll(':', '/'), CACHE_ENTRY_FILE);
  const rel = relative(cacheDir, candidate);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    return join(cacheDir, '_invalid', CACHE_ENTRY_FILE);
  }
  return candidate;
}

function digestOf(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A cache entry's bytes and the digest recorded next to them (absent for entries the Go tool wrote). */
export interface CacheEntry {
  readonly bytes: Uint8Array;
  readonly recordedDigest: string | undefined;
}

/**
 * Reads a cache entry; undefined on a miss or an unreadable file. The caller checks `bytes` against
 * `recordedDigest` (see `cacheEntryMatches`), which it can do while it reads the archive.
 */
export async function readCacheEntry(cacheDir: string, key: string): Promise<CacheEntry | undefined> {
  const path = cacheEntryPath(cacheDir, key);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return undefined;
  }
  let recordedDigest: string | undefined;
  try {
    recordedDigest = (await readFile(join(dirname(path), CACHE_DIGEST_FILE), 'utf8')).trim();
  } catch {
    recordedDigest = undefined;
  }
  return { bytes, recordedDigest };
}

/**
 * Do the entry's bytes match the recorded digest? Hashed here in steps, so inflating the same bytes in zlib's
 * thread pool goes on meanwhile (the hash worker costs more to start than it saves on this short path).
 * Entries without a digest file match (the archive reader still checks them).
 */
export async function cacheEntryMatches(entry: CacheEntry): Promise<boolean> {
  return entry.recordedDigest === undefined || entry.recordedDigest === (await sha256DigestInSteps(entry.bytes));
}

/**
 * Writes an entry atomically (temp file + rename in the same directory); failures are ignored (oci.md §13.3).
 * `digest` is the archive's known `sha256:` digest (a verified layer), saving a second pass over the bytes.
 */
export async function writeCacheEntry(cacheDir: string, key: string, archive: Uint8Array, digest?: string): Promise<void> {
  const path = cacheEntryPath(cacheDir, key);
  const dir = dirname(path);
  const suffix = `.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await mkdir(dir, { recursive: true, mode: 0o755 });
    const digestPath = join(dir, CACHE_DIGEST_FILE);
    // The digest file goes first: a reader never sees new bytes checked against an old digest for long,
    // and a mismatch only costs a refetch.
    await writeFile(digestPath + suffix, digest ?? digestOf(archive), { mode: 0o644 });
    await writeFile(path + suffix, archive, { mode: 0o644 });
    await rename(digestPath + suffix, digestPath);
    await rename(path + suffix, path);
  } catch {
    await rm(path + suffix, { force: true }).catch(() => undefined);
    await rm(join(dir, CACHE_DIGEST_FILE) + suffix, { force: true }).catch(() => undefined);
  }
}

/**
 * The references of the bundles in the cache (the inverse of `cacheEntryPath`), for readers that work offline
 * from it. A `:` became `/` on the way in, so a registry port and the tag are told apart by position: the last
 * `:` is the one before the tag (or inside `@sha256:<hex>`), and an all-digit second segment is the registry's port.
 */
export async function listCachedReferences(cacheDir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((entry) => entry.name === CACHE_ENTRY_FILE && entry.isFile())) {
      const reference = cachedReference(relative(cacheDir, dir).split(sep));
      if (reference !== undefined) found.push(reference);
    }
    if (depth >= 16) return;
    for (const entry of entries) if (entry.isDirectory() && !entry.name.startsWith('_')) await walk(join(dir, entry.name), depth + 1);
  };
  await walk(cacheDir, 0);
  return found.sort();
}

function cachedReference(segments: string[]): string | undefined {
  // The last ":" of the key (before the tag, or inside `@sha256:<hex>`) is the last "/" of the path.
  const name = withPort(segments.slice(0, -1));
  if (name.length < 2 || segments.length < 3) return undefined;
  return `${name.join('/')}:${segments.at(-1)}`;
}

/** `127.0.0.1`, `5000`, `acme`, ... becomes `127.0.0.1:5000`, `acme`, ... */
function withPort(segments: string[]): string[] {
  const [host, maybePort, ...rest] = segments;
  if (host !== undefined && maybePort !== undefined && /^\d{1,5}$/.test(maybePort) && rest.length > 0) return [`${host}:${maybePort}`, ...rest];
  return segments;
}
