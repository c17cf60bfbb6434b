import { Command } from 'clipanion';
import { PactoCommand } from '../base-command.js';
// A cycle (index.ts registers this command), read only inside run(): a dynamic import here would make
// esbuild split the whole command graph, clipanion included, into chunks of their own at start-up.
import { commands } from './index.js';
import { invalidChoice, restArgs } from '../flags.js';

export class CompletionCommand extends PactoCommand {
  static override paths = [['completion']];
  static override usage = Command.Usage({
    description: 'Print a shell completion script (bash, zsh or fish)',
    details: `
      Prints a script that completes pacto's commands, flags, the values of enumerated flags
      (\`--output-format\`, \`--fail-on\`, \`--format\`) and directories or files where an argument is one.
      It is generated from the installed pacto, so it knows every command that version has: load it again
      after an upgrade.

      bash: \`source <(pacto completion bash)\` in ~/.bashrc, or save it as
      ~/.local/share/bash-completion/completions/pacto. zsh (after compinit): \`source <(pacto completion zsh)\`
      in ~/.zshrc, or save it as \`_pacto\` in a directory of $fpath. fish: \`pacto completion fish | source\`, or
      save it as ~/.config/fish/completions/pacto.fish.
    `,
    examples: [
      ['Complete in the current bash', 'source <($0 completion bash)'],
      ['Install for zsh', '$0 completion zsh > "${fpath[1]}/_pacto"'],
      ['Install for fish', '$0 completion fish > ~/.config/fish/completions/pacto.fish'],
    ],
  });

  args = restArgs('<shell>', { choices: ['bash', 'zsh', 'fish'] });

  async run(): Promise<number> {
    this.expectArgs(this.args, 1, 1);
    const { SHELLS, completionScript } = await import('../completion.js');
    const shell = this.args[0]!;
    if (!(SHELLS as readonly string[]).includes(shell)) {
      throw invalidChoice('<shell>', shell, SHELLS, 'pacto completion');
    }
    const { describeAll } = await import('../help.js');
    const script = completionScript(shell as (typeof SHELLS)[number], describeAll(commands));
    if (this.settings.outputFormat === 'json') this.outJson({ shell, script });
    else this.out(script);
    return 0;
  }
}
