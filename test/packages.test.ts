import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, posix, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCommand } from './support/run-node.js';

// The packages as a user gets them: `pnpm pack` of every package, their contents checked, then installed
// with npm into consumer projects outside the workspace. The CLI alone (it bundles everything it uses)
// runs `npx pacto init/validate`; the libraries (third-party dependencies from the npm registry) compile
// and run each README's example as a strict `nodenext` TypeScript file. Needs `pnpm build` first.

interface Manifest {
  readonly name: string;
  readonly private?: boolean;
  readonly license?: string;
  readonly keywords?: readonly string[];
  readonly homepage?: string;
  readonly bugs?: { readonly url?: string };
  readonly repository?: { readonly type?: string; readonly url?: string; readonly directory?: string };
  readonly engines?: { readonly node?: string };
  readonly main?: string;
  readonly types?: string;
  readonly bin?: Record<string, string>;
  readonly exports?: unknown;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

interface Packed {
  readonly dir: string;
  readonly manifest: Manifest;
  readonly tarball: string;
  /** File path (without `package/`) -> content. */
  readonly files: Map<string, Buffer>;
}

// README examples that are type-checked but not run: a plugin is an executable that serves the request
// `pacto generate` sends on stdin; the dashboard example serves until Ctrl+C.
const COMPILE_ONLY = new Set(['plugin', 'dashboard']);

const packageDirs = readdirSync(join(REPO, 'packages'))
  .map((name) => join(REPO, 'packages', name))
  .filter((dir) => existsSync(join(dir, 'package.json')) && !(readJson<Manifest>(join(dir, 'package.json')).private ?? false));
const scratch = mkdtempSync(join(tmpdir(), 'pacto-packages-'));
const packed = new Map<string, Packed>();
const license = readFileSync(join(REPO, 'LICENSE'));
const rootManifest = readJson<Manifest & { engines: { node: string } }>(join(REPO, 'package.json'));

beforeAll(async () => {
  const destination = join(scratch, 'tarballs');
  mkdirSync(destination);
  for (const dir of packageDirs) {
    const run = await command('pnpm', ['pack', '--pack-destination', destination], dir);
    expect(run.code, run.stderr).toBe(0);
    const tarball = run.stdout.trim().split('\n').at(-1) as string;
    const manifest = readJson<Manifest>(join(dir, 'package.json'));
    packed.set(manifest.name, { dir, manifest, tarball, files: await readTarball(tarball) });
  }
}, 300_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 120_000);

describe('every package tarball', () => {
  it('packs every publishable package', () => {
    expect([...packed.keys()].sort()).toEqual(
      expect.arrayContaining(['@pacto/bundle', '@pacto/cli', '@pacto/dashboard', '@pacto/diff', '@pacto/lock', '@pacto/mcp', '@pacto/oci', '@pacto/plugin', '@pacto/render', '@pacto/schema', '@pacto/validate']),
    );
  });

  it.each(packageDirs.map((dir) => basename(dir)))('%s: LICENSE, metadata and engines', (name) => {
    const pkg = packedByDir(name);
    expect(pkg.files.get('LICENSE')?.equals(license), 'LICENSE is the root MIT licence').toBe(true);
    expect(license.toString('utf8')).toMatch(/^MIT License/);
    const manifest = readJson<Manifest>(join(pkg.dir, 'package.json'));
    const shipped = JSON.parse((pkg.files.get('package.json') as Buffer).toString('utf8')) as Manifest;
    expect(shipped.license).toBe('MIT');
    expect(shipped.keywords?.length, 'keywords').toBeGreaterThan(0);
    expect(shipped.keywords).toContain('pacto');
    expect(shipped.repository).toEqual({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/.+\.git$/), directory: `packages/${name}` });
    const repoUrl = (shipped.repository?.url as string).replace(/^git\+/, '').replace(/\.git$/, '');
    expect(shipped.homepage).toBe(`${repoUrl}/tree/main/packages/${name}#readme`);
    expect(shipped.bugs).toEqual({ url: `${repoUrl}/issues` });
    expect(shipped.engines).toEqual({ node: '>=20.19' });
    expect(rootManifest.engines.node).toBe('>=20.19');
    // pnpm replaced workspace: and catalog: ranges with real ones.
    expect(JSON.stringify(shipped.dependencies ?? {})).not.toMatch(/workspace:|catalog:/);
    expect(manifest.name).toBe(shipped.name);
  });

  it.each(packageDirs.map((dir) => basename(dir)))('%s: entry points, declaration maps and source maps point at shipped files', (name) => {
    const { files, manifest } = packedByDir(name);
    const targets = [manifest.main, manifest.types, ...Object.values(manifest.bin ?? {}), ...exportTargets(manifest.exports)].filter(
      (target): target is string => typeof target === 'string' && !target.includes('*'),
    );
    for (const target of targets) expect(files.has(posix.normalize(target)), `${target} is in the tarball`).toBe(true);
    for (const [path, content] of files) {
      if (!path.endsWith('.map')) continue;
      const map = JSON.parse(content.toString('utf8')) as { sources: string[]; sourceRoot?: string };
      for (const source of map.sources) {
        const resolved = posix.normalize(posix.join(posix.dirname(path), map.sourceRoot ?? '', source));
        expect(files.has(resolved), `${path} names ${source}`).toBe(true);
      }
    }
  });

  it.each(packageDirs.filter((dir) => basename(dir) !== 'cli').map((dir) => basename(dir)))(
    '%s: every package its code imports is a declared dependency',
    (name) => {
      const { files, manifest } = packedByDir(name);
      const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
      for (const [path, content] of files) {
        if (!path.startsWith('dist/') || !/\.(js|d\.ts)$/.test(path)) continue;
        for (const name of importedPackages(content.toString('utf8'))) expect(declared.has(name), `${path} imports ${name}`).toBe(true);
      }
    },
  );

  it('the CLI ships no source maps and lists no bundled library as a runtime dependency', () => {
    const cli = packed.get('@pacto/cli') as Packed;
    expect([...cli.files.keys()].filter((path) => path.endsWith('.map'))).toEqual([]);
    const shipped = JSON.parse((cli.files.get('package.json') as Buffer).toString('utf8')) as Manifest;
    // Everything the CLI uses is bundled into dist/: installed alone, below, it runs every kind of command.
    expect(shipped.dependencies ?? {}).toEqual({});
  });
});

describe('installed with npm outside the workspace', () => {
  it('the CLI alone: npx pacto init, validate and every other kind of command', async () => {
    const consumer = join(scratch, 'cli-consumer');
    mkdirSync(consumer);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'cli-consumer', private: true, type: 'module' }));
    // --offline: the CLI has no runtime dependency to fetch.
    const install = await npm(['install', '--offline', (packed.get('@pacto/cli') as Packed).tarball], consumer);
    expect(install.code, install.stderr).toBe(0);
    const npx = (...args: string[]) => command('npx', ['--no', 'pacto', ...args], consumer, { ...npmEnv(), PACTO_CACHE_DIR: join(consumer, 'cache') });
    const init = await npx('init', 'demo');
    expect(init.code, init.stderr).toBe(0);
    expect(existsSync(join(consumer, 'demo', 'pacto.yaml'))).toBe(true);
    const validate = await npx('validate', 'demo', '--output-format', 'json');
    expect(validate.code, validate.stderr).toBe(0);
    expect(JSON.parse(validate.stdout)).toMatchObject({ Path: 'demo', Valid: true });
    // Each command loads its own bundled modules: any library left out of the bundle would fail here.
    const layout = `oci-layout://${join(consumer, 'layout', 'demo')}`;
    const commands: readonly (readonly string[])[] = [
      ['explain', 'demo'],
      ['pack', 'demo', '-o', 'demo.tar.gz'],
      ['validate', 'demo.tar.gz'],
      ['diff', 'demo', 'demo'],
      ['graph', 'demo'],
      ['doc', 'demo'],
      ['push', layout, '-p', 'demo'],
      ['pull', layout, '-o', 'pulled'],
      ['dashboard', 'demo', '--export', 'site'],
      ['version'],
    ];
    const bin = join(consumer, 'node_modules', '.bin', 'pacto');
    // The OCI cache (push, pull, dashboard) inside the scratch directory, not the user's.
    const env = { ...npmEnv(), PACTO_CACHE_DIR: join(consumer, 'cache') };
    for (const args of commands) {
      const run = await command(bin, args, consumer, env);
      expect(run.code, `pacto ${args.join(' ')}: ${run.stderr}`).toBe(0);
      expect(run.stdout, `pacto ${args.join(' ')}`).toMatch(/\S/);
    }
    expect(existsSync(join(consumer, 'pulled', 'pacto.yaml'))).toBe(true);
    // The dashboard's web app ships inside the CLI package.
    expect(existsSync(join(consumer, 'site', 'index.html'))).toBe(true);

    // `doc --serve` draws the diagram with the Mermaid build that ships inside the CLI package (mermaid itself
    // is only a development dependency): the page loads it and the server serves it, with no warning.
    const served = await serveDoc(bin, ['doc', 'demo', '--serve', '--port', '0'], consumer, env);
    try {
      const page = await fetch(served.url);
      expect(await page.text()).toContain('<script src="/_pacto/mermaid.min.js"');
      const mermaid = await fetch(new URL('/_pacto/mermaid.min.js', served.url));
      expect(mermaid.status).toBe(200);
      expect(mermaid.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect((await mermaid.text()).length).toBeGreaterThan(1_000_000);
      expect(served.stderr()).not.toMatch(/warning/);
    } finally {
      expect(await served.stop()).toBe(0);
    }
    const cli = packed.get('@pacto/cli') as Packed;
    for (const file of ['LICENSE', 'THIRD_PARTY_NOTICES']) expect(cli.files.has(`dist/assets/mermaid/${file}`), `Mermaid's ${file}`).toBe(true);
  });

  it("the libraries: each README's example compiles as strict nodenext TypeScript and runs", async () => {
    const consumer = join(scratch, 'library-consumer');
    mkdirSync(join(consumer, 'src'), { recursive: true });
    const libraries = [...packed.values()].filter((p) => p.manifest.name !== '@pacto/cli');
    const dependencies = Object.fromEntries(libraries.map((p) => [p.manifest.name, `file:${p.tarball}`]));
    // Our packages depend on each other by version: take them from the tarballs, never from a registry.
    const overrides = Object.fromEntries(libraries.map((p) => [p.manifest.name, `$${p.manifest.name}`]));
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'library-consumer', private: true, type: 'module', dependencies, overrides }));
    const install = await npm(['install', '--prefer-offline'], consumer);
    expect(install.code, install.stderr).toBe(0);

    const examples = libraries.map((p) => {
      const name = p.manifest.name.replace('@pacto/', '');
      const example = firstTypeScriptBlock(readFileSync(join(p.dir, 'README.md'), 'utf8'));
      expect(example, `${p.manifest.name} README has a \`\`\`ts example`).toBeDefined();
      writeFileSync(join(consumer, 'src', `${name}.ts`), example as string);
      return name;
    });
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          outDir: 'out',
          rootDir: 'src',
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [join(REPO, 'node_modules', '@types')],
        },
        include: ['src'],
      }),
    );
    const tsc = await command(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', consumer], consumer);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);

    // What the examples read: a contract directory (`pacto init`) and the PostgreSQL example.
    cpSync(join(REPO, 'examples', 'postgresql'), join(consumer, 'examples', 'postgresql'), { recursive: true });
    const init = await command(process.execPath, [join(REPO, 'packages', 'cli', 'dist', 'pacto.js'), 'init', 'my-service'], consumer);
    expect(init.code, init.stderr).toBe(0);
    for (const name of examples.filter((example) => !COMPILE_ONLY.has(example))) {
      const run = await command(process.execPath, [join('out', `${name}.js`)], consumer);
      expect(run.code, `${name} example: ${run.stderr}`).toBe(0);
      expect(run.stderr, `${name} example`).toBe('');
    }
  });
});

function packedByDir(name: string): Packed {
  const found = [...packed.values()].find((p) => basename(p.dir) === name);
  if (found === undefined) throw new Error(`packages/${name} was not packed`);
  return found;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function exportTargets(exports: unknown): unknown[] {
  if (typeof exports === 'string') return [exports];
  if (exports === null || typeof exports !== 'object') return [];
  return Object.values(exports).flatMap(exportTargets);
}

/** The packages a compiled module imports by name: `import`/`export … from`, `import()`; Node built-ins left out. */
function importedPackages(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    const specifier = (match[1] ?? match[2] ?? match[3]) as string;
    if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
    const parts = specifier.split('/');
    found.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string));
  }
  return [...found];
}

function firstTypeScriptBlock(markdown: string): string | undefined {
  return /^```ts\n([\s\S]*?)^```$/m.exec(markdown)?.[1];
}

/** Every file of a tarball (paths without the leading `package/`), unpacked with the system's tar. */
async function readTarball(file: string): Promise<Map<string, Buffer>> {
  const into = mkdtempSync(join(scratch, 'unpacked-'));
  const run = await command('tar', ['-xzf', file, '-C', into], into);
  if (run.code !== 0) throw new Error(`tar -xzf ${file}: ${run.stderr}`);
  const root = join(into, 'package');
  const files = new Map<string, Buffer>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(root, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(root);
  return files;
}

/** Starts an installed `pacto doc --serve`, resolving once its banner gives the URL; `stop` ends it by PID. */
function serveDoc(bin: string, args: readonly string[], cwd: string, env: Record<string, string | undefined>) {
  const child = spawn(bin, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise<{ url: string; stderr: () => string; stop: () => Promise<number | null> }>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /Serving documentation at (http:\/\/\S+)/.exec(stderr);
      if (match === null) return;
      resolve({
        url: match[1] as string,
        stderr: () => stderr,
        stop: () => {
          if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`pacto ${args.join(' ')} exited with ${code}: ${stderr}`)));
  });
}

/** npm without the settings pnpm passes to scripts through npm_config_* variables. */
function npmEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  return { ...env, NO_COLOR: '1', PACTO_NO_UPDATE_CHECK: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

function npm(args: readonly string[], cwd: string) {
  return command('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], cwd, npmEnv());
}

function command(file: string, args: readonly string[], cwd: string, env: Record<string, string | undefined> = npmEnv()) {
  return runCommand(file, args, { cwd, env });
}
