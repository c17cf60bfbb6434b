import { resolve } from 'node:path';
import { loadBundleDir } from '@pacto/bundle';
import { parseContract, type Contract } from '@pacto/schema';
import { runPluginsInProcess, parseRequest, type PactoPlugin } from './define-plugin.js';
import { buildRequest, checkResponse, plannedFiles, PluginError, type GeneratedFile } from './protocol.js';

// Importing this module is what tells definePlugin not to serve stdin: tests call plugins directly.
runPluginsInProcess();

export interface RunPluginOptions {
  /** `--option key=value` pairs. */
  readonly options?: Readonly<Record<string, string>>;
  /** The `outputDir` the plugin is told about (nothing is written). Default `<plugin>-output` beside the bundle. */
  readonly outputDir?: string;
  /** Use this contract instead of the bundle's `pacto.yaml` (e.g. a variation built in the test). */
  readonly contract?: Contract;
}

export interface PluginRun {
  /** The files as Pacto would write them: checked paths (no `./`, no escape), later duplicates winning. */
  readonly files: readonly GeneratedFile[];
  readonly message?: string;
  /** Sorted output paths. */
  readonly paths: readonly string[];
  /** The content of one generated file; throws when the plugin did not return it. */
  file(path: string): string;
}

/**
 * Runs a plugin in this process against a contract directory, the way `pacto generate` would: the same
 * request (contract with empty fields left out, absolute directories, JSON round trip), and the same checks
 * of the response (shape, paths that escape the output directory). Nothing is written to disk.
 */
export async function runPlugin(plugin: PactoPlugin, bundleDir: string, options: RunPluginOptions = {}): Promise<PluginRun> {
  const dir = resolve(bundleDir);
  let contract = options.contract;
  if (contract === undefined) {
    const bundle = await loadBundleDir(dir);
    const parsed = parseContract(bundle.text, bundle.fileName);
    if (!parsed.ok) throw new PluginError(parsed.error.located, { cause: parsed.error });
    contract = parsed.contract;
  }
  const wire = buildRequest({
    contract,
    bundleDir: dir,
    outputDir: resolve(options.outputDir ?? `${dir}-output`),
    ...(options.options ? { options: options.options } : {}),
  });
  const request = parseRequest(JSON.stringify(wire));
  const response = checkResponse('', JSON.parse(JSON.stringify(await plugin.handler(request))));
  const planned = plannedFiles('', response.files);
  const files = [...planned].map(([path, content]) => ({ path, content }));
  return {
    files,
    ...(response.message === undefined ? {} : { message: response.message }),
    paths: [...planned.keys()].sort(),
    file(path: string): string {
      const content = planned.get(path);
      if (content === undefined) throw new Error(`the plugin returned no file ${path}; it returned: ${[...planned.keys()].join(', ') || 'none'}`);
      return content;
    },
  };
}

export { runPluginsInProcess };
