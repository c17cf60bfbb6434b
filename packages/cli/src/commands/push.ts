import { Command, Option } from 'clipanion';
import { restArgs, stringFlag } from '../flags.js';
import type { Contract } from '@pacto/schema';
import { PactoCommand } from '../base-command.js';
import { CliError, UsageError } from '../cli-error.js';
import { setOption, valuesOption } from '../override-options.js';
import { readOverrides } from '../overrides.js';

export class PushCommand extends PactoCommand {
  static override paths = [['push']];
  static override usage = Command.Usage({
    description: 'Validate a local contract and publish it as an OCI artifact',
    details: `
      Loads the contract directory (honouring .pactoignore), validates it (remote policy refs
      included), and pushes the bundle to the registry. A reference without a tag is tagged with
      the contract's service.version. An existing tag is left alone unless --force is given.
      Local dependency, chart, configuration and policy references are refused: published
      contracts must only point at oci:// references.

      \`oci-layout://<dir>[:tag]\` writes to an OCI image-layout directory instead (no registry).
    `,
    examples: [
      ['Push the contract in the current directory', '$0 push oci://ghcr.io/acme/my-service-pacto'],
      ['Push another directory to a local registry', '$0 push oci://localhost:5000/my-service -p my-service'],
      ['Overwrite an existing tag', '$0 push oci://ghcr.io/acme/my-service-pacto:1.0.0 --force'],
      ['Write an OCI image layout on disk', '$0 push oci-layout://./dist/layout -p my-service'],
    ],
  });

  args = restArgs('<oci://ref>');
  dir = stringFlag('-p,--path', '.', { description: 'Contract directory (default: current directory)', placeholder: '<dir>', kind: 'directory' });
  // No -f: it is --values on every other command (docs/decisions.md); `push -f` explains both spellings.
  force = Option.Boolean('--force', false, { description: 'Push even if the tag already exists' });
  values = valuesOption('--values');
  sets = setOption();

  async run(): Promise<number> {
    this.expectArgs(this.args, 1, 1);
    const target = this.args[0] ?? '';
    if (!target.startsWith('oci://') && !target.startsWith('oci-layout://')) {
      throw new UsageError(`push requires an OCI reference (oci://...): got "${target}"`, { code: 'NOT_AN_OCI_REFERENCE', usage: 'pacto push' });
    }
    const overrides = await readOverrides(this.values, this.sets);
    const bundleLib = await import('@pacto/bundle');
    bundleLib.parseOverrides(overrides);
    const { validateContract } = await import('@pacto/validate');
    const { createBundleResolver, localReferenceRefusal } = await import('@pacto/oci');
    const { openOciClient } = await import('../oci-session.js');

    const loaded = await bundleLib.loadBundleDir(this.dir);
    const { logSource } = await import('../contract-source.js');
    logSource({ ...loaded, kind: 'directory', path: this.dir }, this.settings.debug);
    const text = bundleLib.applyOverrides(loaded.text, overrides);
    const { client, progress } = await openOciClient(this.context, this.settings);
    try {
      // Resolver mode: remote policy refs are fetched and checked before anything is written (cli.md §4.4).
      const resolver = createBundleResolver({ client, cwd: this.context.cwd });
      const result = await validateContract({ fileName: loaded.fileName, text, files: loaded.files }, { resolver });
      if (!result.valid || !result.contract) {
        const render = await import('@pacto/render');
        const { validationTextOptions } = await import('../finding-frames.js');
        const options = validationTextOptions({ fileName: loaded.fileName, text }, this.context.stderrIsTTY);
        const findings = render.renderValidationText(this.dir, result, options).stderr;
        this.err(`${findings}${render.validationFailedLine(result.errors.length, 'contract ')}\n`);
        return 1;
      }
      const contract: Contract = result.contract;
      const local = localReferenceRefusal(contract);
      if (local) throw new CliError(local);
      // A committed pacto.lock must still hold before anything is uploaded (cli.md §4.11).
      const { verifyLockIfPresent } = await import('../lock-check.js');
      await verifyLockIfPresent(this.dir, contract, this.context.cwd, async () => client);

      const contents = text === loaded.text ? loaded.contents : bundleLib.withContractText(loaded.contents, text);
      const { archive, tarDigest } = await bundleLib.packBundleWithTarDigest(contents);
      const labels = { name: contract.service.name, version: contract.service.version, pactoVersion: contract.pactoVersion };
      const pushed = await client.push(target, archive, { labels, force: this.force, tarDigest });
      progress.finish();
      if (pushed.status === 'exists') {
        this.err(`Warning: artifact already exists: ${pushed.ref} (use --force to overwrite)\n`);
        // Nothing was pushed, but a script still gets one document: the Go keys, with `Exists` and no `Digest`.
        if (this.settings.outputFormat === 'json') this.outJson({ Ref: pushed.ref, Name: labels.name, Version: labels.version, Exists: true });
        return 0;
      }
      if (this.settings.outputFormat === 'json') {
        this.outJson({ Ref: pushed.ref, Digest: pushed.digest, Name: labels.name, Version: labels.version });
      } else {
        this.out(`Pushed ${labels.name}@${labels.version} -> ${pushed.ref}\nDigest: ${pushed.digest}\n`);
      }
      return 0;
    } finally {
      progress.finish();
      await client.close();
    }
  }
}
