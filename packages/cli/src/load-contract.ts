import { parseContract, type Contract, type ContractBundle, type SourceMap } from '@pacto/schema';
import { CliError } from './cli-error.js';
import { applyOverridesTo, loadContractArgument } from './contract-source.js';
import type { Overrides } from './overrides.js';
import type { RegistrySettings } from './settings.js';

export interface LoadedContract {
  readonly bundle: ContractBundle;
  readonly contract: Contract;
}

/**
 * Stage P only, for the commands that read without validating (explain, diff, graph), with the
 * load error wording of cli.md §3.1: `failed to parse <file>: <parse error>`.
 */
export async function parseBundleContract(bundle: ContractBundle): Promise<{ contract: Contract; positions: SourceMap }> {
  const parsed = parseContract(bundle.text, bundle.fileName);
  if (!parsed.ok) {
    const error = parsed.error;
    const detail = error.code === 'UNSUPPORTED_PACTO_VERSION' ? `parse error at ${error.path}: ${error.message}` : error.message;
    throw new CliError(`failed to parse ${bundle.fileName}: ${detail}`, { cause: error });
  }
  return { contract: parsed.contract, positions: parsed.positions };
}

/** Loads the contract argument of a read-only command, applies overrides and parses it. */
export async function loadParsedContract(ref: string, overrides: Overrides, options: RegistrySettings): Promise<LoadedContract> {
  const bundle = await applyOverridesTo(await loadContractArgument(ref, options), overrides);
  const { contract } = await parseBundleContract(bundle);
  return { bundle, contract };
}
