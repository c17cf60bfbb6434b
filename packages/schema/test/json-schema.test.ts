import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  buildCombinedJsonSchema,
  buildJsonSchema,
  contractV10Schema,
  contractV11Schema,
  contractV12Schema,
  contractV20Schema,
  pactoV10JsonSchema,
  pactoV11JsonSchema,
  pactoV12JsonSchema,
  pactoV20JsonSchema,
  parseContract,
} from '@pacto/schema';
import { generatedSchemaFiles } from '../src/json-schema-files.js';

const packageDir = join(import.meta.dirname, '..');
const REGENERATE = 'stale generated JSON Schema: run `pnpm --filter @pacto/schema generate:schema` and commit the result';

describe('committed JSON Schemas', () => {
  const outputs = Object.entries(generatedSchemaFiles());
  it('covers every format, the combined schema and the module', () => {
    expect(outputs.map(([file]) => file)).toEqual([
      'schema/pacto-v1.0.schema.json',
      'schema/pacto-v1.1.schema.json',
      'schema/pacto-v1.2.schema.json',
      'schema/pacto-v2.0.schema.json',
      'schema/pacto.schema.json',
      'src/generated/pacto-json-schemas.ts',
    ]);
  });
  it.each(outputs)('%s is up to date', (file, fresh) => {
    const committed = readFileSync(join(packageDir, file), 'utf8');
    expect(committed === fresh, REGENERATE).toBe(true);
  });

  it('exports the same objects as JS values', () => {
    expect(pactoV10JsonSchema).toEqual(buildJsonSchema('1.0'));
    expect(pactoV11JsonSchema).toEqual(buildJsonSchema('1.1'));
    expect(pactoV11JsonSchema['$id']).toBe('https://pacto.trianalab.com/schema/v1.1');
    expect(pactoV10JsonSchema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(pactoV12JsonSchema).toEqual(buildJsonSchema('1.2'));
    expect(pactoV20JsonSchema).toEqual(buildJsonSchema('2.0'));
    expect(pactoV20JsonSchema['$id']).toBe('https://pacto.trianalab.com/schema/v2.0');
  });

  it('1.0 and 1.1 differ only in pactoVersion, readiness, $id and title', () => {
    const strip = (schema: Record<string, unknown>) => {
      const { $id: _id, title: _title, description: _description, properties, ...rest } = schema;
      const { pactoVersion: _v, readiness: _r, ...props } = properties as Record<string, unknown>;
      return { ...rest, properties: props };
    };
    expect(strip(buildJsonSchema('1.0'))).toEqual(strip(buildJsonSchema('1.1')));
    expect((buildJsonSchema('1.0')['properties'] as Record<string, unknown>)['readiness']).toBeUndefined();
  });
});

// contract.md §13 L1 cases: (SCHEMA_VIOLATION, path) sets from ajv as the validate package configures it.
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
const validators = {
  '1.0': ajv.compile(pactoV10JsonSchema),
  '1.1': ajv.compile(pactoV11JsonSchema),
  '1.2': ajv.compile(pactoV12JsonSchema),
  '2.0': ajv.compile(pactoV20JsonSchema),
};
const models = { '1.0': contractV10Schema, '1.1': contractV11Schema, '1.2': contractV12Schema, '2.0': contractV20Schema };

function l1Paths(text: string): string[] {
  const parsed = parseContract(text, 'pacto.yaml');
  if (!parsed.ok) throw new Error(parsed.error.message);
  const version = parsed.contract.pactoVersion as keyof typeof validators;
  const validate = validators[version];
  const valid = validate(parsed.document);
  // The zod model states the same rules: it must accept and refuse the same documents.
  const model = models[version];
  expect(model.safeParse(parsed.document).success).toBe(valid);
  // `if` only summarises its failing `then` branch, whose leaf errors are reported too (§5 step 4).
  const leaves = (validate.errors ?? []).filter((error) => error.keyword !== 'if');
  return [...new Set(leaves.map((error) => error.instancePath.split('/').slice(1).join('.')))].sort();
}

const B10 = 'pactoVersion: "1.0"\nservice:\n  name: svc\n  version: 1.0.0\n';
const B11 = B10.replace('"1.0"', '"1.1"');
const RT = (durability = 'ephemeral', extra = '') =>
  `runtime:\n  workload: service\n  state:\n    type: stateless\n    persistence: {scope: local, durability: ${durability}}\n    dataCriticality: low\n${extra}`;
const READINESS = (check = '', checks?: string) =>
  `readiness:\n  checks: ${checks ?? `[{id: dashboard, type: url, evidence: "https://x", weight: 60, expires: "2099-12-31"${check}}]`}\n`;

const L1_CASES: readonly (readonly [number, string, string[]])[] = [
  [9, B10 + READINESS(), ['']],
  [10, B10.replace('name: svc', 'name: My_Svc'), ['service.name']],
  [13, `${B10}interfaces: [{name: api, type: http}]\n`, ['interfaces.0']],
  [14, `${B10}interfaces: [{name: rpc, type: grpc, port: 9090}]\n`, ['interfaces.0']],
  [28, `${B10}configurations: [{name: default, schema: c.json, ref: "oci://ghcr.io/acme/cfg:1.0.0"}]\n`, ['configurations.0']],
  [34, `${B10}dependencies: [{ref: "../db", compatibility: "^1.0.0"}]\n`, ['dependencies.0']],
  [38, `${B10}scaling: {replicas: 2, min: 1}\n`, ['scaling']],
  [41, B10 + RT('persistent'), ['runtime.state.persistence.durability']],
  [44, `${B10}  owner: {}\n`, ['service.owner']],
  [45, `${B10}  owner: {team: pay, contacts: [{type: slack, value: "#x"}]}\n`, ['service.owner', 'service.owner.contacts.0.type']],
  [49, B11 + READINESS().replace('weight: 60', 'weight: 101'), ['readiness.checks.0.weight']],
  [51, B11 + READINESS('', '[]'), ['readiness.checks']],
  [56, `${B10}policies: []\n`, ['policies']],
];

describe('L1 paths of contract.md §13 through ajv', () => {
  it.each(L1_CASES)('case %i', (_n, text, paths) => {
    expect(l1Paths(text)).toEqual(paths);
  });

  it.each([
    ['B10', B10],
    ['B11 + readiness (case 26)', B11 + READINESS()],
    ['scaffold-like runtime (case 53)', B10 + RT()],
    ['configuration ref alone', `${B10}configurations: [{name: p, ref: "oci://ghcr.io/acme/cfg"}]\n`],
    ['configuration schema + values', `${B10}configurations: [{name: a, schema: c.json, values: {PORT: 1}}]\n`],
    ['scaling min/max', `${B10}scaling: {min: 1, max: 3}\n`],
    ['string owner', `${B10}  owner: team/payments\n`],
    ['event interface without port', `${B10}interfaces: [{name: ev, type: event, contract: ev.json}]\n`],
    ['metadata anything', `${B10}metadata: {a: [1, {b: null}], c: 2}\n`],
  ])('valid: %s', (_name, text) => {
    expect(l1Paths(text)).toEqual([]);
  });

  it.each([
    ['configuration ref + values', `${B10}configurations: [{name: p, ref: x, values: {a: 1}}]\n`, ['configurations.0']],
    ['configuration with neither', `${B10}configurations: [{name: p}]\n`, ['configurations.0']],
    ['policy schema + ref', `${B10}policies: [{name: p, schema: s.json, ref: x}]\n`, ['policies.0']],
    ['scaling {}', `${B10}scaling: {}\n`, ['scaling']],
    ['scaling min without max', `${B10}scaling: {min: 1}\n`, ['scaling']],
    ['unquoted float port 8080.0 is an integer', `${B10}interfaces: [{name: a, type: http, port: 8080.0}]\n`, []],
    ['port out of range', `${B10}interfaces: [{name: a, type: http, port: 70000}]\n`, ['interfaces.0.port']],
  ])('%s', (_name, text, paths) => {
    expect(l1Paths(text)).toEqual(paths);
  });
});

// contract-2.0.md §3, §9, §13: the 2.0 and 1.2 schemas, and the model agreeing with them (through l1Paths).
const B20 = 'pactoVersion: "2.0"\nservice:\n  name: svc\n  version: 1.0.0\n';
const B12 = B20.replace('"2.0"', '"1.2"');
const CLAIMS = (status = 'done') => `readiness:\n  expires: "2099-12-31"\n  claims:\n    - {id: runbook, type: document, status: ${status}, evidence: docs/r.md, weight: 40}\n`;

describe('L1 paths of 2.0 and 1.2 contracts', () => {
  it.each([
    ['B20', B20],
    ['B12', B12],
    ['interfaces with a ref', `${B20}interfaces: [{name: api, type: openapi, ref: a.json, visibility: public}]\n`],
    ['configuration with required', `${B20}configurations: [{name: c, schema: c.json, values: {A: 1}, required: true}]\n`],
    ['dependency with required', `${B20}dependencies: [{name: d, ref: "oci://r.io/a/b", required: false, compatibility: "^1"}]\n`],
    ['workload and state', `${B20}workload: job\nstate: {type: stateful, persistence: {scope: shared, durability: persistent}, dataCriticality: high}\n`],
    ['capabilities', `${B20}capabilities: [{type: health}, {type: metrics, binding: {type: http, interface: api, path: /m}}, {type: extension, ref: example.com/x}]\n`],
    ['claims', B20 + CLAIMS()],
    ['verification and extensions', `${B20}verification: {conformance: [api]}\nextensions: {example.com/tool: {on: true}}\n`],
    ['policy target', `${B20}policies: [{name: p, schema: p.json, target: contract}]\n`],
    ['1.2 checks with status', B12 + CLAIMS().replace('claims:', 'checks:')],
    ['1.2 runtime and scaling', `${B12}runtime: {workload: service, state: {type: stateless, persistence: {scope: local, durability: ephemeral}, dataCriticality: low}}\nscaling: {replicas: 1}\n`],
  ])('valid: %s', (_name, text) => {
    expect(l1Paths(text)).toEqual([]);
  });

  it.each([
    ['V4: a 1.x interface type', `${B20}interfaces: [{name: api, type: http, ref: a.yaml}]\n`, ['interfaces.0.type']],
    ['V5: an interface without ref', `${B20}interfaces: [{name: api, type: openapi}]\n`, ['interfaces.0']],
    ['V7: a configuration without required', `${B20}configurations: [{name: c, schema: c.json}]\n`, ['configurations.0']],
    ['V8: a dependency without required', `${B20}dependencies: [{name: d, ref: "oci://r.io/a/b", compatibility: "^1"}]\n`, ['dependencies.0']],
    // The other oneOf branch also fails on its `type` (composite keywords report every branch, contract.md §5).
    ['V9: an extension without ref', `${B20}capabilities: [{type: extension}]\n`, ['capabilities.0', 'capabilities.0.type']],
    ['health with a ref', `${B20}capabilities: [{type: health, ref: example.com/x}]\n`, ['capabilities.0', 'capabilities.0.type']],
    ['extension with a binding', `${B20}capabilities: [{type: extension, ref: a.b/c, binding: {type: http, interface: api}}]\n`, ['capabilities.0', 'capabilities.0.type']],
    ['a binding path without its slash', `${B20}capabilities: [{type: health, binding: {type: http, interface: api, path: health}}]\n`, ['capabilities.0.binding.path']],
    ['stateless and persistent', `${B20}state: {type: stateless, persistence: {scope: local, durability: persistent}, dataCriticality: low}\n`, ['state.persistence.durability']],
    ['an unknown claim status', B20 + CLAIMS('complete'), ['readiness.claims.0.status']],
    ['readiness without expires', `${B20}readiness:\n  claims:\n    - {id: a, type: url, status: done, evidence: x, weight: 1}\n`, ['readiness']],
    ['partial credit above 1', `${B20 + CLAIMS()}  partialCredit: 1.5\n`, ['readiness.partialCredit']],
    ['a 2.0 string owner', `${B20}  owner: team/payments\n`, ['service.owner']],
    ['a 1.2 string owner', `${B12}  owner: team/payments\n`, ['service.owner']],
  ])('%s', (_name, text, paths) => {
    expect(l1Paths(text)).toEqual(paths);
  });
});

describe('the combined schema (contract-2.0.md §12)', () => {
  const combined = ajv.compile(buildCombinedJsonSchema());
  // Straight from YAML: stage P would refuse the keys of another format before any schema ran.
  const check = (text: string) => combined(parseYaml(text));

  it('applies the schema of the declared version', () => {
    expect(check(B10)).toBe(true);
    expect(check(B20)).toBe(true);
    expect(check(`${B20}interfaces: [{name: api, type: openapi, ref: a.json}]\n`)).toBe(true);
    expect(check(`${B10}interfaces: [{name: api, type: openapi, ref: a.json}]\n`)).toBe(false);
    expect(check(`${B20}interfaces: [{name: api, type: http, port: 80}]\n`)).toBe(false);
    expect(check(B11 + READINESS())).toBe(true);
    expect(check(B10 + READINESS())).toBe(false);
  });

  it('refuses a version no schema has', () => {
    expect(check(B20.replace('"2.0"', '"3.0"'))).toBe(false);
  });

  it('inlines each version without its own $id, so editors resolve every $ref inside the one file', () => {
    const schema = buildCombinedJsonSchema();
    expect(schema['$id']).toBe('https://cdn.jsdelivr.net/npm/@pacto/schema/schema/pacto.schema.json');
    const defs = schema['$defs'] as Record<string, Record<string, unknown>>;
    expect(Object.keys(defs)).toEqual(['v1.0', 'v1.1', 'v1.2', 'v2.0']);
    for (const def of Object.values(defs)) expect(def['$id']).toBeUndefined();
  });
});
