import type { Contract, ContractBundle } from '@pacto/schema';
import { validateContract, type BundleResolver, type ValidationResult } from '@pacto/validate';
import type { SourceType } from '../api/model.js';

/** One contract as one source has it: the bundle, its validation, and where it came from. */
export interface ContractEntry {
  readonly source: SourceType;
  /** A directory (local) or an OCI reference with its tag (oci, cache). */
  readonly ref: string;
  /** `registry/repository` of an OCI or cached contract. */
  readonly repository?: string;
  /** The tag an OCI or cached contract was read from. */
  readonly tag?: string;
  /** Absolute directory of a local contract: local dependency refs resolve against it. */
  readonly dir?: string;
  readonly bundle: ContractBundle;
  /** Every file path of the bundle (the SBOM diff needs it). */
  readonly listing: readonly string[];
  /** `sha256:` of the bundle archive (OCI) or of the contract text (local). */
  readonly hash: string | null;
  readonly validation: ValidationResult;
  /** `service.name`, or a name derived from the directory or repository when the contract does not parse. */
  readonly name: string;
  readonly version: string;
}

/** What a source knows of a contract before validation; the fallbacks name a contract that does not parse. */
export type EntryInput = Omit<ContractEntry, 'validation' | 'name' | 'version'> & {
  readonly fallbackName: string;
  readonly fallbackVersion: string;
};

/** Validates a bundle (all four layers, policy refs through `resolver`) into an entry. Never throws for a bad contract. */
export async function createEntry(input: EntryInput, resolver: BundleResolver | undefined): Promise<ContractEntry> {
  const { fallbackName, fallbackVersion, ...rest } = input;
  const validation = await validateContract(input.bundle, resolver === undefined ? {} : { resolver });
  return { ...rest, validation, ...identity(validation.contract, fallbackName, fallbackVersion) };
}

/** An entry for a bundle that could not be read at all (the reason is its single finding). */
export function unreadableEntry(input: Omit<EntryInput, 'bundle' | 'listing' | 'hash'> & { readonly message: string }): ContractEntry {
  const { fallbackName, fallbackVersion, message, ...rest } = input;
  return {
    ...rest,
    bundle: { fileName: `${input.ref}/pacto.yaml`, text: '' },
    listing: [],
    hash: null,
    validation: { valid: false, errors: [{ path: '', code: 'PARSE_ERROR', message, severity: 'error', layer: 'parse' }], warnings: [] },
    name: fallbackName,
    version: fallbackVersion,
  };
}

function identity(contract: Contract | undefined, fallbackName: string, fallbackVersion: string): { name: string; version: string } {
  // A contract that failed L1 may hold anything in service.name; only a non-empty string names a service.
  const service = contract?.service as { name?: unknown; version?: unknown } | undefined;
  const name = typeof service?.name === 'string' && service.name !== '' ? service.name : fallbackName;
  const version = typeof service?.version === 'string' && service.version !== '' ? service.version : fallbackVersion;
  return { name, version };
}
