import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundleDir } from '@pacto/bundle';
import { isContractV20, parseContract } from '@pacto/schema';
import { validateContract } from '@pacto/validate';
import { runPacto } from '../../packages/cli/test/support/run-pacto.js';
import {
  compareOutcome,
  compareReadiness,
  decisionTitles,
  expectationFor,
  hasRefPolicy,
  outcomeFromValidateJson,
  readCases,
  readSupersessions,
  READINESS_DAY,
  type ValidateJson,
} from './harness.js';

// The external conformance corpus, run as its README.md says: the library pipeline in local policy mode
// on the case directory as a bundle, and `pacto validate <case> --output-format json` (the built CLI).
// Started by `pnpm test:conformance [dir]` (test/conformance/run.mjs), which checks the directory.

const CORPUS = process.env['PACTO_CONFORMANCE_DIR'];
if (CORPUS === undefined) throw new Error('run the conformance suite with `pnpm test:conformance [dir]`');
const supersessions = readSupersessions();
const cases = readCases(CORPUS);

// `pacto migrate` over the valid/ cases gives valid 2.0 contracts, except where the bundle's own policy checks
// a 1.x field: then it refuses with the policy's finding and writes nothing (decision cited by title).
const MIGRATION_REFUSED_BY_POLICY: Readonly<Record<string, string>> = {
  'valid/demo-api-gateway-v1.0.0': 'Migrating the corpus',
  'valid/demo-api-gateway-v1.1.0': 'Migrating the corpus',
};
const scratch = mkdtempSync(join(tmpdir(), 'pacto-conformance-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

for (const testCase of cases) {
  describe(testCase.id, () => {
    const expected = expectationFor(testCase, supersessions);
    const { dir } = testCase;

    it('library, local policy mode', async () => {
      const result = await validateContract(await loadBundleDir(dir), { now: () => new Date(READINESS_DAY[1]) });
      expect(compareOutcome(expected, result)).toEqual([]);
    });

    if (expected.readiness !== undefined || expected.readinessGateErrors !== undefined) {
      it.each(READINESS_DAY)('readiness at %s', async (instant) => {
        const result = await validateContract(await loadBundleDir(dir), { now: () => new Date(instant), readinessGate: true });
        const gateErrors = result.errors.filter((e) => e.code === 'READINESS_GATE_UNMET');
        expect(compareReadiness(expected, result.readiness, gateErrors)).toEqual([]);
      });
    }

    // A ref policy is resolved from its registry by `pacto validate`, so the README compares such a case
    // through the library only; the summary names it.
    if (!hasRefPolicy(dir)) {
      it('CLI, validate --output-format json', async () => {
        const path = relative(CORPUS, dir);
        const run = await runPacto(['validate', path, '--output-format', 'json'], { cwd: CORPUS });
        const json = JSON.parse(run.stdout) as ValidateJson;
        expect(json.Path).toBe(path);
        expect(compareOutcome(expected, outcomeFromValidateJson(json))).toEqual([]);
        expect(run.code).toBe(expected.valid ? 0 : 1);
      });
    }

    if (testCase.id.startsWith('valid/')) {
      it('migrate to 2.0, then validate', async () => {
        const target = join(scratch, testCase.id.replace('/', '-'));
        const run = await runPacto(['migrate', relative(CORPUS, dir), '-o', target], { cwd: CORPUS });
        if (MIGRATION_REFUSED_BY_POLICY[testCase.id] !== undefined) {
          expect(run.code).toBe(1);
          expect(run.stderr).toMatch(/ERROR \[POLICY_VIOLATION\]/);
          expect(run.stderr).not.toMatch(/ERROR \[(?!POLICY_VIOLATION\])/);
          expect(existsSync(target)).toBe(false);
          return;
        }
        expect(run.stderr).not.toMatch(/ERROR \[/);
        expect(run.code).toBe(0);
        const bundle = await loadBundleDir(target);
        const parsed = parseContract(bundle.text, bundle.fileName);
        expect(parsed.ok && isContractV20(parsed.contract)).toBe(true);
        const result = await validateContract(bundle, { now: () => new Date(READINESS_DAY[1]) });
        expect(result.errors.map((e) => `${e.code} @ ${e.path}: ${e.message}`)).toEqual([]);
      });
    }
  });
}

it('every superseded expectation cites a decision recorded in docs/decisions.md', () => {
  const titles = decisionTitles();
  const undocumented = Object.entries(supersessions).filter(([, s]) => !titles.has(s.decision));
  expect(undocumented.map(([id, s]) => `${id}: "${s.decision}"`)).toEqual([]);
  const undocumentedRefusals = Object.entries(MIGRATION_REFUSED_BY_POLICY).filter(([, title]) => !titles.has(title));
  expect(undocumentedRefusals.map(([id, title]) => `${id}: "${title}"`)).toEqual([]);
});
