import type { CiFinding } from './ci-finding.js';

/** One issue of a GitLab Code Quality report (the subset of the Code Climate issue format GitLab reads). */
export interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

export interface CodeQualityOptions {
  /** The path of issues that have no file (an `oci://` contract): the contract argument as given. */
  readonly fallbackPath: string;
}

function severityOf(finding: CiFinding): CodeQualityIssue['severity'] {
  if (finding.level === 'notice') return 'info';
  if (finding.level === 'warning') return 'minor';
  return finding.ruleId === 'pacto/diff/BREAKING' ? 'critical' : 'major';
}

/**
 * A 128-bit FNV-1a style hash as 32 hex digits: four 32-bit lanes with different offsets. Stable across runs and
 * machines, which is all a fingerprint needs (GitLab matches issues between pipelines by it); no crypto module,
 * so the package stays usable in a browser.
 */
function fingerprint(text: string): string {
  const lanes = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  return lanes
    .map((seed) => {
      let hash = seed >>> 0;
      for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193) >>> 0;
      }
      return hash.toString(16).padStart(8, '0');
    })
    .join('');
}

/**
 * The GitLab Code Quality report of the findings (`artifacts: reports: codequality`), shown in merge requests.
 * The fingerprint covers rule, file and message, not the line, so an issue keeps its identity when lines above
 * it move; identical issues in one file are told apart by their order.
 */
export function buildCodeQuality(findings: readonly CiFinding[], options: CodeQualityOptions): CodeQualityIssue[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const path = finding.file ?? options.fallbackPath;
    const key = `${finding.ruleId}\u0000${path}\u0000${finding.message}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      description: finding.message,
      check_name: finding.ruleId,
      fingerprint: fingerprint(occurrence === 0 ? key : `${key}\u0000${occurrence}`),
      severity: severityOf(finding),
      location: { path, lines: { begin: Math.max(1, finding.line ?? 1) } },
    };
  });
}

/** `--output-format codequality`: the report as two-space-indented JSON with a final newline. */
export function renderCodeQuality(findings: readonly CiFinding[], options: CodeQualityOptions): string {
  return `${JSON.stringify(buildCodeQuality(findings, options), null, 2)}\n`;
}
