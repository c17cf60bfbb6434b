import { describe, expect, it } from 'vitest';
import { parseContract, type Contract } from '@pacto/schema';
import {
  buildLock,
  contentHash,
  LockError,
  lockMatches,
  mergePins,
  parseLock,
  serializeLock,
  verifyLock,
  type LockFile,
  type LockResolver,
  type ResolvedBundle,
} from '@pacto/lock';

function contract(name: string, version: string, extra = ''): Contract {
  const parsed = parseContract(`pactoVersion: "1.0"\nservice: { name: ${name}, version: ${version} }\n${extra}`, `${name}/pacto.yaml`);
  if (!parsed.ok) throw parsed.error;
  return parsed.contract;
}

const digest = (n: number) => `sha256:${n.toString(16).padStart(64, '0')}`;

/**
 * A small world of bundles for the closure walk: OCI refs map to (contract, digest), local paths to
 * (contract, directory). It implements the resolver interface the CLI implements with a registry and files.
 */
function world(oci: Record<string, ResolvedBundle>, local: Record<string, ResolvedBundle> = {}): LockResolver & { calls: string[] } {
  const calls: string[] = [];
  const find = (ref: string, dir: string | undefined): ResolvedBundle => {
    calls.push(`${dir ?? '-'} ${ref}`);
    if (ref.startsWith('oci://')) {
      const hit = oci[ref];
      if (!hit) throw new Error(`manifest unknown: ${ref}`);
      return hit;
    }
    const path = `${dir ?? ''}/${ref.replace(/^file:\/\//, '')}`.replace(/\/\.\//g, '/');
    const hit = local[path];
    if (!hit) throw new Error(`stat ${path}: no such file or directory`);
    return hit;
  };
  return {
    calls,
    dependency: async (request) => find(request.ref, '/root'),
    reference: async (ref, dir) => find(ref, dir),
  };
}

const ociBundle = (c: Contract, n: number): ResolvedBundle => ({ contract: c, pin: { source: 'oci', digest: digest(n) } });

describe('buildLock', () => {
  it('pins the dependency closure by service name, with constraints, versions and dependsOn', async () => {
    const root = contract('payments', '2.1.0', `dependencies:
  - { name: auth, ref: oci://ghcr.io/acme/auth-pacto, compatibility: ^2.0.0, required: true }
  - { name: lib, ref: file://../shared-lib, compatibility: ^1.0.0 }`);
    const auth = contract('auth-service', '2.5.1', `dependencies:
  - { name: crypto, ref: oci://ghcr.io/acme/crypto-pacto:1.2.0, compatibility: ~1.2.0 }`);
    const lock = await buildLock(
      root,
      world(
        { 'oci://ghcr.io/acme/auth-pacto': ociBundle(auth, 1), 'oci://ghcr.io/acme/crypto-pacto:1.2.0': ociBundle(contract('crypto-lib', '1.2.0'), 2) },
        { '/root/../shared-lib': { contract: contract('shared-lib', '1.5.0'), pin: { source: 'local', contentHash: digest(3) }, dir: '/shared-lib' } },
      ),
      { pactoVersion: '0.1.0', rootDir: '/root' },
    );
    expect(serializeLock(lock)).toBe(`lockVersion: 3
pacto:
  version: 0.1.0
root:
  name: payments
  version: 2.1.0
dependencies:
  - name: auth-service
    source: oci
    ref: oci://ghcr.io/acme/auth-pacto
    constraint: ^2.0.0
    version: 2.5.1
    digest: ${digest(1)}
    dependsOn:
      - crypto-lib
  - name: crypto-lib
    source: oci
    ref: oci://ghcr.io/acme/crypto-pacto:1.2.0
    constraint: ~1.2.0
    version: 1.2.0
    digest: ${digest(2)}
  - name: shared-lib
    source: local
    path: ../shared-lib
    constraint: ^1.0.0
    version: 1.5.0
    contentHash: ${digest(3)}
`);
  });

  it('pins references per declaration, transitively, tagged with the declaring contract', async () => {
    const root = contract('payments', '2.1.0', `configurations:
  - { name: settings, ref: oci://ghcr.io/acme/shared-config }
  - { name: local, schema: configuration/schema.json }
policies:
  - { name: settings, ref: ./policy }`);
    const shared = contract('shared-config', '2.0.0', `configurations:
  - { name: settings, ref: oci://ghcr.io/acme/platform-limits }`);
    const policy = contract('org-policy', '1.0.0', `policies:
  - { name: base, ref: ../base-policy }`);
    const lock = await buildLock(
      root,
      world(
        { 'oci://ghcr.io/acme/shared-config': ociBundle(shared, 7), 'oci://ghcr.io/acme/platform-limits': ociBundle(contract('limits', '4.0.0'), 8) },
        {
          '/root/policy': { contract: policy, pin: { source: 'local', contentHash: digest(9) }, dir: '/root/policy' },
          '/root/policy/../base-policy': { contract: contract('base', '1.0.0'), pin: { source: 'local', contentHash: digest(10) }, dir: '/root/base-policy' },
        },
      ),
      { pactoVersion: 'dev', rootDir: '/root' },
    );
    expect(lock.references).toEqual([
      { kind: 'config', name: 'settings', source: 'oci', ref: 'oci://ghcr.io/acme/shared-config', version: '2.0.0', digest: digest(7) },
      { from: `oci:${digest(7)}`, kind: 'config', name: 'settings', source: 'oci', ref: 'oci://ghcr.io/acme/platform-limits', version: '4.0.0', digest: digest(8) },
      { kind: 'policy', name: 'settings', source: 'local', path: './policy', version: '1.0.0', contentHash: digest(9) },
      { from: `local:${digest(9)}`, kind: 'policy', name: 'base', source: 'local', path: '../base-policy', version: '1.0.0', contentHash: digest(10) },
    ]);
    // Sorted for the file: by from (root first), kind, name.
    expect(parseLock(serializeLock(lock)).references.map((r) => `${r.from ?? ''}|${r.kind}|${r.name}`)).toEqual([
      '|config|settings',
      '|policy|settings',
      `local:${digest(9)}|policy|base`,
      `oci:${digest(7)}|config|settings`,
    ]);
  });

  it('walks a bundle reached by two routes once, and stops at cycles', async () => {
    const root = contract('a', '1.0.0', `configurations:
  - { name: one, ref: oci://r/shared }
  - { name: two, ref: oci://r/shared:1.0.0 }`);
    const shared = contract('shared', '1.0.0', `policies:
  - { name: back, ref: oci://r/shared }`);
    const resolver = world({ 'oci://r/shared': ociBundle(shared, 1), 'oci://r/shared:1.0.0': ociBundle(shared, 1) });
    const lock = await buildLock(root, resolver, { pactoVersion: 'dev', rootDir: '/root' });
    expect(lock.references.map((r) => `${r.from ?? 'root'} ${r.kind}/${r.name}`)).toEqual(['root config/one', `oci:${digest(1)} policy/back`, 'root config/two']);
  });

  it('refuses a contract that declares one name twice (LOCK_DUPLICATE_DECLARATION), even with an inline schema', async () => {
    const root = contract('a', '1.0.0', `configurations:
  - { name: settings, schema: configuration/schema.json }
  - { name: settings, ref: oci://r/x }`);
    await expect(buildLock(root, world({}), { pactoVersion: 'dev' })).rejects.toThrow(
      'LOCK_DUPLICATE_DECLARATION: config "settings" is declared more than once by the root contract',
    );
  });

  it('refuses one declaration that would need two pins (LOCK_AMBIGUOUS_REFERENCE)', async () => {
    // Two byte-identical bundles in different directories: one contract by content, whose relative ref
    // resolves to a different sibling in each place.
    const twin = contract('twin', '1.0.0', `configurations:
  - { name: near, ref: ../sibling }`);
    const root = contract('a', '1.0.0', `configurations:
  - { name: left, ref: ./left/twin }
  - { name: right, ref: ./right/twin }`);
    const same = { source: 'local' as const, contentHash: digest(5) };
    const resolver = world(
      {},
      {
        '/root/left/twin': { contract: twin, pin: same, dir: '/root/left/twin' },
        '/root/right/twin': { contract: twin, pin: same, dir: '/root/right/twin' },
        '/root/left/twin/../sibling': { contract: contract('s1', '1.0.0'), pin: { source: 'local', contentHash: digest(6) }, dir: '/root/left/sibling' },
        '/root/right/twin/../sibling': { contract: contract('s2', '1.0.0'), pin: { source: 'local', contentHash: digest(7) }, dir: '/root/right/sibling' },
      },
    );
    await expect(buildLock(root, resolver, { pactoVersion: 'dev', rootDir: '/root' })).rejects.toThrow(/^LOCK_AMBIGUOUS_REFERENCE: config "near" declared by local:sha256:0+5 resolves to both/);
  });

  it('fails closed: LOCK_UNRESOLVED for a missing bundle or a local ref inside a registry bundle, LOCK_CONFLICT for two versions', async () => {
    const missing = contract('a', '1.0.0', `dependencies:
  - { name: gone, ref: oci://r/gone, compatibility: ^1.0.0 }`);
    await expect(buildLock(missing, world({}), { pactoVersion: 'dev' })).rejects.toThrow('LOCK_UNRESOLVED: cannot resolve oci://r/gone: manifest unknown: oci://r/gone');

    const remote = contract('remote', '1.0.0', `policies:
  - { name: p, ref: ./local-policy }`);
    const root = contract('a', '1.0.0', `policies:
  - { name: p, ref: oci://r/remote }`);
    await expect(buildLock(root, world({ 'oci://r/remote': ociBundle(remote, 1) }), { pactoVersion: 'dev' })).rejects.toThrow(
      'LOCK_UNRESOLVED: cannot resolve ./local-policy: a local reference inside a registry bundle cannot be resolved',
    );

    const diamond = contract('a', '1.0.0', `dependencies:
  - { name: b, ref: oci://r/b, compatibility: "*" }
  - { name: c, ref: oci://r/c, compatibility: "*" }`);
    const b = contract('b', '1.0.0', `dependencies:
  - { name: lib, ref: oci://r/lib:1.0.0, compatibility: "*" }`);
    const c = contract('c', '1.0.0', `dependencies:
  - { name: lib, ref: oci://r/lib:2.0.0, compatibility: "*" }`);
    const resolver = world({
      'oci://r/b': ociBundle(b, 1),
      'oci://r/c': ociBundle(c, 2),
      'oci://r/lib:1.0.0': ociBundle(contract('lib', '1.0.0'), 3),
      'oci://r/lib:2.0.0': ociBundle(contract('lib', '2.0.0'), 4),
    });
    await expect(buildLock(diamond, resolver, { pactoVersion: 'dev' })).rejects.toThrow('LOCK_CONFLICT: lib is required at conflicting versions: lib@1.0.0, lib@2.0.0');
  });
});

describe('verifyLock and mergePins', () => {
  const base: LockFile = {
    lockVersion: 3,
    pacto: { version: 'dev' },
    root: { name: 'a', version: '1.0.0' },
    dependencies: [{ name: 'auth', source: 'oci', ref: 'oci://r/auth', constraint: '^2.0.0', version: '2.0.0', digest: digest(1) }],
    references: [{ kind: 'policy', name: 'org', source: 'local', path: '../org', version: '1.0.0', contentHash: digest(2) }],
  };
  const changed = (edit: (lock: LockFile) => void): LockFile => {
    const copy = structuredClone(base);
    edit(copy);
    return copy;
  };
  const codeOf = (locked: LockFile, fresh: LockFile) => {
    try {
      verifyLock(locked, fresh);
      return 'ok';
    } catch (error) {
      return (error as LockError).code;
    }
  };

  it('passes an identical closure and names each kind of drift by its code', () => {
    expect(codeOf(base, base)).toBe('ok');
    expect(codeOf(base, changed((l) => (l.dependencies[0]!.digest = digest(9))))).toBe('LOCK_DIGEST_MISMATCH');
    expect(codeOf(base, changed((l) => (l.references[0]!.contentHash = digest(9))))).toBe('LOCK_LOCAL_DRIFT');
    expect(codeOf(base, changed((l) => l.dependencies.push({ name: 'new', source: 'oci', ref: 'oci://r/new', digest: digest(3) })))).toBe('LOCK_STALE');
    expect(codeOf(base, changed((l) => (l.dependencies = [])))).toBe('LOCK_STALE');
    expect(codeOf(base, changed((l) => (l.dependencies[0]!.constraint = '^3.0.0')))).toBe('LOCK_STALE');
    expect(codeOf(changed((l) => (l.lockVersion = 1)), base)).toBe('LOCK_STALE');
  });

  it('words a digest mismatch as one line with the code first', () => {
    expect(() => verifyLock(base, changed((l) => (l.dependencies[0]!.digest = digest(9))))).toThrow(
      `LOCK_DIGEST_MISMATCH: dependency auth is locked at ${digest(1)} but oci://r/auth resolves to ${digest(9)}`,
    );
  });

  it('keeps dependency pins whose constraint is unchanged, except the names to update', () => {
    const fresh = changed((l) => {
      l.dependencies[0]!.digest = digest(9);
      l.dependencies[0]!.version = '2.1.0';
    });
    expect(mergePins(base, fresh).dependencies[0]).toMatchObject({ version: '2.0.0', digest: digest(1) });
    expect(mergePins(base, fresh, new Set(['auth'])).dependencies[0]).toMatchObject({ version: '2.1.0', digest: digest(9) });
    expect(lockMatches(base, mergePins(base, fresh))).toBe(true);
  });
});

describe('lock file', () => {
  it('reads versions 1 to 3 and refuses others with LOCK_INVALID', () => {
    expect(parseLock('lockVersion: 1\npacto: { version: 1.4.0 }\nroot: { name: a, version: 1.0.0 }\n').lockVersion).toBe(1);
    expect(() => parseLock('lockVersion: 4\n')).toThrow('LOCK_INVALID: cannot read pacto.lock: unsupported lockVersion 4 (this pacto reads 1 to 3)');
    expect(() => parseLock('lockVersion: [\n')).toThrow(/^LOCK_INVALID: cannot read pacto.lock: /);
  });

  it('round-trips, quoting versions that would read as numbers', () => {
    const lock: LockFile = {
      lockVersion: 3,
      pacto: { version: '1.0' },
      root: { name: 'a', version: '2.0' },
      dependencies: [],
      references: [],
    };
    const text = serializeLock(lock);
    expect(text).toBe('lockVersion: 3\npacto:\n  version: "1.0"\nroot:\n  name: a\n  version: "2.0"\n');
    expect(parseLock(text)).toEqual(lock);
  });

  it('hashes local files independently of their order, with length prefixes', async () => {
    const a = new TextEncoder().encode('a');
    const hash = await contentHash([
      ['pacto.yaml', a],
      ['b/c.json', a],
    ]);
    expect(hash).toBe(await contentHash([['b/c.json', a], ['pacto.yaml', a]]));
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    // "ab" + "" and "a" + "b" differ thanks to the length prefixes.
    const ab = new TextEncoder().encode('ab');
    expect(await contentHash([['x', ab]])).not.toBe(await contentHash([['x', a], ['xb', new Uint8Array()]]));
    // Known value: one file "f" holding "x" is sha256 of 00..01 'f' 00..01 'x'.
    expect(await contentHash([['f', new TextEncoder().encode('x')]])).toBe('sha256:406d5c00df0127109317026986bdea2351a10922361c30971f19d45d3385b61b');
  });
});
