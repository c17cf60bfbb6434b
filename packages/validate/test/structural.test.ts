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
      [Number.POSITIVE_INFINITY, '.inf'],
      [Number.NEGATIVE_INFINITY, '-.inf'],
      [Number.NaN, '.nan'],
    ] as const) {
      const result = validateStructural({ pactoVersion: '9', metadata: { list: [1, value] } });
      expect(result.errors.map((e) => [e.code, e.path, e.message])).toEqual([
        [
          'YAML_PARSE_ERROR',
          '',
          `the contract holds the number ${text}, which JSON cannot carry (write a finite number, or quote it to keep it as text)`,
        ],
      ]);
    }
    expect(validateStructural(minimal, true).errors.map((e) => e.code)).toEqual(['YAML_PARSE_ERROR']);
  });

  it('reads only a string pactoVersion', () => {
    expect(documentVersion({ pactoVersion: 1 })).toBe('');
    expect(documentVersion(['pactoVersion'])).toBe('');
    expect(documentVersion(null)).toBe('');
    const message = (pactoVersion: unknown) => validateStructural({ ...minimal, pactoVersion }).errors.map((e) => [e.code, e.path, e.message]);
    expect(message(1.1)).toEqual([['UNSUPPORTED_PACTO_VERSION', 'pactoVersion', 'pactoVersion must be a string: write "1.1" in quotes']]);
    expect(message(1)).toEqual([['UNSUPPORTED_PACTO_VERSION', 'pactoVersion', 'pactoVersion must be a string: write "1.0" in quotes']]);
    expect(message(2)).toEqual([['UNSUPPORTED_PACTO_VERSION', 'pactoVersion', 'pactoVersion must be a string: write "2.0" in quotes']]);
    expect(message(3)).toEqual([
      ['UNSUPPORTED_PACTO_VERSION', 'pactoVersion', 'pactoVersion must be a string, got 3; supported versions: "1.0", "1.1", "1.2", "2.0"'],
    ]);
    expect(message('3')).toEqual([['UNSUPPORTED_PACTO_VERSION', 'pactoVersion', 'unsupported pactoVersion "3"; supported versions: 1.0, 1.1, 1.2, 2.0']]);
    expect(validateStructural({ service: {} }).errors[0]?.message).toBe('pactoVersion is required: write pactoVersion: "1.0" (or "1.1", "1.2", "2.0")');
  });

  it('reports unknown keys as additional properties when called on raw documents', () => {
    const result = validateStructural({ ...minimal, foo: 'bar' });
    expect(result.errors.map((e) => [e.code, e.path, e.message])).toEqual([['SCHEMA_VIOLATION', '', 'unknown field "foo"']]);
    expect(result.errors[0]).toMatchObject({ severity: 'error', layer: 'structural' });
  });

  it('words each violation by what the model expects, with the rules and patterns in words', () => {
    const at = (document: object) => validateStructural({ ...minimal, ...document }).errors.map((e) => [e.path, e.message, e.hint]);
    expect(at({ service: { name: 'My_Service', version: '1.0.0' } })).toEqual([
      ['service.name', '"My_Service" is not a valid service name: use lower-case letters, digits and hyphens, starting and ending with a letter or digit', undefined],
    ]);
    expect(at({ interfaces: [{ name: 'a', type: 'htp' }] })).toEqual([
      ['interfaces.0.type', 'expected one of "http", "grpc", "event", got the string "htp"', 'did you mean "http"?'],
    ]);
    expect(at({ interfaces: [{ name: 'a', type: 'grpc', port: 70000 }] })).toEqual([
      ['interfaces.0', 'missing required field "contract": grpc interfaces need one', undefined],
      ['interfaces.0.port', 'must be at most 65535, got 70000', undefined],
    ]);
    expect(at({ interfaces: [{ name: 'a', type: 'http', port: 1, visiblity: 'public' }] })).toEqual([
      ['interfaces.0', 'unknown field "visiblity"', 'did you mean "visibility"?'],
    ]);
    expect(at({ configurations: [{ name: 'a', schema: 's.json', ref: 'r' }], scaling: { min: 1 } })).toEqual([
      ['configurations.0', 'a configuration needs either schema (with optional values) or ref alone', undefined],
      ['scaling', 'scaling needs replicas alone, or min and max', undefined],
    ]);
    expect(at({ readiness: { checks: [] } })).toEqual([['', 'unknown field "readiness"', 'readiness needs pactoVersion: "1.1"']]);
    expect(at({ service: { name: 'a', version: '1', owner: { team: 'a b' } } })).toEqual([
      ['service.owner.team', '"a b" is not a valid team: use letters, digits and the characters . _ / -', undefined],
    ]);
    expect(
      at({ runtime: { workload: 'service', state: { type: 'stateless', persistence: { scope: 'local', durability: 'persistent' }, dataCriticality: 'low' } } }),
    ).toEqual([['runtime.state.persistence.durability', 'stateless services must have ephemeral durability, got the string "persistent"', undefined]]);
  });

  it('uses dotted paths with plain indices', () => {
    const result = validateStructural({ ...minimal, pactoVersion: '1.1', readiness: { checks: [{ id: 'a', type: 'url', evidence: 'x', weight: 1, expires: 'x' }, { id: 'b', type: 'url', evidence: 'x', weight: 101, expires: 'x' }] } });
    expect(result.errors.map((e) => e.path)).toEqual(['readiness.checks.1.weight']);
  });
});
