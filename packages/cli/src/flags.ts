import { Option } from 'clipanion';
import { UsageError } from './cli-error.js';
import { ARGS_INFO, FLAG_INFO, listChoices, type ArgsInfo, type FlagInfo, type ValueKind } from './flag-info.js';

export { listChoices } from './flag-info.js';
export type { ArgsInfo, FlagInfo, ValueKind } from './flag-info.js';

// Flags and positional arguments with what help and shell completion need to know about them: a value
// placeholder (`<file>`), the allowed values of an enumerated flag, and what a value is (a file, a directory).
// Clipanion keeps an option's declaration object on the command instance until it parses argv, so the
// description below rides along on that object and is read back by describeCommand() (src/command-info.ts).

function annotate<T>(option: T, symbol: symbol, info: FlagInfo | ArgsInfo): T {
  Object.defineProperty(option, symbol, { value: info, enumerable: false });
  return option;
}

interface ValueFlagOptions {
  readonly description: string;
  /** Shown after the flag name in help: `<file>`. Default `<value>`. */
  readonly placeholder?: string;
  readonly kind?: ValueKind;
}

/** A flag taking one value (`--output <file>`); the last occurrence wins. */
export function stringFlag(names: string, options: ValueFlagOptions): string | undefined;
export function stringFlag(names: string, initial: string, options: ValueFlagOptions): string;
export function stringFlag(names: string, a: string | ValueFlagOptions, b?: ValueFlagOptions): string | undefined {
  const options = typeof a === 'string' ? b! : a;
  const option = typeof a === 'string' ? Option.String(names, a, { description: options.description }) : Option.String(names, { description: options.description });
  return annotate(option, FLAG_INFO, { placeholder: options.placeholder ?? '<value>', kind: options.kind ?? 'none' });
}

/** A repeatable flag (`--set <key=value>`, given once per value). */
export function arrayFlag(names: string, options: ValueFlagOptions): string[] {
  const option = Option.Array(names, [], { description: options.description });
  return annotate(option, FLAG_INFO, { placeholder: options.placeholder ?? '<value>', kind: options.kind ?? 'none', repeatable: true });
}

/**
 * An enumerated flag: any other value is a usage error (exit 2) naming the allowed ones, raised while argv is
 * parsed, before the command does anything. `caseInsensitive` accepts `breaking` for `BREAKING`.
 */
export function choiceFlag<const T extends string>(
  names: string,
  choices: readonly T[],
  options: { readonly description: string; readonly initial?: T; readonly placeholder?: string; readonly caseInsensitive?: boolean },
): T | undefined {
  const flag = names.split(',').at(-1)!;
  // Clipanion's validator protocol (typanion's): a coercion queued here replaces the value with the canonical spelling.
  const validator = (value: unknown, state?: { coercions?: [string, () => void][]; coercion?: (v: unknown) => unknown }): value is T => {
    const given = String(value);
    const match = choices.find((choice) => (options.caseInsensitive ? choice.toLowerCase() === given.toLowerCase() : choice === given));
    if (match === undefined) throw invalidChoice(flag, given, choices);
    if (match !== given && state?.coercions && state.coercion) state.coercions.push(['', state.coercion.bind(null, match) as () => void]);
    return true;
  };
  const option =
    options.initial === undefined
      ? Option.String(names, { description: options.description, validator: validator as never })
      : Option.String(names, options.initial, { description: options.description, validator: validator as never });
  return annotate(option as T | undefined, FLAG_INFO, { placeholder: options.placeholder ?? '<value>', choices, kind: 'none' });
}

/** The usage error of a value outside an enumeration; `source` names where the value came from. */
export function invalidChoice(source: string, given: string, choices: readonly string[], usage?: string): UsageError {
  return new UsageError(`invalid value ${JSON.stringify(given)} for ${source}: expected ${listChoices(choices)}`, {
    code: 'INVALID_FLAG_VALUE',
    ...(usage ? { usage } : {}),
  });
}

/** The number in a `--port` value (0 asks the system for a free port); anything else is a usage error of `usage`. */
export function parsePortFlag(value: string, usage: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(`invalid value ${JSON.stringify(value)} for --port: expected a port number 0-65535`, { code: 'INVALID_FLAG_VALUE', usage });
  }
  return port;
}

/**
 * The positional arguments of a command, shown as `synopsis` in its usage line (`pacto diff <old> <new>`);
 * the command checks their count with `expectArgs`.
 */
export function restArgs(synopsis: string, kind: ValueKind | { readonly choices: readonly string[] } = 'none'): string[] {
  const info: ArgsInfo = typeof kind === 'string' ? { synopsis, kind } : { synopsis, kind: 'none', choices: kind.choices };
  return annotate(Option.Rest({ name: synopsis }), ARGS_INFO, info);
}
