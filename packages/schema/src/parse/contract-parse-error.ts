// The one failure stage P produces (contract.md §2.4, §2.3 version-first rule), with every problem it found.

import { PactoError } from '../pacto-error.js';

export type ContractParseErrorCode = 'PARSE_ERROR' | 'UNSUPPORTED_PACTO_VERSION';

/** One problem of a contract that does not parse: one line, where it is, and how to fix it when that is plain. */
export interface ParseProblem {
  /** `unknown field "visiblity" in interfaces[0]`, `failed to parse YAML: …`, `parse error at service.name: …`. */
  readonly message: string;
  readonly hint?: string;
  /** 1-based position in the contract file, when the problem has one. */
  readonly line?: number;
  readonly column?: number;
}

export interface ContractParseErrorInit {
  readonly code: ContractParseErrorCode;
  /** `""` for YAML/decoding failures, else the field (`pactoVersion`, `service.name`, ...). */
  readonly path: string;
  /** The problems, first one first (at least one); the error's message, hint and position are the first's. */
  readonly problems: readonly ParseProblem[];
  readonly fileName: string;
  readonly cause?: unknown;
}

export class ContractParseError extends PactoError {
  declare readonly code: ContractParseErrorCode;
  readonly path: string;
  readonly fileName: string;
  /** Every problem found, in document order (decoding reports them all; a syntax error stops at the first). */
  readonly problems: readonly ParseProblem[];
  /** 1-based position of the first problem, when it has one. */
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(init: ContractParseErrorInit) {
    const first = init.problems[0] ?? { message: 'the contract cannot be read' };
    super(init.code, first.message, { cause: init.cause, ...(first.hint === undefined ? {} : { hint: first.hint }) });
    this.name = 'ContractParseError';
    this.path = init.path;
    this.fileName = init.fileName;
    this.problems = init.problems.length > 0 ? init.problems : [first];
    this.line = first.line;
    this.column = first.column;
  }

  /**
   * The first problem as one line that names its place, as commands print a contract that does not parse:
   * `svc/pacto.yaml:16:5: unknown field "visiblity" in interfaces[0]` (`svc/pacto.yaml: …` without a position),
   * with `(and N more problems)` when there are others.
   */
  get located(): string {
    const more = this.problems.length - 1;
    const rest = more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'}; \`pacto validate\` lists them all)` : '';
    return `${locatedPrefix(this.fileName, this.line, this.column)}${this.message}${rest}`;
  }
}

/** `file:line:column: `, or `file: ` without a position. */
export function locatedPrefix(fileName: string, line: number | undefined, column: number | undefined): string {
  return line === undefined ? `${fileName}: ` : `${fileName}:${line}:${column ?? 1}: `;
}

/** `parse error at <path>: <detail>` for a field's problem (contract.md §2.4), the detail alone otherwise. */
export function renderParseError(path: string, detail: string): string {
  return path === '' ? detail : `parse error at ${path}: ${detail}`;
}
