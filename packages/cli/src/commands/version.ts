import { Command } from 'clipanion';
import { buildInfo } from '../build-info.js';
import { PactoCommand } from '../base-command.js';

export class VersionCommand extends PactoCommand {
  static override paths = [['version']];
  static override usage = Command.Usage({
    description: 'Print build information',
    details: 'Prints the pacto version, the git commit and date it was built from, and the Node.js runtime. `pacto --version` prints the version alone.',
    examples: [
      ['Show the version', '$0 version'],
      ['Read the version in a script', '$0 version --output-format json'],
    ],
  });

  async run(): Promise<number> {
    const runtime = `Node ${process.version} ${process.platform}/${process.arch}`;
    if (this.settings.outputFormat === 'json') {
      this.outJson({ version: buildInfo.version, commit: buildInfo.commit, buildDate: buildInfo.date, runtime });
      return 0;
    }
    const row = (label: string, value: string) => `${label.padEnd(22)}${value}\n`;
    this.out(
      row('Pacto:', buildInfo.version) +
        row('Git Commit:', buildInfo.commit) +
        row('Build Date:', buildInfo.date) +
        row('Runtime:', runtime),
    );
    return 0;
  }
}
