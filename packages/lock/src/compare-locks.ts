import { LockError } from './lock-error.js';
import { LOCK_FILE, LOCK_VERSION, type LockDependency, type LockFile, type LockReference } from './lock-file.js';

const RELOCK = 'run `pacto lock --update` to pin what the contract resolves to now';
const short = (digest: string | undefined) => (digest ? digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…') : 'nothing');
const where = (entry: { ref?: string; path?: string }) => entry.ref ?? entry.path ?? '';
const occurrence = (entry: LockReference) => `${entry.from ?? ''}\u0000${entry.kind}\u0000${entry.name}`;
const label = (entry: LockReference) => `${entry.kind} ${JSON.stringify(entry.name)}${entry.from ? ` (declared by ${entry.from})` : ''}`;

function stale(detail: string): LockError {
  return new LockError('LOCK_STALE', detail, { hint: 'run `pacto lock` to bring pacto.lock in line with the contract' });
}

function comparePin(subject: string, locked: LockDependency | LockReference, fresh: LockDependency | LockReference): void {
  if (fresh.source === 'local' && locked.source === 'local') {
    if (locked.contentHash !== fresh.contentHash) {
      throw new LockError('LOCK_LOCAL_DRIFT', `the files of ${subject} (${where(fresh)}) changed since they were locked (${short(locked.contentHash)}, now ${short(fresh.contentHash)})`, {
        hint: RELOCK,
      });
    }
    return;
  }
  if (locked.digest !== fresh.digest) {
    throw new LockError('LOCK_DIGEST_MISMATCH', `${subject} is locked at ${locked.digest ?? 'no digest'} but ${where(fresh)} resolves to ${fresh.digest}`, {
      hint: RELOCK,
    });
  }
}

/**
 * Checks a committed lock against the closure resolved now (cli.md §4.11). Throws the first divergence:
 * `LOCK_STALE` for a lock older than version 3 or a different set of dependencies or references (or a
 * different ref, path or constraint), `LOCK_DIGEST_MISMATCH` / `LOCK_LOCAL_DRIFT` for a different pin.
 * Dependencies are matched by name; references by their declaration (`from`, kind, name), in walk order.
 */
export function verifyLock(locked: LockFile, fresh: LockFile): void {
  if (locked.lockVersion < LOCK_VERSION) {
    throw stale(`${LOCK_FILE} has lockVersion ${locked.lockVersion}, which cannot say which contract declared each reference; this pacto verifies version ${LOCK_VERSION}`);
  }
  const lockedDeps = new Map(locked.dependencies.map((entry) => [entry.name, entry]));
  for (const entry of fresh.dependencies) {
    const pinned = lockedDeps.get(entry.name);
    if (!pinned) throw stale(`dependency ${entry.name} (${where(entry)}) is not in ${LOCK_FILE}`);
    if (where(pinned) !== where(entry) || pinned.source !== entry.source) {
      throw stale(`dependency ${entry.name} now points at ${where(entry)}, ${LOCK_FILE} has ${where(pinned)}`);
    }
    if ((pinned.constraint ?? '') !== (entry.constraint ?? '')) {
      throw stale(`dependency ${entry.name} now asks for ${entry.constraint || 'any version'}, ${LOCK_FILE} was written for ${pinned.constraint || 'any version'}`);
    }
    comparePin(`dependency ${entry.name}`, pinned, entry);
  }
  const freshNames = new Set(fresh.dependencies.map((entry) => entry.name));
  const gone = locked.dependencies.find((entry) => !freshNames.has(entry.name));
  if (gone) throw stale(`${LOCK_FILE} pins dependency ${gone.name}, which the contract no longer reaches`);

  const lockedRefs = new Map(locked.references.map((entry) => [occurrence(entry), entry]));
  for (const entry of fresh.references) {
    const pinned = lockedRefs.get(occurrence(entry));
    if (!pinned) throw stale(`${label(entry)} (${where(entry)}) is not in ${LOCK_FILE}`);
    if (where(pinned) !== where(entry) || pinned.source !== entry.source) {
      throw stale(`${label(entry)} now points at ${where(entry)}, ${LOCK_FILE} has ${where(pinned)}`);
    }
    comparePin(label(entry), pinned, entry);
  }
  const freshRefs = new Set(fresh.references.map(occurrence));
  const extra = locked.references.find((entry) => !freshRefs.has(occurrence(entry)));
  if (extra) throw stale(`${LOCK_FILE} pins ${label(extra)}, which the contract no longer declares`);
}

/** True when `verifyLock` would pass. */
export function lockMatches(locked: LockFile, fresh: LockFile): boolean {
  try {
    verifyLock(locked, fresh);
    return true;
  } catch (error) {
    if (error instanceof LockError) return false;
    throw error;
  }
}

/**
 * The lock `pacto lock` writes over an existing one (the Go tool's rule): dependencies keep their locked
 * version and pin while their ref and constraint are unchanged, except those named in `update`; everything
 * else, references included, is taken from the fresh resolution.
 */
export function mergePins(locked: LockFile, fresh: LockFile, update: ReadonlySet<string> = new Set()): LockFile {
  const lockedDeps = new Map(locked.dependencies.map((entry) => [entry.name, entry]));
  const dependencies = fresh.dependencies.map((entry) => {
    const pinned = lockedDeps.get(entry.name);
    if (update.has(entry.name) || !pinned || pinned.source !== entry.source || where(pinned) !== where(entry) || (pinned.constraint ?? '') !== (entry.constraint ?? '')) {
      return entry;
    }
    const kept: LockDependency = { ...entry };
    delete kept.version;
    delete kept.digest;
    delete kept.contentHash;
    return {
      ...kept,
      ...(pinned.version ? { version: pinned.version } : {}),
      ...(pinned.digest ? { digest: pinned.digest } : {}),
      ...(pinned.contentHash ? { contentHash: pinned.contentHash } : {}),
    };
  });
  return { ...fresh, dependencies };
}
