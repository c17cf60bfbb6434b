import { Command } from 'clipanion';
import { restArgs } from '../flags.js';
import { PactoCommand } from '../base-command.js';
import { setOption, valuesOption } from '../override-options.js';

export class ExplainCommand extends PactoCommand {
  static override paths = [['explain']];
  static override usage = Command.Usage({
    description: 'Summarise a contract for people',
    details: `
      Prints the service identity, owner, runtime, interfaces, dependencies, scaling and (for
      1.1 contracts) the readiness score evaluated today. The contract is only parsed, not
      validated: run \`pacto validate\` for that.
    `,
    examples: [
      ['Explain the contract in the current directory', '$0 explain'],
      ['Explain a directory as JSON', '$0 explain my-service --output-format json'],
    ],
  });

  args = restArgs('[dir | oci://ref]', 'directory');
  values = valuesOption();
  sets = setOption();

  async run(): Promise<number> {
    this.expectArgs(this.args, 0, 1);
    const { runExplain } = await import('../run/explain.js');
    return runExplain(this.io(), { ref: this.args[0] || '.', values: this.values, sets: this.sets });
  }
}
