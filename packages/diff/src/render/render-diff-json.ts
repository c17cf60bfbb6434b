import type { Change } from '../change.js';
import type { GraphDiffNode } from '../graph/types.js';
import type { DiffReport } from '../report.js';
import type { SbomDiff } from '../sbom/diff-sbom.js';
import { goJson } from './go-json.js';
import { diffTreeDepth } from '../graph/render-tree.js';
import { checkRenderDepth } from '../graph/walk.js';

/** A change as the JSON report shows it: fixed key order, absent values left out (diff.md §8.4). */
export function changeJson(change: Change): Record<string, unknown> {
  const out: Record<string, unknown> = { path: change.path, type: change.type };
  if (change.oldValue !== undefined) out.oldValue = change.oldValue;
  if (change.newValue !== undefined) out.newValue = change.newValue;
  out.classification = change.classification;
  out.reason = change.reason;
  return out;
}

// Go leaves empty lists nil, which prints as null (spec README, JSON output).
const changeList = (changes: readonly Change[]) => (changes.length > 0 ? changes.map(changeJson) : null);

function sbomJson(sbom: SbomDiff): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (sbom.oldFormat) out.oldFormat = sbom.oldFormat;
  if (sbom.newFormat) out.newFormat = sbom.newFormat;
  out.changes = sbom.changes.length > 0 ? sbom.changes.map((c) => ({ ...c })) : null;
  return out;
}

function diffNodeJson(node: GraphDiffNode): Record<string, unknown> {
  const out: Record<string, unknown> = { name: node.name };
  if (node.version) out.version = node.version;
  if (node.change) out.change = { ...node.change };
  if (node.children?.length) out.children = node.children.map(diffNodeJson);
  return out;
}

/** The JSON report object of `pacto diff`, in the key order of diff.md §8.4. */
export function buildDiffJson(report: DiffReport): Record<string, unknown> {
  const out: Record<string, unknown> = {
    oldPath: report.oldPath,
    newPath: report.newPath,
    classification: report.classification,
    changes: changeList(report.changes),
  };
  if (report.dependencyDiffs.length > 0) {
    out.dependencyDiffs = report.dependencyDiffs.map((dep) => {
      const entry: Record<string, unknown> = { name: dep.name, classification: dep.classification, changes: changeList(dep.changes) };
      if (dep.sbomDiff) entry.sbomDiff = sbomJson(dep.sbomDiff);
      return entry;
    });
  }
  checkRenderDepth(diffTreeDepth(report.graphDiff.root));
  const graphDiff: Record<string, unknown> = { root: diffNodeJson(report.graphDiff.root) };
  if (report.graphDiff.changes?.length) graphDiff.changes = report.graphDiff.changes.map((c) => ({ ...c }));
  out.graphDiff = graphDiff;
  if (report.sbomDiff) out.sbomDiff = sbomJson(report.sbomDiff);
  return out;
}

/** `pacto diff --output-format json`: two-space indent, Go escaping, final newline. */
export function renderDiffJson(report: DiffReport): string {
  return goJson(buildDiffJson(report));
}
