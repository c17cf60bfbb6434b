import type { Change, Classification } from './change.js';
import { classifyChanges, maxClassification } from './change.js';
import type { DiffSide } from './contract/diff-side.js';
import type { DiffInput } from './contract/to-diff-side.js';
import { toDiffSide } from './contract/to-diff-side.js';
import { diffContracts } from './contract/diff-contracts.js';
import type { DiffOptions } from './contract/diff-options.js';
import type { DependencyDiff } from './graph/compare-dependencies.js';
import { compareDependencies } from './graph/compare-dependencies.js';
import { diffGraphs } from './graph/diff-graphs.js';
import type { GraphDiff, GraphResult } from './graph/types.js';
import type { SbomDiff } from './sbom/diff-sbom.js';

/** Everything `pacto diff` reports (diff.md §8.4). */
export interface DiffReport {
  readonly oldPath: string;
  readonly newPath: string;
  readonly classification: Classification;
  readonly changes: readonly Change[];
  readonly dependencyDiffs: readonly DependencyDiff[];
  readonly graphDiff: GraphDiff;
  readonly sbomDiff?: SbomDiff;
  /** The `pactoVersion` of a 1.x side compared through its migration to 2.0 (see `ContractDiff.migrated`). */
  readonly migrated?: { readonly old?: string; readonly new?: string };
}

export interface DiffReportInput extends DiffOptions {
  readonly oldPath: string;
  readonly newPath: string;
  readonly old: DiffInput;
  readonly new: DiffInput;
  /** Resolved dependency graphs of both sides; without them only the roots are compared. */
  readonly oldGraph?: GraphResult;
  readonly newGraph?: GraphResult;
}

const bareGraph = (side: DiffSide): GraphResult => ({
  root: { name: String(side.contract.service?.name ?? ''), version: String(side.contract.service?.version ?? ''), bundle: side },
});

/** Root diff, dependency diffs, graph diff and overall classification (diff.md §7). Pure. */
export function buildDiffReport(input: DiffReportInput): DiffReport {
  const oldSide = toDiffSide(input.old);
  const newSide = toDiffSide(input.new);
  const options = input.onWarning ? { onWarning: input.onWarning } : {};
  const root = diffContracts(oldSide, newSide, options);
  const oldGraph = input.oldGraph ?? bareGraph(oldSide);
  const newGraph = input.newGraph ?? bareGraph(newSide);
  const dependencyDiffs = compareDependencies(oldGraph, newGraph, options);
  let classification = classifyChanges(root.changes);
  for (const dep of dependencyDiffs) classification = maxClassification(classification, dep.classification);
  const report = {
    oldPath: input.oldPath,
    newPath: input.newPath,
    classification,
    changes: root.changes,
    dependencyDiffs,
    graphDiff: diffGraphs(oldGraph, newGraph),
  };
  return { ...report, ...(root.sbomDiff ? { sbomDiff: root.sbomDiff } : {}), ...(root.migrated ? { migrated: root.migrated } : {}) };
}

/** The "nothing at all changed" condition shared by the text and Markdown layouts (§8.2). */
export function isEmptyReport(report: DiffReport): boolean {
  return (
    report.changes.length === 0 &&
    report.dependencyDiffs.length === 0 &&
    !report.graphDiff.changes?.length &&
    !report.sbomDiff?.changes.length
  );
}
