import { Command, Option } from 'clipanion';
import { PactoCommand } from '../base-command.js';
import { setOption, valuesOption } from '../override-options.js';
import { readOverrides } from '../overrides.js';

export class PackCommand extends PactoCommand {
  static override paths = [['pack']];
  static override usage = Command.Usage({
    description: 'Validate a contract and write its bundle as a .tar.gz archive',
    details: `
      Loads the contract directory (default: the current directory) with its \`.pactoignore\` filter,
      applies \`--values\`/\`--set\` overrides, validates all layers (remote \`ref\` policies are not
      fetched) and writes a gzip-compressed tar of the bundle. The archive is reproducible: the same
      files give the same bytes. Nothing is written when validation fails.
    `,
    examples: [
      ['Pack the contract in the current directory', '$0 pack'],
      ['Pack a directory to a chosen file', '$0 pack my-service -o dist/my-service.tar.gz'],
      ['Pack with the version overridden', '$0 pack my-service --set service.version=1.1.0'],
    ],
  });

  args = Option.Rest({ name: 'dir' });
  output = Option.String('-o,--output', {
    description: 'Archive path (default: <name>-<version>.tar.gz in the current directory)',
  });
  values = valuesOption();
  sets = setOption();

  async run(): Promise<number> {
    this.expectArgs(this.args, 0, 1);
    const arg = this.args[0] || '.';
    const dir = arg.startsWith('file://') ? arg.slice('file://'.length) || '.' : arg;
    const overrides = await readOverrides(this.values, this.sets);
    const bundleLib = await import('@pacto/bundle');
    bundleLib.parseOverrides(overrides);

    const loaded = await bundleLib.loadBundleDir(dir);
    for (const entry of loaded.entries) this.debug(`${entry.path} included`);
    for (const entry of loaded.excluded) this.debug(`${entry.path} excluded by .pactoignore pattern ${JSON.stringify(entry.pattern)}`);
    const text = bundleLib.applyOverrides(loaded.text, overrides);

    const { validateContract } = await import('@pacto/validate');
    const result = await validateContract({ fileName: loaded.fileName, text, files: loaded.files });
    const render = await import('@pacto/render');
    if (!result.valid || !result.contract) {
      const findings = render.renderValidationText(arg, result, {
        positions: this.context.stderrIsTTY,
        fileName: loaded.fileName,
      }).stderr;
      this.err(`${findings}${render.validationFailedLine(result.errors.length, 'contract ')}\n`);
      return 1;
    }

    const { name, version } = result.contract.service;
    const output = this.output || `${name}-${version}.tar.gz`;
    const { relative, resolve, sep } = await import('node:path');
    const target = resolve(this.context.cwd, output);
    let contents = text === loaded.text ? loaded.contents : bundleLib.withContractText(loaded.contents, text);
    // Packing twice inside the contract directory must not put the previous archive into the new one.
    const inside = relative(resolve(this.context.cwd, dir), target);
    if (contents.files.has(inside.split(sep).join('/'))) {
      this.debug(`${inside} excluded: it is the output archive`);
      contents = bundleLib.withoutFiles(contents, [inside.split(sep).join('/')]);
    }
    const archive = await bundleLib.packBundle(contents);
    await writeArchive(bundleLib.writeFileAtomic, target, output, archive);

    if (this.settings.outputFormat === 'json') {
      this.out(render.formatJson({ Output: output, Name: name, Version: version }));
    } else {
      this.out(`Packed ${name}@${version} -> ${output}\n`);
    }
    return 0;
  }
}

/** Writes through the absolute path but reports the path as the user wrote it (cli.md §4.3). */
async function writeArchive(
  write: (path: string, bytes: Uint8Array) => Promise<void>,
  absolute: string,
  shown: string,
  archive: Uint8Array,
): Promise<void> {
  try {
    await write(absolute, archive);
  } catch (error) {
    if (absolute === shown || !(error instanceof Error)) throw error;
    const { BundleError } = await import('@pacto/bundle');
    throw new BundleError('WRITE_FAILED', error.message.split(absolute).join(shown), { cause: error });
  }
}
