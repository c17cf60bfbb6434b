import { Cli, type CommandClass } from 'clipanion';
import { buildInfo } from './build-info.js';
import { describeFailure, failureJson, isUserFacing, UsageError } from './cli-error.js';
import { commands } from './commands/index.js';
import type { PactoContext } from './context.js';
import type { FlagDescription } from './command-info.js';
import { jsonRequested, type Settings } from './settings.js';

// Persistent flags (cli.md §2.1) that may also come before the command name: `pacto -v validate`.
const GLOBAL_BOOLEANS = new Set(['-v', '--verbose', '--no-cache']);
const GLOBAL_VALUED = new Set(['--output-format', '--config']);
const HELP_FLAGS = new Set(['-h', '--help']);

export async function runCli(argv: readonly string[], context: PactoContext): Promise<number> {
  const args = hoistGlobalFlags(argv);
  const first = args[0];
  if (first === '--version') {
    // The bare version, as npm, pnpm and tsc print it; JSON mode gives `pacto version`'s document.
    const rest = args.slice(1);
    if (jsonRequested(formatOf(rest), context.env)) return runCli(['version', ...rest], context);
    context.stdout.write(`${buildInfo.version}\n`);
    return 0;
  }
  // `pacto`, `pacto --help`, `pacto validate --help`: help, on stdout, exit 0.
  if (first === undefined || HELP_FLAGS.has(first) || (commandNamed(first) && wantsHelp(args))) {
    return runCli(['help', ...(first === undefined || HELP_FLAGS.has(first) ? [] : [first]), ...globalsOf(args)], context);
  }
  const cli = new Cli<PactoContext>({ binaryName: 'pacto', binaryLabel: 'Pacto', binaryVersion: buildInfo.version });
  for (const command of commandsFor(args)) cli.register(command as CommandClass<PactoContext>);
  let command;
  try {
    command = cli.process([...args], context);
  } catch (error) {
    return reportUsageError(await usageErrorOf(error, args), args, context);
  }
  const check = startUpdateCheck(first, context.env);
  // Failures inside a command are handled by PactoCommand.execute.
  const code = await cli.run(command, context);
  if (check) {
    const notice = await check;
    // The notice is for people: text output only (cli.md §2.4), after the command's own output.
    if ((command as { resolvedSettings?: Settings }).resolvedSettings?.outputFormat === 'text') context.stderr.write(await notice.finish());
    else notice.cancel();
  }
  return code;
}

// Commands after which no update notice is printed: update itself (cli.md §2.4), and completion, whose
// output is sourced by a shell.
const NO_NOTICE = new Set(['update', 'completion']);

/**
 * Starts the update check beside the command, unless `PACTO_NO_UPDATE_CHECK=1` or in CI (`CI` is set by
 * every CI service). The module is loaded only then.
 */
function startUpdateCheck(command: string | undefined, env: Record<string, string | undefined>) {
  if (env.PACTO_NO_UPDATE_CHECK === '1' || env.CI || command === undefined || NO_NOTICE.has(command)) return undefined;
  return import('./update-check.js').then((m) => m.startUpdateCheck(buildInfo.version, env));
}

function commandNamed(name: string): boolean {
  return commands.some((command) => command.paths?.some((path) => path[0] === name));
}

function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => HELP_FLAGS.has(arg));
}

/** The persistent flags of `args` (so `pacto validate --help --output-format json` keeps its format). */
function globalsOf(args: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (GLOBAL_BOOLEANS.has(arg)) kept.push(arg);
    else if (GLOBAL_VALUED.has(arg) && i + 1 < args.length) kept.push(arg, args[(i += 1)]!);
    else if ([...GLOBAL_VALUED].some((flag) => arg.startsWith(`${flag}=`))) kept.push(arg);
  }
  return kept;
}

/** Moves persistent flags given before the command name after it, where every command declares them. */
function hoistGlobalFlags(argv: readonly string[]): string[] {
  const leading: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i]!;
    if (GLOBAL_BOOLEANS.has(arg)) leading.push(arg);
    else if (GLOBAL_VALUED.has(arg) && i + 1 < argv.length) leading.push(arg, argv[(i += 1)]!);
    else if ([...GLOBAL_VALUED].some((flag) => arg.startsWith(`${flag}=`))) leading.push(arg);
    else break;
    i += 1;
  }
  if (leading.length === 0 || i >= argv.length) return [...argv];
  return [argv[i]!, ...leading, ...argv.slice(i + 1)];
}

/** Turns clipanion's parser errors into one usage line with a suggestion (exit 2). */
async function usageErrorOf(error: unknown, args: readonly string[]): Promise<UsageError> {
  const first = args[0] ?? '';
  const command = commands.find((c) => c.paths?.some((path) => path[0] === first));
  const usage = command ? `pacto ${first}` : 'pacto';
  if (isUserFacing(error)) {
    // Raised while parsing (an enumerated flag's value): keep it, point at the command's help.
    return new UsageError(error.message, { code: error.code, usage, ...(error.hint ? { hint: error.hint } : {}), ...suggestion((error as { suggestion?: string }).suggestion), cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  const { didYouMean } = await import('./suggest.js');
  if (!command) {
    if (first.startsWith('-')) {
      return new UsageError(`unknown flag: ${first.split('=')[0]}`, { code: 'UNKNOWN_FLAG', usage, ...suggestion(didYouMean(first, ['--help', '--version'])) });
    }
    const names = commands.flatMap((c) => (c.usage === undefined ? [] : (c.paths ?? []).map((path) => path[0]!)));
    return new UsageError(`unknown command ${JSON.stringify(first)} for "pacto"`, { code: 'UNKNOWN_COMMAND', usage, ...suggestion(didYouMean(first, names)) });
  }
  const { describeCommand } = await import('./command-info.js');
  const flags = describeCommand(command).flags;
  const unknown = unknownFlag(args.slice(1), flags);
  if (unknown) {
    const special = misusedFlag(first, unknown);
    if (special) return new UsageError(special.message, { code: 'UNKNOWN_FLAG', usage, hint: special.hint });
    return new UsageError(`unknown flag: ${unknown}`, { code: 'UNKNOWN_FLAG', usage, ...suggestion(didYouMean(unknown, [...flags.flatMap((f) => f.names), '--help'])) });
  }
  const missingValue = /Not enough arguments to option ([^\s.]+)/.exec(message);
  if (missingValue) {
    const flag = flags.find((f) => f.names.includes(missingValue[1]!));
    const values = flag?.choices ? `: expected ${flag.choices.join(', ')}` : flag?.placeholder ? ` ${flag.placeholder}` : '';
    return new UsageError(`flag needs an argument: ${missingValue[1]}${values}`, { code: 'MISSING_FLAG_VALUE', usage });
  }
  const extra = /Extraneous positional argument \("(.*)"\)/.exec(message);
  if (extra) return new UsageError(`unknown command ${JSON.stringify(JSON.parse(`"${extra[1]}"`))} for "pacto ${first}"`, { code: 'ARGUMENT_COUNT', usage });
  return new UsageError(message.split('\n')[0] ?? message, { usage });
}

/** The first flag in `args` that the command does not declare (`--x=1` and `-abc` batches included). */
function unknownFlag(args: readonly string[], flags: readonly FlagDescription[]): string | undefined {
  const byName = new Map(flags.flatMap((flag) => flag.names.map((name) => [name, flag] as const)));
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--') return undefined;
    if (!arg.startsWith('-') || arg === '-' || HELP_FLAGS.has(arg)) continue;
    const name = arg.split('=')[0]!;
    const names = /^-[^-]{2,}$/.test(name) ? [...name.slice(1)].map((c) => `-${c}`) : [name];
    for (const each of names) if (!byName.has(each)) return each;
    // A value-taking flag consumes the next argument (`--set -x` sets "-x").
    if (names.length === 1 && !arg.includes('=') && byName.get(name)?.takesValue) i += 1;
  }
  return undefined;
}

/** The `--output-format` value on the command line, if any. */
function formatOf(args: readonly string[]): string | undefined {
  return globalsOf(args).reduce<string | undefined>((found, arg, i, all) => {
    if (arg === '--output-format') return all[i + 1];
    if (arg.startsWith('--output-format=')) return arg.slice('--output-format='.length);
    return found;
  }, undefined);
}

function suggestion(text: string | undefined): { suggestion?: string } {
  return text === undefined ? {} : { suggestion: text };
}

/**
 * The flag spellings that mean something else on another command. `-f` is `--values` everywhere
 * (docs/decisions.md); on `push`, where the Go tool made it `--force`, it is refused with both choices.
 */
function misusedFlag(command: string, flag: string): { message: string; hint: string } | undefined {
  if (command === 'push' && flag === '-f') {
    return {
      message: 'unknown flag: -f',
      hint: 'push has no -f: write --force to overwrite an existing tag, or --values <file> to merge a values file (-f is --values on the other commands)',
    };
  }
  if (command !== 'push' && flag === '--force') return { message: 'unknown flag: --force', hint: 'only push has --force' };
  return undefined;
}

async function reportUsageError(error: UsageError, args: readonly string[], context: PactoContext): Promise<number> {
  context.stderr.write(`${describeFailure(error, false)}\n`);
  if (jsonRequested(formatOf(args), context.env)) {
    const { formatJson } = await import('@pacto/render');
    context.stdout.write(formatJson(failureJson(error)));
  }
  return 2;
}

/**
 * Clipanion compiles one state machine over every registered option of every command, which
 * is most of the start-up cost. When the first argument names a command, only that command can
 * match, so only it is registered; anything else (typos) gets the full set.
 */
function commandsFor(argv: readonly string[]): typeof commands {
  const first = argv[0];
  const named = commands.filter((command) => command.paths?.some((path) => path[0] === first));
  return named.length > 0 ? named : commands;
}
