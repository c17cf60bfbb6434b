import { Command } from 'clipanion';
import { arrayFlag, restArgs, stringFlag } from '../flags.js';
import { PactoCommand } from '../base-command.js';
import { UsageError } from '../cli-error.js';
import { setOption, valuesOption } from '../override-options.js';

export class GenerateCommand extends PactoCommand {
  static override paths = [['generate']];
  static override usage = Command.Usage({
    description: 'Generate files from a contract with a plugin',
    details: `
      Runs the generator plugin \`pacto-plugin-<plugin>\`, found on PATH or in
      ~/.config/pacto/plugins/ ($XDG_CONFIG_HOME/pacto/plugins/), and writes the files it returns
      under the output directory. The plugin receives the parsed contract and the bundle directory as
      JSON on stdin (protocol v1, see docs/plugins.md); write plugins in TypeScript with @pacto/plugin.

      Nothing is written when the plugin fails, runs out of time, prints something that is not a
      response, or returns a path outside the output directory. With \`-v\` the plugin's stderr is
      shown as it runs.
    `,
    examples: [
      ['Generate Kubernetes manifests into kubernetes-output/', '$0 generate kubernetes'],
      ['Generate from a directory into deploy/', '$0 generate kubernetes my-service -o deploy'],
      ['Pass an option to the plugin', '$0 generate kubernetes my-service --option namespace=payments'],
      ['Generate from a published contract', '$0 generate openapi-client oci://ghcr.io/acme/payments-pacto:1.2.0'],
      ['Allow a slow plugin five minutes', '$0 generate kubernetes --timeout 5m'],
    ],
  });

  args = restArgs('<plugin> [dir | oci://ref]', 'directory');
  output = stringFlag('-o,--output', { description: 'Output directory (default: <plugin>-output)', placeholder: '<dir>', kind: 'directory' });
  options = arrayFlag('--option', { description: 'Plugin option key=value; repeatable (items without = are ignored)', placeholder: '<key=value>' });
  timeout = stringFlag('--timeout', '60s', { description: 'Stop the plugin after this long: 90s, 5m, 1m30s, or 0 for no limit (default 60s)', placeholder: '<duration>' });
  values = valuesOption();
  sets = setOption();

  async run(): Promise<number> {
    this.expectArgs(this.args, 1, 2);
    const timeoutMs = parseDuration(this.timeout);
    const plugin = this.args[0]!;
    const { runGenerate } = await import('../run/generate.js');
    return runGenerate(this.io(), {
      plugin,
      ref: this.args[1] || '.',
      output: this.output ?? `${plugin}-output`,
      options: this.options,
      timeoutMs,
      values: this.values,
      sets: this.sets,
      cwd: this.context.cwd,
      env: this.context.env,
    });
  }
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A Go-style duration (`90s`, `1m30s`, `500ms`), or a plain number of seconds; `0` means no limit. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (trimmed === '' || parts.map((part) => part[0]).join('') !== trimmed) {
    throw new UsageError(`invalid --timeout ${JSON.stringify(text)}: expected a duration such as 90s, 5m or 1m30s`);
  }
  return Math.round(parts.reduce((total, [, amount, unit]) => total + Number(amount) * UNITS[unit!]!, 0));
}
