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
 * Stage P only, for the commands that read without validating (explain, diff, graph): a contract that does not
 * parse fails with its first problem as one line with its place (`svc/pacto.yaml:16:5: unknown field …`).
 */
export async function parseBundleContract(bundle: ContractBundle): Promise<{ contract: Contract; positions: SourceMap }> {
  const parsed = parseContract(bundle.text, bundle.fileName);
  if (!parsed.ok) {
    const error = parsed.error;
    throw new CliError(error.located, { cause: error, code: error.code, ...(error.hint === undefined ? {} : { hint: error.hint }) });
  }
  return { contract: parsed.contract, positions: parsed.positions };
}

/** Loads the contract argument of a read-only command, applies overrides and parses it. */
export async function loadParsedContract(ref: string, overrides: Overrides, options: RegistrySettings): Promise<LoadedContract> {
  const bundle = await applyOverridesTo(await loadContractArgument(ref, options), overrides);
  const { contract } = await parseBundleContract(bundle);
  return { bundle, contract };
}
