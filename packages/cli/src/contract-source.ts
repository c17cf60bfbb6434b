import { applyOverrides, loadContractSource, type LocalContractSource } from '@pacto/bundle';
import type { ContractBundle } from '@pacto/schema';
import type { Overrides } from './overrides.js';
import type { DebugLog, RegistrySettings } from './settings.js';

// Static imports of the local readers: this module is itself loaded on demand (or bundled into a
// command's run module), so the bundler keeps only these two functions of @pacto/bundle.

/**
 * Reads the `[dir | file:// | .tar.gz | oci://ref]` argument of the read commands (cli.md §3.1)
 * into a bundle. Which library does the reading depends only on the argument's form.
 */
export async function loadContractArgument(arg: string, options: RegistrySettings): Promise<ContractBundle> {
  if (arg.startsWith('oci://')) {
    const { pullContractBundle } = await import('./oci-session.js');
    return pullContractBundle(arg, options);
  }
  const source = await loadContractSource(arg.startsWith('file://') ? arg.slice('file://'.length) : arg);
  logSource(source, options.debug);
  return source;
}

/** `-v`: the files a local contract argument was read from, and those `.pactoignore` left out. */
export function logSource(source: LocalContractSource, debug: DebugLog | undefined): void {
  if (!debug) return;
  debug(source.kind === 'archive' ? 'bundle archive read' : 'contract directory read', { path: source.path, contract: source.fileName });
  for (const entry of source.entries) if (entry.kind === 'file') debug('file read', { path: entry.path });
  for (const entry of source.excluded) debug('file excluded', { path: entry.path, pattern: entry.pattern });
}

/** Applies the `-f/--values` and `--set` overrides read by `readOverrides` (cli.md §3.2). */
export async function applyOverridesTo(bundle: ContractBundle, overrides: Overrides): Promise<ContractBundle> {
  if (overrides.values.length === 0 && overrides.sets.length === 0) return bundle;
  return { ...bundle, text: applyOverrides(bundle.text, overrides) };
}
