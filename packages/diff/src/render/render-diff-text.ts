import type { Change } from '../change.js';
import { renderGraphDiffTree } from '../graph/render-tree.js';
import type { DiffReport } from '../report.js';
import { isEmptyReport } from '../report.js';
import type { SbomDiff } from '../sbom/diff-sbom.js';
import { changeSuffix } from '../show-value.js';
import { sbomLine } from './sbom-lines.js';

/** One `  [CLASS] path (type): reason [values]` line (diff.md §8.2). */
export function changeLine(change: Change): string {
  return `  [${change.classification}] ${change.path} (${change.type}): ${change.reason}${changeSuffix(change)}`;
}

function sbomBlock(sbom: SbomDiff | undefined): string[] {
  if (!sbom?.changes.length) return [];
  return ['', `SBOM changes (${sbom.changes.length}):`, ...sbom.changes.map(sbomLine)];
}

/** The text report of `pacto diff` (diff.md §8.2), ending with a newline. */
export function renderDiffText(report: DiffReport): string {
  const lines = [`Classification: ${report.classification}`];
  if (isEmptyReport(report)) {
    lines.push('No changes detected.');
    return `${lines.join('\n')}\n`;
  }
  if (report.changes.length > 0) lines.push(`Changes (${report.changes.length}):`, ...report.changes.map(changeLine));
  for (const dep of report.dependencyDiffs) {
    lines.push('', `Dependency ${dep.name} [${dep.classification}] (${dep.changes.length}):`, ...dep.changes.map(changeLine));
    lines.push(...sbomBlock(dep.sbomDiff));
  }
  const tree = renderGraphDiffTree(report.graphDiff);
  if (tree !== '') lines.push('', 'Dependency graph changes:', tree.slice(0, -1));
  lines.push(...sbomBlock(report.sbomDiff));
  return `${lines.join('\n')}\n`;
}
