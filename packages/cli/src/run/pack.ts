import { relative, resolve, sep } from 'node:path';
import {
  applyOverrides,
  BundleError,
  loadBundleDir,
  packBundle,
  parseOverrides,
  withContractText,
  withoutFiles,
  writeFileAtomic,
} from '@pacto/bundle';
import { formatJson, renderValidationText, validationFailedLine } from '@pacto/render';
import { validateContract } from '@pacto/validate';
import { validationTextOptions } from '../finding-frames.js';
import { readOverrides } from '../overrides.js';
import type { CommandIO } from './command-io.js';
import { useSchemaCodeCache } from '../schema-code-store.js';

export interface PackRequest {
  readonly arg: string;
  readonly output: string | undefined;
  readonly cwd: string;
  readonly values: readonly string[];
  readonly sets: readonly string[];
}

/** The work of `pacto pack` (see run/validate.ts for why it is a module of its own). */
export async function runPack(io: CommandIO, request: PackRequest): Promise<number> {
  useSchemaCodeCache(process.env);
  const { arg, cwd } = request;
  const dir = arg.startsWith('file://') ? arg.slice('file://'.length) || '.' : arg;
  const overrides = await readOverrides(request.values, request.sets);
  parseOverrides(overrides);

  const loaded = await loadBundleDir(dir);
  for (const entry of loaded.entries) io.debug(`${entry.path} included`);
  for (const entry of loaded.excluded) io.debug(`${entry.path} excluded by .pactoignore pattern ${JSON.stringify(entry.pattern)}`);
  const text = applyOverrides(loaded.text, overrides);

  const result = await validateContract({ fileName: loaded.fileName, text, files: loaded.files });
  if (!result.valid || !result.contract) {
    const findings = renderValidationText(arg, result, validationTextOptions({ fileName: loaded.fileName, text }, io.stderrIsTTY)).stderr;
    io.err(`${findings}${validationFailedLine(result.errors.length, 'contract ')}\n`);
    return 1;
  }

  const { name, version } = result.contract.service;
  const output = request.output || `${name}-${version}.tar.gz`;
  const target = resolve(cwd, output);
  let contents = text === loaded.text ? loaded.contents : withContractText(loaded.contents, text);
  // Packing twice inside the contract directory must not put the previous archive into the new one.
  const inside = relative(resolve(cwd, dir), target);
  if (contents.files.has(inside.split(sep).join('/'))) {
    io.debug(`${inside} excluded: it is the output archive`);
    contents = withoutFiles(contents, [inside.split(sep).join('/')]);
  }
  const archive = await packBundle(contents);
  await writeArchive(target, output, archive);

  if (io.settings.outputFormat === 'json') {
    io.out(formatJson({ Output: output, Name: name, Version: version }));
  } else {
    io.out(`Packed ${name}@${version} -> ${output}\n`);
  }
  return 0;
}

/** Writes through the absolute path but reports the path as the user wrote it (cli.md §4.3). */
async function writeArchive(absolute: string, shown: string, archive: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(absolute, archive);
  } catch (error) {
    if (absolute === shown || !(error instanceof Error)) throw error;
    throw new BundleError('WRITE_FAILED', error.message.split(absolute).join(shown), { cause: error });
  }
}
