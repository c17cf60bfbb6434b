// What src/flags.ts attaches to clipanion's option declarations, in a module of its own without clipanion:
// help and completion read it from dynamically loaded code, and a shared import of clipanion would split the
// start-up bundle.

/** What the shell offers for a value: files, directories, command names, or nothing (choices are offered when listed). */
export type ValueKind = 'file' | 'directory' | 'command' | 'none';

export interface FlagInfo {
  /** `<file>`, `<dir>`, `<key=value>`; boolean flags have none. */
  readonly placeholder?: string;
  /** The only values an enumerated flag accepts (checked when argv is parsed). */
  readonly choices?: readonly string[];
  readonly kind?: ValueKind;
  readonly repeatable?: boolean;
}

export interface ArgsInfo {
  /** The positional part of the usage line: `<old> <new>`, `[dir | oci://ref]`. */
  readonly synopsis: string;
  readonly kind: ValueKind;
  /** The values the arguments take, when they are an enumeration (`completion <shell>`). */
  readonly choices?: readonly string[];
}


export const FLAG_INFO = Symbol.for('@pacto/cli/flag-info');
export const ARGS_INFO = Symbol.for('@pacto/cli/args-info');

/** `a, b or c` */
export function listChoices(choices: readonly string[]): string {
  return choices.length <= 1 ? choices.join('') : `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
}
