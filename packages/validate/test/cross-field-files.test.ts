import { describe, expect, it } from 'vitest';
import { validateCrossField } from '../src/index.js';
import { b10, pairs } from './support/contracts.js';
import { memoryFiles } from './support/memory-files.js';

const openapi = { name: 'api', type: 'http' as const, port: 8080, contract: 'interfaces/openapi.yaml' };

describe('L2 rules 10-11: interface contract files', () => {
  it('reports a missing file (case 22)', () => {
    const result = validateCrossField(b10({ interfaces: [openapi] }), memoryFiles({}));
    expect(pairs(result.errors)).toEqual(['FILE_NOT_FOUND @ interfaces[0].contract']);
    expect(result.errors[0]?.message).toBe('interface contract file "interfaces/openapi.yaml" not found in bundle');
  });

  it('treats a non-canonical path as missing even when the file exists (case 23)', () => {
    const files = memoryFiles({ 'interfaces/openapi.yaml': 'openapi: 3.0.0\n' });
    for (const path of ['./interfaces/openapi.yaml', '/interfaces/openapi.yaml', 'interfaces//openapi.yaml', 'x/../interfaces/openapi.yaml']) {
      const result = validateCrossField(b10({ interfaces: [{ ...openapi, contract: path }] }), files);
      expect(pairs(result.errors)).toEqual(['FILE_NOT_FOUND @ interfaces[0].contract']);
    }
  });

  it('reports invalid YAML with a position (case 24)', () => {
    const files = memoryFiles({ 'interfaces/openapi.yaml': ':\n  - [oops\n' });
    const result = validateCrossField(b10({ interfaces: [openapi] }), files);
    expect(pairs(result.errors)).toEqual(['INVALID_CONTRACT_FILE @ interfaces[0].contract']);
    expect(result.errors[0]?.message).toBe('interface contract file "interfaces/openapi.yaml" is not valid YAML: line 2, column 5: the [ that opens here is never closed');
  });

  it('parses only .yaml/.yml files, case-insensitively, and skips directories', () => {
    const files = memoryFiles({ 'a.YML': 'a: [', 'b.json': 'a: [', 'dir/x.txt': '' });
    const result = validateCrossField(
      b10({
        interfaces: [
          { name: 'a', type: 'event', contract: 'a.YML' },
          { name: 'b', type: 'event', contract: 'b.json' },
          { name: 'c', type: 'event', contract: 'dir' },
        ],
      }),
      files,
    );
    expect(pairs(result.errors)).toEqual(['INVALID_CONTRACT_FILE @ interfaces[0].contract']);
  });

  it('skips every file rule without a bundle', () => {
    const result = validateCrossField(
      b10({ interfaces: [openapi], configurations: [{ name: 'c', schema: 'missing.json' }], policies: [{ name: 'p', schema: 'missing.json' }] }),
    );
    expect(result.errors).toEqual([]);
  });
});

describe('L2 rules 12-13, 15-16: configuration and policy schema files', () => {
  it('reports a missing configuration schema', () => {
    const result = validateCrossField(b10({ configurations: [{ name: 'default', schema: 'configuration/schema.json' }] }), memoryFiles({}));
    expect(pairs(result.errors)).toEqual(['FILE_NOT_FOUND @ configurations[0].schema']);
    expect(result.errors[0]?.message).toBe('configuration schema file "configuration/schema.json" not found in bundle');
  });

  it('reports schema files that are not JSON (case 25) or do not compile', () => {
    const files = memoryFiles({ 'bad.json': 'not json', 'bom.json': '\ufeff{}', 'broken.json': '{"type": 5}', 'ref.json': '{"$ref": "other.json"}' });
    const result = validateCrossField(
      b10({
        configurations: [
          { name: 'a', schema: 'bad.json' },
          { name: 'b', schema: 'bom.json' },
          { name: 'c', schema: 'broken.json' },
          { name: 'd', schema: 'ref.json' },
        ],
      }),
      files,
    );
    expect(pairs(result.errors)).toEqual([
      'INVALID_CONFIG_JSON @ configurations[0].schema',
      'INVALID_CONFIG_JSON @ configurations[1].schema',
      'INVALID_CONFIG_SCHEMA @ configurations[2].schema',
      'INVALID_CONFIG_SCHEMA @ configurations[3].schema',
    ]);
    expect(result.errors[0]?.message).toBe('file "bad.json" is not valid JSON');
    expect(result.errors[2]?.message).toMatch(/^file "broken.json" is not a valid JSON Schema: /);
  });

  it('compiles every supported draft and rejects unknown meta-schemas', () => {
    const schemas = {
      'd4.json': '{"$schema": "http://json-schema.org/draft-04/schema#", "type": "object", "properties": {"a": {"type": "integer", "minimum": 0, "exclusiveMinimum": true}}}',
      'd6.json': '{"$schema": "http://json-schema.org/draft-06/schema#", "type": "object"}',
      'd7.json': '{"$schema": "http://json-schema.org/draft-07/schema#", "if": {"type": "object"}, "then": {"required": []}}',
      'd19.json': '{"$schema": "https://json-schema.org/draft/2019-09/schema", "$defs": {"a": {"type": "string"}}, "$ref": "#/$defs/a"}',
      'd20.json': '{"$schema": "https://json-schema.org/draft/2020-12/schema", "prefixItems": [{"type": "string"}]}',
      'none.json': '{"type": "object", "properties": {}, "additionalProperties": false}',
      'odd.json': '{"$schema": "https://example.com/my-meta", "type": "object"}',
    };
    const names = Object.keys(schemas);
    const result = validateCrossField(b10({ configurations: names.map((schema, i) => ({ name: `c${i}`, schema })) }), memoryFiles(schemas));
    expect(pairs(result.errors)).toEqual([`INVALID_CONFIG_SCHEMA @ configurations[${names.length - 1}].schema`]);
  });

  it('checks policies per entry (15a, 15b) before their contents (16)', () => {
    const files = memoryFiles({ 'p1.json': '[', 'p2.json': '{"type": "nope"}' });
    const result = validateCrossField(
      b10({
        policies: [
          { name: 'a', schema: 'p1.json' },
          { name: 'b', schema: 'missing.json' },
          { name: 'c', ref: 'oci://invalid' },
          { name: 'd', schema: 'p2.json' },
        ],
      }),
      files,
    );
    expect(pairs(result.errors)).toEqual([
      'FILE_NOT_FOUND @ policies[1].schema',
      'INVALID_POLICY_REF @ policies[2].ref',
      'INVALID_POLICY_JSON @ policies[0].schema',
      'INVALID_POLICY_SCHEMA @ policies[3].schema',
    ]);
    expect(result.errors[0]?.message).toBe('policy schema file "missing.json" not found in bundle');
    expect(result.errors[1]?.message).toBe(
      'invalid OCI reference "oci://invalid": invalid OCI reference: missing repository in "invalid"',
    );
  });
});

describe('L2 rules 20-20b: configuration values', () => {
  const schema = '{"type":"object","properties":{"PORT":{"type":"integer"}}}';

  it('validates values against the local schema, one error per entry (case 27)', () => {
    const result = validateCrossField(
      b10({ configurations: [{ name: 'default', schema: 'c.json', values: { PORT: 'abc', HOST: 1 } }] }),
      memoryFiles({ 'c.json': schema }),
    );
    expect(pairs(result.errors)).toEqual(['CONFIG_VALUES_VALIDATION_FAILED @ configurations[0].values']);
    expect(result.errors[0]?.message).toBe("configuration values do not match schema: at '/PORT': expected an integer, got the string \"abc\"");
  });

  it('accepts matching values, defers ref-only entries and skips broken schemas silently', () => {
    const result = validateCrossField(
      b10({
        configurations: [
          { name: 'a', schema: 'c.json', values: { PORT: 8080 } },
          { name: 'b', ref: 'oci://ghcr.io/acme/cfg:1.0.0', values: { PORT: 'x' } },
          { name: 'c', schema: 'missing.json', values: { PORT: 'x' } },
          { name: 'd', schema: 'c.json', values: {} },
        ],
      }),
      memoryFiles({ 'c.json': schema }),
    );
    expect(pairs(result.errors)).toEqual(['FILE_NOT_FOUND @ configurations[2].schema']);
  });

  it('requires a schema or ref for values (library only)', () => {
    const result = validateCrossField(b10({ configurations: [{ name: 'a', values: { X: 1 } }] }));
    expect(pairs(result.errors)).toEqual(['VALUES_WITHOUT_SCHEMA @ configurations[0].values']);
    expect(result.errors[0]?.message).toBe('configuration values require a configuration schema to validate against');
  });
});

describe('user schemas are compiled standalone', () => {
  it('never resolves a $ref into another bundle file, and tolerates a repeated $id', () => {
    const named = '{"$id": "https://example.com/shared", "type": "object", "properties": {"A": {"type": "string"}}}';
    const first = validateCrossField(
      b10({ configurations: [{ name: 'a', schema: 'a.json', values: { A: 1 } }] }),
      memoryFiles({ 'a.json': named }),
    );
    expect(pairs(first.errors)).toEqual(['CONFIG_VALUES_VALIDATION_FAILED @ configurations[0].values']);
    const again = validateCrossField(
      b10({ configurations: [{ name: 'b', schema: 'b.json' }, { name: 'c', schema: 'c.json' }] }),
      memoryFiles({ 'b.json': named.replace('"string"', '"integer"'), 'c.json': '{"$ref": "https://example.com/shared"}' }),
    );
    expect(pairs(again.errors)).toEqual(['INVALID_CONFIG_SCHEMA @ configurations[1].schema']);
  });
});

describe('file rule order and hints', () => {
  it('runs each existence rule over every entry before its content rule (10 then 11, 12 then 13)', () => {
    const files = memoryFiles({ 'bad.yaml': 'a: [', 'bad.json': 'nope' });
    const result = validateCrossField(
      b10({
        interfaces: [
          { name: 'a', type: 'event', contract: 'bad.yaml' },
          { name: 'b', type: 'event', contract: 'missing.yaml' },
        ],
        configurations: [
          { name: 'c', schema: 'bad.json' },
          { name: 'd', schema: 'missing.json' },
        ],
      }),
      files,
    );
    expect(pairs(result.errors)).toEqual([
      'FILE_NOT_FOUND @ interfaces[1].contract',
      'INVALID_CONTRACT_FILE @ interfaces[0].contract',
      'FILE_NOT_FOUND @ configurations[1].schema',
      'INVALID_CONFIG_JSON @ configurations[0].schema',
    ]);
  });

  it('names the .pactoignore pattern that removed a referenced file', () => {
    const files = { ...memoryFiles({}), excludedBy: (path: string) => (path.startsWith('docs/') ? 'docs/**' : undefined) };
    const result = validateCrossField(
      b10({ interfaces: [{ name: 'a', type: 'event', contract: 'docs/events.yaml' }], configurations: [{ name: 'c', schema: 'c.json' }] }),
      files,
    );
    expect(result.errors.map((e) => e.message)).toEqual([
      'interface contract file "docs/events.yaml" not found in bundle (excluded by .pactoignore pattern "docs/**")',
      'configuration schema file "c.json" not found in bundle',
    ]);
  });
});
