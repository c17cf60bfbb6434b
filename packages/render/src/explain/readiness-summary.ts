/**
 * The readiness figures explain and doc print (contract.md §9.2). Declared structurally so the
 * renderers take the evaluation of @pacto/validate without depending on how it computes it.
 */
export interface ReadinessCheckSummary {
  readonly id: string;
  readonly type: string;
  readonly status: 'Current' | 'Expired' | 'Invalid';
  readonly weight: number;
  readonly expires: string;
  readonly evidence?: string;
}

export interface ReadinessSummary {
  readonly score: number;
  readonly minScore: number;
  readonly passing: boolean;
  readonly totalWeight: number;
  readonly currentWeight: number;
  readonly currentCount: number;
  readonly expiredCount: number;
  readonly invalidCount: number;
  readonly checks: readonly ReadinessCheckSummary[];
}

/** A check's share of the total weight in whole percent, halves away from zero; 0 when nothing weighs. */
export function weightShare(weight: number, totalWeight: number): number {
  return totalWeight === 0 ? 0 : Math.round((weight / totalWeight) * 100);
}
