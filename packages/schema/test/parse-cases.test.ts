import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContract } from '@pacto/schema';
import { ownCases } from '../../../test/conformance/harness.js';

// Stage P over the suite's own contract cases and the examples: a case whose expected errors start in
// stage P (PARSE_ERROR, or UNSUPPORTED_PACTO_VERSION by the version-first rule) stops there; every
// other case parses.
const cases = ownCases();

describe('parseContract over the own contract cases', () => {
  it.each(cases)('$id', ({ dir, expected }) => {
    const result = parseContract(readFileSync(join(dir, 'pacto.yaml'), 'utf8'), `${dir}/pacto.yaml`);
    // A string pactoVersion other than 1.0/1.1 stops in stage P (version-first rule, contract.md §2.3)
    // with the same finding L1 would give, so both layers' expectations apply here.
    const stageP = expected.errors.find((e) => e.code === 'PARSE_ERROR' || e.code === 'UNSUPPORTED_PACTO_VERSION');
    if (stageP === undefined) {
      expect(result.ok).toBe(true);
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect({ code: result.error.code, path: result.error.code === 'PARSE_ERROR' ? '' : result.error.path }).toEqual({
      code: stageP.code,
      path: stageP.path,
    });
    if (stageP.messageContains) expect(result.error.message).toContain(stageP.messageContains);
  });
});
