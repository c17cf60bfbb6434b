import { epochDay, isContractV12, isContractV20, parseReadinessDate, type Contract, type Readiness } from '@pacto/schema';
import { errorFinding, type Finding } from './finding.js';
import { claimsGateFinding, evaluateClaims, type ClaimsReadinessEvaluation } from './readiness-claims.js';

// Readiness scoring and the opt-in gate: per-check expiry of 1.1 (contract.md §9) here, and the claims of 1.2 and
// 2.0 (contract-2.0.md §7) in readiness-claims.ts; `evaluateContractReadiness` picks by format.

export type ReadinessCheckStatus = 'Current' | 'Expired' | 'Invalid';

export interface ReadinessCheckEvaluation {
  readonly id: string;
  readonly type: string;
  readonly weight: number;
  readonly expires: string;
  readonly evidence: string;
  readonly description: string;
  readonly status: ReadinessCheckStatus;
  /** Whole days from today (UTC) to `expires`; 0 on the day itself; null unless Current. */
  readonly daysRemaining: number | null;
}

export interface ReadinessEvaluation {
  readonly score: number;
  readonly minScore: number;
  readonly passing: boolean;
  readonly totalWeight: number;
  readonly currentWeight: number;
  readonly currentCount: number;
  readonly expiredCount: number;
  readonly invalidCount: number;
  readonly checks: readonly ReadinessCheckEvaluation[];
}

const MS_PER_DAY = 86_400_000;

/**
 * Score `readiness` at the instant `now` (its UTC calendar date counts). Undefined when there is no
 * readiness section or it has no checks.
 */
export function evaluateReadiness(readiness: Readiness | undefined, now: Date): ReadinessEvaluation | undefined {
  const declared = readiness?.checks ?? [];
  if (readiness === undefined || declared.length === 0) return undefined;
  const today = Math.floor(now.getTime() / MS_PER_DAY);
  let totalWeight = 0;
  let currentWeight = 0;
  let currentCount = 0;
  let expiredCount = 0;
  let invalidCount = 0;
  const checks = declared.map((check): ReadinessCheckEvaluation => {
    const weight = check.weight ?? 0;
    totalWeight += weight;
    const expires = parseReadinessDate(check.expires ?? '');
    let status: ReadinessCheckStatus;
    let daysRemaining: number | null = null;
    if (expires === undefined) {
      status = 'Invalid';
      invalidCount++;
    } else {
      const remaining = epochDay(expires) - today;
      if (remaining >= 0) {
        status = 'Current';
        currentCount++;
        currentWeight += weight;
        daysRemaining = remaining;
      } else {
        status = 'Expired';
        expiredCount++;
      }
    }
    return {
      id: check.id ?? '',
      type: check.type ?? '',
      weight,
      expires: check.expires ?? '',
      evidence: check.evidence ?? '',
      description: check.description ?? '',
      status,
      daysRemaining,
    };
  });
  // Divide first, then scale: 29/200 gives 14.499999999999998 and rounds to 14 (contract.md §9.1).
  const score = totalWeight === 0 ? 0 : Math.round((currentWeight / totalWeight) * 100);
  const minScore = readiness.minScore ?? 100;
  return {
    score,
    minScore,
    passing: score >= minScore,
    totalWeight,
    currentWeight,
    currentCount,
    expiredCount,
    invalidCount,
    checks,
  };
}

/** The READINESS_GATE_UNMET error for a failing evaluation, or undefined when the gate passes. */
export function readinessGateFinding(evaluation: ReadinessEvaluation | undefined): Finding | undefined {
  if (evaluation === undefined || evaluation.passing) return undefined;
  const e = evaluation;
  return errorFinding(
    'readiness',
    'READINESS_GATE_UNMET',
    'readiness',
    `readiness score ${e.score} is below minScore ${e.minScore} (${e.currentCount} current, ${e.expiredCount} expired, ${e.invalidCount} invalid of ${e.checks.length} checks)`,
  );
}

/** The evaluation of either readiness model; `isClaimsEvaluation` tells them apart. */
export type AnyReadinessEvaluation = ReadinessEvaluation | ClaimsReadinessEvaluation;

export function isClaimsEvaluation(evaluation: AnyReadinessEvaluation): evaluation is ClaimsReadinessEvaluation {
  return 'claims' in evaluation;
}

/** Score a contract's readiness with the model of its format, at `now`; undefined when it declares none. */
export function evaluateContractReadiness(contract: Contract, now: Date): AnyReadinessEvaluation | undefined {
  if (isContractV20(contract) || isContractV12(contract)) return evaluateClaims(contract.readiness, now);
  return evaluateReadiness(contract.readiness, now);
}

/** The READINESS_GATE_UNMET error for either model, or undefined when the gate passes. */
export function contractGateFinding(evaluation: AnyReadinessEvaluation | undefined): Finding | undefined {
  if (evaluation === undefined) return undefined;
  return isClaimsEvaluation(evaluation) ? claimsGateFinding(evaluation) : readinessGateFinding(evaluation);
}
