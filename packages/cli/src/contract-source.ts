import { applyOverrides, loadContractSource } from '@pacto/bundle';
import type { ContractBundle } from '@pacto/schema';
import type { Overrides } from './overrides.js';
import type { RegistrySettings } from './settings.js';

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
  return loadContractSource(arg.startsWith('file://') ? arg.slice('file://'.length) : arg);
}

/** Applies the `-f/--values` and `--set` overrides read by `readOverrides` (cli.md §3.2). */
export async function applyOverridesTo(bundle: ContractBundle, overrides: Overrides): Promise<ContractBundle> {
  if (overrides.values.length === 0 && overrides.sets.length === 0) return bundle;
  return { ...bundle, text: applyOverrides(bundle.text, overrides) };
}
