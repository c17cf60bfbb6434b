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

/**
 * Largest uncompressed tar (and so compressed archive) that can hold a bundle within `limits`: file data plus,
 * per entry, a header, a PAX header with its block and padding (2 KiB is generous). Anything larger is refused
 * before it is read or inflated further.
 */
export function maxArchiveBytes(limits: BundleLimits): number {
  return limits.maxTotalBytes + (limits.maxEntries + 1) * 2048 + 1024 * 1024;
}
