import { randomBytes } from 'node:crypto';
import { chmod, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BundleError } from './bundle-error.js';
import { osErrorText } from './os-error-text.js';

export interface WriteFileAtomicOptions {
  /** Mode of the written file (default 0644). */
  readonly mode?: number;
  /** Flush the data to disk before the rename (credentials; default false). */
  readonly sync?: boolean;
}

/**
 * Write `bytes` to `path` through a temporary file in the same directory and a rename, so readers never see a
 * partial file; the result has mode `options.mode` (0644) and replaces an existing file. The temporary file is
 * created exclusively (`wx`: never through a planted file or symlink). The parent directory must exist.
 * Throws `WRITE_FAILED` with `failed to write <path>: <reason>`.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string, options: WriteFileAtomicOptions = {}): Promise<void> {
  const mode = options.mode ?? 0o644;
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(bytes);
      if (options.sync) await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temp, mode);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new BundleError('WRITE_FAILED', `failed to write ${path}: ${osErrorText(error)}`, { cause: error });
  }
}
