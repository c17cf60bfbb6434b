import type { Change } from '../change.js';
import { renderGraphDiffTree } from '../graph/render-tree.js';
import type { DiffReport } from '../report.js';
import { isEmptyReport } from '../report.js';
import type { SbomDiff } from '../sbom/diff-sbom.js';
import { hasJsonNumbers, showValue } from '../show-value.js';

const cell = (value: unknown, jsonNumbers: boolean) => (value === undefined ? '' : `\`${showValue(value, jsonNumbers)}\``);

function changeTable(changes: readonly Change[]): string[] {
  return [
    '| Classification | Path | Type | Reason | Old | New |',
    '|---|---|---|---|---|---|',
    ...changes.map((c) => {
      const json = hasJsonNumbers(c);
      return `| ${c.classification} | \`${c.path}\` | ${c.type} | ${c.reason} | ${cell(c.oldValue, json)} | ${cell(c.newValue, json)} |`;
    }),
    '',
  ];
}

function sbomTable(sbom: SbomDiff): string[] {
  const sbomCell = (value: string | undefined) => (value ? `\`${value}\`` : '');
  return [
    '| Package | Type | Field | Old | New |',
    '|---|---|---|---|---|',
    ...sbom.changes.map((c) => `| \`${c.package}\` | ${c.type} | ${c.field ?? ''} | ${sbomCell(c.oldValue)} | ${sbomCell(c.newValue)} |`),
    '',
  ];
}

/** The Markdown report of `pacto diff` (diff.md §8.3), for pull-request comments. */
export function renderDiffMarkdown(report: DiffReport): string {
  const lines = ['## Contract Diff', '', `**Classification:** \`${report.classification}\``, ''];
  if (isEmptyReport(report)) {
    lines.push('No changes detected.');
    return `${lines.join('\n')}\n`;
  }
  if (report.changes.length > 0) lines.push(`### Changes (${report.changes.length})`, '', ...changeTable(report.changes));
  for (const dep of report.dependencyDiffs) {
    lines.push(`### Dependency: ${dep.name} (\`${dep.classification}\`)`, '');
    if (dep.changes.length > 0) lines.push(...changeTable(dep.changes));
    if (dep.sbomDiff?.changes.length) lines.push(`#### SBOM Changes: ${dep.name}`, '', ...sbomTable(dep.sbomDiff));
  }
  const tree = renderGraphDiffTree(report.graphDiff);
  if (tree !== '') lines.push('### Dependency Graph Changes', '', '```', tree.slice(0, -1), '```');
  if (report.sbomDiff?.changes.length) lines.push('### SBOM Changes', '', ...sbomTable(report.sbomDiff));
  return `${lines.join('\n')}\n`;
}
