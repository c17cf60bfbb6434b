import { Command } from 'clipanion';
import { restArgs } from '../flags.js';
import { PactoCommand } from '../base-command.js';

export class InitCommand extends PactoCommand {
  static override paths = [['init']];
  static override usage = Command.Usage({
    description: 'Scaffold a new contract directory',
    details: `
      Creates \`<name>/\` with a pacto.yaml, an OpenAPI stub in \`interfaces/\` and a configuration
      schema in \`configuration/\`. The scaffold validates as is; edit it to describe your service.
    `,
    examples: [
      ['Create a contract for my-service', '$0 init my-service'],
      ['Create it, then check it', '$0 init my-service && $0 validate my-service'],
    ],
  });

  args = restArgs('<name>');

  async run(): Promise<number> {
    this.expectArgs(this.args, 1, 1);
    const { runInit } = await import('../run/init.js');
    return runInit(this.io(), { name: this.args[0]!, cwd: this.context.cwd });
  }
}
