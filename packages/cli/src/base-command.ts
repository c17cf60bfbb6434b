import { Command, Option } from 'clipanion';
import { formatJson } from '@pacto/render';
import type { PactoContext } from './context.js';
import { colorsEnabled } from './colors.js';
import { describeFailure, exitCodeOf, failureJson, UsageError } from './cli-error.js';
import { stringFlag } from './flags.js';
import { jsonRequested, resolveSettings, type OutputFormat, type Settings } from './settings.js';
import type { CommandIO } from './run/command-io.js';
import { debugLine, type DebugFields } from './debug-line.js';

/**
 * Base of every pacto command: the persistent flags of cli.md §2.1 and the output helpers.
 * Subclasses implement `run()`; what they throw is reported by `execute()`: one stderr line (plus a
 * `{"error": …}` document on stdout in JSON mode) and the error's exit code.
 */
export abstract class PactoCommand extends Command<PactoContext> {
  /** The `--output-format` values this command prints; any other value of the flag is a usage error. */
  static formats: readonly OutputFormat[] = ['text', 'json'];

  outputFormatFlag = stringFlag('--output-format', {
    description: 'Output format (default text); the values each command takes are listed in its help',
    placeholder: '<format>',
  });
  verboseFlag = Option.Boolean('-v,--verbose', { description: 'Print what the command does (files read, registry requests, cache hits) to stderr' });
  noCacheFlag = Option.Boolean('--no-cache', { description: 'Do not read the on-disk OCI bundle cache' });
  configFlag = stringFlag('--config', {
    description: 'Config file (default: ./pacto.yaml, then ~/.config/pacto/pacto.yaml)',
    placeholder: '<file>',
    kind: 'file',
  });

  #settings: Settings | undefined;

  /** The settings once `execute()` resolved them (undefined when that failed). */
  get resolvedSettings(): Settings | undefined {
    return this.#settings;
  }

  /** Resolved by `execute()` before `run()`. */
  get settings(): Settings {
    if (this.#settings === undefined) throw new Error('settings read before execute() resolved them');
    return this.#settings;
  }

  /** Whether stdout / stderr get colours: a terminal (or FORCE_COLOR), no NO_COLOR, text output (cli.md §1.3). */
  get colors(): { readonly stdout: boolean; readonly stderr: boolean } {
    const text = this.#settings === undefined || this.#settings.outputFormat === 'text';
    return {
      stdout: text && colorsEnabled(this.context.stdoutIsTTY, this.context.env),
      stderr: text && colorsEnabled(this.context.stderrIsTTY, this.context.env),
    };
  }

  out(text: string): void {
    this.context.stdout.write(text);
  }

  err(text: string): void {
    this.context.stderr.write(text);
  }

  /** Writes `value` as the command's JSON result (cli.md §1.4). */
  outJson(value: unknown): void {
    this.out(formatJson(value));
  }

  /** Settings and output for a run module (src/run/*), which does the command's work. */
  io(): CommandIO {
    return {
      settings: this.settings,
      stderrIsTTY: this.context.stderrIsTTY,
      colors: this.colors,
      out: (text) => this.out(text),
      err: (text) => this.err(text),
      debug: (message, fields) => this.debug(message, fields),
    };
  }

  /** A `-v` line on stderr in logfmt (cli.md §1.5): `time=… level=DEBUG msg="…" key=value …`. */
  debug(message: string, fields: DebugFields = {}): void {
    if (this.#settings?.verbose) this.err(debugLine(message, fields));
  }

  /**
   * Checks the positional argument count with the Go tool's wording (cli.md §1.2), which
   * scripts may match on; clipanion's own message for extra arguments is a usage dump.
   */
  expectArgs(args: readonly string[], min: number, max: number): void {
    const got = args.length;
    if (got >= min && got <= max) return;
    const usage = `pacto ${this.path.join(' ')}`;
    const options = { code: 'ARGUMENT_COUNT', usage };
    if (min === max) throw new UsageError(`accepts ${max} arg(s), received ${got}`, options);
    if (min === 0) throw new UsageError(`accepts at most ${max} arg(s), received ${got}`, options);
    throw new UsageError(`accepts between ${min} and ${max} arg(s), received ${got}`, options);
  }

  abstract run(): Promise<number>;

  /** The exit code of a failure; `diff` makes every failure 2 ("could not compare", as diff(1) does). */
  protected exitCodeFor(error: unknown): number {
    return exitCodeOf(error);
  }

  async execute(): Promise<number> {
    try {
      const { settings, notes } = await resolveSettings(
        { outputFormat: this.outputFormatFlag, verbose: this.verboseFlag, noCache: this.noCacheFlag, config: this.configFlag },
        this.context.env,
        this.context.cwd,
        (this.constructor as typeof PactoCommand).formats,
        `pacto ${this.path.join(' ')}`,
      );
      this.#settings = { ...settings, debug: (message, fields) => this.debug(message, fields) };
      for (const note of notes) this.debug(note);
      return await this.run();
    } catch (error) {
      const verbose = this.#settings?.verbose ?? this.verboseFlag ?? false;
      this.err(`${describeFailure(error, verbose)}\n`);
      const json = this.#settings ? this.#settings.outputFormat === 'json' : jsonRequested(this.outputFormatFlag, this.context.env);
      if (json) this.outJson(failureJson(error));
      return this.exitCodeFor(error);
    }
  }
}
