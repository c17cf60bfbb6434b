import type { ReportedFinding, ReportedResult } from './finding.js';

/**
 * The `pacto validate --output-format json` object (contract.md §10.2): Go field names, and
 * `null` for empty lists because the Go tool leaves them nil. Each finding has the Go keys `Path`, `Code`,
 * `Message`, then `File`, `Line`, `Column` where it has a place and `Hint` where there is a fix to suggest.
 */
export function buildValidationJson(ref: string, result: ReportedResult): Record<string, unknown> {
  return {
    Path: ref,
    Valid: result.valid,
    Errors: findingsJson(result.errors),
    Warnings: findingsJson(result.warnings),
  };
}

function findingJson(finding: ReportedFinding): Record<string, string | number> {
  const json: Record<string, string | number> = { Path: finding.path, Code: finding.code, Message: finding.message };
  if (finding.file !== undefined) json['File'] = finding.file;
  if (finding.line !== undefined) {
    json['Line'] = finding.line;
    json['Column'] = finding.column ?? 1;
  }
  if (finding.hint !== undefined) json['Hint'] = finding.hint;
  return json;
}

function findingsJson(findings: readonly ReportedFinding[]): Array<Record<string, string | number>> | null {
  if (findings.length === 0) return null;
  return findings.map(findingJson);
}
