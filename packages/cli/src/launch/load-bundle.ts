import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

// Loads a CommonJS bundle (a command's run module, dist/run/<name>.cjs) with a V8 code cache, the
// technique of v8-compile-cache: compiling ~1 MB of bundled JavaScript is most of `pacto validate`'s
// start-up, and a cached compilation is several times cheaper. Node 22.1+ has module.enableCompileCache
// for this; Node 20 does not, and has no code cache for ES modules at all, hence a CommonJS bundle run
// through vm.Script with cachedData.
//
// The cache is an optimisation only: a missing, stale, corrupt or unwritable cache never changes what the
// command does. Entries are named by bundle, bundle content hash, Node version and architecture; V8 also
// rejects data made with other flags, and a checksum guards against torn or damaged files.

const CHECKSUM_BYTES = 20;

export interface BundleLoadOptions {
  /** Cache directory; undefined loads without a cache. */
  readonly cacheDir: string | undefined;
  /** The bundle's content hash (computed at build time: hashing it here would cost more than it saves). */
  readonly key: string;
  /** latin1 for a pure-ASCII bundle: reading it skips UTF-8 decoding. */
  readonly encoding: 'latin1' | 'utf8';
}

function checksum(data: Uint8Array): Buffer {
  // Integrity, not security: sha1 is the cheapest hash every Node build (FIPS included) has.
  return createHash('sha1').update(data).digest();
}

function readCache(file: string): Buffer | undefined {
  let stored: Buffer;
  try {
    stored = readFileSync(file);
  } catch {
    return undefined;
  }
  const data = stored.subarray(CHECKSUM_BYTES);
  return stored.length > CHECKSUM_BYTES && checksum(data).equals(stored.subarray(0, CHECKSUM_BYTES)) ? data : undefined;
}

interface CacheEntry {
  readonly dir: string;
  /** `<bundle>-`: what every entry of this bundle starts with. */
  readonly prefix: string;
  /** `-<node version>-<arch>.bin`: the same runtime. */
  readonly suffix: string;
  readonly key: string;
}

function entryFile(entry: CacheEntry): string {
  return join(entry.dir, `${entry.prefix}${entry.key}${entry.suffix}`);
}

function writeCache(entry: CacheEntry, script: Script): void {
  const file = entryFile(entry);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const data = script.createCachedData();
    mkdirSync(entry.dir, { recursive: true });
    writeFileSync(temp, Buffer.concat([checksum(data), data]));
    renameSync(temp, file);
    // Entries of earlier builds for this runtime are dead weight (other Node versions may still use theirs).
    for (const name of readdirSync(entry.dir)) {
      if (name.startsWith(entry.prefix) && name.endsWith(entry.suffix) && join(entry.dir, name) !== file) {
        rmSync(join(entry.dir, name), { force: true });
      }
    }
  } catch {
    // Unwritable, full or not a directory: run uncached next time too.
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}

/** Runs the CommonJS bundle at `file` and returns its exports. */
export function loadBundle(file: string, options: BundleLoadOptions): unknown {
  const require = createRequire(file);
  const source = readFileSync(file, options.encoding);
  if (options.cacheDir === undefined) return run(new Script(wrap(source), { filename: file }), file, require);
  const entry: CacheEntry = {
    dir: options.cacheDir,
    prefix: `${basename(file, '.cjs')}-`,
    suffix: `-${process.version}-${process.arch}.bin`,
    key: options.key,
  };
  const cachedData = readCache(entryFile(entry));
  const script = new Script(wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (cachedData === undefined || script.cachedDataRejected === true) {
    // After the command ran, so the functions it compiled on the way are in the cache as well.
    process.once('exit', () => writeCache(entry, script));
  }
  return run(script, file, require);
}

function wrap(source: string): string {
  // One line, so positions in stack traces keep their line numbers.
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
}

function run(script: Script, file: string, require: NodeJS.Require): unknown {
  const module = { exports: {} as unknown };
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  fn.call(module.exports, module.exports, require, module, file, dirname(file));
  return module.exports;
}
