import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { OciClient } from '@pacto/oci';
import type { Contract } from '@pacto/schema';

/**
 * What `validate`, `graph`, `diff` and `push` do first (cli.md §4.11): when the contract argument is a local
 * directory holding `pacto.lock`, resolve the closure again and throw the first drift as a LockError. Without a
 * lock (or for `oci://` and `.tar.gz` arguments) it costs one stat and loads nothing.
 */
export async function verifyLockIfPresent(arg: string, contract: Contract, cwd: string, client: () => Promise<OciClient>): Promise<void> {
  if (/^oci(-layout)?:\/\//.test(arg)) return;
  const dir = resolve(cwd, (arg.startsWith('file://') ? arg.slice('file://'.length) : arg) || '.');
  try {
    if (!statSync(join(dir, 'pacto.lock')).isFile()) return;
  } catch {
    return;
  }
  const { verifyLockIn } = await import('./lock-resolver.js');
  await verifyLockIn(dir, contract, client);
}
