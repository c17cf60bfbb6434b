import { isContractV20, isContractV1Family, migrateContract, parseContract, type ContractV20 } from '@pacto/schema';
import { stringify } from 'yaml';
import type { Change, Classification } from '../change.js';
import { classifyChanges } from '../change.js';
import type { SbomDiff } from '../sbom/diff-sbom.js';
import { diffSbom } from '../sbom/diff-sbom.js';
import { diffConfigurations, diffPolicies } from './diff-configurations.js';
import { diffDependencies } from './diff-dependencies.js';
import { diffInterfaces } from './diff-interfaces.js';
import { diffReadiness } from './diff-readiness.js';
import { diffRuntime } from './diff-runtime.js';
import { diffScaling } from './diff-scaling.js';
import { diffService } from './diff-service.js';
import type { DiffSide } from './diff-side.js';
import { diffCapabilities, diffState, diffWorkload } from './diff-v20.js';
import type { DiffOptions } from './diff-options.js';
import type { DiffInput } from './to-diff-side.js';
import { DiffError, toDiffSide } from './to-diff-side.js';

/** The comparison of two contracts with their bundles (diff.md §3–§6). */
export interface ContractDiff {
  readonly classification: Classification;
  readonly changes: readonly Change[];
  readonly sbomDiff?: SbomDiff;
  /**
   * Set when the sides were of different formats: the `pactoVersion` of a 1.x side that was compared through its
   * migration to 2.0 (contract-2.0.md §8). Its changes carry no YAML location in that side.
   */
  readonly migrated?: { readonly old?: string; readonly new?: string };
}

/** A 1.x side as 2.0, through `migrateContract` (same rules as `pacto migrate`, in memory). */
function migratedSide(side: DiffSide, which: 'old' | 'new'): DiffSide & { readonly contract: ContractV20 } {
  const text = side.text ?? stringify(side.contract);
  const migrated = migrateContract(text, { ...(side.files === undefined ? {} : { files: side.files }) });
  const parsed = migrated.ok ? parseContract(migrated.text, 'pacto.yaml') : undefined;
  if (parsed === undefined || !parsed.ok || !isContractV20(parsed.contract)) {
    const reason = migrated.ok ? 'the migrated contract does not parse' : migrated.error.message;
    throw new DiffError('PARSE_FAILED', `${which} contract: cannot compare pactoVersion ${side.contract.pactoVersion} with 2.0: ${reason}`);
  }
  return { ...side, contract: parsed.contract };
}

/**
 * Compare two contracts and the files of their bundles. Pure: the bundles are read through `files`.
 * A `ContractBundle` (e.g. from `loadBundleDir`) is parsed first; a parse failure throws `DiffError`.
 * Changes come in the order of diff.md §2.5; the classification is their maximum (SBOM changes never count).
 * A 1.x side compared with a 2.0 side is migrated first, so the changes say what the migration means for consumers.
 */
export function diffContracts(oldInput: DiffInput, newInput: DiffInput, options: DiffOptions = {}): ContractDiff {
  let oldSide = toDiffSide(oldInput);
  let newSide = toDiffSide(newInput);
  const versions = { old: oldSide.contract.pactoVersion, new: newSide.contract.pactoVersion };
  const migrated: { old?: string; new?: string } = {};
  if (isContractV20(oldSide.contract) !== isContractV20(newSide.contract)) {
    if (!isContractV20(oldSide.contract)) {
      migrated.old = versions.old;
      oldSide = migratedSide(oldSide, 'old');
    } else {
      migrated.new = versions.new;
      newSide = migratedSide(newSide, 'new');
    }
  }
  const oldC = oldSide.contract;
  const newC = newSide.contract;
  let changes: Change[];
  if (isContractV20(oldC) && isContractV20(newC)) {
    changes = [
      ...diffService(oldC, newC, versions),
      ...diffWorkload(oldC, newC),
      ...diffState(oldC, newC),
      ...diffCapabilities(oldC, newC),
      ...diffDependencies(oldSide, newSide),
      ...diffInterfaces(oldSide, newSide, options),
      ...diffConfigurations(oldSide, newSide),
      ...diffPolicies(oldSide, newSide),
      ...diffReadiness(oldC, newC),
    ];
  } else if (isContractV1Family(oldC) && isContractV1Family(newC)) {
    changes = [
      ...diffService(oldC, newC),
      ...diffScaling(oldC, newC),
      ...diffRuntime(oldC, newC),
      ...diffDependencies(oldSide, newSide),
      ...diffInterfaces(oldSide, newSide, options),
      ...diffConfigurations(oldSide, newSide),
      ...diffPolicies(oldSide, newSide),
      ...diffReadiness(oldC, newC),
    ];
  } else {
    changes = [];
  }
  // A location points into the file as written; a migrated side has no such place for its changes.
  if (migrated.new !== undefined) changes = changes.map(({ location: _location, ...change }) => change as Change);
  const sbomDiff = diffSbom(oldSide, newSide);
  const result = { classification: classifyChanges(changes), changes, ...(sbomDiff ? { sbomDiff } : {}) };
  return migrated.old !== undefined || migrated.new !== undefined ? { ...result, migrated } : result;
}
