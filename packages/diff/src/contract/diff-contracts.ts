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
import type { DiffInput } from './to-diff-side.js';
import type { DiffOptions } from './diff-options.js';
import { toDiffSide } from './to-diff-side.js';

/** The comparison of two contracts with their bundles (diff.md §3–§6). */
export interface ContractDiff {
  readonly classification: Classification;
  readonly changes: readonly Change[];
  readonly sbomDiff?: SbomDiff;
}

/**
 * Compare two contracts and the files of their bundles. Pure: the bundles are read through `files`.
 * A `ContractBundle` (e.g. from `loadBundleDir`) is parsed first; a parse failure throws `DiffError`.
 * Changes come in the order of diff.md §2.5; the classification is their maximum (SBOM changes never count).
 */
export function diffContracts(oldInput: DiffInput, newInput: DiffInput, options: DiffOptions = {}): ContractDiff {
  const oldSide = toDiffSide(oldInput);
  const newSide = toDiffSide(newInput);
  const oldC = oldSide.contract;
  const newC = newSide.contract;
  const changes: Change[] = [
    ...diffService(oldC, newC),
    ...diffScaling(oldC, newC),
    ...diffRuntime(oldC, newC),
    ...diffDependencies(oldSide, newSide),
    ...diffInterfaces(oldSide, newSide, options),
    ...diffConfigurations(oldSide, newSide),
    ...diffPolicies(oldSide, newSide),
    ...diffReadiness(oldC, newC),
  ];
  const sbomDiff = diffSbom(oldSide, newSide);
  return sbomDiff
    ? { classification: classifyChanges(changes), changes, sbomDiff }
    : { classification: classifyChanges(changes), changes };
}
