import { mkdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatJson } from '@pacto/render';
import { scaffoldContract, type ScaffoldVersion } from '@pacto/schema';
import { CliError } from '../cli-error.js';
import type { CommandIO } from './command-io.js';

/** The work of `pacto init` (see run/validate.ts for why it is a module of its own). */
export async function runInit(
  io: CommandIO,
  request: { readonly name: string; readonly cwd: string; readonly pactoVersion?: ScaffoldVersion },
): Promise<number> {
  const { name, cwd } = request;
  if (name === '') throw new CliError('service name is required');
  const root = resolve(cwd, name);
  const scaffold = scaffoldContract(name, request.pactoVersion === undefined ? {} : { pactoVersion: request.pactoVersion });
  try {
    await mkdir(root, { mode: 0o755 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CliError(`directory ${JSON.stringify(name)} already exists`);
    }
    throw new CliError(`failed to create ${name}: ${(error as Error).message}`, { cause: error });
  }
  try {
    for (const dir of scaffold.directories.slice(1)) await mkdir(resolve(cwd, dir), { mode: 0o755 });
    for (const file of scaffold.files) {
      await writeFile(resolve(cwd, file.path), file.content, { mode: 0o644, flag: 'wx' });
    }
  } catch (error) {
    // The directory is ours (created above): leave nothing half-written behind.
    await rm(root, { recursive: true, force: true });
    throw new CliError(`failed to create ${name}: ${(error as Error).message}`, { cause: error });
  }
  if (io.settings.outputFormat === 'json') {
    io.out(formatJson({ Dir: name, Path: `${name}/pacto.yaml` }));
  } else {
    io.out(`Created ${name}/\n  ${name}/pacto.yaml\n  ${name}/interfaces/\n  ${name}/configuration/\n`);
  }
  return 0;
}
