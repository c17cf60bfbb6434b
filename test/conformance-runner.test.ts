import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decisionTitles, readSupersessions } from './conformance/harness.js';
import { REPO, runNode } from './support/run-node.js';

// `pnpm test:conformance [dir]` (test/conformance/run.mjs) over corpora of our own: the suite's case
// fixtures, which are written in the corpus format, and altered copies of them. Needs `pnpm build`.
const RUNNER = join(REPO, 'test/conformance/run.mjs');
const OWN_CASES = join(REPO, 'packages/validate/test/fixtures/cases');
const summary = (stdout: string) => stdout.slice(stdout.indexOf('conformance corpus:')).split('\n').filter((line) => line.startsWith('  ') || line.startsWith('conformance'));

describe('pnpm test:conformance', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'pacto-conformance-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('fails with one line when the corpus directory is missing', async () => {
    const missing = join(scratch, 'no-such-corpus');
    const result = await runNode([RUNNER, missing]);
    expect(result.stderr).toBe(`conformance: no corpus at ${missing}: the directory does not exist (pass its path: pnpm test:conformance <dir>)\n`);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });

  it('fails with one line when the directory holds no case', async () => {
    const result = await runNode([RUNNER, scratch]);
    expect(result.stderr).toBe(`conformance: no corpus at ${scratch}: no valid/, invalid/ or future/ case directory holds an expected.json\n`);
    expect(result.code).toBe(2);
  });

  it('runs every case through the library and the CLI and prints a summary', async () => {
    const result = await runNode([RUNNER, OWN_CASES]);
    expect(summary(result.stdout)).toEqual([
      `conformance corpus: ${OWN_CASES} (20 cases)`,
      '  library, local policy mode: 20 of 20 cases conform',
      '  readiness at 2026-06-01: 2 of 2 cases conform',
      '  CLI, validate --output-format json: 19 of 19 cases conform',
      '  pacto migrate to 2.0, then validate (valid/ cases): 9 of 9 cases conform',
      '  compared by the library only (a ref policy needs its registry): valid/policy-ref',
      'conformance: 20 of 20 cases conform',
    ]);
    expect(result.code).toBe(0);
  });

  it('holds a case to a documented decision that supersedes its expectation, and fails the cases that differ', async () => {
    const corpus = join(scratch, 'corpus');
    cpSync(OWN_CASES, corpus, { recursive: true });
    // The corpus says a version-9.0 contract is readable; our decision (the file below) says it is not.
    const future = join(corpus, 'future/version-9.0/expected.json');
    writeFileSync(future, JSON.stringify({ ...JSON.parse(readFileSync(future, 'utf8')), valid: true, errors: [] }));
    // A wrong expectation nobody superseded.
    const minimal = join(corpus, 'valid/minimal-1.0/expected.json');
    writeFileSync(minimal, JSON.stringify({ ...JSON.parse(readFileSync(minimal, 'utf8')), valid: false }));
    const superseded = join(scratch, 'superseded.json');
    const unsupported = { valid: false, errors: [{ code: 'UNSUPPORTED_PACTO_VERSION', path: 'pactoVersion' }] };
    writeFileSync(
      superseded,
      JSON.stringify({
        cases: {
          'future/version-9.0': { decision: 'Conformance corpus expectations', expected: unsupported },
          'invalid/not-yaml': { decision: 'A decision nobody wrote down', expected: {} },
        },
      }),
    );
    const result = await runNode([RUNNER, corpus], { env: { PACTO_CONFORMANCE_SUPERSEDED: superseded } });
    expect(summary(result.stdout)).toEqual([
      `conformance corpus: ${corpus} (20 cases)`,
      '  library, local policy mode: 19 of 20 cases conform',
      '  readiness at 2026-06-01: 2 of 2 cases conform',
      '  CLI, validate --output-format json: 18 of 19 cases conform',
      '  pacto migrate to 2.0, then validate (valid/ cases): 9 of 9 cases conform',
      '  compared by the library only (a ref policy needs its registry): valid/policy-ref',
      '  superseded by docs/decisions.md "A decision nobody wrote down": invalid/not-yaml (now expected invalid; FAILED: docs/decisions.md has no such entry)',
      '  superseded by docs/decisions.md "Conformance corpus expectations": future/version-9.0 (now expected invalid)',
      '  FAILED valid/minimal-1.0 (library, CLI)',
      'conformance: 19 of 20 cases conform, 1 does not',
    ]);
    expect(result.stderr).toContain('every superseded expectation cites a decision recorded in docs/decisions.md');
    expect(result.code).toBe(1);
  });

  it('supersedes corpus expectations only by decisions recorded in docs/decisions.md', () => {
    const titles = decisionTitles();
    expect(titles.has('Conformance corpus expectations')).toBe(true);
    for (const [id, supersession] of Object.entries(readSupersessions())) {
      expect(titles.has(supersession.decision), `${id} cites "${supersession.decision}"`).toBe(true);
    }
  });
});
