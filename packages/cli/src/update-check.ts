import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { compareVersions, parseVersion } from '@pacto/schema';
import { buildInfo } from './build-info.js';

// The update notice of cli.md §2.4 / §4.17, adapted to npm: the latest version is the `latest` dist-tag of
// `@pacto/cli` in the npm registry's metadata, cached 24 hours in `<config dir>/update-check.json`. Every
// failure is silent, and the command is never kept waiting more than 200 ms for the answer.

export const PACKAGE_NAME = '@pacto/cli';
const DEFAULT_REGISTRY = 'https://registry.npmjs.org';
const CACHE_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_WAIT_MS = 200;
const REQUEST_TIMEOUT_MS = 5000;
const MAX_BODY_BYTES = 4 * 1024 * 1024;

type Env = Record<string, string | undefined>;

/** `PACTO_UPDATE_REGISTRY`, else npm's own `npm_config_registry`, else the public registry. */
export function registryUrl(env: Env): string {
  return (env.PACTO_UPDATE_REGISTRY || env.npm_config_registry || DEFAULT_REGISTRY).replace(/\/+$/, '');
}

export function cacheFile(env: Env): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'pacto', 'update-check.json');
}

interface CacheEntry {
  readonly checkedAt: number;
  readonly latest: string | undefined;
}

function readCache(file: string): CacheEntry | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { checked_at?: unknown; latest_version?: unknown };
    const checkedAt = typeof data.checked_at === 'string' ? Date.parse(data.checked_at) : NaN;
    if (Number.isNaN(checkedAt)) return undefined;
    return { checkedAt, latest: typeof data.latest_version === 'string' ? data.latest_version : undefined };
  } catch {
    return undefined;
  }
}

/** The cache file of cli.md §4.17 (`{"checked_at","latest_version"}`, dir 0700, file 0600), written atomically. */
function writeCache(file: string, latest: string | undefined, now: Date): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify({ checked_at: now.toISOString(), ...(latest ? { latest_version: latest } : {}) })}\n`, { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // An unwritable config dir only means checking again next time.
  }
}

/** True when `latest` is a higher semantic version than `current`. */
export function isNewer(latest: string, current: string): boolean {
  const a = parseVersion(latest);
  const b = parseVersion(current);
  return a.ok && b.ok && compareVersions(a.version, b.version) > 0;
}

export interface PackageMetadata {
  /** The `latest` dist-tag. */
  readonly latest: string;
  readonly versions: readonly string[];
}

/**
 * GETs the package's metadata (the abbreviated form npm itself asks for): its `latest` dist-tag and published
 * versions. `node:http(s)` rather than fetch: loading undici costs more than the request.
 */
export async function fetchPackageMetadata(registry: string, signal: AbortSignal): Promise<PackageMetadata> {
  const url = new URL(`${registry}/${PACKAGE_NAME.replace('/', '%2f')}`);
  const { request } = url.protocol === 'http:' ? await import('node:http') : await import('node:https');
  return new Promise((resolve, reject) => {
    const headers = { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8', 'user-agent': `pacto/${buildInfo.version}` };
    const req = request(url, { headers, signal, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`${url.href} answered ${response.statusCode}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) req.destroy(new Error('package metadata over 4 MiB'));
        else chunks.push(chunk);
      });
      response.on('end', () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { 'dist-tags'?: { latest?: unknown }; versions?: unknown };
          const latest = body['dist-tags']?.latest;
          if (typeof latest !== 'string' || !parseVersion(latest).ok) throw new Error('the package metadata has no latest version');
          const versions = body.versions !== null && typeof body.versions === 'object' ? Object.keys(body.versions) : [latest];
          resolve({ latest, versions });
        } catch (error) {
          reject(error instanceof SyntaxError ? new Error('the package metadata is not JSON') : (error as Error));
        }
      });
      response.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url.host} within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end();
  });
}

/** Records a version learnt elsewhere (`pacto update`), so the notice does not ask again today. */
export function rememberLatest(env: Env, latest: string): void {
  writeCache(cacheFile(env), latest, new Date());
}

export interface UpdateCheck {
  /**
   * Called when the command has finished: waits at most 200 ms for a check still running, then returns the
   * notice to print (empty when there is nothing to say or the answer did not come in time).
   */
  finish(): Promise<string>;
  /** Drops a check still running (the notice is not wanted: JSON output). */
  cancel(): void;
}

/**
 * Starts the check beside the command: a fresh cache answers at once; otherwise the registry is asked while
 * the command runs. Nothing here throws.
 */
export function startUpdateCheck(current: string, env: Env, now = new Date()): UpdateCheck {
  const file = cacheFile(env);
  const cached = readCache(file);
  const notice = (latest: string | undefined) =>
    latest && isNewer(latest, current) ? `\nA new version of pacto is available: ${current} -> ${latest}\nRun 'pacto update' to update.\n` : '';
  if (cached && now.getTime() - cached.checkedAt < CACHE_TTL_MS && cached.checkedAt <= now.getTime()) {
    return { finish: async () => notice(cached.latest), cancel: () => undefined };
  }
  const abort = new AbortController();
  const answer = fetchPackageMetadata(registryUrl(env), abort.signal).then(
    ({ latest }) => {
      writeCache(file, latest, new Date());
      return latest;
    },
    () => {
      // Failed: remember when, so an offline machine does not ask (and wait) on every command.
      if (!abort.signal.aborted) writeCache(file, cached?.latest, new Date());
      return cached?.latest;
    },
  );
  return {
    async finish() {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), MAX_WAIT_MS);
      });
      const latest = await Promise.race([answer, late]);
      clearTimeout(timer);
      abort.abort();
      return notice(latest);
    },
    cancel: () => abort.abort(),
  };
}
