import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaffoldContract, type ContractBundle } from '@pacto/schema';
import { validateContract, validateContractSync, type BundleResolver, type ValidationResult } from '../src/index.js';
import { textBundle } from './support/case-bundle.js';
import { memoryFiles, readDirectoryEntries } from './support/memory-files.js';

// contract.md §13, cases 1-58, through the whole pipeline from YAML text.

const B10 = 'pactoVersion: "1.0"\nservice:\n  name: svc\n  version: 1.0.0\n';
const B11 = B10.replace('"1.0"', '"1.1"');
const RT = `runtime:
  workload: service
  state:
    type: stateless
    persistence: {scope: local, durability: ephemeral}
    dataCriticality: low
`;
const READINESS = `readiness:
  checks:
    - id: dashboard
      type: url
      evidence: "https://x"
      weight: 60
      expires: "2099-12-31"
`;

const pair = (f: { code: string; path: string }) => `${f.code} @ ${f.path}`;
const errorPairs = (r: ValidationResult) => r.errors.map(pair);
const warningPairs = (r: ValidationResult) => r.warnings.map(pair);
const distinctErrorPairs = (r: ValidationResult) => [...new Set(errorPairs(r))].sort();

function run(text: string, files: Record<string, string> = {}): Promise<ValidationResult> {
  return validateContract(textBundle(text, files));
}

/** A resolver that loads local directories the way the CLI does, for resolver-mode cases. */
const directoryResolver: BundleResolver = {
  async resolve(ref: string): Promise<ContractBundle> {
    const dir = ref.startsWith('file://') ? ref.slice('file://'.length) : ref;
    try {
      statSync(dir);
    } catch {
      throw new Error(`stat ${dir}: no such file or directory`);
    }
    return { fileName: `${dir}/pacto.yaml`, text: readFileSync(join(dir, 'pacto.yaml'), 'utf8'), files: memoryFiles(readDirectoryEntries(dir)) };
  },
};

describe('contract.md §13: parsing and versions (1-8)', () => {
  it('1, 2: minimal 1.0 and 1.1 contracts are valid without warnings', async () => {
    for (const text of [B10, B11]) {
      const result = await run(text);
      expect(result).toMatchObject({ valid: true, errors: [], warnings: [] });
      expect(result.contract?.service.name).toBe('svc');
    }
  });

  it('3: a newer string version is reported first, alone', async () => {
    // 2.0 is read now (contract-2.0.md §1); 3.0 takes the place of the spec's 2.0 here.
    const result = await run(B10.replace('"1.0"', '"3.0"'));
    expect(errorPairs(result)).toEqual(['UNSUPPORTED_PACTO_VERSION @ pactoVersion']);
    expect(result.errors[0]?.message).toBe('unsupported pactoVersion "3.0"; supported versions: 1.0, 1.1, 1.2, 2.0');
    expect(result.errors[0]).toMatchObject({ line: 1, column: 15 });
  });

  it('4: an unquoted 1.0 is a number: the message says to quote it', async () => {
    const result = await run(B10.replace('"1.0"', '1.0'));
    expect(errorPairs(result)).toEqual(['UNSUPPORTED_PACTO_VERSION @ pactoVersion']);
    expect(result.errors[0]?.message).toBe('pactoVersion must be a string: write "1.0" in quotes');
    expect(result.errors[0]).toMatchObject({ layer: 'structural', file: 'case/pacto.yaml', line: 1, column: 15 });
  });

  it('5: a missing pactoVersion is a parse error', async () => {
    const result = await run(B10.replace('pactoVersion: "1.0"\n', ''));
    expect(errorPairs(result)).toEqual(['PARSE_ERROR @ ']);
    expect(result.errors[0]).toMatchObject({
      message: 'parse error at pactoVersion: pactoVersion is required',
      hint: 'add pactoVersion: "1.0" (or "1.1") as the first line',
      file: 'case/pacto.yaml',
      line: 1,
      column: 1,
    });
  });

  it('6: an unknown key is a parse error', async () => {
    const result = await run(`${B10}foo: bar\n`);
    expect(errorPairs(result)).toEqual(['PARSE_ERROR @ ']);
    expect(result.errors[0]).toMatchObject({
      layer: 'parse',
      message: 'unknown field "foo" at the top level',
      file: 'case/pacto.yaml',
      line: 5,
      column: 1,
    });
  });

  it('6 (typos): each unknown key is its own finding, with the closest known field as its hint', async () => {
    const result = await run(`${B10}interfaces:\n  - name: api\n    type: http\n    port: 8080\n    visiblity: public\nruntme: {}\n`);
    expect(errorPairs(result)).toEqual(['PARSE_ERROR @ ', 'PARSE_ERROR @ ']);
    expect(result.errors.map(({ message, hint, line, column }) => ({ message, hint, line, column }))).toEqual([
      { message: 'unknown field "visiblity" in interfaces[0]', hint: 'did you mean "visibility"?', line: 9, column: 5 },
      { message: 'unknown field "runtme" at the top level', hint: 'did you mean "runtime"?', line: 10, column: 1 },
    ]);
  });

  it('7: a duplicated key is a parse error', async () => {
    const result = await run(B10.replace('  name: svc\n', '  name: svc\n  name: svc\n'));
    expect(errorPairs(result)).toEqual(['PARSE_ERROR @ ']);
    expect(result.errors[0]?.message).toContain('already defined');
  });

  it('8: an empty file fails: no content', async () => {
    const result = await run('');
    expect(errorPairs(result)).toEqual(['PARSE_ERROR @ ']);
    expect(result.errors[0]?.message).toBe('failed to parse YAML: the file has no content');
    expect(result.errors[0]?.file).toBe('case/pacto.yaml');
    expect(result.contract).toBeUndefined();
  });
});

describe('contract.md §13: structural cases', () => {
  it.each([
    ['9: readiness under 1.0', `${B10}${READINESS}`, ['SCHEMA_VIOLATION @ ']],
    ['10: service name pattern', B10.replace('name: svc', 'name: My_Svc'), ['SCHEMA_VIOLATION @ service.name']],
    ['13: http without port', `${B10}interfaces: [{name: api, type: http}]\n`, ['SCHEMA_VIOLATION @ interfaces.0']],
    ['14: grpc without contract', `${B10}interfaces: [{name: rpc, type: grpc, port: 9090}]\n`, ['SCHEMA_VIOLATION @ interfaces.0']],
    ['34: dependency without name', `${B10}dependencies: [{ref: "../db", compatibility: "^1.0.0"}]\n`, ['SCHEMA_VIOLATION @ dependencies.0']],
    ['38: replicas with min', `${B10}scaling: {replicas: 2, min: 1}\n`, ['SCHEMA_VIOLATION @ scaling']],
    [
      '41: stateless and persistent',
      `${B10}${RT.replace('durability: ephemeral', 'durability: persistent')}`,
      ['SCHEMA_VIOLATION @ runtime.state.persistence.durability'],
    ],
    ['44: empty owner object', B10.replace('  version: 1.0.0\n', '  version: 1.0.0\n  owner: {}\n'), ['SCHEMA_VIOLATION @ service.owner']],
    ['49: weight above 100', `${B11}${READINESS.replace('weight: 60', 'weight: 101')}`, ['SCHEMA_VIOLATION @ readiness.checks.0.weight']],
    ['51: no checks', `${B11}readiness:\n  checks: []\n`, ['SCHEMA_VIOLATION @ readiness.checks']],
    ['56: empty policies', `${B10}policies: []\n`, ['SCHEMA_VIOLATION @ policies']],
  ])('%s', async (_name, text, expected) => {
    const result = await run(text);
    expect(result.valid).toBe(false);
    expect(distinctErrorPairs(result)).toEqual(expected);
    expect(result.errors.every((e) => e.layer === 'structural' && e.line !== undefined)).toBe(true);
  });

  it('28: schema and ref together fail the oneOf', async () => {
    const text = `${B10}configurations: [{name: default, schema: c.json, ref: "oci://ghcr.io/acme/cfg:1.0.0"}]\n`;
    expect(distinctErrorPairs(await run(text, { 'c.json': '{}' }))).toEqual(['SCHEMA_VIOLATION @ configurations.0']);
  });

  it('45: a bad contact type, with oneOf companions at the owner', async () => {
    const text = B10.replace('  version: 1.0.0\n', '  version: 1.0.0\n  owner: {team: pay, contacts: [{type: slack, value: "#x"}]}\n');
    const pairs = distinctErrorPairs(await run(text));
    expect(pairs).toContain('SCHEMA_VIOLATION @ service.owner.contacts.0.type');
    expect(pairs.every((p) => p === 'SCHEMA_VIOLATION @ service.owner.contacts.0.type' || p === 'SCHEMA_VIOLATION @ service.owner')).toBe(true);
  });

  it('57: .inf anywhere is a YAML_PARSE_ERROR', async () => {
    const result = await run(`${B10}metadata: {x: .inf}\n`);
    expect(errorPairs(result)).toEqual(['YAML_PARSE_ERROR @ ']);
    expect(result.errors[0]?.message).toContain('the contract holds the number .inf, which JSON cannot carry');
  });

  it('15, 50: wrong kinds and unknown readiness keys fail parsing', async () => {
    expect(errorPairs(await run(`${B10}interfaces: [{name: api, type: http, port: "8080"}]\n`))).toEqual(['PARSE_ERROR @ ']);
    expect(errorPairs(await run(`${B11}${READINESS}      status: done\n`))).toEqual(['PARSE_ERROR @ ']);
  });
});

describe('contract.md §13: cross-field and semantic cases', () => {
  it('11, 12: semver', async () => {
    expect(errorPairs(await run(B10.replace('1.0.0', 'latest')))).toEqual(['INVALID_SEMVER @ service.version']);
    expect((await run(B10.replace('1.0.0', '"1.2"'))).valid).toBe(true);
  });

  it('16: an event port is ignored with a warning', async () => {
    const result = await run(`${B10}interfaces: [{name: ev, type: event, port: 5672, contract: interfaces/events.yaml}]\n`, {
      'interfaces/events.yaml': 'asyncapi: "2.6.0"\n',
    });
    expect(result.valid).toBe(true);
    expect(warningPairs(result)).toEqual(['PORT_IGNORED @ interfaces[0].port']);
    expect(result.warnings[0]).toMatchObject({ line: 5, column: 44 });
  });

  it('17: duplicate interface names', async () => {
    const result = await run(`${B10}interfaces:\n  - {name: api, type: http, port: 8080}\n  - {name: api, type: http, port: 8081}\n`);
    expect(errorPairs(result)).toEqual(['DUPLICATE_INTERFACE_NAME @ interfaces[1].name']);
    expect(result.errors[0]?.message).toContain('interfaces[0]');
    expect(result.errors[0]).toMatchObject({ line: 7, column: 12 });
  });

  it('18-21: probes', async () => {
    expect(errorPairs(await run(`${B10}${RT}  health: {interface: web, path: /h}\n`))).toEqual(['HEALTH_INTERFACE_NOT_FOUND @ runtime.health.interface']);
    expect(errorPairs(await run(`${B10}interfaces: [{name: api, type: http, port: 8080}]\n${RT}  health: {interface: api}\n`))).toEqual([
      'HEALTH_PATH_REQUIRED @ runtime.health.path',
    ]);
    const grpc = await run(`${B10}interfaces: [{name: rpc, type: grpc, port: 9090, contract: api.proto}]\n${RT}  health: {interface: rpc, path: /healthz}\n`, {
      'api.proto': 'syntax = "proto3";',
    });
    expect(grpc.valid).toBe(true);
    expect(warningPairs(grpc)).toEqual(['HEALTH_PATH_IGNORED @ runtime.health.path']);
    const event = await run(`${B10}interfaces: [{name: ev, type: event, contract: ev.json}]\n${RT}  metrics: {interface: ev, path: /metrics}\n`, {
      'ev.json': '{}',
    });
    expect(errorPairs(event)).toEqual(['METRICS_INTERFACE_INVALID @ runtime.metrics.interface']);
  });

  it('22-25: bundle files', async () => {
    const iface = (contract: string) => `${B10}interfaces: [{name: api, type: http, port: 8080, contract: ${contract}}]\n`;
    expect(errorPairs(await run(iface('interfaces/openapi.yaml')))).toEqual(['FILE_NOT_FOUND @ interfaces[0].contract']);
    expect(errorPairs(await run(iface('./interfaces/openapi.yaml'), { 'interfaces/openapi.yaml': 'openapi: 3.0.0\n' }))).toEqual([
      'FILE_NOT_FOUND @ interfaces[0].contract',
    ]);
    expect(errorPairs(await run(iface('interfaces/openapi.yaml'), { 'interfaces/openapi.yaml': ':\n  - [oops\n' }))).toEqual([
      'INVALID_CONTRACT_FILE @ interfaces[0].contract',
    ]);
    expect(
      errorPairs(await run(`${B10}configurations: [{name: default, schema: configuration/schema.json}]\n`, { 'configuration/schema.json': 'not json' })),
    ).toEqual(['INVALID_CONFIG_JSON @ configurations[0].schema']);
  });

  it('26: a readiness section is valid under 1.1', async () => {
    expect(await run(`${B11}${READINESS}`)).toMatchObject({ valid: true, errors: [], warnings: [] });
  });

  it('27: values that break the schema', async () => {
    const result = await run(`${B10}configurations: [{name: default, schema: c.json, values: {PORT: abc}}]\n`, {
      'c.json': '{"type":"object","properties":{"PORT":{"type":"integer"}}}',
    });
    expect(errorPairs(result)).toEqual(['CONFIG_VALUES_VALIDATION_FAILED @ configurations[0].values']);
  });

  it('29: duplicate configuration names', async () => {
    const text = `${B10}configurations: [{name: a, schema: c.json}, {name: a, ref: "oci://ghcr.io/acme/cfg:1.0.0"}]\n`;
    expect(errorPairs(await run(text, { 'c.json': '{}' }))).toEqual(['DUPLICATE_CONFIGURATION_NAME @ configurations[1].name']);
  });

  it('30-33, 35: dependencies', async () => {
    const dep = (ref: string, compatibility = '"^1.0.0"') => `${B10}dependencies: [{name: db, ref: "${ref}", compatibility: ${compatibility}}]\n`;
    const tagged = await run(dep('oci://ghcr.io/acme/db-pacto:1.0.0'));
    expect(tagged.valid).toBe(true);
    expect(warningPairs(tagged)).toEqual(['TAG_NOT_DIGEST @ dependencies[0].ref']);
    expect(await run(dep('oci://ghcr.io/acme/db-pacto'))).toMatchObject({ valid: true, warnings: [] });
    expect(errorPairs(await run(dep('oci://invalid')))).toEqual(['INVALID_OCI_REF @ dependencies[0].ref']);
    const badRange = await run(dep('oci://ghcr.io/acme/db-pacto:1.0.0', 'not-a-range'));
    expect(errorPairs(badRange)).toEqual(['INVALID_COMPATIBILITY @ dependencies[0].compatibility']);
    expect(warningPairs(badRange)).toEqual(['TAG_NOT_DIGEST @ dependencies[0].ref']);
    const twice = `${B10}dependencies:\n  - {name: db, ref: ../a, compatibility: "^1"}\n  - {name: db, ref: ../b, compatibility: "^1"}\n`;
    expect(errorPairs(await run(twice))).toEqual(['DUPLICATE_DEPENDENCY_NAME @ dependencies[1].name']);
  });

  it('36, 37: image and chart', async () => {
    const service = (extra: string) => B10.replace('  version: 1.0.0\n', `  version: 1.0.0\n${extra}`);
    expect(errorPairs(await run(service('  image: {ref: "nginx:1.25"}\n')))).toEqual(['INVALID_IMAGE_REF @ service.image.ref']);
    expect(errorPairs(await run(service('  chart: {ref: ./charts/svc, version: stable}\n')))).toEqual(['INVALID_CHART_VERSION @ service.chart.version']);
  });

  it('39, 40: scaling', async () => {
    expect(errorPairs(await run(`${B10}scaling: {min: 5, max: 2}\n`))).toEqual(['SCALING_MIN_EXCEEDS_MAX @ scaling']);
    expect(errorPairs(await run(`${B10}${RT.replace('workload: service', 'workload: job')}scaling: {replicas: 1}\n`))).toEqual([
      'JOB_SCALING_NOT_ALLOWED @ scaling',
    ]);
  });

  it('42: ordered upgrades of a stateless service warn', async () => {
    const result = await run(`${B10}${RT}  lifecycle: {upgradeStrategy: ordered}\n`);
    expect(result.valid).toBe(true);
    expect(warningPairs(result)).toEqual(['UPGRADE_STRATEGY_STATE_MISMATCH @ runtime.lifecycle.upgradeStrategy']);
    expect(result.warnings[0]?.layer).toBe('semantic');
  });

  it('43: a legacy string owner is valid', async () => {
    expect((await run(B10.replace('  version: 1.0.0\n', '  version: 1.0.0\n  owner: team/payments\n'))).valid).toBe(true);
  });

  it('46-48: readiness rules', async () => {
    const twice = `${B11}${READINESS}${READINESS.split('\n').slice(2).join('\n')}`;
    expect(errorPairs(await run(twice))).toEqual(['DUPLICATE_READINESS_ID @ readiness.checks[1].id']);
    expect(errorPairs(await run(`${B11}${READINESS.replace('"2099-12-31"', '"2026-1-1"')}`))).toEqual([
      'INVALID_READINESS_EXPIRES @ readiness.checks[0].expires',
    ]);
    expect(errorPairs(await run(`${B11}${READINESS.replace('"https://x"', '"   "')}`))).toEqual([
      'EMPTY_READINESS_EVIDENCE @ readiness.checks[0].evidence',
    ]);
  });
});

describe('contract.md §13: policies (52-55) and the scaffold (58)', () => {
  const policy = `policies: [{name: p, schema: policy/schema.json}]\n`;
  const files = { 'policy/schema.json': '{"type":"object","required":["runtime"]}' };

  it('52: a policy violation names the policy', async () => {
    const result = await run(`${B10}${policy}`, files);
    expect(errorPairs(result)).toEqual(['POLICY_VIOLATION @ ']);
    expect(result.errors[0]?.message).toBe(`policy policies["p"]: at '': missing required field "runtime"`);
    expect(result.errors[0]).toMatchObject({ layer: 'policy', line: 1, column: 1 });
  });

  it('53: a contract that satisfies the policy is valid', async () => {
    expect((await run(`${B10}${RT}${policy}`, files)).valid).toBe(true);
  });

  it('54: an unresolvable ref is an error in resolver mode', async () => {
    const bundle = textBundle(`${B10}policies: [{name: remote, ref: ./no-such-dir}]\n`);
    const result = await validateContract(bundle, { resolver: directoryResolver });
    expect(errorPairs(result)).toEqual(['POLICY_REF_UNRESOLVED @ ']);
    expect(result.errors[0]?.message).toMatch(/^policy policies\["remote"\]: failed to resolve ref "\.\/no-such-dir": /);
  });

  it('55: local mode skips ref policies', async () => {
    const bundle = textBundle(`${B10}policies: [{name: remote, ref: ./no-such-dir}]\n`);
    expect((await validateContract(bundle)).valid).toBe(true);
    expect(validateContractSync(bundle).valid).toBe(true);
  });

  describe('58: the init scaffold', () => {
    it('is valid without warnings', async () => {
      // What `pacto init my-service` writes, file for file.
      const { files } = scaffoldContract('my-service');
      const byPath = Object.fromEntries(files.map((f) => [f.path.slice('my-service/'.length), f.content]));
      const { 'pacto.yaml': contract, ...rest } = byPath;
      const result = await run(contract!, rest);
      expect(result).toMatchObject({ valid: true, errors: [], warnings: [] });
    });
  });
});
