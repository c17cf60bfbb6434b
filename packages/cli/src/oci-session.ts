import { contractBundleFromContents } from '@pacto/bundle';
import { OciClient } from '@pacto/oci';
import type { ContractBundle } from '@pacto/schema';
import { CliError } from './cli-error.js';
import type { PactoContext } from './context.js';
import type { Settings } from './settings.js';
import { progressReporter, type ProgressReporter } from './progress-bar.js';
import { buildInfo } from './build-info.js';

// Static imports: this module is only ever loaded on demand, by the commands that talk to a registry.

/** The registry client of one command run: cache settings, credentials from the environment, progress bar. */
export async function openOciClient(
  context: PactoContext,
  settings: Settings,
): Promise<{ client: OciClient; progress: ProgressReporter }> {
  const progress = progressReporter(context.stderr, context.stderrIsTTY && settings.outputFormat === 'text');
  const env = context.env as NodeJS.ProcessEnv;
  const client = new OciClient({
    env,
    noCache: settings.noCache,
    transportOptions: { userAgent: `pacto/${buildInfo.version}`, env },
    ...(settings.cacheDir === undefined ? {} : { cacheDir: settings.cacheDir }),
    ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }),
  });
  return { client, progress };
}

let shared: OciClient | undefined;

/**
 * Reads an `oci://` contract argument (cli.md §3.1) through one client per process, so the contract and the
 * refs its validation resolves share the in-memory bundle and tag caches (cli.md §5).
 */
export async function pullContractBundle(ref: string, options: { noCache: boolean; constraint?: string }): Promise<ContractBundle> {
  shared ??= new OciClient({
    noCache: options.noCache,
    transportOptions: { userAgent: `pacto/${buildInfo.version}` },
  });
  const client = shared;
  const pulled = await client.pull(ref, options.constraint === undefined ? {} : { constraint: options.constraint });
  try {
    return contractBundleFromContents(pulled.contents, `${pulled.ref}/pacto.yaml`);
  } catch (error) {
    throw new CliError(`failed to extract bundle: ${(error as Error).message}`, { cause: error });
  }
}
