import { Command, Option } from 'clipanion';
import { PactoCommand } from '../base-command.js';
import { CliError } from '../cli-error.js';

export class InitCommand extends PactoCommand {
  static override paths = [['init']];
  static override usage = Command.Usage({
    description: 'Scaffold a new contract directory',
    details: `
      Creates \`<name>/\` with a pacto.yaml, an OpenAPI stub in \`interfaces/\` and a configuration
      schema in \`configuration/\`. The scaffold validates as is; edit it to describe your service.
    `,
    examples: [
      ['Create a contract for my-service', '$0 init my-service'],
      ['Create it, then check it', '$0 init my-service && $0 validate my-service'],
    ],
  });

  args = Option.Rest({ name: 'name' });

  async run(): Promise<number> {
    this.expectArgs(this.args, 1, 1);
    const name = this.args[0]!;
    const { mkdir, writeFile, rm } = await import('node:fs/promises');
    const { resolve } = await import('node:path');
    const { scaffoldContract } = await import('@pacto/schema');
    if (name === '') throw new CliError('service name is required');
    const root = resolve(this.context.cwd, name);
    const scaffold = scaffoldContract(name);
    try {
      await mkdir(root, { mode: 0o755 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new CliError(`directory ${JSON.stringify(name)} already exists`);
      }
      throw new CliError(`failed to create ${name}: ${(error as Error).message}`, { cause: error });
    }
    try {
      for (const dir of scaffold.directories.slice(1)) await mkdir(resolve(this.context.cwd, dir), { mode: 0o755 });
      for (const file of scaffold.files) {
        await writeFile(resolve(this.context.cwd, file.path), file.content, { mode: 0o644, flag: 'wx' });
      }
    } catch (error) {
      // The directory is ours (created above): leave nothing half-written behind.
      await rm(root, { recursive: true, force: true });
      throw new CliError(`failed to create ${name}: ${(error as Error).message}`, { cause: error });
    }
    if (this.settings.outputFormat === 'json') {
      const { formatJson } = await import('@pacto/render');
      this.out(formatJson({ Dir: name, Path: `${name}/pacto.yaml` }));
    } else {
      this.out(`Created ${name}/\n  ${name}/pacto.yaml\n  ${name}/interfaces/\n  ${name}/configuration/\n`);
    }
    return 0;
  }
}
