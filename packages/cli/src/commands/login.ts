import { Command, Option } from 'clipanion';
import { restArgs, stringFlag } from '../flags.js';
import { PactoCommand } from '../base-command.js';
import { CliError, UsageError } from '../cli-error.js';

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

  args = restArgs('<registry>');
  username = stringFlag('-u,--username', '', { description: 'Registry user name (required)', placeholder: '<name>' });
  password = stringFlag('-p,--password', '', { description: 'Password or token (prompted for when empty)', placeholder: '<password>' });
  passwordStdin = Option.Boolean('--password-stdin', false, { description: 'Read the password from standard input' });

  async run(): Promise<number> {
    this.expectArgs(this.args, 1, 1);
    const registry = this.args[0] ?? '';
    if (!this.username) throw new UsageError('--username is required', { code: 'MISSING_FLAG', usage: 'pacto login' });
    const { readPassword, readStdin } = await import('../read-password.js');
    let password = this.password;
    if (this.passwordStdin) {
      password = (await readStdin(this.context.stdin)).replace(/\r?\n$/, '');
    } else if (!password) {
      // The prompt goes to stdout (cli.md §4.6), except in JSON mode, where stdout holds the JSON alone.
      const prompt = this.settings.outputFormat === 'json' ? (text: string) => this.err(text) : (text: string) => this.out(text);
      prompt('Password: ');
      try {
        password = await readPassword(this.context.stdin);
      } catch (error) {
        throw new CliError(`failed to read password: ${(error as Error).message}`, { cause: error });
      } finally {
        prompt('\n');
      }
    }
    const { pactoCredentialsPath, storeLogin } = await import('@pacto/oci');
    const credentialsFile = pactoCredentialsPath(this.context.env as NodeJS.ProcessEnv);
    await storeLogin(registry, this.username, password, credentialsFile);
    this.debug('credentials stored', { registry, file: credentialsFile });
    if (this.settings.outputFormat === 'json') this.outJson({ registry, username: this.username, credentialsFile });
    else this.out(`Login succeeded for ${registry}\n`);
    return 0;
  }
}
