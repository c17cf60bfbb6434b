import { describe, expect, it } from 'vitest';
import { DiffError, diffContracts } from '../src/index.js';
import { baseBundle, recordFS } from './support/fixtures.js';

const bundle = (files: Record<string, string>, fileName = 'svc/pacto.yaml') => ({ fileName, text: files['pacto.yaml']!, files: recordFS(files) });

describe('diffContracts inputs', () => {
  it('accepts unparsed ContractBundles and reads their files', () => {
    const spec = baseBundle()['interfaces/openapi.yaml']!.replace(/\n {2}\/orders:[\s\S]*$/, '\n');
    const result = diffContracts(bundle(baseBundle()), bundle(baseBundle((c) => (c.interfaces[0].port = 9090), { 'interfaces/openapi.yaml': spec })));
    expect(result.classification).toBe('BREAKING');
    expect(result.changes.map((c) => `${c.path} ${c.type}`)).toEqual(['interfaces.port modified', 'openapi.paths[/orders] removed']);
  });

  it('throws a DiffError naming the file when a contract does not parse', () => {
    const broken = bundle({ 'pacto.yaml': 'pactoVersion: "1.1"\nservice: {name: svc}\n' }, 'new/pacto.yaml');
    expect(() => diffContracts(bundle(baseBundle()), broken)).toThrow(DiffError);
    expect(() => diffContracts(bundle(baseBundle()), broken)).toThrow(
      'new/pacto.yaml:2:10: parse error at service.version: service.version is required',
    );
  });
});
