import { join, resolve } from 'node:path';
import { loadContractSource, writeFileAtomic } from '@pacto/bundle';
import { LOCK_FILE, LockError, lockMatches, mergePins, normalizeLock, serializeLock, verifyLock, type LockFile } from '@pacto/lock';
import { OciClient } from '@pacto/oci';
import { formatJson } from '@pacto/render';
import { CliError, UsageError } from '../cli-error.js';
import { applyOverridesTo } from '../contract-source.js';
import { parseBundleContract } from '../load-contract.js';
import { readLockBeside, resolveLock } from '../lock-resolver.js';
import { ociClientOptions } from '../oci-session.js';
import { readOverrides } from '../overrides.js';
import type { CommandIO } from './command-io.js';

export interface LockRequest {
  readonly dir: string;
  readonly update: boolean;
  readonly updateNames: readonly string[];
  readonly check: boolean;
  readonly values: readonly string[];
  readonly sets: readonly string[];
  readonly cwd: string;
  readonly env: Record<string, string | undefined>;
}

interface LockOutcome {
  readonly path: string;
  readonly lock: LockFile;
  readonly written: boolean;
}

/** The work of `pacto lock` (cli.md §4.11, with the Go tool's lockVersion 3; docs/lockfile.md). */
export async function runLock(io: CommandIO, request: LockRequest): Promise<number> {
  if (request.dir.startsWith('oci://')) throw new CliError('pacto lock requires a local directory, not an OCI reference');
  const overrides = await readOverrides(request.values, request.sets);
  const source = await loadContractSource(request.dir);
  if (source.kind !== 'directory') throw new CliError(`pacto lock requires a contract directory, not a bundle archive: ${request.dir}`);
  const { contract } = await parseBundleContract(await applyOverridesTo(source, overrides));
  const dir = resolve(request.cwd, source.path);
  const path = join(source.path, LOCK_FILE);

  const locked = await readLockBeside(dir).catch((error: unknown) => {
    // An unreadable lock is rewritten by `pacto lock`; `--check` reports it.
    if (request.check || !(error instanceof LockError)) throw error;
    io.debug(`ignoring ${path}: ${(error as Error).message}`);
    return undefined;
  });
  // Before any resolution: a missing lock needs no registry round trip to report.
  if (request.check && !locked) throw new LockError('LOCK_MISSING', `no ${LOCK_FILE} found`, { hint: 'run `pacto lock` to create it' });
  let client: OciClient | undefined;
  try {
    const fresh = await resolveLock(contract, dir, async () => (client ??= new OciClient(ociClientOptions(io.settings, request.env as NodeJS.ProcessEnv))));
    io.debug(`resolved ${fresh.dependencies.length} dependencies and ${fresh.references.length} references`);
    const outcome = request.check && locked ? check(path, locked, fresh) : await write(io, request, path, dir, locked, fresh);
    report(io, outcome);
    return 0;
  } finally {
    await client?.close();
  }
}

function check(path: string, locked: LockFile, fresh: LockFile): LockOutcome {
  verifyLock(locked, fresh);
  return { path, lock: locked, written: false };
}

async function write(io: CommandIO, request: LockRequest, path: string, dir: string, locked: LockFile | undefined, fresh: LockFile): Promise<LockOutcome> {
  const names = new Set(request.updateNames);
  for (const name of names) {
    if (!fresh.dependencies.some((entry) => entry.name === name) && !fresh.references.some((entry) => entry.name === name)) {
      throw new UsageError(`--update-name ${JSON.stringify(name)}: no dependency or reference of ${fresh.root.name} has that name`);
    }
  }
  let next = fresh;
  // --update re-resolves everything; --update-name only the names given, keeping the other pins.
  if (locked && (names.size > 0 || !request.update)) {
    if (names.size === 0 && lockMatches(locked, fresh)) return { path, lock: locked, written: false };
    next = mergePins(locked, fresh, names);
  }
  next = normalizeLock(next);
  await writeFileAtomic(join(dir, LOCK_FILE), new TextEncoder().encode(serializeLock(next)));
  io.debug(`wrote ${join(dir, LOCK_FILE)}`);
  return { path, lock: next, written: true };
}

function report(io: CommandIO, { path, lock, written }: LockOutcome): void {
  const counts = `(${lock.dependencies.length} dependencies, ${lock.references.length} references)`;
  if (io.settings.outputFormat === 'json') {
    io.out(
      formatJson({
        path,
        lock,
        ...(written ? { written: true } : { upToDate: true }),
        dependencies: lock.dependencies.length,
        references: lock.references.length,
      }),
    );
    return;
  }
  io.out(written ? `wrote ${path} ${counts}\n` : `${LOCK_FILE} is up to date ${counts}\n`);
}
