import { contractBundleFromContents, type BundleContents } from '@pacto/bundle';
import { OciClient, type OciClientOptions } from '@pacto/oci';
import type { ContractBundle } from '@pacto/schema';
import { CliError } from './cli-error.js';
import type { PactoContext } from './context.js';
import type { RegistrySettings, Settings } from './settings.js';
import { progressReporter, type ProgressReporter } from './progress-bar.js';
import { buildInfo } from './build-info.js';

// Static imports: this module is only ever loaded on demand, by the commands that talk to a registry.

/** How every command builds its registry client: cache settings, credentials from the environment, user agent. */
export function ociClientOptions(settings: RegistrySettings, env: NodeJS.ProcessEnv): OciClientOptions {
  return {
    env,
    noCache: settings.noCache,
    transportOptions: { userAgent: `pacto/${buildInfo.version}`, env },
    ...(settings.cacheDir === undefined ? {} : { cacheDir: settings.cacheDir }),
    ...(settings.debug ? { logger: settings.debug } : {}),
  };
}

/** The registry client of a transfer command (push, pull), with a progress bar on a terminal. */
export async function openOciClient(
  context: PactoContext,
  settings: Settings,
): Promise<{ client: OciClient; progress: ProgressReporter }> {
  const progress = progressReporter(context.stderr, context.stderrIsTTY && settings.outputFormat === 'text');
  const client = new OciClient({
    ...ociClientOptions(settings, context.env as NodeJS.ProcessEnv),
    ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }),
  });
  return { client, progress };
}

/** A client created on first use, for commands that may never touch a registry (diff, graph). */
export function lazyOciClient(context: PactoContext, settings: RegistrySettings): { get(): OciClient; close(): Promise<void> } {
  let client: OciClient | undefined;
  return {
    get: () => (client ??= new OciClient(ociClientOptions(settings, context.env as NodeJS.ProcessEnv))),
    close: async () => client?.close(),
  };
}

let shared: OciClient | undefined;

/** The process's client for contract arguments and the refs their checks resolve (one set of caches, cli.md §5). */
export function sharedOciClient(settings: RegistrySettings): OciClient {
  shared ??= new OciClient(ociClientOptions(settings, process.env));
  return shared;
}

/**
 * Reads an `oci://` contract argument (cli.md §3.1) through one client per process, so the contract and the
 * refs its validation resolves share the in-memory bundle and tag caches (cli.md §5).
 */
export async function pullContractBundle(ref: string, settings: RegistrySettings): Promise<ContractBundle> {
  return (await pullBundle(ref, settings)).bundle;
}

/** Pulls an `oci://` contract argument with its files, for commands that need the bundle on disk (generate). */
export async function pullBundle(ref: string, settings: RegistrySettings): Promise<{ bundle: ContractBundle; contents: BundleContents }> {
  const pulled = await sharedOciClient(settings).pull(ref);
  try {
    return { bundle: contractBundleFromContents(pulled.contents, `${pulled.ref}/pacto.yaml`), contents: pulled.contents };
  } catch (error) {
    throw new CliError(`failed to extract bundle: ${(error as Error).message}`, { cause: error });
  }
}
