import { Command } from 'clipanion';
import { restArgs, stringFlag } from '../flags.js';
import { PactoCommand } from '../base-command.js';
import { CliError, UsageError } from '../cli-error.js';

export class PullCommand extends PactoCommand {
  static override paths = [['pull']];
  static override usage = Command.Usage({
    description: 'Download a contract bundle and extract it into a directory',
    details: `
      Fetches the bundle from the registry (through the local bundle cache unless --no-cache) and
      writes its files under the output directory, which defaults to the contract's service name.
      A reference without a tag resolves to the highest semantic-version tag. Existing files are
      overwritten; other files in the directory are left alone.

      \`oci-layout://<dir>[:tag]\` reads from an OCI image-layout directory instead.
    `,
    examples: [
      ['Pull the latest version', '$0 pull oci://ghcr.io/acme/my-service-pacto'],
      ['Pull one version into a chosen directory', '$0 pull oci://ghcr.io/acme/my-service-pacto:1.2.0 -o vendor/my-service'],
    ],
  });

  args = restArgs('<oci://ref>');
  output = stringFlag('-o,--output', { description: "Extraction directory (default: the contract's service.name)", placeholder: '<dir>', kind: 'directory' });

  async run(): Promise<number> {
    this.expectArgs(this.args, 1, 1);
    const source = this.args[0] ?? '';
    if (!source.startsWith('oci://') && !source.startsWith('oci-layout://')) {
      throw new UsageError(`pull requires an OCI reference (oci://...): got "${source}"`, { code: 'NOT_AN_OCI_REFERENCE', usage: 'pacto pull' });
    }
    const { extractBundle, contractBundleFromContents } = await import('@pacto/bundle');
    const { parseContract } = await import('@pacto/schema');
    const { openOciClient } = await import('../oci-session.js');
    const { client, progress } = await openOciClient(this.context, this.settings);
    try {
      const pulled = await client.pull(source);
      progress.finish();
      if (pulled.source === 'disk' && this.context.stderrIsTTY && this.settings.outputFormat === 'text') {
        // The progress bar's counterpart for a bundle that needed no download.
        this.err(`${pulled.ref}: already in the local cache, nothing downloaded\n`);
      }
      let bundle;
      try {
        bundle = contractBundleFromContents(pulled.contents, `${pulled.ref}/pacto.yaml`);
      } catch (error) {
        throw new CliError(`failed to extract bundle: ${(error as Error).message}`, { cause: error });
      }
      const parsed = parseContract(bundle.text, bundle.fileName);
      if (!parsed.ok) throw new CliError(`failed to extract bundle: ${parsed.error.located}`, { cause: parsed.error });
      const { name, version } = parsed.contract.service;
      const output = this.output ?? name;
      const { resolve } = await import('node:path');
      try {
        await extractBundle(pulled.contents, resolve(this.context.cwd, output));
      } catch (error) {
        throw new CliError(`failed to extract bundle: ${(error as Error).message}`, { cause: error });
      }
      if (this.settings.outputFormat === 'json') {
        const { formatJson } = await import('@pacto/render');
        this.out(formatJson({ Ref: pulled.ref, Output: output, Name: name, Version: version }));
      } else {
        this.out(`Pulled ${name}@${version} -> ${output}/\n`);
      }
      return 0;
    } finally {
      progress.finish();
      await client.close();
    }
  }
}
