/** The fields of a validation finding that reports print (structurally the @pacto/validate Finding). */
export interface ReportedFinding {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  /** How to fix it, when there is something to say. */
  readonly hint?: string;
  /** Display path of the file `line`/`column` point into (the contract file). */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface ReportedResult {
  readonly valid: boolean;
  readonly errors: readonly ReportedFinding[];
  readonly warnings: readonly ReportedFinding[];
}

/** `message; hint` — the one line a finding reads as wherever it has no separate place for the hint. */
export function messageWithHint(finding: ReportedFinding): string {
  return finding.hint ? `${finding.message}; ${finding.hint}` : finding.message;
}
