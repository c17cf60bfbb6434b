import { describe, expect, it } from 'vitest';
import { diffContracts, DiffError, DOCUMENT_DEPTH_LIMIT, parseDocument } from '../src/index.js';
import { BASE_OPENAPI, BASE_SCHEMA, baseBundle, sideOf } from './support/fixtures.js';
import { thrownDiffError } from './support/diff-error.js';

// Interface and schema files are user data the comparison walks recursively: a document nested beyond
// DOCUMENT_DEPTH_LIMIT levels is refused with one message naming the file, never a stack overflow.

/** A JSON Schema `levels` objects deep (each `properties` level is two). */
function nestedSchema(levels: number, leaf = 'string'): string {
  let schema = `{"type":"${leaf}"}`;
  for (let i = 1; i < levels; i += 2) schema = `{"type":"object","properties":{"x":${schema}}}`;
  return schema;
}

describe('documents nested beyond the depth limit', () => {
  it('parseDocument refuses a 20,000-level JSON document, reads one at the limit', () => {
    expect(thrownDiffError(() => parseDocument(nestedSchema(20_000))).code).toBe('DOCUMENT_TOO_DEEP');
    expect(parseDocument(nestedSchema(DOCUMENT_DEPTH_LIMIT - 1))).toMatchObject({ type: 'object' });
  });

  it('parseDocument refuses a deep YAML document and still reads a self-referencing alias as unparsable', () => {
    const yaml = `- ${'['.repeat(DOCUMENT_DEPTH_LIMIT + 10)}1${']'.repeat(DOCUMENT_DEPTH_LIMIT + 10)}\n`;
    expect(() => parseDocument(yaml)).toThrow(DiffError);
    expect(parseDocument('a: &x\n  b: *x\n')).toBeUndefined();
  });

  it('pacto diff names the interface file that is too deep', () => {
    const deep = `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":${nestedSchema(20_000)}}}}}}}}}`;
    const oldSide = sideOf(baseBundle(() => {}, { 'interfaces/openapi.yaml': BASE_OPENAPI }));
    const newSide = sideOf(baseBundle(() => {}, { 'interfaces/openapi.yaml': deep }));
    const error = thrownDiffError(() => diffContracts(oldSide, newSide));
    expect(error.code).toBe('DOCUMENT_TOO_DEEP');
    expect(error.message).toBe(
      `interfaces/openapi.yaml nests objects and arrays more than ${DOCUMENT_DEPTH_LIMIT} levels deep; pacto diff compares documents of at most ${DOCUMENT_DEPTH_LIMIT} levels`,
    );
  });

  it('pacto diff names the configuration schema that is too deep, and compares one just within the limit', () => {
    const oldSide = sideOf(baseBundle(() => {}, { 'configuration/schema.json': BASE_SCHEMA }));
    const deep = sideOf(baseBundle(() => {}, { 'configuration/schema.json': nestedSchema(20_000) }));
    expect(thrownDiffError(() => diffContracts(oldSide, deep)).message).toMatch(/^configuration\/schema\.json nests objects/);
    const before = sideOf(baseBundle(() => {}, { 'configuration/schema.json': nestedSchema(DOCUMENT_DEPTH_LIMIT - 1) }));
    const after = sideOf(baseBundle(() => {}, { 'configuration/schema.json': nestedSchema(DOCUMENT_DEPTH_LIMIT - 1, 'integer') }));
    const changes = diffContracts(before, after).changes;
    expect(changes).toHaveLength(1);
    expect(changes[0]!.path).toMatch(/^schema(\.properties\.x)+\.type$/);
  });
});
