import type { ReportedFinding, ReportedResult } from './finding.js';

/**
 * The `pacto validate --output-format json` object (contract.md §10.2): Go field names, and
 * `null` for empty lists because the Go tool leaves them nil.
 */
export function buildValidationJson(ref: string, result: ReportedResult): Record<string, unknown> {
  return {
    Path: ref,
    Valid: result.valid,
    Errors: findingsJson(result.errors),
    Warnings: findingsJson(result.warnings),
  };
}

function findingsJson(findings: readonly ReportedFinding[]): Array<Record<string, string>> | null {
  if (findings.length === 0) return null;
  return findings.map((f) => ({ Path: f.path, Code: f.code, Message: f.message }));
}
