import { writeFileAtomic } from '@pacto/bundle';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { OciError } from './error.js';

/** `$XDG_CONFIG_HOME/pacto/config.json`, else `~/.config/pacto/config.json` (oci.md §11.2). */
export function pactoCredentialsPath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const base = env.XDG_CONFIG_HOME ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(base, 'pacto', 'config.json');
}

type ConfigObject = Record<string, unknown> & { auths?: Record<string, Record<string, unknown>> };

async function readConfigForUpdate(path: string): Promise<ConfigObject> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new OciError('CREDENTIALS_FILE', `failed to read ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
    return parsed as ConfigObject;
  } catch (error) {
    throw new OciError('CREDENTIALS_FILE', `failed to parse existing ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Temp file (created exclusively, flushed to disk) + rename, so a crash never leaves a truncated credentials
 * file; mode 0600 in a directory tightened to 0700 even when it already existed with wider permissions.
 */
async function writeConfigAtomically(path: string, config: ConfigObject): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await chmod(dirname(path), 0o700);
    await writeFileAtomic(path, JSON.stringify(config, null, 2), { mode: 0o600, sync: true });
  } catch (error) {
    const detail = (error as Error).message.replace(`failed to write ${path}: `, '');
    throw new OciError('CREDENTIALS_FILE', `failed to write ${path}: ${detail}`, { cause: error });
  }
}

/** Stores `auths[<registry>].auth` (key exactly as typed), keeping every other key of the file. */
export async function storeLogin(registry: string, username: string, password: string, path = pactoCredentialsPath()): Promise<void> {
  const config = await readConfigForUpdate(path);
  const auth = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  config.auths = { ...(config.auths ?? {}), [registry]: { auth } };
  await writeConfigAtomically(path, config);
}

/** Removes `auths[<registry>]`; false when there was nothing stored for it. */
export async function removeLogin(registry: string, path = pactoCredentialsPath()): Promise<boolean> {
  const config = await readConfigForUpdate(path);
  if (!config.auths || !Object.hasOwn(config.auths, registry)) return false;
  const { [registry]: _removed, ...rest } = config.auths;
  config.auths = rest;
  await writeConfigAtomically(path, config);
  return true;
}
