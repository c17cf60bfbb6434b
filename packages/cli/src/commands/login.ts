import { Command, Option } from 'clipanion';
import { PactoCommand } from '../base-command.js';
import { CliError } from '../cli-error.js';

export class LoginCommand extends PactoCommand {
  static override paths = [['login']];
  static override usage = Command.Usage({
    description: 'Store registry credentials for push and pull',
    details: `
      Writes the credentials to Pacto's own config.json ($XDG_CONFIG_HOME/pacto/config.json, else
      ~/.config/pacto/config.json; mode 0600). They are not checked against the registry. Without
      --password or --password-stdin the password is prompted for (without echo on a terminal).
    `,
    examples: [
      ['Log in to GitHub Container Registry', '$0 login ghcr.io -u my-user'],
      ['Log in with a token from a CI secret', 'echo "$TOKEN" | $0 login ghcr.io -u my-user --password-stdin'],
    ],
  });

  args = Option.Rest({ name: 'registry' });
  username = Option.String('-u,--username', '', { description: 'Registry user name (required)' });
  password = Option.String('-p,--password', '', { description: 'Password or token (prompted for when empty)' });
  passwordStdin = Option.Boolean('--password-stdin', false, { description: 'Read the password from standard input' });

  async run(): Promise<number> {
    this.expectArgs(this.args, 1, 1);
    const registry = this.args[0] ?? '';
    if (!this.username) throw new CliError('--username is required');
    const { readPassword, readStdin } = await import('../read-password.js');
    let password = this.password;
    if (this.passwordStdin) {
      password = (await readStdin(this.context.stdin)).replace(/\r?\n$/, '');
    } else if (!password) {
      this.out('Password: ');
      try {
        password = await readPassword(this.context.stdin);
      } catch (error) {
        throw new CliError(`failed to read password: ${(error as Error).message}`, { cause: error });
      } finally {
        this.out('\n');
      }
    }
    const { pactoCredentialsPath, storeLogin } = await import('@pacto/oci');
    await storeLogin(registry, this.username, password, pactoCredentialsPath(this.context.env as NodeJS.ProcessEnv));
    this.out(`Login succeeded for ${registry}\n`);
    return 0;
  }
}
