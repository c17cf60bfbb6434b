import { describe, expect, it } from 'vitest';
import type { ReadinessCheck } from '@pacto/schema';
import { validateCrossField } from '../src/index.js';
import { b10, pairs } from './support/contracts.js';

const dashboard: ReadinessCheck = { id: 'dashboard', type: 'url', evidence: 'https://x', weight: 60, expires: '2099-12-31' };

function withChecks(checks: ReadinessCheck[]) {
  return b10({ pactoVersion: '1.1', readiness: { checks } });
}

describe('L2 rule 24: readiness', () => {
  it('accepts a valid check (case 26)', () => {
    expect(validateCrossField(withChecks([dashboard])).errors).toEqual([]);
  });

  it('rejects duplicate ids (case 46)', () => {
    const result = validateCrossField(withChecks([dashboard, dashboard]));
    expect(pairs(result.errors)).toEqual(['DUPLICATE_READINESS_ID @ readiness.checks[1].id']);
    expect(result.errors[0]?.message).toBe('readiness check id "dashboard" is already declared at readiness.checks[0]');
  });

  it('rejects non-canonical dates (case 47)', () => {
    const result = validateCrossField(withChecks([{ ...dashboard, expires: '2026-1-1' }]));
    expect(pairs(result.errors)).toEqual(['INVALID_READINESS_EXPIRES @ readiness.checks[0].expires']);
    expect(result.errors[0]?.message).toBe('expires "2026-1-1" must be a valid YYYY-MM-DD date');
  });

  it('rejects blank evidence and descriptions (case 48), in intra-check order', () => {
    const result = validateCrossField(
      withChecks([dashboard, { ...dashboard, evidence: '   ', description: ' \t', expires: '2026-02-30' }]),
    );
    expect(pairs(result.errors)).toEqual([
      'DUPLICATE_READINESS_ID @ readiness.checks[1].id',
      'EMPTY_READINESS_EVIDENCE @ readiness.checks[1].evidence',
      'EMPTY_READINESS_DESCRIPTION @ readiness.checks[1].description',
      'INVALID_READINESS_EXPIRES @ readiness.checks[1].expires',
    ]);
    expect(result.errors[1]?.message).toBe('readiness check "dashboard" has blank evidence');
    expect(result.errors[2]?.message).toBe('readiness check "dashboard" has a blank description');
  });

  it('never treats a past date as an error', () => {
    expect(validateCrossField(withChecks([{ ...dashboard, expires: '2000-01-01' }])).errors).toEqual([]);
  });
});
