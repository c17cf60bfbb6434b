import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { runPacto } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();
const { anonymousRegistry } = inject('registries');
let counter = 0;
const uniqueRepo = () => `${anonymousRegistry}/cli/lock-${process.pid}-${Date.now().toString(36)}-${++counter}`;

interface Workspace {
  readonly cwd: string;
  readonly env: Record<string, string>;
  pacto(args: string[]): ReturnType<typeof runPacto>;
}

async function workspace(): Promise<Workspace> {
  const cwd = tempDir();
  const home = tempDir();
  const env = { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache'), DOCKER_CONFIG: join(home, 'docker') };
  return { cwd, env, pacto: (args) => runPacto(args, { cwd, env }) };
}

/** `pacto init <name>` with `version` and extra YAML appended (dependencies, policies). */
async function contract(ws: Workspace, name: string, version: string, extra = ''): Promise<string> {
  expect((await ws.pacto(['init', name])).code).toBe(0);
  const file = join(ws.cwd, name, 'pacto.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('version: 0.1.0', `version: ${version}`) + extra);
  return file;
}

async function push(ws: Workspace, dir: string, ref: string, version: string): Promise<string> {
  const file = join(ws.cwd, dir, 'pacto.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}version: .+$/m, `  version: ${version}`));
  const run = await ws.pacto(['push', `oci://${ref}`, '-p', dir, '--force']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return /Digest: (sha256:[0-9a-f]{64})/.exec(run.stdout)![1]!;
}

const lockOf = (ws: Workspace, dir: string) => parse(readFileSync(join(ws.cwd, dir, 'pacto.lock'), 'utf8'));
const firstLine = (text: string) => text.split('\n')[0];

describe('pacto lock against a real registry', { timeout: 180_000 }, () => {
  it('round trip: lock, a new dependency version is pushed, --check reports the drift, --update fixes it', async () => {
    const ws = await workspace();
    const repo = uniqueRepo();
    await contract(ws, 'dep', '1.0.0');
    const first = await push(ws, 'dep', repo, '1.0.0');
    await contract(ws, 'lib', '1.2.0');
    await contract(
      ws,
      'svc',
      '2.0.0',
      `dependencies:
  - name: dep
    ref: oci://${repo}
    required: true
    compatibility: ^1.0.0
  - name: lib
    ref: file://../lib
    compatibility: ^1.0.0
`,
    );

    const locked = await ws.pacto(['lock', 'svc']);
    expect(locked.stderr).toBe('');
    expect(locked.stdout).toBe('wrote svc/pacto.lock (2 dependencies, 0 references)\n');
    expect(locked.code).toBe(0);
    const lock = lockOf(ws, 'svc');
    expect(lock).toMatchObject({ lockVersion: 3, root: { name: 'svc', version: '2.0.0' } });
    expect(lock.dependencies).toEqual([
      { name: 'dep', source: 'oci', ref: `oci://${repo}`, constraint: '^1.0.0', version: '1.0.0', digest: first },
      { name: 'lib', source: 'local', path: '../lib', constraint: '^1.0.0', version: '1.2.0', contentHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
    ]);

    const bytes = readFileSync(join(ws.cwd, 'svc/pacto.lock'), 'utf8');
    expect((await ws.pacto(['lock', 'svc', '--check'])).stdout).toBe('pacto.lock is up to date (2 dependencies, 0 references)\n');
    const again = await ws.pacto(['lock', 'svc']);
    expect(again.stdout).toBe('pacto.lock is up to date (2 dependencies, 0 references)\n');
    expect(readFileSync(join(ws.cwd, 'svc/pacto.lock'), 'utf8')).toBe(bytes);
    expect((await ws.pacto(['validate', 'svc'])).code).toBe(0);

    const second = await push(ws, 'dep', repo, '1.1.0');
    const drift = await ws.pacto(['lock', 'svc', '--check']);
    expect(drift.code).toBe(1);
    expect(firstLine(drift.stderr)).toBe(`LOCK_DIGEST_MISMATCH: dependency dep is locked at ${first} but oci://${repo} resolves to ${second}`);
    expect(drift.stdout).toBe('');

    // Plain `pacto lock` keeps a pin whose constraint did not change: the drift stays until --update.
    expect((await ws.pacto(['lock', 'svc'])).code).toBe(0);
    expect(lockOf(ws, 'svc').dependencies[0].digest).toBe(first);
    expect((await ws.pacto(['lock', 'svc', '--check'])).code).toBe(1);

    const updated = await ws.pacto(['lock', 'svc', '--update']);
    expect(updated.stdout).toBe('wrote svc/pacto.lock (2 dependencies, 0 references)\n');
    expect(lockOf(ws, 'svc').dependencies[0]).toMatchObject({ version: '1.1.0', digest: second });
    expect((await ws.pacto(['lock', 'svc', '--check'])).code).toBe(0);

    // A local dependency that changes drifts too; --update-name re-pins only it.
    appendFileSync(join(ws.cwd, 'lib/pacto.yaml'), '# edited\n');
    const local = await ws.pacto(['lock', 'svc', '--check']);
    expect(firstLine(local.stderr)).toMatch(/^LOCK_LOCAL_DRIFT: the files of dependency lib \(\.\.\/lib\) changed since they were locked/);
    const third = await push(ws, 'dep', repo, '1.2.0');
    expect((await ws.pacto(['lock', 'svc', '--update-name', 'lib'])).code).toBe(0);
    const partly = lockOf(ws, 'svc');
    expect(partly.dependencies[0].digest).toBe(second); // dep keeps its pin
    expect(third).not.toBe(second);
    const still = await ws.pacto(['lock', 'svc', '--check']);
    expect(firstLine(still.stderr)).toMatch(/^LOCK_DIGEST_MISMATCH: dependency dep /);
  });

  it('a tampered digest fails validate with LOCK_DIGEST_MISMATCH, and graph, diff and push stop on it', async () => {
    const ws = await workspace();
    const repo = uniqueRepo();
    await contract(ws, 'dep', '1.0.0');
    await push(ws, 'dep', repo, '1.0.0');
    await contract(ws, 'app', '1.0.0', `dependencies:\n  - { name: dep, ref: "oci://${repo}", required: true, compatibility: "^1.0.0" }\n`);
    expect((await ws.pacto(['lock', 'app'])).code).toBe(0);
    const path = join(ws.cwd, 'app/pacto.lock');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/digest: sha256:[0-9a-f]{64}/, `digest: sha256:${'0'.repeat(64)}`));

    const validate = await ws.pacto(['validate', 'app']);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toBe('app is invalid\n');
    expect(validate.stderr).toContain(`[LOCK_DIGEST_MISMATCH]`);
    expect(validate.stderr).toContain(`dependency dep is locked at sha256:${'0'.repeat(64)} but oci://${repo} resolves to sha256:`);
    const json = JSON.parse((await ws.pacto(['validate', 'app', '--output-format', 'json'])).stdout);
    expect(json.Errors.map((e: { Code: string }) => e.Code)).toContain('LOCK_DIGEST_MISMATCH');

    // diff exits 2, as for every failure to compare (diff(1)); graph and push fail with 1.
    for (const args of [['graph', 'app'], ['diff', 'app', 'app'], ['push', `oci://${repo}-app`, '-p', 'app']]) {
      const run = await ws.pacto(args);
      expect(run.code, args.join(' ')).toBe(args[0] === 'diff' ? 2 : 1);
      expect(firstLine(run.stderr), args.join(' ')).toMatch(/^LOCK_DIGEST_MISMATCH: dependency dep is locked at sha256:0+ but/);
    }
    const tags = await fetch(`http://${anonymousRegistry}/v2/${repo.slice(anonymousRegistry.length + 1)}-app/tags/list`);
    expect(tags.status).toBe(404); // nothing was pushed
  });

  it('pins configuration and policy references per declaring contract', async () => {
    const ws = await workspace();
    const repo = uniqueRepo();
    await contract(ws, 'limits', '4.0.0');
    const limits = await push(ws, 'limits', `${repo}-limits`, '4.0.0');
    await contract(ws, 'shared', '2.0.0', `policies:\n  - { name: limits, ref: "oci://${repo}-limits" }\n`);
    await contract(ws, 'svc', '1.0.0', `policies:\n  - { name: org, ref: ../shared }\n`);
    const run = await ws.pacto(['lock', 'svc', '--output-format', 'json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(['path', 'lock', 'written', 'dependencies', 'references']);
    expect(result).toMatchObject({ path: 'svc/pacto.lock', written: true, dependencies: 0, references: 2 });
    const [root, nested] = result.lock.references;
    expect(root).toMatchObject({ kind: 'policy', name: 'org', source: 'local', path: '../shared', version: '2.0.0' });
    expect(root.from).toBeUndefined();
    expect(nested).toEqual({ from: `local:${root.contentHash}`, kind: 'policy', name: 'limits', source: 'oci', ref: `oci://${repo}-limits`, version: '4.0.0', digest: limits });
  });

  it('names LOCK_MISSING, LOCK_STALE and the commands it refuses', async () => {
    const ws = await workspace();
    await contract(ws, 'svc', '1.0.0');
    const missing = await ws.pacto(['lock', 'svc', '--check']);
    expect(missing.stderr).toBe('LOCK_MISSING: no pacto.lock found\nhint: run `pacto lock` to create it\n');
    expect(missing.code).toBe(1);

    writeFileSync(join(ws.cwd, 'svc/pacto.lock'), 'lockVersion: 1\npacto:\n  version: 1.4.0\nroot:\n  name: svc\n  version: 1.0.0\n');
    expect(firstLine((await ws.pacto(['lock', 'svc', '--check'])).stderr)).toMatch(/^LOCK_STALE: pacto.lock has lockVersion 1/);
    expect((await ws.pacto(['lock', 'svc'])).stdout).toBe('wrote svc/pacto.lock (0 dependencies, 0 references)\n');
    expect(lockOf(ws, 'svc').lockVersion).toBe(3);

    await contract(ws, 'other', '1.0.0');
    appendFileSync(join(ws.cwd, 'svc/pacto.yaml'), 'dependencies:\n  - { name: other, ref: ../other, compatibility: "^1.0.0" }\n');
    expect(firstLine((await ws.pacto(['lock', 'svc', '--check'])).stderr)).toBe('LOCK_STALE: dependency other (../other) is not in pacto.lock');
    const unknownName = await ws.pacto(['lock', 'svc', '--update-name', 'nope']);
    expect(unknownName.stderr).toBe('--update-name "nope": no dependency or reference of svc has that name\n');
    expect(unknownName.code).toBe(2);

    const oci = await ws.pacto(['lock', 'oci://example.com/svc']);
    expect(oci.stderr).toBe('pacto lock requires a local directory, not an OCI reference\n');
    expect(oci.code).toBe(1);
  });
});
