import { ARGS_INFO, FLAG_INFO, type ArgsInfo, type FlagInfo, type ValueKind } from './flag-info.js';
import type { OutputFormat } from './settings.js';

// What help, completion and did-you-mean know about a command, read from the command class itself: its
// paths and usage, and each option clipanion would register (names, arity, description) plus what
// src/flags.ts attached (placeholder, choices, value kind). A command added later needs no edit here.

export interface FlagDescription {
  /** `['-f', '--values']` */
  readonly names: readonly string[];
  readonly description: string;
  /** Boolean flags take no value. */
  readonly takesValue: boolean;
  readonly placeholder: string | undefined;
  readonly choices: readonly string[] | undefined;
  readonly kind: ValueKind;
  readonly repeatable: boolean;
  /** One of the persistent flags every command accepts (cli.md §2.1). */
  readonly global: boolean;
}

export interface CommandDescription {
  readonly name: string;
  readonly description: string;
  readonly details: string | undefined;
  readonly examples: readonly (readonly [string, string])[];
  /** `<old> <new>`, `[dir | oci://ref]`, or empty. */
  readonly synopsis: string;
  readonly argsKind: ValueKind;
  /** The values of an enumerated argument (`completion <shell>`). */
  readonly argsChoices: readonly string[] | undefined;
  readonly flags: readonly FlagDescription[];
  readonly formats: readonly OutputFormat[];
  readonly hidden: boolean;
}

export const GLOBAL_FLAG_NAMES = new Set(['--output-format', '--verbose', '--no-cache', '--config']);

/** `-h, --help`: handled before clipanion parses argv, so no command declares it. */
export const HELP_FLAG: FlagDescription = {
  names: ['-h', '--help'],
  description: 'Show help for the command',
  takesValue: false,
  placeholder: undefined,
  choices: undefined,
  kind: 'none',
  repeatable: false,
  global: true,
};

interface OptionSpec {
  definition(builder: unknown, key: string): void;
}

interface Usage {
  readonly description?: string;
  readonly details?: string;
  readonly examples?: readonly (readonly [string, string])[];
}

/** A command class as help and completion see it (any context type). */
export type CommandClassLike = abstract new () => unknown;

export function describeCommand(commandClass: CommandClassLike): CommandDescription {
  const instance = new (commandClass as unknown as new () => Record<string, unknown>)();
  const flags: FlagDescription[] = [];
  let synopsis = '';
  let argsKind: ValueKind = 'none';
  let argsChoices: readonly string[] | undefined;
  for (const key of Object.keys(instance)) {
    const value = instance[key];
    if (typeof value !== 'object' || value === null || typeof (value as OptionSpec).definition !== 'function') continue;
    const meta = (value as Record<symbol, unknown>)[FLAG_INFO] as FlagInfo | undefined;
    const args = (value as Record<symbol, unknown>)[ARGS_INFO] as ArgsInfo | undefined;
    // Clipanion's own declaration, read by handing it a builder that records what it adds.
    (value as OptionSpec).definition(
      {
        addOption(option: { names: string[]; arity: number; description?: string; hidden?: boolean }) {
          if (option.hidden) return;
          const names = [...option.names].sort((a, b) => a.length - b.length);
          flags.push({
            names,
            description: option.description ?? '',
            takesValue: option.arity > 0,
            placeholder: option.arity > 0 ? (meta?.placeholder ?? '<value>') : undefined,
            choices: meta?.choices,
            kind: meta?.kind ?? (option.arity > 0 ? 'file' : 'none'),
            repeatable: meta?.repeatable ?? false,
            global: names.some((name) => GLOBAL_FLAG_NAMES.has(name)),
          });
        },
        addRest(rest: { name: string }) {
          synopsis = args?.synopsis ?? (rest.name ? `[${rest.name}...]` : '');
          argsKind = args?.kind ?? 'file';
          argsChoices = args?.choices;
        },
        addPositional(positional: { name: string; required?: boolean }) {
          const part = positional.required === false ? `[${positional.name}]` : `<${positional.name}>`;
          synopsis = synopsis ? `${synopsis} ${part}` : part;
          argsKind = 'file';
        },
        addProxy() {
          synopsis = synopsis ? `${synopsis} ...` : '...';
        },
      },
      key,
    );
  }
  const statics = commandClass as unknown as { paths?: string[][]; usage?: Usage; formats?: readonly OutputFormat[] };
  const usage = statics.usage ?? {};
  return {
    name: (statics.paths?.[0] ?? []).join(' '),
    description: usage.description ?? '',
    details: usage.details,
    examples: usage.examples ?? [],
    synopsis,
    argsKind,
    argsChoices,
    flags,
    formats: statics.formats ?? ['text', 'json'],
    hidden: statics.usage === undefined,
  };
}
