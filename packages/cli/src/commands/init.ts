import { Command } from 'clipanion';
import { choiceFlag, restArgs } from '../flags.js';
import { PactoCommand } from '../base-command.js';

// The formats init writes (SCAFFOLD_VERSIONS of @pacto/schema, kept here so help does not load the models).
const VERSIONS = ['1.0', '2.0'] as const;

export class InitCommand extends PactoCommand {
  static override paths = [['init']];
  static override usage = Command.Usage({
    description: 'Scaffold a new contract directory',
    details: `
      Creates \`<name>/\` with a pacto.yaml, an OpenAPI stub in \`interfaces/\` and a configuration
      schema in \`configuration/\`. The scaffold validates as is; edit it to describe your service.
      The contract is pactoVersion 1.0 unless \`--pacto-version 2.0\` asks for the Go tool's current
      format. Its first line points YAML editors (VS Code with the YAML extension) at the JSON Schema.
    `,
    examples: [
      ['Create a contract for my-service', '$0 init my-service'],
      ['Create a 2.0 contract', '$0 init my-service --pacto-version 2.0'],
      ['Create it, then check it', '$0 init my-service && $0 validate my-service'],
    ],
  });

  args = restArgs('<name>');
  pactoVersion = choiceFlag('--pacto-version', VERSIONS, { description: 'Contract format to write: 1.0 (default) or 2.0', initial: '1.0', placeholder: '<version>' });

  async run(): Promise<number> {
    this.expectArgs(this.args, 1, 1);
    const version = this.pactoVersion ?? '1.0';
    const { runInit } = await import('../run/init.js');
    return runInit(this.io(), { name: this.args[0]!, cwd: this.context.cwd, pactoVersion: version });
  }
}
