import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { PluginError, type GenerateRequest } from './protocol.js';

/**
 * Reads a file of the contract's bundle, by the bundle-relative path the contract uses
 * (`interfaces[].contract`, `configurations[].schema`). Paths that are not bundle paths (contract.md §3.12.4:
 * absolute, `.` or `..` segments) are refused, so a plugin cannot be led outside the bundle.
 */
export async function readBundleFile(request: Pick<GenerateRequest, 'bundleDir'>, path: string): Promise<string> {
  if (isAbsolute(path) || path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    throw new PluginError(`${JSON.stringify(path)} is not a file path inside the bundle`);
  }
  try {
    return await readFile(join(request.bundleDir, path), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new PluginError(`cannot read ${path} from the bundle: ${reason}`, { cause: error });
  }
}
