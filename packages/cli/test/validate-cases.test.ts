import { describe, expect, it } from 'vitest';
import { relative } from 'node:path';
import {
  compareOutcome,
  hasRefPolicy,
  outcomeFromValidateJson,
  ownCases,
  REPO,
  type Expected,
  type ValidateJson,
} from '../../../test/conformance/harness.js';
import { runPacto } from './support/run-pacto.js';

/** `pacto validate` resolves ref policies; the cases' refs name a port where nothing listens. */
function inResolverMode(dir: string, expected: Expected): Expected {
  if (!hasRefPolicy(dir)) return expected;
  return { ...expected, valid: false, errors: [...expected.errors, { code: 'POLICY_REF_UNRESOLVED', path: '' }] };
}

// The suite's own contract cases and the examples through the CLI (the corpus README's step 1, applied
// to our cases): `validate --output-format json` reports what expected.json says, with exit 0 or 1.
describe('pacto validate --output-format json over the own contract cases', () => {
  it.each(ownCases())('$id', async ({ dir, expected }) => {
    const path = relative(REPO, dir);
    const want = inResolverMode(dir, expected);
    const run = await runPacto(['validate', path, '--output-format', 'json'], { cwd: REPO });
    const json = JSON.parse(run.stdout) as ValidateJson;
    expect(json.Path).toBe(path);
    expect(compareOutcome(want, outcomeFromValidateJson(json))).toEqual([]);
    expect(run.code).toBe(want.valid ? 0 : 1);
  });
});
