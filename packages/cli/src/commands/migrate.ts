import { Command, Option } from 'clipanion';
import { PactoCommand } from '../base-command.js';
import { choiceFlag, restArgs, stringFlag } from '../flags.js';

export class MigrateCommand extends PactoCommand {
  static override paths = [['migrate']];
  static override usage = Command.Usage({
    description: 'Rewrite a 1.0, 1.1 or 1.2 contract as pactoVersion 2.0',
    details: `
      Rewrites \`pacto.yaml\` in place (or into the directory given with \`-o\`, with the rest of the
      bundle) as a 2.0 contract: \`runtime.workload\` and \`runtime.state\` move to the top level, health
      and metrics probes become capabilities, interfaces point at their spec files with \`ref\`, every
      configuration and dependency says whether it is required, and 1.1 readiness checks become claims.
      Comments, key order and quoting are kept for every field that survives. What 2.0 cannot carry
      (image, chart, ports, lifecycle, scaling, interfaces without a JSON or YAML spec) is listed with
      its line and column in the original file. The result is validated before anything is written;
      \`--dry-run\` prints a unified diff instead of writing. Compare what the migration changes for
      consumers with \`pacto diff <dir> <migrated-dir>\`.
    `,
    examples: [
      ['Migrate the contract in the current directory', '$0 migrate'],
      ['See what would change, without writing', '$0 migrate my-service --dry-run'],
      ['Write the migrated bundle elsewhere, then compare', '$0 migrate my-service -o my-service-2.0 && $0 diff my-service my-service-2.0'],
    ],
  });

  args = restArgs('[dir]', 'directory');
  to = choiceFlag('--to', ['2.0'], { description: 'Target pactoVersion: 2.0, the only one', initial: '2.0', placeholder: '<version>' });
  dryRun = Option.Boolean('--dry-run', false, { description: 'Print a unified diff of the change; write nothing' });
  output = stringFlag('-o,--output', {
    description: 'Write the migrated bundle into this directory instead of rewriting the contract in place',
    placeholder: '<dir>',
    kind: 'directory',
  });

  async run(): Promise<number> {
    this.expectArgs(this.args, 0, 1);
    const { runMigrate } = await import('../run/migrate.js');
    return runMigrate(this.io(), {
      dir: this.args[0] || '.',
      dryRun: this.dryRun,
      output: this.output,
      cwd: this.context.cwd,
    });
  }
}
