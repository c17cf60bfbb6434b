import { describe, expect, it } from 'vitest';
import type { Readiness } from '@pacto/schema';
import { evaluateReadiness, readinessGateFinding } from '../src/index.js';

function readiness(checks: [number, string][], minScore?: number): Readiness {
  return {
    ...(minScore === undefined ? {} : { minScore }),
    checks: checks.map(([weight, expires], i) => ({ id: `c${i}`, type: 'url', evidence: 'https://x', weight, expires })),
  };
}

function evaluate(checks: [number, string][], now: string, minScore?: number) {
  const result = evaluateReadiness(readiness(checks, minScore), new Date(now));
  if (result === undefined) throw new Error('no evaluation');
  return result;
}

describe('evaluateReadiness (contract.md §9, cases R1-R11)', () => {
  it('R1: one current, one expired, default minScore; the gate fails with the exact message', () => {
    const result = evaluate([[60, '2099-12-31'], [40, '2000-01-15']], '2026-03-14T09:00:00Z');
    expect(result).toMatchObject({ score: 60, minScore: 100, passing: false, currentCount: 1, expiredCount: 1, invalidCount: 0 });
    expect(readinessGateFinding(result)).toEqual({
      path: 'readiness',
      code: 'READINESS_GATE_UNMET',
      severity: 'error',
      layer: 'readiness',
      message: 'readiness score 60 is below minScore 100 (1 current, 1 expired, 0 invalid of 2 checks)',
    });
  });

  it('R2: minScore 60 passes', () => {
    const result = evaluate([[60, '2099-12-31'], [40, '2000-01-15']], '2026-11-30T00:00:00Z', 60);
    expect(result.passing).toBe(true);
    expect(readinessGateFinding(result)).toBeUndefined();
  });

  it('R3: weights and counts', () => {
    const result = evaluate([[40, '2026-12-31'], [20, '2026-09-30'], [20, '2026-01-15']], '2026-06-08T12:00:00Z');
    expect(result).toMatchObject({ totalWeight: 80, currentWeight: 60, score: 75, currentCount: 2, expiredCount: 1 });
  });

  it('R4: divides before scaling (29/200 -> 14)', () => {
    expect(evaluate([[29, '2099-12-31'], [171, '2000-01-01']], '2026-06-08T12:00:00Z').score).toBe(14);
  });

  it('R5: rounds half away from zero (12.5 -> 13)', () => {
    expect(evaluate([[1, '2099-12-31'], [7, '2000-01-01']], '2026-06-08T12:00:00Z').score).toBe(13);
  });

  it('R6: zero total weight scores 0 and passes only with minScore 0', () => {
    expect(evaluate([[0, '2099-12-31']], '2026-06-08T12:00:00Z')).toMatchObject({ score: 0, passing: false, currentCount: 1 });
    expect(evaluate([[0, '2099-12-31']], '2026-06-08T12:00:00Z', 0).passing).toBe(true);
  });

  it('R7: current through the last second of the expiry day', () => {
    const check = evaluate([[30, '2026-06-08']], '2026-06-08T23:59:59Z').checks[0];
    expect(check).toMatchObject({ status: 'Current', daysRemaining: 0 });
  });

  it('R8: expired from midnight UTC of the next day', () => {
    const result = evaluate([[30, '2026-06-08']], '2026-06-09T00:00:00Z');
    expect(result.checks[0]).toMatchObject({ status: 'Expired', daysRemaining: null });
    expect(result.score).toBe(0);
  });

  it('R9: converts now to UTC before taking the date', () => {
    const check = evaluate([[10, '2026-06-09']], '2026-06-08T10:00:00-05:00').checks[0];
    expect(check).toMatchObject({ status: 'Current', daysRemaining: 1 });
    expect(evaluate([[10, '2026-06-08']], '2026-06-08T20:00:00-05:00').checks[0]?.status).toBe('Expired');
  });

  it('R10: invalid dates count toward the total only', () => {
    const result = evaluate([[50, '2026-12-31'], [50, 'not-a-date']], '2026-06-08T12:00:00Z');
    expect(result).toMatchObject({ invalidCount: 1, totalWeight: 100, currentWeight: 50, score: 50 });
    expect(result.checks.map((c) => c.status)).toEqual(['Current', 'Invalid']);
    expect(readinessGateFinding(result)?.message).toBe(
      'readiness score 50 is below minScore 100 (1 current, 0 expired, 1 invalid of 2 checks)',
    );
  });

  it('R11: no readiness section (or no checks) is absent and passes the gate', () => {
    expect(evaluateReadiness(undefined, new Date())).toBeUndefined();
    expect(evaluateReadiness({ checks: [] }, new Date())).toBeUndefined();
    expect(readinessGateFinding(undefined)).toBeUndefined();
  });

  it('echoes each check in declaration order', () => {
    const result = evaluateReadiness(
      { checks: [{ id: 'dash', type: 'url', evidence: 'https://x', weight: 5, expires: '2026-06-10', description: 'Grafana' }] },
      new Date('2026-06-08T12:00:00Z'),
    );
    expect(result?.checks).toEqual([
      { id: 'dash', type: 'url', weight: 5, expires: '2026-06-10', evidence: 'https://x', description: 'Grafana', status: 'Current', daysRemaining: 2 },
    ]);
  });
});
