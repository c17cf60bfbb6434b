export type ChangeType = 'added' | 'removed' | 'modified';
export type Classification = 'NON_BREAKING' | 'POTENTIAL_BREAKING' | 'BREAKING';

/** One difference between two contracts (diff.md §2.1). Absent values are `undefined`, never `null`. */
export interface Change {
  readonly path: string;
  readonly type: ChangeType;
  readonly oldValue?: unknown;
  readonly newValue?: unknown;
  readonly classification: Classification;
  readonly reason: string;
  /**
   * Where the change sits in the contract document, as YAML path segments (e.g. `['interfaces', 0, 'port']`),
   * used to point CI annotations at a line. `side` says which contract holds it: removals live in the old one.
   * Never part of the JSON report.
   */
  readonly location?: ChangeLocation;
}

export interface ChangeLocation {
  readonly side: 'old' | 'new';
  readonly path: readonly (string | number)[];
  /** Bundle path of the file the location refers to, when it is not pacto.yaml (e.g. an OpenAPI file). */
  readonly file?: string;
}

const SEVERITY: Record<Classification, number> = { NON_BREAKING: 0, POTENTIAL_BREAKING: 1, BREAKING: 2 };

/** The more severe of two classifications. */
export function maxClassification(a: Classification, b: Classification): Classification {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

/** True when `actual` is at least as severe as `threshold` (used by `--fail-on`). */
export function isAtLeast(actual: Classification, threshold: Classification): boolean {
  return SEVERITY[actual] >= SEVERITY[threshold];
}

/** Maximum over a change set; NON_BREAKING when empty (diff.md §2.4). */
export function classifyChanges(changes: readonly { readonly classification: Classification }[]): Classification {
  let result: Classification = 'NON_BREAKING';
  for (const change of changes) result = maxClassification(result, change.classification);
  return result;
}
