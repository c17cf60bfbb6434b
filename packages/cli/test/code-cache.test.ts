import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import nodeModule from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPacto } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

// The code cache of src/launch/load-bundle.ts (Node's own compile cache on 22.1+) must never change
// what a command does, whatever state the cache directory is in.

const EXAMPLE = fileURLToPath(new URL('../../../examples/postgresql', import.meta.url));
const tempDir = useTempDirs();
// Node 22.1+ keeps its own compile cache there instead (module.enableCompileCache).
const ownCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache !== 'function';

function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

async function validate(env: Record<string, string | undefined>) {
  return runPacto(['validate', EXAMPLE, '--output-format', 'json'], { env });
}

describe('code cache', { timeout: 60_000 }, () => {
  it('is written by the first run and gives the same result on the next', async () => {
    const cache = tempDir();
    const env = { PACTO_CACHE_DIR: cache };
    const first = await validate(env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ Valid: true, Errors: null });
    const written = filesUnder(join(cache, '_code-cache'));
    expect(written.length).toBeGreaterThan(0);
    const contents = written.map((file) => readFileSync(file));
    expect(await validate(env)).toEqual(first);
    // An accepted cache is left as it is.
    expect(written.map((file) => readFileSync(file))).toEqual(contents);
  });

  it('ignores and replaces a corrupt cache', async () => {
    const cache = tempDir();
    const env = { PACTO_CACHE_DIR: cache };
    const first = await validate(env);
    const written = filesUnder(join(cache, '_code-cache'));
    expect(written.length).toBeGreaterThan(0);
    for (const file of written) {
      const bytes = readFileSync(file);
      // Same length, every byte flipped past the first few: torn or damaged data, not just garbage.
      writeFileSync(file, bytes.map((byte, i) => (i < 8 ? byte : byte ^ 0xff)));
    }
    expect(await validate(env)).toEqual(first);
    for (const file of written) writeFileSync(file, 'not a cache');
    expect(await validate(env)).toEqual(first);
    expect(filesUnder(join(cache, '_code-cache')).some((file) => readFileSync(file).length > 'not a cache'.length)).toBe(true);
  });

  it('replaces the entry of an earlier build for the same runtime and keeps other runtimes\' entries', async () => {
    const cache = tempDir();
    const dir = join(cache, '_code-cache');
    mkdirSync(dir);
    const earlier = join(dir, `validate-0123456789abcdef-${process.version}-${process.arch}.bin`);
    const otherRuntime = join(dir, `validate-0123456789abcdef-v0.0.0-${process.arch}.bin`);
    writeFileSync(earlier, 'old');
    writeFileSync(otherRuntime, 'old');
    expect((await validate({ PACTO_CACHE_DIR: cache })).code).toBe(0);
    expect(existsSync(earlier)).toBe(!ownCache);
    expect(existsSync(otherRuntime)).toBe(true);
  });

  it('runs without one when the cache directory cannot be created', async () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, '');
    const run = await validate({ PACTO_CACHE_DIR: blocker });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ Valid: true });
  });

  it('keeps compiled configuration and policy schemas, which judge values as a fresh compilation does', async () => {
    const cache = tempDir();
    const dir = join(tempDir(), 'postgresql');
    cpSync(EXAMPLE, dir, { recursive: true });
    const contract = join(dir, 'pacto.yaml');
    writeFileSync(contract, readFileSync(contract, 'utf8').replace('max_connections: 300', 'max_connections: 3'));
    const run = () => runPacto(['validate', dir, '--output-format', 'json'], { env: { PACTO_CACHE_DIR: cache } });
    const fresh = await runPacto(['validate', dir, '--output-format', 'json'], { env: { PACTO_NO_CODE_CACHE: '1', PACTO_CACHE_DIR: tempDir() } });
    expect(fresh.code).toBe(1);
    expect(fresh.stdout).toMatch(/max_connections/);
    expect(await run()).toEqual(fresh);
    const schemas = filesUnder(join(cache, '_code-cache', 'schemas'));
    expect(schemas.length).toBe(2);
    expect(await run()).toEqual(fresh);
    // Damaged code is not run: the schema is compiled again and the file replaced.
    for (const file of schemas) writeFileSync(file, readFileSync(file, 'utf8').replace('minimum', 'maximum'));
    expect(await run()).toEqual(fresh);
    for (const file of schemas) {
      const [first, ...rest] = readFileSync(file, 'utf8').split('\n');
      expect(first).toBe(`// sha1 ${createHash('sha1').update(rest.join('\n')).digest('hex')}`);
    }
  });

  it('is not written when turned off', async () => {
    const cache = tempDir();
    const run = await validate({ PACTO_CACHE_DIR: cache, PACTO_NO_CODE_CACHE: '1' });
    expect(run.code).toBe(0);
    expect(filesUnder(cache)).toEqual([]);
  });
});
