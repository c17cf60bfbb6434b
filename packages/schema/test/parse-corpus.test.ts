import { fileURLToPath } from 'node:url';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContract } from '@pacto/schema';

// The corpus sits beside the repository (../shared), in CI as on a developer machine.
const CORPUS = fileURLToPath(new URL('../../../../shared/conformance', import.meta.url));

interface Expected {
  readonly layer?: string;
  readonly errors: readonly { code: string; path: string; messageContains?: string }[];
}

const cases = ['valid', 'invalid', 'future'].flatMap((group) =>
  readdirSync(join(CORPUS, group)).map((name) => ({ name: `${group}/${name}`, dir: join(CORPUS, group, name) })),
);

describe('parseContract over the conformance corpus', () => {
  it.each(cases)('$name', ({ dir }) => {
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
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
