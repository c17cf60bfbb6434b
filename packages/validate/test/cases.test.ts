import { describe, expect, it } from 'vitest';
import { compareOutcome, compareReadiness, ownCases, pair, READINESS_DAY } from '../../../test/conformance/harness.js';
import { validateContract, validateContractSync, type BundleResolver } from '../src/index.js';
import { caseBundle } from './support/case-bundle.js';

// The suite's own contract cases (test/fixtures/cases, in the conformance corpus's expected.json format,
// and every example), compared as the corpus README prescribes. The external corpus itself is run by
// `pnpm test:conformance`.

const cases = ownCases();
const at = (instant: string) => () => new Date(instant);

/** Resolver mode with nothing reachable: only ref policies could notice it. */
const unreachable: BundleResolver = {
  resolve: (ref) => Promise.reject(new Error(`no registry in tests: ${ref}`)),
};

describe('own contract cases', () => {
  it('cover every group and every example', () => {
    const groups = new Set(cases.map((c) => c.id.split('/')[0]));
    expect([...groups].sort()).toEqual(['examples', 'future', 'invalid', 'valid']);
    expect(cases.filter((c) => c.id.startsWith('examples/')).length).toBe(8);
  });

  describe.each(cases)('$id', ({ id, dir, expected }) => {
    it('matches expected.json (local policy mode)', async () => {
      const result = await validateContract(caseBundle(dir, id), { now: at(READINESS_DAY[1]) });
      expect(compareOutcome(expected, result)).toEqual([]);
    });

    it('gives the same findings synchronously and, without ref policies, in resolver mode', async () => {
      const local = await validateContract(caseBundle(dir, id), { now: at(READINESS_DAY[1]) });
      expect(validateContractSync(caseBundle(dir, id), { now: at(READINESS_DAY[1]) })).toEqual(local);
      const resolved = await validateContract(caseBundle(dir, id), { now: at(READINESS_DAY[1]), resolver: unreachable });
      if (local.contract?.policies?.some((policy) => policy.ref)) {
        expect(resolved.errors.map(pair)).toEqual([...local.errors.map(pair), 'POLICY_REF_UNRESOLVED @ ']);
      } else {
        expect(resolved).toEqual(local);
      }
    });

    it('locates every finding in the YAML source', async () => {
      const result = await validateContract(caseBundle(dir, id), { now: at(READINESS_DAY[1]) });
      for (const finding of [...result.errors, ...result.warnings]) {
        if (finding.code === 'PARSE_ERROR' && finding.message.endsWith('EOF')) continue;
        expect(finding.line, `${pair(finding)} line`).toBeGreaterThan(0);
        expect(finding.column, `${pair(finding)} column`).toBeGreaterThan(0);
      }
    });

    if (expected.readiness !== undefined || expected.readinessGateErrors !== undefined) {
      it.each(READINESS_DAY)('evaluates readiness at %s and applies the gate', async (instant) => {
        const result = await validateContract(caseBundle(dir, id), { now: at(instant), readinessGate: true });
        const gateErrors = result.errors.filter((e) => e.code === 'READINESS_GATE_UNMET');
        expect(compareReadiness(expected, result.readiness, gateErrors)).toEqual([]);
      });
    }
  });
});
