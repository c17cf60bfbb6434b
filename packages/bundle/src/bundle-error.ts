/** Why a bundle could not be loaded, read, written or overridden. One code per user-visible failure. */
export type BundleErrorCode =
  | 'PATH_NOT_FOUND'
  | 'NOT_A_DIRECTORY'
  | 'CONTRACT_NOT_FOUND'
  | 'CONTRACT_UNREADABLE'
  | 'READ_FAILED'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'TOO_MANY_ENTRIES'
  | 'FILE_TOO_LARGE'
  | 'BUNDLE_TOO_LARGE'
  | 'INVALID_PATH'
  | 'UNSUPPORTED_ENTRY_TYPE'
  | 'CORRUPT_ARCHIVE'
  | 'MISSING_CONTRACT'
  | 'INVALID_OVERRIDE'
  | 'WRITE_FAILED';

import { PactoError } from '@pacto/schema';

/** A failure with a one-line, user-facing message (the CLI prints `message` as is) and a stable `code`. */
export class BundleError extends PactoError {
  override readonly name = 'BundleError';
  declare readonly code: BundleErrorCode;

  constructor(code: BundleErrorCode, message: string, options?: { cause?: unknown; hint?: string }) {
    super(code, message, options);
  }
}

export function isBundleError(value: unknown): value is BundleError {
  return value instanceof BundleError;
}
