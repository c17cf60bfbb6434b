import { epochDay, parseReadinessDate, type ReadinessClaim, type ReadinessRevision } from '@pacto/schema';
import { errorFinding, type Finding } from './finding.js';

// Readiness scoring and the gate of the claims-style assessment of pactoVersion 1.2 and 2.0 (contract-2.0.md §7):
// one expiry for the whole assessment, a status per claim, deferred claims left out, partial ones half credited.

export const DEFAULT_MIN_SCORE = 100;
export const DEFAULT_PARTIAL_CREDIT = 0.5;

export interface ClaimEvaluation {
  readonly id: string;
  readonly type: string;
  readonly category: string;
  readonly status: string;
  readonly evidence: string;
  readonly description: string;
  readonly weight: number;
  /** What the claim earns: its weight when done, a rounded share when partial, 0 otherwise or when expired. */
  readonly earnedWeight: number;
  /** Deferred: in neither the earned nor the total weight. */
  readonly excluded: boolean;
}

export interface ClaimsReadinessEvaluation {
  readonly score: number;
  readonly minScore: number;
  readonly passing: boolean;
  readonly totalWeight: number;
  readonly earnedWeight: number;
  readonly partialCredit: number;
  readonly expires: string;
  /** True when `expires` has passed, or is not a date (it fails closed). */
  readonly expired: boolean;
  /** Whole days from today (UTC) to `expires`; null when expired. */
  readonly daysRemaining: number | null;
  readonly doneCount: number;
  readonly partialCount: number;
  readonly notDoneCount: number;
  readonly deferredCount: number;
  readonly claims: readonly ClaimEvaluation[];
  readonly history: readonly ReadinessRevision[];
}

/** The claims-style assessment as both formats declare it (1.2 names the list `checks`). */
export interface ClaimsAssessment {
  readonly minScore?: number | undefined;
  readonly expires?: string;
  readonly partialCredit?: number | undefined;
  readonly history?: readonly ReadinessRevision[] | undefined;
  readonly claims?: readonly Partial<ReadinessClaim>[];
  readonly checks?: readonly Partial<ReadinessClaim>[];
}

const MS_PER_DAY = 86_400_000;

/** Score a claims-style assessment at `now` (its UTC date counts). Undefined without readiness or claims. */
export function evaluateClaims(readiness: ClaimsAssessment | undefined | null, now: Date): ClaimsReadinessEvaluation | undefined {
  const declared = readiness?.claims ?? readiness?.checks ?? [];
  if (readiness === undefined || readiness === null || declared.length === 0) return undefined;
  const minScore = readiness.minScore ?? DEFAULT_MIN_SCORE;
  const partialCredit = readiness.partialCredit ?? DEFAULT_PARTIAL_CREDIT;
  const expires = readiness.expires ?? '';
  const date = parseReadinessDate(expires);
  const remaining = date === undefined ? -1 : epochDay(date) - Math.floor(now.getTime() / MS_PER_DAY);
  const expired = remaining < 0;
  let totalWeight = 0;
  let earnedWeight = 0;
  const counts = { done: 0, partial: 0, notDone: 0, deferred: 0 };
  const claims = declared.map((claim): ClaimEvaluation => {
    const weight = claim.weight ?? 0;
    const status = claim.status ?? '';
    let earned = 0;
    let excluded = false;
    if (status === 'deferred') {
      excluded = true;
      counts.deferred++;
    } else {
      if (status === 'done') counts.done++;
      else if (status === 'partial') counts.partial++;
      else counts.notDone++;
      totalWeight += weight;
      if (!expired && status === 'done') earned = weight;
      if (!expired && status === 'partial') earned = Math.round(weight * partialCredit);
      earnedWeight += earned;
    }
    return {
      id: claim.id ?? '',
      type: claim.type ?? '',
      category: claim.category ?? '',
      status,
      evidence: claim.evidence ?? '',
      description: claim.description ?? '',
      weight,
      earnedWeight: earned,
      excluded,
    };
  });
  // Divide first, then scale, as 1.1 does (contract.md §9.1).
  const score = totalWeight === 0 ? 0 : Math.round((earnedWeight / totalWeight) * 100);
  return {
    score,
    minScore,
    passing: !expired && score >= minScore,
    totalWeight,
    earnedWeight,
    partialCredit,
    expires,
    expired,
    daysRemaining: expired ? null : remaining,
    doneCount: counts.done,
    partialCount: counts.partial,
    notDoneCount: counts.notDone,
    deferredCount: counts.deferred,
    claims,
    history: readiness.history ?? [],
  };
}

/** The READINESS_GATE_UNMET error of a failing claims evaluation, or undefined when the gate passes. */
export function claimsGateFinding(evaluation: ClaimsReadinessEvaluation | undefined): Finding | undefined {
  if (evaluation === undefined || evaluation.passing) return undefined;
  const e = evaluation;
  const state = e.expired ? 'assessment expired' : 'score below gate';
  return errorFinding(
    'readiness',
    'READINESS_GATE_UNMET',
    'readiness',
    `${state}: score ${e.score}, minScore ${e.minScore} (${e.doneCount} done, ${e.partialCount} partial, ${e.notDoneCount} not-done, ${e.deferredCount} deferred)`,
  );
}
