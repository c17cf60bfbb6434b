import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderContractReference } from '../../src/doc/contract-reference.js';

const committed = new URL('../../../../docs/contract-reference.md', import.meta.url);

describe('renderContractReference', () => {
  const reference = renderContractReference();

  it('matches the committed docs/contract-reference.md (run scripts/generate-contract-reference.mjs when it fails)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(reference);
  });

  it('lists nested fields with their description, requiredness and constraints', () => {
    expect(reference).toContain('| `service.name` | string | yes | Service name: lower-case letters, digits and inner hyphens. | lower-case letters, digits and hyphens, starting and ending with a letter or digit |');
    expect(reference).toContain('| `readiness.checks[].weight` | integer | yes |');
    expect(reference).toContain('| `service.owner` | string or object | no |');
    expect(reference).toContain('| `runtime.state.type` | `hybrid` |');
  });
});
