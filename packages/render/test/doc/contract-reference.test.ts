import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderContractReference } from '../../src/doc/contract-reference.js';

const committed = new URL('../../../../docs/contract-reference.md', import.meta.url);
const committedV20 = new URL('../../../../docs/contract-reference-2.0.md', import.meta.url);

describe('renderContractReference', () => {
  const reference = renderContractReference();

  it('matches the committed docs/contract-reference.md (run scripts/generate-contract-reference.mjs when it fails)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(reference);
  });

  it('matches the committed docs/contract-reference-2.0.md', () => {
    expect(readFileSync(committedV20, 'utf8')).toBe(renderContractReference('2.0'));
  });

  it('documents the 2.0 fields where 2.0 has them', () => {
    const v20 = renderContractReference('2.0');
    expect(v20).toContain('| `pactoVersion` | string | yes | Version of the contract format. | one of `2.0` |');
    expect(v20).toContain('| `capabilities[].binding.interface` | string | yes |');
    expect(v20).toContain('| `readiness.claims[].status` | string | yes |');
    expect(v20).toContain('| `state.type` | `hybrid` |');
    expect(v20).not.toContain('runtime.');
  });

  it('lists nested fields with their description, requiredness and constraints', () => {
    expect(reference).toContain('| `service.name` | string | yes | Service name: lower-case letters, digits and inner hyphens. | lower-case letters, digits and hyphens, starting and ending with a letter or digit |');
    expect(reference).toContain('| `readiness.checks[].weight` | integer | yes |');
    expect(reference).toContain('| `service.owner` | string or object | no |');
    expect(reference).toContain('| `runtime.state.type` | `hybrid` |');
  });
});
