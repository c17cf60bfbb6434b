import { describe, expect, it } from 'vitest';
import { parseContract } from '@pacto/schema';

const B10 = 'pactoVersion: "1.0"\nservice:\n  name: svc\n  version: 1.0.0\n';

function failure(text: string) {
  const result = parseContract(text, 'pacto.yaml');
  if (result.ok) throw new Error('expected a parse failure');
  return result.error;
}

describe('parseContract: contract.md §13 stage-P cases', () => {
  it('accepts the minimal base (case 1)', () => {
    const result = parseContract(B10, 'pacto.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.contract).toEqual({ pactoVersion: '1.0', service: { name: 'svc', version: '1.0.0' } });
    expect(result.document).toEqual({ pactoVersion: '1.0', service: { name: 'svc', version: '1.0.0' } });
    expect(result.hasNonFinite).toBe(false);
  });

  it('case 3: a string pactoVersion other than 1.0/1.1 stops with UNSUPPORTED_PACTO_VERSION first', () => {
    const error = failure(B10.replace('"1.0"', '"2.0"') + 'unknownKey: 1\n');
    expect(error.code).toBe('UNSUPPORTED_PACTO_VERSION');
    expect(error.path).toBe('pactoVersion');
    expect(error.message).toBe('unsupported pactoVersion "2.0"; supported versions: 1.0, 1.1');
    expect(error.text).toBe('parse error at pactoVersion: unsupported pactoVersion "2.0"; supported versions: 1.0, 1.1');
    expect([error.line, error.column]).toEqual([1, 15]);
  });

  it('case 4: an unquoted 1.0 parses (typed "1.0", generic number 1) and is left to L1', () => {
    const result = parseContract(B10.replace('"1.0"', '1.0'), 'pacto.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.contract.pactoVersion).toBe('1.0');
    expect((result.document as { pactoVersion: unknown }).pactoVersion).toBe(1);
  });

  it('case 5: missing pactoVersion', () => {
    const error = failure('service:\n  name: svc\n  version: 1.0.0\n');
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.path).toBe('pactoVersion');
    expect(error.message).toBe('parse error at pactoVersion: pactoVersion is required');
  });

  it('presence checks run in order: name before version', () => {
    expect(failure('pactoVersion: "1.0"\nservice: {}\n').message).toBe('parse error at service.name: service.name is required');
    const error = failure('pactoVersion: "1.0"\nservice:\n  name: svc\n');
    expect(error.message).toBe('parse error at service.version: service.version is required');
    expect([error.line, error.column]).toEqual([3, 3]);
  });

  it('case 6: unknown top-level key', () => {
    const error = failure(`${B10}foo: bar\n`);
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.path).toBe('');
    expect(error.message).toBe(
      'parse error: failed to parse YAML: yaml: unmarshal errors:\n  line 5: field foo not found in type contract.Contract',
    );
    expect([error.line, error.column]).toEqual([5, 1]);
  });

  it('case 7: duplicate key reports both lines', () => {
    const error = failure('pactoVersion: "1.0"\nservice:\n  name: svc\n  name: svc\n  version: 1.0.0\n');
    expect(error.message).toBe(
      'parse error: failed to parse YAML: yaml: unmarshal errors:\n  line 4: mapping key "name" already defined at line 3',
    );
  });

  it('case 8: empty, whitespace-only and comment-only files are EOF', () => {
    for (const text of ['', '   \n\n', '# just a comment\n  # another\n', '\uFEFF', '...\n', '# c\n...\n']) {
      const error = failure(text);
      expect(error.message).toBe('parse error: failed to parse YAML: EOF');
      expect(error.line).toBeUndefined();
    }
  });

  it('a document end marker before the first document is skipped, as libyaml does', () => {
    expect(parseContract(`...\n---\n${B10}`, 'pacto.yaml').ok).toBe(true);
  });

  it('case 15: a quoted number in an integer field', () => {
    const error = failure(`${B10}interfaces: [{name: api, type: http, port: "8080"}]\n`);
    expect(error.message).toBe(
      'parse error: failed to parse YAML: yaml: unmarshal errors:\n  line 5: cannot unmarshal !!str `8080` into int',
    );
  });

  it('case 50: unknown key inside a readiness check', () => {
    const text =
      'pactoVersion: "1.1"\nservice:\n  name: svc\n  version: 1.0.0\nreadiness:\n  checks:\n    - id: dashboard\n      type: url\n      evidence: "https://x"\n      weight: 60\n      expires: "2099-12-31"\n      status: done\n';
    expect(failure(text).message).toContain('line 12: field status not found in type contract.ReadinessCheck');
  });

  it('old layout: singular configuration / policy name the plural form', () => {
    const error = failure(`${B10}configuration:\n  schema: configuration/schema.json\npolicy:\n  schema: policy/schema.json\n`);
    expect(error.message).toBe(
      'parse error: failed to parse YAML: yaml: unmarshal errors:\n' +
        '  line 5: field configuration not found in type contract.Contract (older layout: write "configurations:", a list of named entries such as "- name: default", instead of "configuration:")\n' +
        '  line 7: field policy not found in type contract.Contract (older layout: write "policies:", a list of named entries such as "- name: default", instead of "policy:")',
    );
  });

  it('bad YAML has the failed-to-parse prefix and a position', () => {
    const error = failure('this is not: valid: yaml: [\n  broken\n');
    expect(error.message.startsWith('parse error: failed to parse YAML: yaml: line 1, column ')).toBe(true);
    expect(error.line).toBe(1);
  });
});
