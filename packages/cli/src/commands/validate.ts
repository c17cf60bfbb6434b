import { Command, Option } from 'clipanion';
import type { OutputFormat } from '../settings.js';
import { restArgs } from '../flags.js';
import { PactoCommand } from '../base-command.js';
import { setOption, valuesOption } from '../override-options.js';

export class ValidateCommand extends PactoCommand {
  static override paths = [['validate']];
  static override formats: readonly OutputFormat[] = ['text', 'json', 'github', 'sarif', 'codequality'];
  static override usage = Command.Usage({
    description: 'Validate a contract',
    details: `
      Runs the four validation layers on a contract: structural (JSON Schema), cross-field
      (names, probes, referenced files, refs, versions), semantic (warnings) and policy.
      The contract is a directory holding pacto.yaml (default: the current directory), a
      .tar.gz bundle made by \`pacto pack\`, or an \`oci://\` reference.

      Errors make the contract invalid (exit 1); warnings do not. With \`--readiness\` the
      readiness score (1.1, 1.2 and 2.0 contracts) must also reach its \`minScore\` today.
    `,
    examples: [
      ['Validate the contract in the current directory', '$0 validate'],
      ['Validate a directory and print JSON', '$0 validate my-service --output-format json'],
      ['Fail when readiness evidence is stale', '$0 validate my-service --readiness'],
      ['Validate with a value overridden', '$0 validate my-service --set service.version=2.0.0'],
    ],
  });

  args = restArgs('[dir | oci://ref]', 'directory');
  readiness = Option.Boolean('--readiness', false, {
    description: 'Also fail when the readiness score is below minScore (default 100)',
  });
  values = valuesOption();
  sets = setOption();

  async run(): Promise<number> {
    this.expectArgs(this.args, 0, 1);
    const { runValidate } = await import('../run/validate.js');
    return runValidate(this.io(), { ref: this.args[0] || '.', readiness: this.readiness, values: this.values, sets: this.sets });
  }
}
