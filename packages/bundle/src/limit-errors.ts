import { BundleError } from './bundle-error.js';
import type { BundleLimits } from './limits.js';

// The failures of the bundle limits (oci.md §3.2) in sizes a person reads (MiB), with what to do about them:
// in a contract directory, leave the file out with `.pactoignore`; an archive is already packed as it is.

/** `10 MiB`, `30.5 MiB`, `0.1 MiB` (one decimal, none when whole). */
export function mebibytes(bytes: number): string {
  const tenths = Math.max(1, Math.round((bytes / (1024 * 1024)) * 10));
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)} MiB`;
}

/** Where a size problem was met: a contract directory (can be fixed with `.pactoignore`) or an archive. */
export type LimitSource = { readonly kind: 'directory'; readonly dir: string } | { readonly kind: 'archive' };

const IGNORE_HINT = 'leave it out of the bundle with a line in .pactoignore';

/** One file over `maxFileBytes`. `path` is bundle-relative; `shown` is how the message names it. */
export function fileTooLarge(path: string, shown: string, size: number, limits: BundleLimits, source: LimitSource): BundleError {
  const limit = mebibytes(limits.maxFileBytes);
  const measured = mebibytes(size);
  const message = `file ${shown} is ${measured === limit ? 'over' : `${measured}, over`} the ${limit} limit for one file of a bundle`;
  // The contract itself cannot be left out.
  const hint = source.kind === 'directory' && path !== 'pacto.yaml' ? `${IGNORE_HINT} such as ${JSON.stringify(path)}` : undefined;
  return new BundleError('FILE_TOO_LARGE', message, hint === undefined ? {} : { hint });
}

/** All files together over `maxTotalBytes`. */
export function bundleTooLarge(limits: BundleLimits, source: LimitSource): BundleError {
  const what = source.kind === 'directory' ? 'the files of the bundle' : 'the files of the archive';
  const message = `${what} add up to more than ${mebibytes(limits.maxTotalBytes)}, the limit for a bundle`;
  return new BundleError('BUNDLE_TOO_LARGE', message, source.kind === 'directory' ? { hint: 'leave large or generated files out with .pactoignore' } : {});
}

/** More than `maxEntries` files and directories. */
export function tooManyEntries(limits: BundleLimits, source: LimitSource): BundleError {
  const what = source.kind === 'directory' ? 'the bundle has' : 'the archive has';
  const entries = limits.maxEntries === 1 ? 'file or directory' : 'files and directories';
  const message = `${what} more than ${limits.maxEntries} ${entries}, the limit for a bundle`;
  return new BundleError(
    'TOO_MANY_ENTRIES',
    message,
    source.kind === 'directory' ? { hint: 'leave generated or vendored directories out with .pactoignore, e.g. "node_modules/"' } : {},
  );
}
