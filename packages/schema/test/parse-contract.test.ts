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

  it('case 3: a string pactoVersion this tool does not read stops with UNSUPPORTED_PACTO_VERSION first', () => {
    // 2.0 is read now (contract-2.0.md §1); 3.0 takes its place.
    const error = failure(B10.replace('"1.0"', '"3.0"') + 'unknownKey: 1\n');
    expect(error.code).toBe('UNSUPPORTED_PACTO_VERSION');
    expect(error.path).toBe('pactoVersion');
    expect(error.message).toBe('unsupported pactoVersion "3.0"; supported versions: 1.0, 1.1, 1.2, 2.0');
    expect(error.located).toBe('pacto.yaml:1:15: unsupported pactoVersion "3.0"; supported versions: 1.0, 1.1, 1.2, 2.0');
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
    expect(error.hint).toBe('add pactoVersion: "1.0" (or "1.1") as the first line');
  });

  it('presence checks run in order: name before version', () => {
    expect(failure('pactoVersion: "1.0"\nservice: {}\n').message).toBe('parse error at service.name: service.name is required');
    const error = failure('pactoVersion: "1.0"\nservice:\n  name: svc\n');
    expect(error.message).toBe('parse error at service.version: service.version is required');
    expect([error.line, error.column]).toEqual([3, 3]);
  });

  it('case 6: unknown top-level key, with the known fields as the hint', () => {
    const error = failure(`${B10}foo: bar\n`);
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.path).toBe('');
    expect(error.message).toBe('unknown field "foo" at the top level');
    expect(error.hint).toBe(
      'the fields at the top level are pactoVersion, service, interfaces, configurations, policies, dependencies, runtime, scaling, metadata, readiness',
    );
    expect([error.line, error.column]).toEqual([5, 1]);
    expect(error.located).toBe('pacto.yaml:5:1: unknown field "foo" at the top level');
  });

  it('case 7: a duplicate key is reported at the repeated key, naming the first', () => {
    const error = failure('pactoVersion: "1.0"\nservice:\n  name: svc\n  name: svc\n  version: 1.0.0\n');
    expect(error.message).toBe('duplicate key "name" in service: already defined at line 3');
    expect([error.line, error.column]).toEqual([4, 3]);
  });

  it('case 8: empty, whitespace-only and comment-only files have no content', () => {
    for (const text of ['', '   \n\n', '# just a comment\n  # another\n', '\uFEFF', '...\n', '# c\n...\n']) {
      const error = failure(text);
      expect(error.message).toBe('failed to parse YAML: the file has no content');
      expect(error.hint).toBe('write the contract there, or run `pacto init <name>` to create one');
      expect(error.line).toBeUndefined();
      expect(error.located).toBe('pacto.yaml: failed to parse YAML: the file has no content');
    }
  });

  it('a document end marker before the first document is skipped, as libyaml does', () => {
    expect(parseContract(`...\n---\n${B10}`, 'pacto.yaml').ok).toBe(true);
  });

  it('case 15: a quoted number in an integer field', () => {
    const error = failure(`${B10}interfaces: [{name: api, type: http, port: "8080"}]\n`);
    expect(error.message).toBe('expected an integer port (1–65535) in interfaces[0], got the string "8080"');
    expect(error.hint).toBe('write 8080 without quotes');
    expect([error.line, error.column]).toEqual([5, 44]);
  });

  it('case 50: unknown key inside a readiness check', () => {
    const text =
      'pactoVersion: "1.1"\nservice:\n  name: svc\n  version: 1.0.0\nreadiness:\n  checks:\n    - id: dashboard\n      type: url\n      evidence: "https://x"\n      weight: 60\n      expires: "2099-12-31"\n      status: done\n';
    const error = failure(text);
    expect(error.message).toBe('unknown field "status" in readiness.checks[0]');
    expect(error.hint).toBe('the fields in readiness.checks[0] are id, type, evidence, weight, expires, description');
    expect(error.line).toBe(12);
  });

  it('old layout: singular configuration / policy name the plural form', () => {
    const error = failure(`${B10}configuration:\n  schema: configuration/schema.json\npolicy:\n  schema: policy/schema.json\n`);
    expect(error.problems).toEqual([
      {
        message: 'unknown field "configuration" at the top level',
        hint: 'older layout: write "configurations:", a list of named entries such as "- name: default", instead of "configuration:"',
        line: 5,
        column: 1,
      },
      {
        message: 'unknown field "policy" at the top level',
        hint: 'older layout: write "policies:", a list of named entries such as "- name: default", instead of "policy:"',
        line: 7,
        column: 1,
      },
    ]);
    expect(error.located).toBe('pacto.yaml:5:1: unknown field "configuration" at the top level (and 1 more problem; `pacto validate` lists them all)');
  });

  it('bad YAML has the failed-to-parse prefix, one line and a position', () => {
    const error = failure('this is not: valid: yaml: [\n  broken\n');
    expect(error.message).toBe('failed to parse YAML: a value cannot hold another "key: value" on the same line');
    expect(error.hint).toBe('put the inner key on its own line, indented under its parent, or quote the value');
    expect([error.line, error.column]).toEqual([1, 14]);
  });

  it('a quote that is never closed is reported where it opens, not at the end of the file', () => {
    const lines = B10.split('\n');
    const text = [...lines.slice(0, 4), '  owner: "team/payments', 'runtime:', '  workload: service', ''].join('\n');
    const error = failure(text);
    expect(error.message).toBe('failed to parse YAML: the double-quoted string that starts here is never closed');
    expect(error.hint).toBe('add the closing "');
    expect([error.line, error.column]).toEqual([5, 10]);
    const single = failure(`${B10}metadata:\n  note: 'it''s open\n  other: 1\n`);
    expect(single.message).toBe('failed to parse YAML: the single-quoted string that starts here is never closed');
    expect([single.line, single.column]).toEqual([6, 9]);
  });

  it('a [ or { that is never closed is reported where it opens, the innermost one first', () => {
    const list = failure(`${B10}metadata:\n  tags: [a, b\nruntime:\n  workload: service\n`);
    expect(list.message).toBe('failed to parse YAML: the [ that opens here is never closed');
    expect(list.hint).toBe('add the closing ], or write the items in block style, one "- item" per line');
    expect([list.line, list.column]).toEqual([6, 9]);
    const nested = failure(`${B10}metadata:\n  tags: [a, {b: 1]\n`);
    expect(nested.message).toBe('failed to parse YAML: the { that opens here is never closed');
    expect([nested.line, nested.column]).toEqual([6, 13]);
  });
});
