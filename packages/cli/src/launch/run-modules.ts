import nodeModule, { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeCacheDir } from './code-cache-dir.js';

// How the built CLI (dist/pacto.js) loads a command's run module, dist/run/<name>.cjs. scripts/build.mjs
// turns each `import('../run/<name>.js')` of a command into `loadRunModule('<name>')`; the sources (tests,
// typecheck) import the TypeScript module directly.

let runDir: string | undefined;
let compileCache = false;

/** Called once by main.ts with dist/run/; turns on Node's own compile cache where there is one (22.1+). */
export function initRunModules(dir: URL): void {
  runDir = fileURLToPath(dir);
  const cacheDir = codeCacheDir(process.env);
  const { enableCompileCache } = nodeModule as { enableCompileCache?: (dir: string) => unknown };
  if (cacheDir !== undefined && typeof enableCompileCache === 'function') {
    try {
      enableCompileCache(cacheDir);
      compileCache = true;
    } catch {
      // No cache then.
    }
  }
}

/**
 * A file the build copies to dist/assets/ (beside dist/run/), or undefined when running from the sources, where
 * the caller reads the file from its installed package instead.
 */
export function bundledAsset(path: string): string | undefined {
  return runDir === undefined ? undefined : join(runDir, '..', 'assets', path);
}

/** What the build knows about a run bundle: its content hash and how to read it. */
export interface RunBundleInfo {
  readonly key: string;
  readonly encoding: 'latin1' | 'utf8';
}

export async function loadRunModule(name: string, info: RunBundleInfo): Promise<unknown> {
  if (runDir === undefined) throw new Error('initRunModules was not called');
  const file = join(runDir, `${name}.cjs`);
  if (compileCache) return createRequire(file)(file);
  // Loaded here, not up front: node:crypto and node:vm cost `pacto version` several milliseconds.
  const { loadBundle } = await import('./load-bundle.js');
  return loadBundle(file, { ...info, cacheDir: codeCacheDir(process.env) });
}
