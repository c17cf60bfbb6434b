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

/**
 * The command line itself is wrong (unknown command or flag, bad flag value, wrong argument count, a
 * missing --config file): exit 2. Printed as git and cobra do: the message, `suggestion` as a sentence of
 * its own (`Did you mean "validate"?`), the hint, then `Run '<usage> --help' for usage.` when `usage` names
 * the command whose help to point at.
 */
export class UsageError extends CliError {
  override readonly name: string = 'UsageError';
  readonly usage: string | undefined;
  readonly suggestion: string | undefined;
  constructor(message: string, options: { cause?: unknown; hint?: string; code?: string; usage?: string; suggestion?: string } = {}) {
    super(message, { ...options, code: options.code ?? 'USAGE_ERROR', exitCode: 2 });
    this.usage = options.usage;
    this.suggestion = options.suggestion;
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

function isUsageError(error: unknown): error is UsageError {
  return isPactoError(error) && exitCodeOf(error) === 2;
}

/**
 * The stderr text of a failed command: a user-facing message verbatim (cli.md §1.2: no prefix)
 * with its hint on the next line, anything else as one short line, with the stack only under `-v`.
 */
export function describeFailure(error: unknown, verbose: boolean): string {
  if (isUsageError(error)) {
    const { usage, suggestion } = error as { usage?: string; suggestion?: string };
    return [error.message, suggestion, error.hint ? `hint: ${error.hint}` : undefined, usage ? `Run '${usage} --help' for usage.` : undefined]
      .filter(Boolean)
      .join('\n');
  }
  if (isUserFacing(error)) return error.hint ? `${error.message}\nhint: ${error.hint}` : error.message;
  if (verbose && error instanceof Error && error.stack) return `unexpected error: ${error.stack}`;
  const message = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${message.split('\n')[0]} (re-run with -v for details)`;
}

/**
 * The JSON document of a failure (CONTRIBUTING.md, Output): `{"error": {"code", "message", "hint"}}`, plus
 * `file`, `line` and `column` when the error has a position. `hint` is absent when there is none.
 */
export function failureJson(error: unknown): { error: Record<string, unknown> } {
  if (!isUserFacing(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: { code: 'UNEXPECTED_ERROR', message: `unexpected error: ${message.split('\n')[0]}` } };
  }
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  for (const key of ['file', 'line', 'column'] as const) {
    const value = (error as unknown as Record<string, unknown>)[key];
    if (value !== undefined) body[key] = value;
  }
  const { usage, suggestion } = error as { usage?: string; suggestion?: string };
  const hint = [suggestion, error.hint, usage ? `Run '${usage} --help' for usage.` : undefined].filter(Boolean).join(' ');
  if (hint) body.hint = hint;
  return { error: body };
}
