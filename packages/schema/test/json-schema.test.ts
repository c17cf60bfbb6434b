import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildJsonSchema, contractV10Schema, contractV11Schema, pactoV10JsonSchema, pactoV11JsonSchema, parseContract } from '@pacto/schema';
import { JSON_SCHEMA_FILES, JSON_SCHEMA_MODULE, jsonSchemaFileText, jsonSchemaModuleText } from '../src/json-schema-files.js';

const packageDir = join(import.meta.dirname, '..');
const REGENERATE = 'stale generated JSON Schema: run `pnpm --filter @pacto/schema generate:schema` and commit the result';

describe('committed JSON Schemas', () => {
  const outputs = [
    [JSON_SCHEMA_FILES['1.0'], () => jsonSchemaFileText('1.0')],
    [JSON_SCHEMA_FILES['1.1'], () => jsonSchemaFileText('1.1')],
    [JSON_SCHEMA_MODULE, jsonSchemaModuleText],
  ] as const;
  it.each(outputs)('%s is up to date', (file, render) => {
    const committed = readFileSync(join(packageDir, file), 'utf8');
    const fresh = render();
    expect(committed === fresh, REGENERATE).toBe(true);
  });

  it('exports the same objects as JS values', () => {
    expect(pactoV10JsonSchema).toEqual(buildJsonSchema('1.0'));
    expect(pactoV11JsonSchema).toEqual(buildJsonSchema('1.1'));
    expect(pactoV11JsonSchema['$id']).toBe('https://pacto.trianalab.com/schema/v1.1');
    expect(pactoV10JsonSchema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
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
const validators = { '1.0': ajv.compile(pactoV10JsonSchema), '1.1': ajv.compile(pactoV11JsonSchema) };

function l1Paths(text: string): string[] {
  const parsed = parseContract(text, 'pacto.yaml');
  if (!parsed.ok) throw new Error(parsed.error.message);
  const validate = validators[parsed.contract.pactoVersion as '1.0' | '1.1'];
  const valid = validate(parsed.document);
  // The zod model states the same rules: it must accept and refuse the same documents.
  const model = parsed.contract.pactoVersion === '1.0' ? contractV10Schema : contractV11Schema;
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
