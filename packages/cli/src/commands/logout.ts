import { Command, Option } from 'clipanion';
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

  args = Option.Rest({ name: 'registry' });

  async run(): Promise<number> {
    this.expectArgs(this.args, 1, 1);
    const registry = this.args[0] ?? '';
    const { pactoCredentialsPath, removeLogin } = await import('@pacto/oci');
    const removed = await removeLogin(registry, pactoCredentialsPath(this.context.env as NodeJS.ProcessEnv));
    this.out(removed ? `Logout succeeded for ${registry}\n` : `No stored credentials for ${registry}\n`);
    return 0;
  }
}
