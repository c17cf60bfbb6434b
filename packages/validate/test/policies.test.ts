import { describe, expect, it } from 'vitest';
import type { ContractBundle } from '@pacto/schema';
import { enforcePolicies, resolvePolicies, validateContract, type BundleResolver } from '../src/index.js';
import { b10 } from './support/contracts.js';
import { memoryFiles } from './support/memory-files.js';

// L4 (contract.md §8): resolution in both modes, cycles, origins, enforcement order.

const BASE = 'pactoVersion: "1.0"\nservice:\n  name: svc\n  version: 1.0.0\n';
const REQUIRE_RUNTIME = '{"type":"object","required":["runtime"]}';
const REQUIRE_SCALING = '{"type":"object","required":["scaling"]}';

/** A resolver over bundles held in memory, recording what it was asked for. */
function registry(bundles: Record<string, { text: string; files?: Record<string, string> } | 'empty'>): BundleResolver & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async resolve(ref: string): Promise<ContractBundle> {
      asked.push(ref);
      const entry = bundles[ref];
      if (entry === undefined) throw new Error(`artifact not found: ${ref}`);
      if (entry === 'empty') return { fileName: `${ref}/pacto.yaml`, text: BASE };
      return { fileName: `${ref}/pacto.yaml`, text: entry.text, files: memoryFiles({ 'pacto.yaml': entry.text, ...entry.files }) };
    },
  };
}

function withPolicies(lines: string): string {
  return `${BASE}policies:\n${lines}`;
}

async function resolve(contractPolicies: { name?: string; schema?: string; ref?: string }[], resolver?: BundleResolver, files = memoryFiles({})) {
  return resolvePolicies(b10({ policies: contractPolicies as never }), files, { mode: 'resolver', ...(resolver ? { resolver } : {}) });
}

describe('policy resolution, resolver mode', () => {
  it('reads a referenced bundle’s policy/schema.json under the origin of the entry that named it', async () => {
    const resolver = registry({ 'oci://ghcr.io/acme/platform-pacto:1.0.0': { text: BASE, files: { 'policy/schema.json': REQUIRE_RUNTIME } } });
    const resolution = await resolve([{ name: 'platform', ref: 'oci://ghcr.io/acme/platform-pacto:1.0.0' }], resolver);
    expect(resolution.errors).toEqual([]);
    expect(resolution.policies.map((p) => p.origin)).toEqual(['policies["platform"]']);
  });

  it('follows the referenced contract’s own policies and names them through the ref', async () => {
    const resolver = registry({
      'oci://ghcr.io/acme/platform-pacto:1.0.0': {
        text: withPolicies('  - {name: http, schema: policy/http.json}\n  - {name: deeper, ref: "oci://ghcr.io/acme/base-pacto:2"}\n'),
        files: { 'policy/http.json': REQUIRE_RUNTIME },
      },
      'oci://ghcr.io/acme/base-pacto:2': { text: BASE, files: { 'policy/schema.json': REQUIRE_SCALING } },
    });
    const resolution = await resolve([{ name: 'platform', ref: 'oci://ghcr.io/acme/platform-pacto:1.0.0' }, { schema: 'local.json' }], resolver, memoryFiles({ 'local.json': '{}' }));
    expect(resolution.errors).toEqual([]);
    expect(resolution.policies.map((p) => p.origin)).toEqual([
      'oci://ghcr.io/acme/platform-pacto:1.0.0 → policies["http"]',
      'oci://ghcr.io/acme/platform-pacto:1.0.0 → policies["deeper"]',
      'policies[1]',
    ]);
  });

  it('reports each way a ref can fail, and keeps going', async () => {
    const resolver = registry({
      empty: 'empty',
      nofile: { text: BASE },
      notjson: { text: BASE, files: { 'policy/schema.json': '{' } },
      nocompile: { text: BASE, files: { 'policy/schema.json': '{"type": 12}' } },
      broken: { text: 'pactoVersion: "1.0"\nservice: [\n' },
    });
    const resolution = await resolve(
      ['missing', 'empty', 'nofile', 'notjson', 'nocompile', 'broken'].map((ref) => ({ name: ref, ref })),
      resolver,
    );
    expect(resolution.errors.every((e) => e.code === 'POLICY_REF_UNRESOLVED' && e.path === '' && e.layer === 'policy')).toBe(true);
    const messages = resolution.errors.map((e) => e.message);
    expect(messages.slice(0, 4)).toEqual([
      'policy policies["missing"]: failed to resolve ref "missing": artifact not found: missing',
      'policy policies["empty"]: ref "empty" resolved to empty bundle',
      'policy policies["nofile"]: ref "nofile" bundle does not contain policy/schema.json',
      'policy policies["notjson"]: ref "notjson" policy/schema.json is not valid JSON',
    ]);
    expect(messages[4]).toMatch(/^policy policies\["nocompile"\]: ref "nocompile" policy\/schema.json failed to compile: /);
    expect(messages[5]).toMatch(/^policy policies\["broken"\]: failed to resolve ref "broken": broken\/pacto.yaml:\d+:\d+: failed to parse YAML: /);
    expect(resolution.policies).toEqual([]);
  });

  it('without a resolver, a ref cannot be resolved', async () => {
    const resolution = await resolve([{ name: 'remote', ref: './x' }]);
    expect(resolution.errors.map((e) => e.message)).toEqual(['policy policies["remote"]: ref "./x" cannot be resolved (no resolver configured)']);
  });

  it('detects a cycle along one chain and prints the chain', async () => {
    const resolver = registry({
      a: { text: withPolicies('  - {name: toB, ref: b}\n') },
      b: { text: withPolicies('  - {name: toA, ref: a}\n') },
    });
    const resolution = await resolve([{ name: 'root', ref: 'a' }], resolver);
    expect(resolution.errors.map((e) => [e.code, e.message])).toEqual([
      ['POLICY_REF_CYCLE', 'policy b → policies["toA"]: cycle detected resolving ref "a" (chain: [a b a])'],
    ]);
  });

  it('does not treat siblings or a diamond as a cycle', async () => {
    const resolver = registry({
      left: { text: withPolicies('  - {name: shared, ref: base}\n') },
      right: { text: withPolicies('  - {name: shared, ref: base}\n') },
      base: { text: BASE, files: { 'policy/schema.json': REQUIRE_RUNTIME } },
    });
    const resolution = await resolve([{ name: 'l', ref: 'left' }, { name: 'r', ref: 'right' }, { name: 'again', ref: 'base' }], resolver);
    expect(resolution.errors).toEqual([]);
    expect(resolution.policies.map((p) => p.origin)).toEqual(['left → policies["shared"]', 'right → policies["shared"]', 'policies["again"]']);
  });

  it('skips local schemas that do not compile inside a referenced bundle', async () => {
    const resolver = registry({ ref: { text: withPolicies('  - {name: bad, schema: bad.json}\n'), files: { 'bad.json': 'nope' } } });
    const resolution = await resolve([{ name: 'r', ref: 'ref' }], resolver);
    expect(resolution).toEqual({ policies: [], errors: [] });
  });
});

describe('policy resolution, local mode', () => {
  it('skips ref entries and never calls a resolver', async () => {
    const resolver = registry({});
    const resolution = await resolvePolicies(b10({ policies: [{ name: 'r', ref: 'x' }, { name: 'p', schema: 'p.json' }] }), memoryFiles({ 'p.json': '{}' }), {
      mode: 'local',
      resolver,
    });
    expect(resolution.errors).toEqual([]);
    expect(resolution.policies.map((p) => p.origin)).toEqual(['policies["p"]']);
    expect(resolver.asked).toEqual([]);
  });
});

describe('policy enforcement', () => {
  it('emits sorted leaf errors per policy, in resolution order', async () => {
    const resolver = registry({
      platform: { text: BASE, files: { 'policy/schema.json': '{"required":["scaling","runtime"],"properties":{"service":{"properties":{"name":{"pattern":"^x"}}}}}' } },
    });
    const bundle: ContractBundle = {
      fileName: 'svc/pacto.yaml',
      text: withPolicies('  - {name: local, schema: p.json}\n  - {name: remote, ref: platform}\n'),
      files: memoryFiles({ 'p.json': REQUIRE_RUNTIME }),
    };
    const result = await validateContract(bundle, { resolver });
    expect(result.errors.map((e) => e.message)).toEqual([
      `policy policies["local"]: at '': missing required field "runtime"`,
      `policy policies["remote"]: at '': missing required field "runtime"`,
      `policy policies["remote"]: at '': missing required field "scaling"`,
      `policy policies["remote"]: at '/service/name': "svc" does not have the form the schema requires (the pattern is at #/properties/service/properties/name/pattern in the schema)`,
    ]);
  });

  it('skips enforcement when resolution failed', async () => {
    const bundle: ContractBundle = {
      fileName: 'svc/pacto.yaml',
      text: withPolicies('  - {name: local, schema: p.json}\n  - {name: remote, ref: nowhere}\n'),
      files: memoryFiles({ 'p.json': REQUIRE_RUNTIME }),
    };
    const result = await validateContract(bundle, { resolver: registry({}) });
    expect(result.errors.map((e) => e.code)).toEqual(['POLICY_REF_UNRESOLVED']);
  });

  it('reports a document JSON cannot carry', () => {
    const policies = [{ origin: 'policies["p"]', schema: { validate: () => [] } }];
    expect(enforcePolicies({ x: Number.POSITIVE_INFINITY }, policies).errors.map((e) => [e.code, e.message])).toEqual([
      [
        'POLICY_ENFORCEMENT_ERROR',
        'cannot check policies: the contract holds the number .inf, which JSON cannot carry (write a finite number, or quote it to keep it as text)',
      ],
    ]);
    expect(enforcePolicies({ x: 1 }, []).errors).toEqual([]);
  });

  it('turns an engine failure into one violation', () => {
    const policies = [{ origin: 'policies["p"]', schema: { validate: (): string[] => { throw new Error('boom'); } } }];
    expect(enforcePolicies({}, policies).errors.map((e) => e.message)).toEqual(['policy policies["p"]: boom']);
  });
});

describe('compareBytes', () => {
  it('orders like UTF-8 bytes, astral characters after U+FFFD', async () => {
    const { compareBytes } = await import('../src/policies.js');
    expect(['b', 'a', 'ab', '\uFFFD', '😀', 'Z'].sort(compareBytes)).toEqual(['Z', 'a', 'ab', 'b', '\uFFFD', '😀']);
  });
});
