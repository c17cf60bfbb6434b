import { describe, expect, it } from 'vitest';
import { documentVersion, validateStructural } from '../src/index.js';

describe('validateStructural (L1 on a generic document)', () => {
  const minimal = { pactoVersion: '1.0', service: { name: 'svc', version: '1.0.0' } };

  it('accepts the minimal contracts of both versions', () => {
    expect(validateStructural(minimal)).toEqual({ errors: [], warnings: [] });
    expect(validateStructural({ ...minimal, pactoVersion: '1.1' }).errors).toEqual([]);
  });

  it('reports values JSON cannot carry before anything else', () => {
    for (const [value, text] of [
      [Number.POSITIVE_INFINITY, '+Inf'],
      [Number.NEGATIVE_INFINITY, '-Inf'],
      [Number.NaN, 'NaN'],
    ] as const) {
      const result = validateStructural({ pactoVersion: '9', metadata: { list: [1, value] } });
      expect(result.errors.map((e) => [e.code, e.path, e.message])).toEqual([['YAML_PARSE_ERROR', '', `json: unsupported value: ${text}`]]);
    }
    expect(validateStructural(minimal, true).errors.map((e) => e.code)).toEqual(['YAML_PARSE_ERROR']);
  });

  it('reads only a string pactoVersion', () => {
    expect(documentVersion({ pactoVersion: 1 })).toBe('');
    expect(documentVersion(['pactoVersion'])).toBe('');
    expect(documentVersion(null)).toBe('');
    const result = validateStructural({ ...minimal, pactoVersion: 1.1 });
    expect(result.errors.map((e) => [e.code, e.path, e.message])).toEqual([
      ['UNSUPPORTED_PACTO_VERSION', 'pactoVersion', 'unsupported pactoVersion ""; supported versions: 1.0, 1.1'],
    ]);
  });

  it('reports unknown keys as additional properties when called on raw documents', () => {
    const result = validateStructural({ ...minimal, foo: 'bar' });
    expect(result.errors.map((e) => [e.code, e.path, e.message])).toEqual([
      ['SCHEMA_VIOLATION', '', "at '': additional properties 'foo' not allowed"],
    ]);
    expect(result.errors[0]).toMatchObject({ severity: 'error', layer: 'structural' });
  });

  it('uses dotted paths with plain indices', () => {
    const result = validateStructural({ ...minimal, pactoVersion: '1.1', readiness: { checks: [{ id: 'a', type: 'url', evidence: 'x', weight: 1, expires: 'x' }, { id: 'b', type: 'url', evidence: 'x', weight: 101, expires: 'x' }] } });
    expect(result.errors.map((e) => e.path)).toEqual(['readiness.checks.1.weight']);
  });
});
