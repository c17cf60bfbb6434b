// The one failure stage P produces (contract.md §2.4, §2.3 version-first rule).

import { PactoError } from '../pacto-error.js';

export type ContractParseErrorCode = 'PARSE_ERROR' | 'UNSUPPORTED_PACTO_VERSION';

export interface ContractParseErrorInit {
  readonly code: ContractParseErrorCode;
  /** `""` for YAML/decoding failures, else the field (`pactoVersion`, `service.name`, ...). */
  readonly path: string;
  /** The message without the `parse error...` prefix, e.g. `failed to parse YAML: EOF`. */
  readonly detail: string;
  readonly fileName: string;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly cause?: unknown;
}

export class ContractParseError extends PactoError {
  declare readonly code: ContractParseErrorCode;
  readonly path: string;
  readonly detail: string;
  readonly fileName: string;
  /** 1-based position of the offending node, when there is one. */
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(init: ContractParseErrorInit) {
    super(init.code, init.code === 'UNSUPPORTED_PACTO_VERSION' ? init.detail : renderParseError(init.path, init.detail), {
      cause: init.cause,
    });
    this.name = 'ContractParseError';
    this.path = init.path;
    this.detail = init.detail;
    this.fileName = init.fileName;
    this.line = init.line;
    this.column = init.column;
  }

  /** The `parse error[ at <path>]: <detail>` text commands print after `failed to parse <file>: `. */
  get text(): string {
    return renderParseError(this.path, this.detail);
  }
}

export function renderParseError(path: string, detail: string): string {
  return path === '' ? `parse error: ${detail}` : `parse error at ${path}: ${detail}`;
}
