import { Command } from 'clipanion';
import { PactoCommand } from '../base-command.js';
// A cycle (index.ts registers this command), read only inside run(): a dynamic import here would make
// esbuild split the whole command graph, clipanion included, into chunks of their own at start-up.
import { commands } from './index.js';
import { UsageError } from '../cli-error.js';
import { restArgs } from '../flags.js';

export class HelpCommand extends PactoCommand {
  static override paths = [['help']];
  static override usage = Command.Usage({
    description: 'Show help for pacto or one of its commands',
    details: `
      Without an argument, lists the commands and the global flags; with a command name, shows its usage,
      flags, details and examples (the same as \`pacto <command> --help\`). With \`--output-format json\`,
      prints the same information as data.
    `,
    examples: [
      ['List the commands', '$0 help'],
      ['Show the flags and examples of validate', '$0 help validate'],
    ],
  });

  args = restArgs('[command]', 'command');

  async run(): Promise<number> {
    this.expectArgs(this.args, 0, 1);
    const help = await import('../help.js');
    const all = help.describeAll(commands);
    const name = this.args[0];
    const selected = name === undefined ? all : all.filter((c) => c.name === name);
    if (name !== undefined && selected.length === 0) {
      const { didYouMean } = await import('../suggest.js');
      const hint = didYouMean(name, all.map((c) => c.name));
      throw new UsageError(`unknown command ${JSON.stringify(name)} for "pacto"`, { code: 'UNKNOWN_COMMAND', usage: 'pacto', ...(hint ? { suggestion: hint } : {}) });
    }
    if (this.settings.outputFormat === 'json') {
      this.outJson(help.helpJson(selected));
    } else {
      this.out(name === undefined ? help.renderOverview(all, this.colors.stdout) : help.renderCommandHelp(selected[0]!, this.colors.stdout));
    }
    return 0;
  }
}
