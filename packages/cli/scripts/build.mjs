// Bundles the CLI into dist/ with esbuild. Commands import their libraries lazily,
// so splitting keeps `pacto version` from loading ajv, undici or yaml.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { pacto: 'src/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  conditions: ['@pacto/source'],
  banner: {
    // Some dependencies are CommonJS and call require(); give the ESM bundle one.
    js: "#!/usr/bin/env node\nimport { createRequire as __pactoCreateRequire } from 'node:module';\nconst require = __pactoCreateRequire(import.meta.url);",
  },
  define: {
    __PACTO_VERSION__: JSON.stringify(process.env.PACTO_BUILD_VERSION ?? pkg.version),
    __PACTO_COMMIT__: JSON.stringify(process.env.PACTO_BUILD_COMMIT ?? gitCommit()),
    __PACTO_BUILD_DATE__: JSON.stringify(process.env.PACTO_BUILD_DATE ?? new Date().toISOString()),
  },
  logLevel: 'warning',
});
