import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where compiled-code caches go: beside the OCI cache, with the cache directory precedence of the spec
 * README (`PACTO_CACHE_DIR` > `XDG_CACHE_HOME/pacto` > `~/.cache/pacto`). The config file's `cache-dir` is
 * not consulted: it is read after start-up. Under `PACTO_CACHE_DIR` (the OCI cache itself) the directory
 * starts with `_`, which no registry host does. Undefined when caching is off or there is no home.
 */
export function codeCacheDir(env: Record<string, string | undefined>): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE || env.PACTO_NO_CODE_CACHE) return undefined;
  if (env.PACTO_CACHE_DIR) return join(env.PACTO_CACHE_DIR, '_code-cache');
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'pacto', 'code-cache');
  try {
    const home = homedir();
    return home ? join(home, '.cache', 'pacto', 'code-cache') : undefined;
  } catch {
    return undefined;
  }
}
