import { PactoError } from '@pacto/schema';

export type OciErrorCode =
  | 'INVALID_REFERENCE'
  | 'AUTH_FAILED'
  | 'NOT_FOUND'
  | 'UNREACHABLE'
  | 'BUILD_FAILED'
  | 'EXTRACT_FAILED'
  | 'DIGEST_MISMATCH'
  | 'NO_SEMVER_TAGS'
  | 'NO_MATCHING_TAG'
  | 'INVALID_CONSTRAINT'
  | 'CREDENTIALS_FILE'
  | 'INVALID_TIMEOUT';

/** A registry, reference or artifact failure; `message` is the one line the CLI prints (oci.md §12). */
export class OciError extends PactoError {
  override readonly name = 'OciError';
  declare readonly code: OciErrorCode;
  /** HTTP status of the failing exchange, when there was one. */
  readonly status: number | undefined;

  constructor(code: OciErrorCode, message: string, options: { cause?: unknown; status?: number; hint?: string } = {}) {
    super(code, message, options);
    this.status = options.status;
  }
}

export function isOciError(value: unknown): value is OciError {
  return value instanceof OciError;
}
