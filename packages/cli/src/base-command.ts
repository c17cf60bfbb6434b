import { Command, Option } from 'clipanion';
import type { PactoContext } from './context.js';
import { CliError, describeFailure, exitCodeOf } from './cli-error.js';
import { resolveSettings, type Settings } from './settings.js';
import type { CommandIO } from './run/command-io.js';
import { debugLine } from './debug-line.js';

/**
 * Base of every pacto command: the persistent flags of cli.md §2.1 and the output helpers.
 * Subclasses implement `run()`; errors they throw are turned into one stderr line by main.ts.
 */
export abstract class PactoCommand extends Command<PactoContext> {
  outputFormatFlag = Option.String('--output-format', {
    description: 'Output format: text (default), json, markdown; diff and validate also take github, sarif and codequality',
  });
  verboseFlag = Option.Boolean('-v,--verbose', { description: 'Print debug logs to stderr' });
  noCacheFlag = Option.Boolean('--no-cache', { description: 'Do not read the on-disk OCI bundle cache' });
  configFlag = Option.String('--config', { description: 'Path of a pacto config file (default: ./pacto.yaml, then ~/.config/pacto/pacto.yaml)' });

  #settings: Settings | undefined;

  get settings(): Settings {
    this.#settings ??= resolveSettings(
      {
        outputFormat: this.outputFormatFlag,
        verbose: this.verboseFlag,
        noCache: this.noCacheFlag,
        config: this.configFlag,
      },
      this.context.env,
      this.context.cwd,
    );
    return this.#settings;
  }

  out(text: string): void {
    this.context.stdout.write(text);
  }

  err(text: string): void {
    this.context.stderr.write(text);
  }

  /** Settings and output for a run module (src/run/*), which does the command's work. */
  io(): CommandIO {
    return {
      settings: this.settings,
      stderrIsTTY: this.context.stderrIsTTY,
      out: (text) => this.out(text),
      err: (text) => this.err(text),
      debug: (message) => this.debug(message),
    };
  }

  debug(message: string): void {
    if (this.settings.verbose) {
      this.err(debugLine(message));
    }
  }

  /**
   * Checks the positional argument count with the Go tool's wording (cli.md §1.2), which
   * scripts may match on; clipanion's own message for extra arguments is a usage dump.
   */
  expectArgs(args: readonly string[], min: number, max: number): void {
    const got = args.length;
    if (got >= min && got <= max) return;
    if (min === max) throw new CliError(`accepts ${max} arg(s), received ${got}`);
    if (min === 0) throw new CliError(`accepts at most ${max} arg(s), received ${got}`);
    throw new CliError(`accepts between ${min} and ${max} arg(s), received ${got}`);
  }

  abstract run(): Promise<number>;

  async execute(): Promise<number> {
    try {
      return await this.run();
    } catch (error) {
      this.err(`${describeFailure(error, this.settings.verbose)}\n`);
      return exitCodeOf(error);
    }
  }
}
