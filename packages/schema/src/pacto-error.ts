/**
 * The base of every error the project raises for a person to act on. Commands print `message`
 * as one line (and `hint` after it); anything that is not a PactoError is a fault of ours and
 * is printed as `unexpected error: …`. A Node error with a string `code` (ENOENT, a TypeError
 * from a library) is not one of these: it must be wrapped at the package boundary.
 */
export class PactoError extends Error {
  /** A stable code, one per user-visible failure, for scripts and tests. */
  readonly code: string;
  /** How to fix it, when there is something to say (`run \`pacto init <name>\` to create one`). */
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: { cause?: unknown; hint?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }

  // Several bundles can carry their own copy of this class (the CLI's run modules, a plugin that
  // bundles @pacto/schema), so `instanceof` alone would miss errors raised by another copy.
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    if ((value as Record<symbol, unknown>)[pactoErrorBrand] === true) {
      return this === PactoError || Function.prototype[Symbol.hasInstance].call(this, value);
    }
    return false;
  }
}

const pactoErrorBrand = Symbol.for('@pacto/error');
Object.defineProperty(PactoError.prototype, pactoErrorBrand, { value: true });

/** True for errors the project raised on purpose, with a message meant for people. */
export function isPactoError(value: unknown): value is PactoError {
  return value instanceof PactoError;
}
