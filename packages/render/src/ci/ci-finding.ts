/** One problem for a CI system, with where it sits. Shared by the GitHub and SARIF formatters. */
export interface CiFinding {
  readonly level: 'error' | 'warning' | 'notice';
  /** Stable identifier of the kind of problem (a validation code, or `pacto/diff/BREAKING`). */
  readonly ruleId: string;
  /** One-line summary of the rule (SARIF `shortDescription`). */
  readonly ruleDescription: string;
  readonly title: string;
  readonly message: string;
  /** Path of the file, relative to the repository root when possible, forward slashes. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/** A file path as CI systems want it: forward slashes, no leading `./`. */
export function ciPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}
