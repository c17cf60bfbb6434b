import type { ReportedFinding, ReportedResult } from './finding.js';

export interface ValidationTextOptions {
  /** Display path of the contract file; with `positions` each finding names `<file>:<line>:<column>`. */
  readonly fileName?: string;
  /**
   * Append the YAML position to each finding. The plain lines are byte-exact with the Go tool
   * (cli.md §4.2), so positions are a decoration the CLI adds only on a terminal (cli.md §1.3).
   */
  readonly positions?: boolean;
}

/**
 * `pacto validate` text output: the verdict line for stdout and the finding lines for stderr
 * (errors first, then warnings; `WARN` has two spaces so the codes line up).
 */
export function renderValidationText(
  ref: string,
  result: ReportedResult,
  options: ValidationTextOptions = {},
): { stdout: string; stderr: string } {
  const stdout = `${ref} is ${result.valid ? 'valid' : 'invalid'}\n`;
  const lines = [
    ...result.errors.map((f) => `  ERROR [${f.code}] ${f.path}: ${f.message}${position(f, options)}`),
    ...result.warnings.map((f) => `  WARN  [${f.code}] ${f.path}: ${f.message}${position(f, options)}`),
  ];
  return { stdout, stderr: lines.map((l) => `${l}\n`).join('') };
}

/** The last stderr line of a failed validation (contract.md §10.3). */
export function validationFailedLine(errorCount: number, prefix = ''): string {
  return `${prefix}validation failed with ${errorCount} error(s)`;
}

function position(finding: ReportedFinding, options: ValidationTextOptions): string {
  if (!options.positions || finding.line === undefined) return '';
  const file = options.fileName ? `${options.fileName}:` : 'line ';
  return ` (${file}${finding.line}:${finding.column ?? 1})`;
}
