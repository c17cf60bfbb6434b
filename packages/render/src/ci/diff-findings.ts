import type { Change, Classification, DiffReport } from '@pacto/diff';
import { changeLine, isAtLeast } from '@pacto/diff';
import type { CiFinding } from './ci-finding.js';
import { ciPath } from './ci-finding.js';

export interface DiffFindingsOptions {
  /** Path of the new contract file (e.g. `svc/pacto.yaml`); annotations point into it. */
  readonly file?: string;
  /** Line and column of a YAML path of the new contract (`interfaces[0].port`), nearest ancestor when missing. */
  readonly locate?: (path: string) => { readonly line: number; readonly column: number } | undefined;
  /** Changes at or above this classification are errors (default BREAKING); other breaking ones are warnings. */
  readonly failOn?: Classification;
}

const RULE_TEXT: Record<Classification, string> = {
  BREAKING: 'Breaking contract change',
  POTENTIAL_BREAKING: 'Potentially breaking contract change',
  NON_BREAKING: 'Non-breaking contract change',
};

/** `['interfaces', 0, 'port']` -> `interfaces[0].port`. */
export function yamlPathText(path: readonly (string | number)[]): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

/**
 * The changes of a diff report (root and dependency contracts) as CI findings located on the new contract:
 * root changes at their own field, dependency-contract changes at the `dependencies` entry of that service.
 */
export function diffFindings(report: DiffReport, options: DiffFindingsOptions = {}): CiFinding[] {
  const failOn = options.failOn ?? 'BREAKING';
  const levelOf = (c: Classification): CiFinding['level'] =>
    isAtLeast(c, failOn) ? 'error' : c === 'NON_BREAKING' ? 'notice' : 'warning';
  const finding = (change: Change, prefix: string, location: readonly (string | number)[] | undefined): CiFinding => {
    const position = location && options.locate ? options.locate(yamlPathText(location)) : undefined;
    const bundleFile = change.location?.file;
    const file = options.file ? (bundleFile ? options.file.replace(/pacto\.yaml$/, '') + bundleFile : options.file) : undefined;
    const located = file !== undefined && bundleFile === undefined ? position : undefined;
    return {
      level: levelOf(change.classification),
      ruleId: `pacto/diff/${change.classification}`,
      ruleDescription: RULE_TEXT[change.classification],
      title: `pacto diff: ${change.classification}`,
      message: `${prefix}${changeLine(change).trim()}`,
      ...(file !== undefined ? { file: ciPath(file) } : {}),
      ...(located ? { line: located.line, column: located.column } : {}),
    };
  };
  const out = report.changes.map((change) => finding(change, '', change.location?.path ?? []));
  for (const dep of report.dependencyDiffs) {
    for (const change of dep.changes) out.push(finding(change, `dependency ${dep.name}: `, ['dependencies']));
  }
  return out;
}
