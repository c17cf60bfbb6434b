import type { ClaimsReadinessEvaluation, ReadinessCheckEvaluation, ReadinessEvaluation } from '@pacto/validate';

/**
 * The readiness figures explain and doc print (contract.md §9.2): the evaluation of
 * @pacto/validate, less what the renderers never show, so callers may pass a summary of their own.
 */
export type ReadinessCheckSummary = Pick<ReadinessCheckEvaluation, 'id' | 'type' | 'status' | 'weight' | 'expires'> & {
  readonly evidence?: string;
};

export type ReadinessSummary = Omit<ReadinessEvaluation, 'checks'> & { readonly checks: readonly ReadinessCheckSummary[] };

/** What explain and doc accept: the 1.1 summary, or the claims evaluation of 1.2 and 2.0 (contract-2.0.md §7). */
export type ExplainReadiness = ReadinessSummary | ClaimsReadinessEvaluation;

export function isClaimsSummary(readiness: ExplainReadiness): readiness is ClaimsReadinessEvaluation {
  return 'claims' in readiness;
}

/** A check's share of the total weight in whole percent, halves away from zero; 0 when nothing weighs. */
export function weightShare(weight: number, totalWeight: number): number {
  return totalWeight === 0 ? 0 : Math.round((weight / totalWeight) * 100);
}
