import type { Change, ChangeLocation, ChangeType, Classification } from './change.js';
import { classifyChange } from './classify-change.js';

export interface ChangeDetails {
  readonly oldValue?: unknown;
  readonly newValue?: unknown;
  /** Defaults to `"<path> <type>"`. */
  readonly reason?: string;
  /** Defaults to the rule-table lookup of `classifyChange`. */
  readonly classification?: Classification;
  readonly location?: ChangeLocation;
}

/** Build a change record; JSON `null` values count as absent (diff.md §8.1). */
export function makeChange(path: string, type: ChangeType, details: ChangeDetails = {}): Change {
  const change = { path, type } as { -readonly [K in keyof Change]: Change[K] };
  if (details.oldValue !== undefined && details.oldValue !== null) change.oldValue = details.oldValue;
  if (details.newValue !== undefined && details.newValue !== null) change.newValue = details.newValue;
  change.classification = details.classification ?? classifyChange(path, type);
  change.reason = details.reason ?? `${path} ${type}`;
  if (details.location) change.location = details.location;
  return change;
}

/** "empty rule" of diff.md §3.1: added when old is empty, removed when new is empty, else modified. */
export function emptyRuleType(oldValue: string, newValue: string): ChangeType {
  if (oldValue === '') return 'added';
  if (newValue === '') return 'removed';
  return 'modified';
}

/** Optional-integer rule (§3.3): absent→set added, set→absent removed, else modified. */
export function optionalIntType(oldValue: number | undefined, newValue: number | undefined): ChangeType {
  if (oldValue === undefined) return 'added';
  if (newValue === undefined) return 'removed';
  return 'modified';
}
