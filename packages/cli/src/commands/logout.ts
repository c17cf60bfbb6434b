import { Command } from 'clipanion';
import { restArgs } from '../flags.js';
import { PactoCommand } from '../base-command.js';

export class LogoutCommand extends PactoCommand {
  static override paths = [['logout']];
  static override usage = Command.Usage({
    description: 'Remove stored registry credentials',
    details: `
      Deletes the registry's entry from Pacto's config.json (written by \`pacto login\`). Docker and
      other credential stores are not touched.
    `,
    examples: [['Forget the credentials for ghcr.io', '$0 logout ghcr.io']],
  });

  args = restArgs('<registry>');

  async run(): Promise<number> {
    this.expectArgs(this.args, 1, 1);
    const registry = this.args[0] ?? '';
    const { pactoCredentialsPath, removeLogin } = await import('@pacto/oci');
    const credentialsFile = pactoCredentialsPath(this.context.env as NodeJS.ProcessEnv);
    const removed = await removeLogin(registry, credentialsFile);
    this.debug(removed ? 'credentials removed' : 'no credentials stored', { registry, file: credentialsFile });
    if (this.settings.outputFormat === 'json') this.outJson({ registry, removed, credentialsFile });
    else this.out(removed ? `Logout succeeded for ${registry}\n` : `No stored credentials for ${registry}\n`);
    return 0;
  }
}
