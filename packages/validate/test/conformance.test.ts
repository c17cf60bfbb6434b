import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContract, validateContractSync, type BundleResolver, type Finding } from '../src/index.js';
import { caseBundle } from './support/case-bundle.js';

// Every case of the conformance corpus (shared/conformance), compared as its README says.

// The corpus sits beside the repository (../shared), in CI as on a developer machine.
const CORPUS = process.env['PACTO_CONFORMANCE_DIR'] ?? fileURLToPath(new URL('../../../../shared/conformance', import.meta.url));
const EVALUATION_INSTANT = new Date('2026-06-01T12:00:00Z');

interface ExpectedFinding {
  readonly code: string;
  readonly path: string;
  readonly layer?: string;
  readonly messageContains?: string;
}

interface ExpectedReadiness {
  readonly score: number;
  readonly minScore: number;
  readonly passing: boolean;
  readonly totalWeight: number;
  readonly currentWeight: number;
  readonly currentCount: number;
  readonly expiredCount: number;
  readonly invalidCount: number;
  readonly checks: readonly { id: string; status: string; weight: number; expires: string; daysRemaining: number | null }[];
}

interface Expected {
  readonly valid: boolean;
  readonly errors: readonly ExpectedFinding[];
  readonly warnings: readonly ExpectedFinding[];
  readonly readiness?: ExpectedReadiness;
  readonly readinessGateErrors?: readonly ExpectedFinding[];
}

const cases = ['valid', 'invalid', 'future'].flatMap((group) =>
  readdirSync(join(CORPUS, group), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ group, name: entry.name, dir: join(CORPUS, group, entry.name) })),
);

/** Resolver mode with nothing reachable: only ref policies could notice it. */
const unreachable: BundleResolver = {
  resolve: (ref) => Promise.reject(new Error(`no registry in tests: ${ref}`)),
};

const pair = (finding: { code: string; path: string }) => `${finding.code} @ ${finding.path}`;

function checkMessages(actual: readonly Finding[], expected: readonly ExpectedFinding[]): void {
  for (const want of expected) {
    const match = actual.find((finding) => finding.code === want.code && finding.path === want.path);
    expect(match, pair(want)).toBeDefined();
    if (want.messageContains !== undefined) expect(match?.message).toContain(want.messageContains);
  }
}

describe('conformance corpus', () => {
  it('has cases in every group', () => {
    expect(cases.filter((c) => c.group === 'valid').length).toBeGreaterThan(10);
    expect(cases.filter((c) => c.group === 'invalid').length).toBeGreaterThan(5);
    expect(cases.filter((c) => c.group === 'future').length).toBeGreaterThan(0);
  });

  describe.each(cases)('$group/$name', ({ dir, name }) => {
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;

    it('matches expected.json (local policy mode)', async () => {
      const result = await validateContract(caseBundle(dir, name), { now: () => EVALUATION_INSTANT });
      expect(result.valid).toBe(expected.valid);
      const structuralOnly =
        expected.errors.length > 0 && expected.errors.every((e) => e.code === 'SCHEMA_VIOLATION' && (e.layer ?? 'structural') === 'structural');
      if (structuralOnly) {
        expect(new Set(result.errors.map(pair))).toEqual(new Set(expected.errors.map(pair)));
      } else {
        expect(result.errors.map(pair)).toEqual(expected.errors.map(pair));
      }
      expect(result.warnings.map(pair)).toEqual(expected.warnings.map(pair));
      checkMessages(result.errors, expected.errors);
      checkMessages(result.warnings, expected.warnings);
    });

    it('gives the same findings synchronously and, without ref policies, in resolver mode', async () => {
      const local = await validateContract(caseBundle(dir, name), { now: () => EVALUATION_INSTANT });
      expect(validateContractSync(caseBundle(dir, name), { now: () => EVALUATION_INSTANT })).toEqual(local);
      const resolved = await validateContract(caseBundle(dir, name), { now: () => EVALUATION_INSTANT, resolver: unreachable });
      if (name === 'demo-orders-service-v1.0.0') {
        expect(resolved.errors.map(pair)).toEqual(['POLICY_REF_UNRESOLVED @ ']);
      } else {
        expect(resolved).toEqual(local);
      }
    });

    it('locates every finding in the YAML source', async () => {
      const result = await validateContract(caseBundle(dir, name), { now: () => EVALUATION_INSTANT });
      for (const finding of [...result.errors, ...result.warnings]) {
        if (finding.code === 'PARSE_ERROR' && finding.message.endsWith('EOF')) continue;
        expect(finding.line, `${pair(finding)} line`).toBeGreaterThan(0);
        expect(finding.column, `${pair(finding)} column`).toBeGreaterThan(0);
      }
    });

    if (expected.readiness !== undefined || expected.readinessGateErrors !== undefined) {
      it('evaluates readiness at 2026-06-01 and applies the gate', async () => {
        for (const instant of ['2026-06-01T00:00:00Z', '2026-06-01T23:59:59Z']) {
          const result = await validateContract(caseBundle(dir, name), { now: () => new Date(instant), readinessGate: true });
          if (expected.readiness !== undefined) {
            const { checks, evaluatedAt: _evaluatedAt, ...summary } = expected.readiness as ExpectedReadiness & { evaluatedAt?: string };
            expect(result.readiness).toMatchObject(summary);
            expect(
              result.readiness?.checks.map(({ id, status, weight, expires, daysRemaining }) => ({ id, status, weight, expires, daysRemaining })),
            ).toEqual(checks);
          }
          const gateErrors = result.errors.filter((e) => e.code === 'READINESS_GATE_UNMET');
          expect(gateErrors.map(pair)).toEqual((expected.readinessGateErrors ?? []).map(pair));
        }
      });
    }
  });
});
