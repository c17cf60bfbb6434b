import { Command, Option } from 'clipanion';
import type { ReportedResult } from '@pacto/render';
import type { ContractBundle } from '@pacto/schema';
import { PactoCommand } from '../base-command.js';
import { loadContractArgument } from '../contract-source.js';
import { setOption, valuesOption } from '../override-options.js';
import { applyOverridesTo, readOverrides } from '../overrides.js';

export class ValidateCommand extends PactoCommand {
  static override paths = [['validate']];
  static override usage = Command.Usage({
    description: 'Validate a contract',
    details: `
      Runs the four validation layers on a contract: structural (JSON Schema), cross-field
      (names, probes, referenced files, refs, versions), semantic (warnings) and policy.
      The contract is a directory holding pacto.yaml (default: the current directory), a
      .tar.gz bundle made by \`pacto pack\`, or an \`oci://\` reference.

      Errors make the contract invalid (exit 1); warnings do not. With \`--readiness\` the
      readiness score of a 1.1 contract must also reach its \`minScore\` today.
    `,
    examples: [
      ['Validate the contract in the current directory', '$0 validate'],
      ['Validate a directory and print JSON', '$0 validate my-service --output-format json'],
      ['Fail when readiness evidence is stale', '$0 validate my-service --readiness'],
      ['Validate with a value overridden', '$0 validate my-service --set service.version=2.0.0'],
    ],
  });

  args = Option.Rest({ name: 'dir | oci://ref' });
  readiness = Option.Boolean('--readiness', false, {
    description: 'Also fail when the readiness score is below minScore (default 100)',
  });
  values = valuesOption();
  sets = setOption();

  async run(): Promise<number> {
    this.expectArgs(this.args, 0, 1);
    const ref = this.args[0] || '.';
    const overrides = await readOverrides(this.values, this.sets);
    const { validateContract } = await import('@pacto/validate');
    let bundle: ContractBundle | undefined;
    let loadError: string | undefined;
    try {
      bundle = await applyOverridesTo(await loadContractArgument(ref, { noCache: this.settings.noCache }), overrides);
    } catch (error) {
      // A contract that cannot be read is an invalid result, not a crash (cli.md §4.2).
      loadError = (error as Error).message;
    }
    const result: ReportedResult = bundle
      ? await validateContract(bundle, { resolver: await this.resolver(), readinessGate: this.readiness })
      : { valid: false, errors: [{ path: '', code: 'PARSE_ERROR', message: loadError ?? '' }], warnings: [] };
    await this.report(ref, bundle?.fileName, result);
    return result.valid ? 0 : 1;
  }

  private async resolver() {
    const { createCliResolver } = await import('../resolver.js');
    return createCliResolver({ noCache: this.settings.noCache });
  }

  private async report(ref: string, fileName: string | undefined, result: ReportedResult): Promise<void> {
    const render = await import('@pacto/render');
    const failed = result.valid ? '' : `${render.validationFailedLine(result.errors.length)}\n`;
    if (this.settings.outputFormat === 'json') {
      this.out(render.formatJson(render.buildValidationJson(ref, result)));
      this.err(failed);
      return;
    }
    if (this.settings.outputFormat === 'github' || this.settings.outputFormat === 'sarif') {
      // CI formats: annotations on the contract file; only a local directory has a file to point at.
      const local = fileName !== undefined && !ref.startsWith('oci://') && !/\.tar\.gz$/.test(ref);
      const findings = render.validationFindings(result, local ? fileName : undefined);
      const { buildInfo } = await import('../build-info.js');
      this.out(
        this.settings.outputFormat === 'github'
          ? render.renderGithubAnnotations(findings)
          : render.renderSarif(findings, { name: 'pacto', version: buildInfo.version, informationUri: 'https://github.com/TrianaLab/pacto' }),
      );
      this.err(failed);
      return;
    }
    const text = render.renderValidationText(ref, result, {
      positions: this.context.stderrIsTTY,
      ...(fileName ? { fileName } : {}),
    });
    this.out(text.stdout);
    this.err(text.stderr + failed);
  }
}
