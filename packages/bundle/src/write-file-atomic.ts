import { randomBytes } from 'node:crypto';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BundleError } from './bundle-error.js';
import { osErrorText } from './os-error-text.js';

/**
 * Write `bytes` to `path` through a temporary file in the same directory and a rename, so readers never see a
 * partial file; the result has mode 0644 and replaces an existing file. The parent directory must exist.
 * Throws `WRITE_FAILED` with `failed to write <path>: open <path>: <reason>`.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { mode: 0o644, flag: 'wx' });
    await chmod(temp, 0o644);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new BundleError('WRITE_FAILED', `failed to write ${path}: ${osErrorText('open', path, error)}`, { cause: error });
  }
}
