import { Command } from 'clipanion';
import { buildInfo } from '../build-info.js';
import { PactoCommand } from '../base-command.js';

export class VersionCommand extends PactoCommand {
  static override paths = [['version']];
  static override usage = Command.Usage({
    description: 'Print build information',
    details: 'Prints the pacto version, the git commit and date it was built from, and the Node.js runtime.',
    examples: [['Show the version', '$0 version']],
  });

  async run(): Promise<number> {
    const row = (label: string, value: string) => `${label.padEnd(22)}${value}\n`;
    this.out(
      row('Pacto:', buildInfo.version) +
        row('Git Commit:', buildInfo.commit) +
        row('Build Date:', buildInfo.date) +
        row('Runtime:', `Node ${process.version} ${process.platform}/${process.arch}`),
    );
    return 0;
  }
}
