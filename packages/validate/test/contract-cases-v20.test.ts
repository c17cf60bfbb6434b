import { describe, expect, it } from 'vitest';
import { parseContract, type ContractV20 } from '@pacto/schema';
import {
  evaluateClaims,
  evaluateContractReadiness,
  isClaimsEvaluation,
  isSafeCapabilityPath,
  validateContractSync,
  validateCrossField,
  type ValidationResult,
} from '../src/index.js';
import { textBundle } from './support/case-bundle.js';

// contract-2.0.md §13 (V and R cases) and the 2.0 rules of §5-§7, through the pipeline from YAML text.

const B20 = 'pactoVersion: "2.0"\nservice:\n  name: svc\n  version: 1.0.0\n';
const pair = (f: { code: string; path: string }) => `${f.code} @ ${f.path}`;
const errors = (r: ValidationResult) => [...new Set(r.errors.map(pair))];
const run = (text: string, files: Record<string, string> = {}, now = '2026-06-01T12:00:00Z', gate = false) =>
  validateContractSync(textBundle(text, files), { now: () => new Date(now), readinessGate: gate });

const API = 'interfaces: [{name: api, type: openapi, ref: api.json}]\n';
const API_FILE = { 'api.json': '{"openapi": "3.0.0"}' };

describe('contract-2.0.md §13: V cases', () => {
  it('V1: the minimal contract is valid', () => {
    expect(run(B20)).toMatchObject({ valid: true, errors: [], warnings: [] });
  });

  it('V2: 3.0 is one clear unsupported-version error, stage P', () => {
    const result = run(B20.replace('"2.0"', '"3.0"'));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      code: 'UNSUPPORTED_PACTO_VERSION',
      path: 'pactoVersion',
      layer: 'parse',
      message: 'unsupported pactoVersion "3.0"; supported versions: 1.0, 1.1, 1.2, 2.0',
      line: 1,
      column: 15,
    });
  });

  it('V3: a 1.x runtime section is an unknown field', () => {
    expect(errors(run(`${B20}runtime: {workload: service}\n`))).toEqual(['PARSE_ERROR @ ']);
  });

  it.each([
    ['V4', `${B20}interfaces: [{name: api, type: http, ref: a.yaml}]\n`, { 'a.yaml': 'x: 1\n' }, ['SCHEMA_VIOLATION @ interfaces.0.type']],
    ['V5', `${B20}interfaces: [{name: api, type: openapi}]\n`, {}, ['SCHEMA_VIOLATION @ interfaces.0']],
    ['V6', `${B20}interfaces: [{name: api, type: openapi, ref: a.json}]\n`, { 'a.json': 'not json' }, ['INVALID_INTERFACE_SPEC @ interfaces[0].ref']],
    ['V7', `${B20}configurations: [{name: c, schema: c.json}]\n`, { 'c.json': '{}' }, ['SCHEMA_VIOLATION @ configurations.0']],
    ['V8', `${B20}dependencies: [{name: d, ref: "oci://r.io/a/b:1.0.0", compatibility: "^1"}]\n`, {}, ['SCHEMA_VIOLATION @ dependencies.0']],
    ['V10', `${B20}capabilities: [{type: extension, ref: custom/x}]\n`, {}, ['CAPABILITY_REF_INVALID @ capabilities[0].ref']],
    ['V11', `${B20}capabilities: [{type: health}, {type: health}]\n`, {}, ['DUPLICATE_CAPABILITY @ capabilities[1]']],
    ['V12', `${B20}capabilities: [{type: health, binding: {type: http, interface: web}}]\n`, {}, ['CAPABILITY_INTERFACE_UNKNOWN @ capabilities[0].binding.interface']],
    ['V13', `${B20 + API}capabilities: [{type: health, binding: {type: http, interface: api, path: "/%2Fevil.example"}}]\n`, API_FILE, ['CAPABILITY_PATH_INVALID @ capabilities[0].binding.path']],
    ['V14', `${B20}readiness: {expires: "2026-1-1", claims: [{id: a, type: url, status: done, evidence: x, weight: 1}]}\n`, {}, ['INVALID_READINESS_EXPIRES @ readiness.expires']],
    ['V15', `${B20}dependencies: [{name: d, ref: "oci://r.io/a/b@sha256:abc", required: true, compatibility: "^1"}]\n`, {}, ['INVALID_OCI_REF @ dependencies[0].ref']],
  ])('%s', (_case, text, files, expected) => {
    expect(errors(run(text, files))).toEqual(expected);
  });

  it('V16: a calendar version with leading zeros is valid in 2.0 (and still refused in 1.x)', () => {
    expect(run(B20.replace('1.0.0', '2024.01.01')).valid).toBe(true);
    expect(errors(run(B20.replace('1.0.0', '2024.01.01').replace('"2.0"', '"1.0"')))).toEqual(['INVALID_SEMVER @ service.version']);
  });
});

describe('2.0 cross-field rules (contract-2.0.md §5)', () => {
  it('reads interface specs as YAML by name and as JSON otherwise, so a .proto file is refused', () => {
    const text = `${B20}interfaces:\n  - {name: a, type: openapi, ref: a.yaml}\n  - {name: b, type: grpc, ref: b.proto}\n  - {name: c, type: asyncapi, ref: missing.json}\n`;
    const result = run(text, { 'a.yaml': 'openapi: "3.0.0"\n', 'b.proto': 'syntax = "proto3";\n' });
    expect(errors(result)).toEqual(['INVALID_INTERFACE_SPEC @ interfaces[1].ref', 'FILE_NOT_FOUND @ interfaces[2].ref']);
    expect(result.errors[0]?.message).toMatch(/^interface spec file "b\.proto" is not valid JSON: /);
    expect(result.errors[1]?.message).toBe('interface spec file "missing.json" not found in bundle');
  });

  it('reports a missing interface file once, not once per check as the Go tool does', () => {
    const result = run(`${B20}interfaces: [{name: a, type: openapi, ref: gone.yaml}]\n`);
    expect(result.errors.map(pair)).toEqual(['FILE_NOT_FOUND @ interfaces[0].ref']);
  });

  it('checks the tags and digests of configuration and policy refs strictly', () => {
    const text = `${B20}configurations: [{name: c, ref: "oci://r.io/a/cfg:bad tag", required: true}]\npolicies: [{name: p, ref: "oci://r.io/a/pol@md5:1"}]\n`;
    expect(errors(run(text))).toEqual(['INVALID_CONFIG_REF @ configurations[0].ref', 'INVALID_POLICY_REF @ policies[0].ref']);
  });

  it('warns about a tag without a digest, as 1.x does', () => {
    const result = run(`${B20}dependencies: [{name: d, ref: "oci://r.io/a/b:1.0.0", required: true, compatibility: "^1"}]\n`);
    expect(result.warnings.map(pair)).toEqual(['TAG_NOT_DIGEST @ dependencies[0].ref']);
  });

  it('has no semantic layer', () => {
    const result = run(`${B20}workload: service\nstate: {type: stateless, persistence: {scope: local, durability: ephemeral}, dataCriticality: low}\n`);
    expect(result).toMatchObject({ valid: true, warnings: [] });
  });

  it('checks readiness history entries', () => {
    const text = `${B20}readiness:\n  expires: "2099-12-31"\n  history: [{date: "2026-13-01", version: " ", author: a, description: d}]\n  claims: [{id: a, type: url, status: done, evidence: x, weight: 1}]\n`;
    expect(errors(run(text))).toEqual(['INVALID_READINESS_REVISION @ readiness.history[0].date', 'INVALID_READINESS_REVISION @ readiness.history[0].version']);
  });

  it('produces the rules L1 already covers when called directly on a typed contract', () => {
    const contract = {
      pactoVersion: '2.0',
      service: { name: 'svc', version: '1.0.0' },
      interfaces: [{ name: 'a', type: 'soap', ref: '' }],
      capabilities: [{ type: 'probe' }, { type: 'extension' }],
      policies: [{ name: 'p', schema: 'p.json', target: 'runtime' }],
      state: { type: 'stateless', persistence: { scope: 'local', durability: 'persistent' }, dataCriticality: 'low' },
    } as unknown as ContractV20;
    expect(validateCrossField(contract).errors.map(pair)).toEqual([
      'INVALID_INTERFACE_TYPE @ interfaces[0].type',
      'INTERFACE_REF_REQUIRED @ interfaces[0].ref',
      'INVALID_CAPABILITY_TYPE @ capabilities[0].type',
      'CAPABILITY_REF_REQUIRED @ capabilities[1].ref',
      'UNSUPPORTED_POLICY_TARGET @ policies[0].target',
      'STATELESS_PERSISTENT_CONFLICT @ state.persistence.durability',
    ]);
  });

  it.each([
    ['/health', true],
    ['/', true],
    ['/metrics?format=prometheus', true],
    ['/a%20b', true],
    ['health', false],
    ['//evil.example/x', false],
    ['/%2Fevil.example', false],
    ['/%2f%2fevil.example', false],
    ['/a#frag', false],
    ['/a%zz', false],
    ['/a\u0001', false],
  ])('a binding path %j is safe: %s', (path, safe) => {
    expect(isSafeCapabilityPath(path)).toBe(safe);
  });
});

const CLAIMS = (expires: string, minScore = '') => `${B20}readiness:
  expires: "${expires}"
${minScore}  claims:
    - {id: dashboard, type: url, status: done, weight: 20, evidence: https://x}
    - {id: runbook, type: document, status: partial, weight: 15, evidence: docs/r.md}
    - {id: security-review, type: ticket, status: not-done, weight: 25, evidence: SEC-1}
    - {id: legacy-cleanup, type: ticket, status: deferred, weight: 10, evidence: TECH-1}
`;

describe('claims readiness (contract-2.0.md §7)', () => {
  it('R1: the worked example scores 47 and fails the default gate', () => {
    const result = run(CLAIMS('2099-12-31'), {}, '2026-06-01T12:00:00Z', true);
    expect(result.readiness).toMatchObject({
      score: 47,
      minScore: 100,
      passing: false,
      totalWeight: 60,
      earnedWeight: 28,
      partialCredit: 0.5,
      expired: false,
      doneCount: 1,
      partialCount: 1,
      notDoneCount: 1,
      deferredCount: 1,
    });
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'READINESS_GATE_UNMET',
        path: 'readiness',
        message: 'score below gate: score 47, minScore 100 (1 done, 1 partial, 1 not-done, 1 deferred)',
      }),
    ]);
  });

  it('R2: an expired assessment scores 0 and says so', () => {
    const result = run(CLAIMS('2000-01-01', '  minScore: 0\n'), {}, '2026-06-01T12:00:00Z', true);
    expect(result.readiness).toMatchObject({ score: 0, expired: true, daysRemaining: null, passing: false });
    expect(result.errors[0]?.message).toBe('assessment expired: score 0, minScore 0 (1 done, 1 partial, 1 not-done, 1 deferred)');
  });

  it('is current through the end of its expiry day (UTC) and counts the days left', () => {
    const onTheDay = evaluateClaims({ expires: '2026-06-08', claims: [{ id: 'a', status: 'done', weight: 1 }] }, new Date('2026-06-08T23:59:59Z'));
    expect(onTheDay).toMatchObject({ expired: false, daysRemaining: 0, score: 100, passing: true });
    const after = evaluateClaims({ expires: '2026-06-08', claims: [{ id: 'a', status: 'done', weight: 1 }] }, new Date('2026-06-09T00:00:00Z'));
    expect(after).toMatchObject({ expired: true, score: 0, passing: false });
  });

  it('rounds partial credit per claim, then the score (divide first)', () => {
    const result = evaluateClaims(
      { expires: '2099-01-01', partialCredit: 0.25, claims: [{ id: 'a', status: 'partial', weight: 10 }, { id: 'b', status: 'not-done', weight: 190 }] },
      new Date('2026-06-01T00:00:00Z'),
    );
    // round(10 × 0.25) = 3 (2.5 rounds up); 3 / 200 × 100 = 1.5 → 2.
    expect(result).toMatchObject({ earnedWeight: 3, totalWeight: 200, score: 2 });
    expect(result?.claims.map((c) => c.earnedWeight)).toEqual([3, 0]);
  });

  it('scores an invalid expiry as expired, and nothing at all as absent', () => {
    expect(evaluateClaims({ expires: 'soon', claims: [{ id: 'a', status: 'done', weight: 1 }] }, new Date())).toMatchObject({ expired: true, score: 0 });
    expect(evaluateClaims({ expires: '2099-01-01', claims: [] }, new Date())).toBeUndefined();
    expect(evaluateClaims(undefined, new Date())).toBeUndefined();
  });

  it('only deferred claims weigh nothing: score 0, passing only with minScore 0', () => {
    const only = { expires: '2099-01-01', claims: [{ id: 'a', status: 'deferred' as const, weight: 10 }] };
    expect(evaluateClaims(only, new Date())).toMatchObject({ totalWeight: 0, score: 0, passing: false, deferredCount: 1 });
    expect(evaluateClaims({ ...only, minScore: 0 }, new Date())).toMatchObject({ passing: true });
  });

  it('picks the model of the format: claims for 1.2 and 2.0, per-check expiry for 1.1', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const contractOf = (text: string) => {
      const parsed = parseContract(text, 'pacto.yaml');
      if (!parsed.ok) throw new Error(parsed.error.message);
      return parsed.contract;
    };
    const v12 = contractOf(CLAIMS('2099-12-31').replace('"2.0"', '"1.2"').replace('claims:', 'checks:'));
    const v11 = contractOf('pactoVersion: "1.1"\nservice: {name: a, version: 1.0.0}\nreadiness:\n  checks: [{id: a, type: url, evidence: x, weight: 1, expires: "2099-01-01"}]\n');
    const e12 = evaluateContractReadiness(v12, now);
    const e11 = evaluateContractReadiness(v11, now);
    expect(e12 !== undefined && isClaimsEvaluation(e12) && e12.score).toBe(47);
    expect(e11 !== undefined && !isClaimsEvaluation(e11) && e11.currentCount).toBe(1);
  });
});
