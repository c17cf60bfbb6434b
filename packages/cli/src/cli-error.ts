/**
 * A failure the user can act on. The CLI prints `message` as the last stderr line
 * (no prefix, no stack, cli.md §1.2) and exits 1.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** True for errors that carry a message meant for users (typed library errors with a code). */
export function isUserFacing(error: unknown): error is Error {
  // By name too: a run module bundled on its own (scripts/build.mjs) has its own copy of the class.
  if (error instanceof CliError || (error instanceof Error && error.name === 'CliError')) return true;
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/**
 * The stderr text of a failed command: a user-facing message verbatim (cli.md §1.2: no prefix),
 * anything else as one short line, with the stack only under `-v`.
 */
export function describeFailure(error: unknown, verbose: boolean): string {
  if (isUserFacing(error)) return error.message;
  if (verbose && error instanceof Error && error.stack) return error.stack;
  const message = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${message.split('\n')[0]} (re-run with -v for details)`;
}
