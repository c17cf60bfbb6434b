import type { ContractBundle } from '@pacto/schema';
import type { RegistrySettings } from './settings.js';

/**
 * Resolves policy refs for `validate` and `push` (contract.md §8.1): local paths relative to
 * the working directory now; `oci://` refs go through @pacto/oci.
 */
export function createCliResolver(options: RegistrySettings): { resolve(ref: string): Promise<ContractBundle> } {
  return {
    async resolve(ref: string): Promise<ContractBundle> {
      const { loadContractArgument } = await import('./contract-source.js');
      return loadContractArgument(ref, options);
    },
  };
}
