export { LOCK_FILE, LOCK_VERSION, MIN_LOCK_VERSION, parseLock, serializeLock, normalizeLock, destinationId } from './lock-file.js';
export type { LockFile, LockDependency, LockReference, LockSource } from './lock-file.js';
export { LockError, isLockError } from './lock-error.js';
export type { LockErrorCode } from './lock-error.js';
export { contentHash } from './content-hash.js';
export { buildLock } from './build-lock.js';
export type { BuildLockOptions, LockResolver, Pin, ResolvedBundle } from './build-lock.js';
export { verifyLock, lockMatches, mergePins } from './compare-locks.js';
