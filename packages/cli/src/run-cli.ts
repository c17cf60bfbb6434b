import { Builtins, Cli, type CommandClass } from 'clipanion';
import { buildInfo } from './build-info.js';
import { commands } from './commands/index.js';
import type { PactoContext } from './context.js';

export async function runCli(argv: readonly string[], context: PactoContext): Promise<number> {
  const cli = new Cli<PactoContext>({ binaryName: 'pacto', binaryLabel: 'Pacto', binaryVersion: buildInfo.version,
    enableColors: context.stdoutIsTTY,
  });
  cli.register(Builtins.HelpCommand);
  for (const command of commandsFor(argv)) cli.register(command as CommandClass<PactoContext>);
  if (argv.length === 0) {
    context.stdout.write(cli.usage(null));
    return 0;
  }
  let command;
  try {
    command = cli.process([...argv], context);
  } catch (error) {
    // Parser errors: one line, no usage dump (cli.md §1.2).
    context.stderr.write(`${parserErrorLine(error, argv, cli)}\n`);
    return 1;
  }
  // Failures inside a command are handled by PactoCommand.execute; run() adds help and context.
  return cli.run(command, context);
}

function parserErrorLine(error: unknown, argv: readonly string[], cli: Cli<PactoContext>): string {
  const message = error instanceof Error ? error.message : String(error);
  const unsupported = /Unsupported option name \("([^"]+)"\)/.exec(message);
  if (unsupported) return `unknown flag: ${unsupported[1]}`;
  const known = new Set(cli.definitions().map((d) => d.path.split(' ')[1]));
  const first = argv[0];
  if (first && !first.startsWith('-') && !known.has(first)) return `unknown command ${JSON.stringify(first)} for "pacto"`;
  return message.split('\n')[0] ?? message;
}

/**
 * Clipanion compiles one state machine over every registered option of every command, which
 * is most of the start-up cost. When the first argument names a command, only that command can
 * match, so only it is registered; anything else (help, typos) gets the full set.
 */
function commandsFor(argv: readonly string[]): typeof commands {
  const first = argv[0];
  const named = commands.filter((command) => command.paths?.some((path) => path[0] === first));
  return named.length > 0 ? named : commands;
}
