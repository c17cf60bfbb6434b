import { Command } from 'clipanion';
import { PactoCommand } from '../base-command.js';
import { CliError } from '../cli-error.js';
import { restArgs } from '../flags.js';

export class UpdateCommand extends PactoCommand {
  static override paths = [['update']];
  static override usage = Command.Usage({
    description: 'Show the command that upgrades pacto to the latest (or a given) version',
    details: `
      Asks the npm registry for the versions of @pacto/cli and prints the command that installs the
      latest one (or the version given) with the package manager that installed this copy: npm, pnpm,
      yarn or bun, globally or in a project, judged from where pacto runs and from
      npm_config_user_agent. Nothing is replaced: run the printed command.

      After other commands, pacto says on stderr when a newer version exists (once a day at most, never
      in JSON output or in CI). \`PACTO_NO_UPDATE_CHECK=1\` turns that off; \`PACTO_UPDATE_REGISTRY\` (else
      npm's \`npm_config_registry\`) names another registry.
    `,
    examples: [
      ['Show how to upgrade to the latest version', '$0 update'],
      ['Show how to install version 1.2.0', '$0 update 1.2.0'],
    ],
  });

  args = restArgs('[version]');

  async run(): Promise<number> {
    this.expectArgs(this.args, 0, 1);
    const { buildInfo } = await import('../build-info.js');
    const current = buildInfo.version;
    if (current === 'dev') throw new CliError('cannot update a dev build; install a release with npm install --global @pacto/cli', { code: 'DEV_BUILD' });
    const check = await import('../update-check.js');
    this.err('Checking for updates...\n');
    const registry = check.registryUrl(this.context.env);
    this.debug('registry request', { method: 'GET', url: `${registry}/${check.PACKAGE_NAME.replace('/', '%2f')}` });
    let metadata;
    try {
      metadata = await check.fetchPackageMetadata(registry, AbortSignal.timeout(10_000));
    } catch (error) {
      throw new CliError(`failed to determine latest version: ${(error as Error).message}`, { code: 'UPDATE_CHECK_FAILED', cause: error });
    }
    check.rememberLatest(this.context.env, metadata.latest);
    const wanted = this.args[0]?.replace(/^v/, '');
    if (wanted !== undefined && !metadata.versions.includes(wanted)) {
      throw new CliError(`release ${this.args[0]} not found`, { code: 'RELEASE_NOT_FOUND', hint: `the published versions are listed by npm view ${check.PACKAGE_NAME} versions` });
    }
    const target = wanted ?? metadata.latest;
    const { detectInstallSource, upgradeCommand } = await import('../install-source.js');
    const source = detectInstallSource(await this.installedPath(), this.context.env.npm_config_user_agent);
    const command = upgradeCommand(source, check.PACKAGE_NAME, target);
    this.debug('install detected', { manager: source.manager, kind: source.kind });
    const upToDate = target === current;
    if (this.settings.outputFormat === 'json') {
      this.outJson({ current, latest: metadata.latest, target, updateAvailable: check.isNewer(metadata.latest, current), packageManager: source.manager ?? null, install: source.kind, command });
      return 0;
    }
    if (upToDate) {
      this.out(`pacto ${current} is ${wanted === undefined ? 'the latest version' : 'already installed'}\n`);
    } else {
      this.out(`${check.isNewer(target, current) ? 'A new version of pacto is available' : 'Version'}: ${current} -> ${target}\nTo update, run:\n  ${command}\n`);
    }
    return 0;
  }

  /** The real path of the running CLI (a global bin is a symlink into the package). */
  private async installedPath(): Promise<string> {
    const { realpath } = await import('node:fs/promises');
    const { fileURLToPath } = await import('node:url');
    const entry = process.argv[1] ?? fileURLToPath(import.meta.url);
    return realpath(entry).catch(() => entry);
  }
}
