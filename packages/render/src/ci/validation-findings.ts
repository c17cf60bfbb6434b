import { messageWithHint, type ReportedResult } from '../validation/finding.js';
import type { CiFinding } from './ci-finding.js';
import { ciPath } from './ci-finding.js';

/**
 * Validation errors and warnings as CI findings on the contract file (`file` = its path, e.g.
 * `svc/pacto.yaml`; omitted for contracts that are not local files). The message keeps the field path and
 * ends with the hint, when there is one.
 */
export function validationFindings(result: ReportedResult, file?: string): CiFinding[] {
  const convert = (level: 'error' | 'warning') => (finding: ReportedResult['errors'][number]): CiFinding => ({
    level,
    ruleId: finding.code,
    ruleDescription: `Pacto validation: ${finding.code}`,
    title: `pacto validate: ${finding.code}`,
    message: finding.path ? `${finding.path}: ${messageWithHint(finding)}` : messageWithHint(finding),
    ...(file ? { file: ciPath(file) } : {}),
    ...(finding.line !== undefined ? { line: finding.line } : {}),
    ...(finding.column !== undefined ? { column: finding.column } : {}),
  });
  return [...result.errors.map(convert('error')), ...result.warnings.map(convert('warning'))];
}
