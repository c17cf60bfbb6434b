/** The fields of a validation finding that reports print (structurally the @pacto/validate Finding). */
export interface ReportedFinding {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export interface ReportedResult {
  readonly valid: boolean;
  readonly errors: readonly ReportedFinding[];
  readonly warnings: readonly ReportedFinding[];
}
