import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractFormat, isContractV20, parseContract } from '@pacto/schema';
import { readYamlFast } from '../src/parse/yaml-fast.js';
import { readYamlFull } from '../src/parse/yaml-full.js';

// The fast reader and positions for 1.2 and 2.0 (issue 13): the Go project's published examples (test data of
// @pacto/validate, sources in its fixtures/upstream/README.md) read the same with both readers, and findings
// of the 2.0 paths are placed on their lines.

const ROOT = fileURLToPath(new URL('../../validate/test/fixtures/upstream/', import.meta.url));
const files = ['v2.0', 'v1.2', 'v1.1'].flatMap((group) => readdirSync(join(ROOT, group)).map((name) => join(ROOT, group, name, 'pacto.yaml')));

describe('fast reader over the published 1.2 and 2.0 examples', () => {
  it.each(files)('%s', (file) => {
    const text = readFileSync(file, 'utf8');
    const fast = readYamlFast(text);
    expect(fast).not.toBeUndefined();
    expect(fast === 'empty' ? undefined : fast?.root).toEqual(readYamlFull(text)?.root);
    const parsed = parseContract(text, 'pacto.yaml');
    const slow = parseContract(text, 'pacto.yaml', { fast: false });
    expect(parsed.ok && slow.ok && parsed.contract).toEqual(slow.ok && slow.contract);
  });
});

describe('positions and model selection', () => {
  const text = `pactoVersion: "2.0"
service:
  name: svc
  version: 1.0.0
interfaces:
  - name: api
    type: openapi
    ref: api.json
capabilities:
  - type: health
    binding:
      type: http
      interface: api
      path: /health
readiness:
  expires: "2099-01-01"
  partialCredit: 0.25
  claims:
    - {id: a, type: url, status: done, evidence: x, weight: 1}
`;

  it('locates 2.0 paths in L1 and L2 styles', () => {
    const parsed = parseContract(text, 'pacto.yaml');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.positions.locate('interfaces[0].ref')).toEqual({ line: 8, column: 10 });
    expect(parsed.positions.locate('capabilities.0.binding.path')).toEqual({ line: 14, column: 13 });
    expect(parsed.positions.locate('readiness.claims[0].status')).toEqual({ line: 19, column: 34 });
  });

  it('decodes with the 2.0 model: numbers, string lists and free maps of 2.0', () => {
    const parsed = parseContract(`${text}verification:\n  conformance: [api]\nextensions:\n  example.com/x: {on: true}\n`, 'pacto.yaml');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(isContractV20(parsed.contract)).toBe(true);
    if (!isContractV20(parsed.contract)) return;
    expect(parsed.contract.readiness?.partialCredit).toBe(0.25);
    expect(parsed.contract.verification).toEqual({ conformance: ['api'] });
    expect(parsed.contract.extensions).toEqual({ 'example.com/x': { on: true } });
  });

  it('refuses the keys of another format at the line they are on', () => {
    const parsed = parseContract(text.replace('    ref: api.json', '    port: 8080'), 'pacto.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatchObject({ code: 'PARSE_ERROR', line: 8 });
    expect(parsed.error.message).toContain('port');
  });

  it('says a 1.x key at the top of a 2.0 contract is the old layout, and a wrong kind in words', () => {
    const runtime = parseContract(`${text}runtime:\n  workload: service\n`, 'pacto.yaml');
    expect(!runtime.ok && runtime.error.problems.map((p) => [p.message, p.hint])).toEqual([
      ['unknown field "runtime" at the top level', expect.stringContaining('`pacto migrate`')],
    ]);
    const credit = parseContract(text.replace('partialCredit: 0.25', 'partialCredit: half'), 'pacto.yaml');
    expect(!credit.ok && credit.error.problems[0]?.message).toBe('expected partialCredit to be a number in readiness, got the string "half"');
    const conformance = parseContract(`${text}verification:\n  conformance: [{a: 1}]\n`, 'pacto.yaml');
    expect(!conformance.ok && conformance.error.problems[0]?.message).toBe('expected a string in verification.conformance[0], got a mapping');
  });

  it('picks the model from the version text, quoted or not', () => {
    const unquoted = parseContract(text.replace('"2.0"', '2.0'), 'pacto.yaml');
    expect(unquoted.ok && contractFormat(unquoted.contract)).toBe('2.0');
    const v12 = parseContract('pactoVersion: "1.2"\nservice: {name: a, version: 1.0.0}\n', 'pacto.yaml');
    expect(v12.ok && contractFormat(v12.contract)).toBe('1.2');
    const v10 = parseContract('pactoVersion: "1.0"\nservice: {name: a, version: 1.0.0}\n', 'pacto.yaml');
    expect(v10.ok && contractFormat(v10.contract)).toBe('1.x');
  });
});
