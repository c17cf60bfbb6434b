import type { Contract, ContractBundle } from '@pacto/schema';
import { CliError } from './cli-error.js';
import { loadContractArgument } from './contract-source.js';
import { applyOverridesTo, type Overrides } from './overrides.js';

export interface LoadedContract {
  readonly bundle: ContractBundle;
  readonly contract: Contract;
}

/**
 * Loads and parses (stage P only) the contract of a read-only command (explain, doc, graph):
 * these commands do not validate, and report a parse failure as
 * `failed to parse <file>: <parse error>` (cli.md §3.1).
 */
export async function loadParsedContract(ref: string, overrides: Overrides, options: { noCache: boolean }): Promise<LoadedContract> {
  const bundle = await applyOverridesTo(await loadContractArgument(ref, options), overrides);
  const { parseContract } = await import('@pacto/schema');
  const parsed = parseContract(bundle.text, bundle.fileName);
  if (!parsed.ok) {
    const error = parsed.error;
    const detail = error.code === 'UNSUPPORTED_PACTO_VERSION' ? `parse error at ${error.path}: ${error.message}` : error.message;
    throw new CliError(`failed to parse ${bundle.fileName}: ${detail}`, { cause: error });
  }
  return { bundle, contract: parsed.contract };
}
