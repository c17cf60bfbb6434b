import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { packBundle } from '@pacto/bundle';
import { OciClient, credentialChain } from '@pacto/oci';
import { runPacto } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();
const { anonymousRegistry: registry } = inject('registries');
const home = mkdtempSync(join(tmpdir(), 'pacto-diff-oci-home-'));
// A clean user: no credentials, no config, a private cache per process.
const env = (cache = mkdtempSync(join(tmpdir(), 'pacto-diff-oci-cache-'))) => ({
  HOME: home,
  XDG_CONFIG_HOME: join(home, '.config'),
  DOCKER_CONFIG: join(home, '.docker'),
  PACTO_CACHE_DIR: cache,
});
const prefix = `t${process.pid}${Date.now().toString(36)}`;
let client: OciClient;

beforeAll(() => {
  client = new OciClient({ cacheDir: null, credentials: credentialChain({ env: {}, homeDir: home }), env: {} });
});
afterAll(async () => {
  await client.close();
});

const encode = (text: string) => new TextEncoder().encode(text);

async function push(repo: string, tag: string, contract: string, extra: Record<string, string> = {}): Promise<void> {
  const files = new Map<string, Uint8Array>([['pacto.yaml', encode(contract)]]);
  for (const [path, text] of Object.entries(extra)) files.set(path, encode(text));
  const archive = await packBundle({ files });
  const version = /version: (\S+)/.exec(contract)?.[1] ?? tag;
  await client.push(`oci://${registry}/${repo}:${tag}`, archive, { labels: { name: repo, version, pactoVersion: '1.1' }, force: true });
}

function contract(name: string, version: string, deps: { ref: string; compatibility?: string }[] = []): string {
  const lines = ['pactoVersion: "1.1"', 'service:', `  name: ${name}`, `  version: ${version}`];
  if (deps.length > 0) {
    lines.push('dependencies:');
    deps.forEach((dep, i) => lines.push(`  - name: d${i}`, `    ref: ${dep.ref}`, `    compatibility: "${dep.compatibility ?? '^1.0.0'}"`));
  }
  return `${lines.join('\n')}\n`;
}

describe('pacto diff against a real registry', { timeout: 120_000 }, () => {
  it('compares a pushed version with local work: oci://…:1.0.0 vs ./svc', async () => {
    const cwd = tempDir();
    await runPacto(['init', 'svc'], { cwd, env: env() });
    const dir = join(cwd, 'svc');
    const files = new Map<string, Uint8Array>();
    for (const path of ['pacto.yaml', 'interfaces/openapi.yaml', 'configuration/schema.json']) files.set(path, readFileSync(join(dir, path)));
    await client.push(`oci://${registry}/${prefix}/acme/svc:1.0.0`, await packBundle({ files }), {
      labels: { name: 'svc', version: '0.1.0', pactoVersion: '1.1' },
    });
    writeFileSync(join(dir, 'pacto.yaml'), readFileSync(join(dir, 'pacto.yaml'), 'utf8').replace('port: 8080', 'port: 9090'));
    const ref = `oci://${registry}/${prefix}/acme/svc:1.0.0`;
    expect(await runPacto(['diff', ref, './svc'], { cwd, env: env() })).toEqual({
      code: 1,
      stdout: 'Classification: BREAKING\nChanges (1):\n  [BREAKING] interfaces.port (modified): interfaces.port modified [8080 -> 9090]\n',
      stderr: 'breaking changes detected\n',
    });
    // Same artifact by digest, and tag-less (highest semver tag).
    const digest = (await client.pull(ref)).digest!;
    expect((await runPacto(['diff', `oci://${registry}/${prefix}/acme/svc@${digest}`, './svc'], { cwd, env: env() })).code).toBe(1);
    const tagless = await runPacto(['diff', `oci://${registry}/${prefix}/acme/svc`, './svc', '--output-format', 'json'], { cwd, env: env() });
    expect(JSON.parse(tagless.stdout).changes).toHaveLength(1);
    // Could not compare (diff(1)'s "trouble"): 2, not the 1 of a breaking change.
    const missing = await runPacto(['diff', `oci://${registry}/${prefix}/acme/none:1.0.0`, './svc'], { cwd, env: env() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^old contract: /);
  });

  it('T35 picks tags by semver and compatibility range', async () => {
    // Three repositories with the same tags: a ref string is resolved once per run, so each range needs its own.
    for (const name of ['tags', 'tags-b', 'tags-c']) {
      for (const tag of ['1.0.0', '1.2.0', '2.0.0', 'v2.1.0-rc.1', 'latest']) await push(`${prefix}/acme/${name}`, tag, contract(name, tag.replace(/^v/, '')));
    }
    await push(`${prefix}/acme/only-latest`, 'latest', contract('only-latest', '1.0.0'));
    const repo = (name: string) => `oci://${registry}/${prefix}/acme/${name}`;
    const cwd = tempDir();
    expect(await runPacto(['graph', repo('tags')], { cwd, env: env() })).toEqual({ code: 0, stdout: 'tags@2.1.0-rc.1\n', stderr: '' });
    writeFileSync(
      join(cwd, 'pacto.yaml'),
      contract('app', '1.0.0', [
        { ref: repo('tags'), compatibility: '^1.0.0' },
        { ref: repo('tags-b'), compatibility: '>=1.0.0, <2.0.0' },
        { ref: repo('tags-c'), compatibility: '^3.0.0' },
        { ref: `${repo('tags')}:1.0.0`, compatibility: '^2.0.0' },
        { ref: repo('only-latest'), compatibility: '^1.0.0' },
      ]),
    );
    const json = JSON.parse((await runPacto(['graph', '.', '--output-format', 'json'], { cwd, env: env() })).stdout);
    const edges = json.root.dependencies;
    expect(edges[0].node).toMatchObject({ name: 'tags', version: '1.2.0' });
    expect(edges[1].node).toMatchObject({ name: 'tags-b', version: '1.2.0' });
    expect(edges[2].error).toBe('no tags satisfy constraint "^3.0.0"');
    expect(edges[3].node).toMatchObject({ name: 'tags', version: '1.0.0' });
    expect(edges[4].error).toBe('no semver tags found');
  });
});

describe('pacto graph over a fleet in a real registry', { timeout: 300_000 }, () => {
  const ref = (name: string, tag?: string) => `oci://${registry}/${prefix}/fleet/${name}${tag ? `:${tag}` : ''}`;

  beforeAll(async () => {
    const pushes: Promise<void>[] = [];
    for (let i = 0; i < 10; i++) pushes.push(push(`${prefix}/fleet/lib-${i}`, '1.0.0', contract(`lib-${i}`, '1.0.0')));
    for (let i = 0; i < 15; i++) {
      const deps = [i % 10, (i + 3) % 10, (i + 7) % 10].map((n) => ({ ref: ref(`lib-${n}`) }));
      if (i === 7) deps.push({ ref: ref('cache', '2.0.0') });
      pushes.push(push(`${prefix}/fleet/svc-${i}`, '1.0.0', contract(`svc-${i}`, '1.0.0', deps)));
    }
    for (let i = 0; i < 5; i++) {
      const deps = [3 * i, 3 * i + 1, 3 * i + 2, (3 * i + 5) % 15].map((n) => ({ ref: ref(`svc-${n}`) }));
      pushes.push(push(`${prefix}/fleet/api-${i}`, '1.0.0', contract(`api-${i}`, '1.0.0', deps)));
    }
    for (const version of ['1.0.0', '1.5.0', '2.0.0']) pushes.push(push(`${prefix}/fleet/cache`, version, contract('cache', version)));
    pushes.push(push(`${prefix}/fleet/cyc-a`, '1.0.0', contract('cyc-a', '1.0.0', [{ ref: ref('cyc-b') }])));
    pushes.push(push(`${prefix}/fleet/cyc-b`, '1.0.0', contract('cyc-b', '1.0.0', [{ ref: ref('cyc-a') }])));
    const rootDeps = [0, 1, 2, 3, 4].map((i) => ({ ref: ref(`api-${i}`) }));
    rootDeps.push({ ref: ref('cyc-a') }, { ref: ref('cache') }, { ref: ref('gone') });
    pushes.push(push(`${prefix}/fleet/root`, '1.0.0', contract('root', '1.0.0', rootDeps)));
    await Promise.all(pushes);
  });

  it('resolves 35 contracts identically 10 runs in a row and reports the cycle and the conflict', async () => {
    const outputs: string[] = [];
    for (let run = 0; run < 10; run++) {
      const result = await runPacto(['graph', ref('root', '1.0.0'), '--no-cache'], { cwd: tempDir(), env: env() });
      expect(result.code).toBe(0);
      outputs.push(result.stdout);
    }
    expect(new Set(outputs).size).toBe(1);
    const text = outputs[0]!;
    const names = new Set([...text.matchAll(/([a-z]+(?:-[a-z0-9]+)?)@\d/g)].map((m) => m[1]));
    expect(names.size).toBeGreaterThanOrEqual(30);
    expect(text).toContain(`\nCycles (1):\n  root -> ${ref('cyc-a')} -> ${ref('cyc-b')} -> ${ref('cyc-a')}\n`);
    expect(text).toContain('\nConflicts (1):\n  cache: [cache@1.5.0 cache@2.0.0]\n');
    expect(text).toContain('(shared)');
    expect(text).toMatch(/└─ gone \(error: .+\)\n/);
    const json = JSON.parse((await runPacto(['graph', ref('root', '1.0.0'), '--output-format', 'json'], { cwd: tempDir(), env: env() })).stdout);
    expect(json.cycles).toEqual([['root', ref('cyc-a'), ref('cyc-b'), ref('cyc-a')]]);
    expect(json.conflicts).toEqual([{ name: 'cache', versions: ['cache@1.5.0', 'cache@2.0.0'] }]);
  });
});
