import type { ReadinessCheckEvaluation, ReadinessEvaluation } from '@pacto/validate';

/**
 * The readiness figures explain and doc print (contract.md §9.2): the evaluation of
 * @pacto/validate, less what the renderers never show, so callers may pass a summary of their own.
 */
export type ReadinessCheckSummary = Pick<ReadinessCheckEvaluation, 'id' | 'type' | 'status' | 'weight' | 'expires'> & {
  readonly evidence?: string;
};

export type ReadinessSummary = Omit<ReadinessEvaluation, 'checks'> & { readonly checks: readonly ReadinessCheckSummary[] };

/** A check's share of the total weight in whole percent, halves away from zero; 0 when nothing weighs. */
export function weightShare(weight: number, totalWeight: number): number {
  return totalWeight === 0 ? 0 : Math.round((weight / totalWeight) * 100);
}
