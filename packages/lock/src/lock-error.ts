import { PactoError } from '@pacto/schema';

/** Codes of lock failures: the Go tool's (docs/lockfile.md) plus `LOCK_INVALID` for a file that cannot be read as a lock. */
export type LockErrorCode =
  | 'LOCK_DIGEST_MISMATCH'
  | 'LOCK_LOCAL_DRIFT'
  | 'LOCK_STALE'
  | 'LOCK_CONFLICT'
  | 'LOCK_UNRESOLVED'
  | 'LOCK_MISSING'
  | 'LOCK_AMBIGUOUS_REFERENCE'
  | 'LOCK_DUPLICATE_DECLARATION'
  | 'LOCK_INVALID';

/**
 * A lock that does not match the contract, or a closure that cannot be locked. The message starts with the
 * code (`LOCK_DIGEST_MISMATCH: …`), as cli.md §4.11 asks: scripts match on it in the one stderr line.
 */
export class LockError extends PactoError {
  override readonly name: string = 'LockError';
  declare readonly code: LockErrorCode;
  constructor(code: LockErrorCode, detail: string, options: { hint?: string; cause?: unknown } = {}) {
    super(code, `${code}: ${detail}`, options);
  }
  /** The message without the code prefix, for outputs that show the code on its own (validate findings). */
  get detail(): string {
    return this.message.slice(this.code.length + 2);
  }
}

/** True for lock errors, from this copy of the package or another. */
export function isLockError(value: unknown): value is LockError {
  return value instanceof PactoError && value.code.startsWith('LOCK_');
}
