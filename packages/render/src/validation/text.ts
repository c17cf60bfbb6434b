import { codeFrame } from './code-frame.js';
import { messageWithHint, type ReportedFinding, type ReportedResult } from './finding.js';

export interface ValidationTextOptions {
  /** Display path of the contract file, for findings that do not name their own `file`. */
  readonly fileName?: string;
  /**
   * The text of a file by its display path. When given, each finding with a position is followed by a code
   * frame (its line with a caret under the column); the CLI asks for frames only on a terminal.
   */
  readonly source?: (file: string) => string | undefined;
}

/**
 * `pacto validate` text output: the verdict line for stdout and the finding lines for stderr (errors first,
 * then warnings; `WARN` has two spaces so the codes line up). Each finding is one line,
 * `  ERROR [<CODE>] <path>: <message>[; <hint>] (<file>:<line>:<column>)`: the Go tool's line with the hint and
 * the place appended, whatever the output is.
 */
export function renderValidationText(
  ref: string,
  result: ReportedResult,
  options: ValidationTextOptions = {},
): { stdout: string; stderr: string } {
  const stdout = `${ref} is ${result.valid ? 'valid' : 'invalid'}\n`;
  const lines = [
    ...result.errors.map((f) => findingText('ERROR', f, options)),
    ...result.warnings.map((f) => findingText('WARN ', f, options)),
  ];
  return { stdout, stderr: lines.join('') };
}

/** The last stderr line of a failed validation (contract.md §10.3). */
export function validationFailedLine(errorCount: number, prefix = ''): string {
  return `${prefix}validation failed with ${errorCount} error(s)`;
}

/** `<file>:<line>:<column>`, `<file>`, or undefined when the finding has no place. */
export function findingPlace(finding: ReportedFinding, fileName?: string): string | undefined {
  const file = finding.file ?? fileName;
  if (file === undefined) return undefined;
  return finding.line === undefined ? file : `${file}:${finding.line}:${finding.column ?? 1}`;
}

function findingText(level: string, finding: ReportedFinding, options: ValidationTextOptions): string {
  const place = findingPlace(finding, options.fileName);
  const line = `  ${level} [${finding.code}] ${finding.path}: ${messageWithHint(finding)}${place ? ` (${place})` : ''}\n`;
  const file = finding.file ?? options.fileName;
  if (options.source === undefined || file === undefined || finding.line === undefined) return line;
  const text = options.source(file);
  return text === undefined ? line : line + codeFrame(text, finding.line, finding.column ?? 1);
}
