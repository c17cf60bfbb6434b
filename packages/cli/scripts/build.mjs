// Bundles the CLI into dist/ with esbuild. Commands import their libraries lazily,
// so splitting keeps `pacto version` from loading ajv, undici or yaml.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { directImports } from './direct-imports.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const shared = {
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
};

// The work of a command lives in src/run/<command>.ts and is bundled on its own into dist/run/<command>/.
// esbuild's code splitting places whole files by import reachability: in one shared build, importing a
// library's index from one command would drag every file another command uses from that library into a
// shared chunk. Separate builds tree-shake each command down to the library code it calls.
const runModules = readdirSync(new URL('../src/run', import.meta.url))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'command-io.ts')
  .map((file) => file.slice(0, -'.ts'.length));

const runModulesExternal = {
  name: 'run-modules-external',
  setup(pluginBuild) {
    // Commands load their run module with `import('../run/<name>.js')`; at run time that is dist/run/<name>/<name>.js.
    pluginBuild.onResolve({ filter: /^\.\.\/run\/[a-z-]+\.js$/ }, (args) => {
      const name = args.path.slice('../run/'.length, -'.js'.length);
      return runModules.includes(name) ? { path: `./run/${name}/${name}.js`, external: true } : undefined;
    });
  },
};

await Promise.all([
  build({ ...shared, entryPoints: { pacto: 'src/main.ts' }, outdir: 'dist', plugins: [runModulesExternal, directImports] }),
  ...runModules.map((name) => build({ ...shared, entryPoints: { [name]: `src/run/${name}.ts` }, outdir: `dist/run/${name}`, plugins: [directImports] })),
]);

// The external run-module paths are relative to the file that imports them, so command classes must stay in pacto.js.
const main = readFileSync(new URL('../dist/pacto.js', import.meta.url), 'utf8');
for (const name of runModules) {
  if (!main.includes(`"./run/${name}/${name}.js"`)) throw new Error(`dist/pacto.js does not load ./run/${name}/${name}.js`);
}
