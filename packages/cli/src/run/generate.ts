import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractBundle, loadContractSource, type BundleContents } from '@pacto/bundle';
import { buildRequest, findPlugin, parseOptionItems, runPluginProcess, writeGeneratedFiles } from '@pacto/plugin/host';
import { formatJson } from '@pacto/render';
import type { ContractBundle } from '@pacto/schema';
import { applyOverridesTo } from '../contract-source.js';
import { parseBundleContract } from '../load-contract.js';
import { readOverrides } from '../overrides.js';
import type { CommandIO } from './command-io.js';

export interface GenerateRequest {
  readonly plugin: string;
  readonly ref: string;
  readonly output: string;
  readonly options: readonly string[];
  readonly timeoutMs: number;
  readonly values: readonly string[];
  readonly sets: readonly string[];
  readonly cwd: string;
  readonly env: Record<string, string | undefined>;
}

interface BundleOnDisk {
  readonly bundle: ContractBundle;
  readonly dir: string;
  /** A temporary directory to remove afterwards (OCI references and .tar.gz bundles are extracted). */
  readonly temporary?: string;
}

async function extracted(bundle: ContractBundle, contents: BundleContents): Promise<BundleOnDisk> {
  const temporary = await mkdtemp(join(tmpdir(), 'pacto-bundle-'));
  try {
    await extractBundle(contents, temporary);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  return { bundle, dir: temporary, temporary };
}

/** The contract argument as a directory the plugin can read (cli.md §4.12 "Bundle directory"). */
async function bundleOnDisk(ref: string, io: CommandIO, cwd: string): Promise<BundleOnDisk> {
  if (ref.startsWith('oci://')) {
    const { pullBundle } = await import('../oci-session.js');
    const { bundle, contents } = await pullBundle(ref, io.settings);
    return extracted(bundle, contents);
  }
  const source = await loadContractSource(ref);
  if (source.kind === 'archive') return extracted(source, source.contents);
  return { bundle: source, dir: resolve(cwd, source.path) };
}

/** The work of `pacto generate` (cli.md §4.12). */
export async function runGenerate(io: CommandIO, request: GenerateRequest): Promise<number> {
  const overrides = await readOverrides(request.values, request.sets);
  // Before any download: an unknown plugin should not cost a registry pull.
  const executable = await findPlugin(request.plugin, request.env);
  io.debug(`plugin ${request.plugin}: ${executable}`);
  const onDisk = await bundleOnDisk(request.ref, io, request.cwd);
  try {
    const bundle = await applyOverridesTo(onDisk.bundle, overrides);
    const { contract } = await parseBundleContract(bundle);
    const outputDir = resolve(request.cwd, request.output);
    const wire = buildRequest({ contract, bundleDir: onDisk.dir, outputDir, options: parseOptionItems(request.options) });
    io.debug(`running ${executable} (bundle ${onDisk.dir}, output ${outputDir})`);
    const response = await runPluginProcess(executable, request.plugin, wire, {
      timeoutMs: request.timeoutMs,
      env: request.env as NodeJS.ProcessEnv,
      cwd: request.cwd,
      ...(io.settings.verbose ? { onStderr: (chunk: Buffer) => io.err(chunk.toString('utf8')) } : {}),
    });
    const count = await writeGeneratedFiles(request.plugin, outputDir, response.files);
    const shown = request.output.replace(/\/+$/, '') || '/';
    if (io.settings.outputFormat === 'json') {
      io.out(formatJson({ plugin: request.plugin, outputDir: shown, filesCount: count, ...(response.message ? { message: response.message } : {}) }));
    } else {
      io.out(`Generated ${count} file(s) using ${request.plugin}\nOutput: ${shown}/\n${response.message ? `Message: ${response.message}\n` : ''}`);
    }
    return 0;
  } finally {
    if (onDisk.temporary) await rm(onDisk.temporary, { recursive: true, force: true });
  }
}
