// Bundles the CLI into dist/ with esbuild. Commands import their libraries lazily,
// so splitting keeps `pacto version` from loading ajv, undici or yaml.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
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

const runModulesLoader = {
  name: 'run-modules-loader',
  setup(pluginBuild) {
    // Commands load their run module with `import('../run/<name>.js')`; in dist that is dist/run/<name>.cjs,
    // loaded through src/launch/run-modules.ts (with a code cache).
    pluginBuild.onResolve({ filter: /^\.\.\/run\/[a-z-]+\.js$/ }, (args) => {
      const name = args.path.slice('../run/'.length, -'.js'.length);
      return runModules.includes(name) ? { path: name, namespace: 'run-module' } : undefined;
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'run-module' }, (args) => {
      const source = readFileSync(new URL(`../src/run/${args.path}.ts`, import.meta.url), 'utf8');
      const names = [...source.matchAll(/^export\s+(?:async\s+)?(?:function|const|class)\s+(\w+)/gm)].map((m) => m[1]);
      const loader = JSON.stringify(fileURLToPath(new URL('../src/launch/run-modules.ts', import.meta.url)));
      return {
        contents: [
          `import { loadRunModule } from ${loader};`,
          `const loaded = await loadRunModule(${JSON.stringify(args.path)}, ${JSON.stringify(runBundles[args.path])});`,
          ...names.map((name) => `export const ${name} = loaded.${name};`),
        ].join('\n'),
        loader: 'js',
        resolveDir: fileURLToPath(new URL('../src', import.meta.url)),
      };
    });
  },
};

const builtinsRequired = {
  name: 'builtins-required',
  setup(pluginBuild) {
    // vm.Script code cannot import(); a dynamic import of a Node built-in becomes a lazy require.
    pluginBuild.onResolve({ filter: /^node:/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, namespace: 'builtin-required' } : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'builtin-required' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

const { banner: _banner, splitting: _splitting, chunkNames: _chunkNames, ...runShared } = shared;

// One CommonJS file per run module (see src/launch/load-bundle.ts for why), whitespace-minified: less to
// read and to scan. Built first: the main bundle embeds each one's content hash, the key of its code cache.
const runBundles = {};
await Promise.all(
  runModules.map(async (name) => {
    await build({
      ...runShared,
      format: 'cjs',
      minifyWhitespace: true,
      minifySyntax: true,
      // Licence comments go to a linked dist/run/<name>.cjs.LEGAL.txt (keeps the bundle ASCII, see encoding).
      legalComments: 'linked',
      entryPoints: { [name]: `src/run/${name}.ts` },
      outExtension: { '.js': '.cjs' },
      outdir: 'dist/run',
      plugins: [directImports, builtinsRequired],
    });
    const code = readFileSync(new URL(`../dist/run/${name}.cjs`, import.meta.url));
    const text = code.toString('utf8');
    // vm.Script has no module loader: no import() may survive (bundled modules and node: built-ins become require).
    if (/\bimport\("/.test(text)) throw new Error(`dist/run/${name}.cjs contains import()`);
    runBundles[name] = {
      key: createHash('sha256').update(code).digest('hex').slice(0, 16),
      // Pure ASCII (the usual case) is read as latin1, which skips UTF-8 decoding.
      encoding: /^[\x00-\x7f]*$/.test(text) ? 'latin1' : 'utf8',
    };
  }),
);

await build({ ...shared, entryPoints: { pacto: 'src/main.ts' }, outdir: 'dist', plugins: [runModulesLoader, directImports] });

// Mermaid's browser build, which `doc --serve` serves to draw the architecture diagram: copied with its licence
// and third-party notices, so that an installed CLI draws it without the mermaid package (a devDependency).
const mermaidDir = dirname(createRequire(import.meta.url).resolve('mermaid/package.json'));
const mermaidAssets = fileURLToPath(new URL('../dist/assets/mermaid', import.meta.url));
for (const file of ['dist/mermaid.min.js', 'LICENSE', 'THIRD_PARTY_NOTICES']) {
  if (existsSync(join(mermaidDir, file))) cpSync(join(mermaidDir, file), join(mermaidAssets, basename(file)));
}

// The dashboard's web app is files, not code: copied next to the bundle so that an installed CLI serves it
// without the @pacto/dashboard package (the CLI has no runtime dependencies). Built before us by pnpm -r.
const dashboardDir = dirname(createRequire(import.meta.url).resolve('@pacto/dashboard/package.json'));
cpSync(join(dashboardDir, 'dist', 'ui'), fileURLToPath(new URL('../dist/dashboard-ui', import.meta.url)), { recursive: true });
