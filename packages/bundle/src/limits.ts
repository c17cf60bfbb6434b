/** Size limits every bundle must respect, whether read from a directory or an archive (oci.md §3.2). */
export interface BundleLimits {
  readonly maxFileBytes: number;
  readonly maxTotalBytes: number;
  readonly maxEntries: number;
}

export const BUNDLE_LIMITS: BundleLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
  maxEntries: 10_000,
};
