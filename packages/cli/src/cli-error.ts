import { isPactoError, PactoError } from '@pacto/schema';

/**
 * A failure the user can act on, raised by the CLI itself. The CLI prints `message` as the last
 * stderr line (no prefix, no stack, cli.md §1.2), `hint` on the line after it, and exits with
 * `exitCode`: 1 for a failed operation, 2 for a usage error (see UsageError).
 */
export class CliError extends PactoError {
  override readonly name: string = 'CliError';
  readonly exitCode: number;
  constructor(message: string, options: { cause?: unknown; hint?: string; code?: string; exitCode?: number } = {}) {
    super(options.code ?? 'CLI_ERROR', message, options);
    this.exitCode = options.exitCode ?? 1;
  }
}

/** The command line itself is wrong (unknown flag value, missing argument, missing --config file): exit 2. */
export class UsageError extends CliError {
  override readonly name: string = 'UsageError';
  constructor(message: string, options: { cause?: unknown; hint?: string; code?: string } = {}) {
    super(message, { ...options, code: options.code ?? 'USAGE_ERROR', exitCode: 2 });
  }
}

/** True for errors that carry a message meant for users: those the project raised as PactoErrors. */
export function isUserFacing(error: unknown): error is PactoError {
  return isPactoError(error);
}

/** The process exit code for a failure: a CliError's own, 1 for everything else. */
export function exitCodeOf(error: unknown): number {
  const exitCode: unknown = isPactoError(error) ? (error as { exitCode?: unknown }).exitCode : undefined;
  return typeof exitCode === 'number' ? exitCode : 1;
}

/**
 * The stderr text of a failed command: a user-facing message verbatim (cli.md §1.2: no prefix)
 * with its hint on the next line, anything else as one short line, with the stack only under `-v`.
 */
export function describeFailure(error: unknown, verbose: boolean): string {
  if (isUserFacing(error)) return error.hint ? `${error.message}\nhint: ${error.hint}` : error.message;
  if (verbose && error instanceof Error && error.stack) return `unexpected error: ${error.stack}`;
  const message = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${message.split('\n')[0]} (re-run with -v for details)`;
}
