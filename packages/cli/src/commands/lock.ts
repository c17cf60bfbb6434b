import { Command, Option } from 'clipanion';
import { PactoCommand } from '../base-command.js';
import { arrayFlag, choiceFlag, restArgs } from '../flags.js';
import { setOption, valuesOption } from '../override-options.js';

export class LockCommand extends PactoCommand {
  static override paths = [['lock']];
  static override usage = Command.Usage({
    description: 'Pin the dependency and reference closure in pacto.lock',
    details: `
      Resolves every dependency (transitively, as \`pacto graph\` does) and every configuration and
      policy reference (transitively, per declaring contract), and records their registry digests or,
      for local bundles, content hashes in pacto.lock beside pacto.yaml (lockVersion 3).

      A consistent lock is left as it is. Otherwise dependency pins whose ref and compatibility are
      unchanged are kept; \`--update\` re-resolves everything, \`--update-name <name>\` only that
      dependency. \`--check\` writes nothing and fails when the lock is missing or has drifted.

      When pacto.lock exists, \`validate\`, \`graph\`, \`diff\` and \`push\` verify it first and fail on
      drift with LOCK_DIGEST_MISMATCH, LOCK_LOCAL_DRIFT or LOCK_STALE. See docs/lockfile.md.
    `,
    examples: [
      ['Create or refresh pacto.lock in the current directory', '$0 lock'],
      ['Fail in CI when the lock is missing or out of date', '$0 lock --check'],
      ['Move every pin to what resolves now', '$0 lock --update'],
      ['Re-pin only one dependency', '$0 lock my-service --update-name auth-service'],
    ],
  });

  args = restArgs('[dir]', 'directory');
  update = Option.Boolean('--update', false, { description: 'Re-resolve everything, ignoring existing pins' });
  updateNames = arrayFlag('--update-name', { description: 'Re-resolve only this dependency (repeatable; implies --update for it)', placeholder: '<name>' });
  check = Option.Boolean('--check', false, { description: 'Verify without writing; exit 1 when the lock is missing or has drifted' });
  // The spec (cli.md §4.11) makes -o an alias of --output-format here: lock writes no file but pacto.lock.
  output = choiceFlag('-o,--output', ['text', 'json'], { description: 'Alias of --output-format for this command: text or json', placeholder: '<format>' });
  values = valuesOption();
  sets = setOption();

  async run(): Promise<number> {
    this.expectArgs(this.args, 0, 1);
    if (this.output !== undefined) this.outputFormatFlag ??= this.output;
    const { runLock } = await import('../run/lock.js');
    return runLock(this.io(), {
      dir: this.args[0] || '.',
      update: this.update,
      updateNames: this.updateNames,
      check: this.check,
      values: this.values,
      sets: this.sets,
      cwd: this.context.cwd,
      env: this.context.env,
    });
  }
}
