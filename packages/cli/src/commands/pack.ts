import { Command } from 'clipanion';
import { restArgs, stringFlag } from '../flags.js';
import { PactoCommand } from '../base-command.js';
import { setOption, valuesOption } from '../override-options.js';

export class PackCommand extends PactoCommand {
  static override paths = [['pack']];
  static override usage = Command.Usage({
    description: 'Validate a contract and write its bundle as a .tar.gz archive',
    details: `
      Loads the contract directory (default: the current directory) with its \`.pactoignore\` filter,
      applies \`--values\`/\`--set\` overrides, validates all layers (remote \`ref\` policies are not
      fetched) and writes a gzip-compressed tar of the bundle. The archive is reproducible: the same
      files give the same bytes. Nothing is written when validation fails.
    `,
    examples: [
      ['Pack the contract in the current directory', '$0 pack'],
      ['Pack a directory to a chosen file', '$0 pack my-service -o dist/my-service.tar.gz'],
      ['Pack with the version overridden', '$0 pack my-service --set service.version=1.1.0'],
    ],
  });

  args = restArgs('[dir]', 'directory');
  output = stringFlag('-o,--output', {
    description: 'Archive path (default: <name>-<version>.tar.gz in the current directory)',
    placeholder: '<file>',
    kind: 'file',
  });
  values = valuesOption();
  sets = setOption();

  async run(): Promise<number> {
    this.expectArgs(this.args, 0, 1);
    const { runPack } = await import('../run/pack.js');
    return runPack(this.io(), {
      arg: this.args[0] || '.',
      output: this.output,
      cwd: this.context.cwd,
      values: this.values,
      sets: this.sets,
    });
  }
}
