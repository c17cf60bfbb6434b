import type { BundleFS, Contract } from '@pacto/schema';

/** One side of a comparison: the parsed contract and the files of its bundle. */
export interface DiffSide {
  readonly contract: Contract;
  readonly files?: BundleFS | undefined;
  /** Every file path of the bundle (forward slashes). Only the SBOM lookup (`sbom/*`) needs it. */
  readonly listing?: readonly string[] | undefined;
  /** The `pacto.yaml` text, when known: a 1.x side compared with 2.0 is migrated from it, comments and all. */
  readonly text?: string | undefined;
}

export type YamlPath = readonly (string | number)[];

/** Position of the last item with `key` (the one that wins, diff.md §2.5) in a contract list. */
export function lastIndexOfKey<T>(items: readonly T[] | undefined, keyOf: (item: T) => string, key: string): number {
  if (!items) return -1;
  for (let i = items.length - 1; i >= 0; i--) if (keyOf(items[i]!) === key) return i;
  return -1;
}

export const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
