import type { ContractBundle } from '@pacto/schema';

/**
 * Reads the `[dir | file:// | .tar.gz | oci://ref]` argument of the read commands (cli.md §3.1)
 * into a bundle. Which library does the reading depends only on the argument's form.
 */
export async function loadContractArgument(arg: string, options: { noCache: boolean }): Promise<ContractBundle> {
  if (arg.startsWith('oci://')) {
    const { pullContractBundle } = await import('./oci-session.js');
    return pullContractBundle(arg, options);
  }
  const { loadContractSource } = await import('@pacto/bundle');
  return loadContractSource(arg.startsWith('file://') ? arg.slice('file://'.length) : arg);
}
