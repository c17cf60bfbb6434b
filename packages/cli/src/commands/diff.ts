import { Command } from 'clipanion';
import { choiceFlag, restArgs } from '../flags.js';
import type { OutputFormat } from '../settings.js';
import type { Classification, DiffReport } from '@pacto/diff';
import { PactoCommand } from '../base-command.js';
import { CliError, isUserFacing } from '../cli-error.js';
import { setOption, valuesOption } from '../override-options.js';
import { readOverrides } from '../overrides.js';
import type { LoadedSide } from '../diff-sources.js';

const THRESHOLDS = ['BREAKING', 'POTENTIAL_BREAKING'] as const satisfies readonly Classification[];

export class DiffCommand extends PactoCommand {
  static override paths = [['diff']];
  static override formats: readonly OutputFormat[] = ['text', 'json', 'markdown', 'github', 'sarif', 'codequality'];
  static override usage = Command.Usage({
    description: 'Compare two contracts and classify the changes',
    details: `
      Compares two contracts (directories, .tar.gz bundles or \`oci://\` references with a tag, a
      digest or neither, which picks the highest semver tag), their OpenAPI and JSON Schema files,
      their dependency graphs and the dependency contracts in both graphs, and their SBOMs.

      Each change is NON_BREAKING, POTENTIAL_BREAKING or BREAKING; the report is printed first,
      then the command exits 1 with \`breaking changes detected\` when the overall classification
      reaches \`--fail-on\` (default BREAKING). Like diff(1), it exits 2 when it could not compare
      (a missing or unreadable contract, an unreachable registry), so CI tells a breaking change
      from a broken pipeline.

      Formats: text, json, markdown (pull-request comments), github (workflow annotations on the
      new contract's lines), sarif (code scanning) and codequality (GitLab merge requests).
    `,
    examples: [
      ['Compare the published version with local work', '$0 diff oci://ghcr.io/acme/svc-pacto:1.0.0 ./svc'],
      ['Annotate a pull request in GitHub Actions', '$0 diff oci://ghcr.io/acme/svc-pacto ./svc --output-format github'],
      ['Also fail on potentially breaking changes', '$0 diff old new --fail-on POTENTIAL_BREAKING'],
    ],
  });

  args = restArgs('<old> <new>', 'directory');
  oldValues = valuesOption('--old-values');
  oldSets = setOption('--old-set', 'Set one value of the old contract by dotted path; repeatable');
  newValues = valuesOption('--new-values');
  newSets = setOption('--new-set', 'Set one value of the new contract by dotted path; repeatable');
  failOn = choiceFlag('--fail-on', THRESHOLDS, {
    description: 'Lowest classification that fails the command: BREAKING (default) or POTENTIAL_BREAKING',
    initial: 'BREAKING',
    placeholder: '<class>',
    caseInsensitive: true,
  });

  /** diff(1): 1 means "breaking", so anything that kept it from comparing is 2. */
  protected override exitCodeFor(): number {
    return 2;
  }

  async run(): Promise<number> {
    this.expectArgs(this.args, 2, 2);
    const failOn: Classification = this.failOn ?? 'BREAKING';
    const [oldArg, newArg] = this.args as [string, string];
    const oldOverrides = await readOverrides(this.oldValues, this.oldSets);
    const newOverrides = await readOverrides(this.newValues, this.newSets);
    const { lazyOciClient } = await import('../oci-session.js');
    const registry = lazyOciClient(this.context, this.settings);
    const lazyClient = registry.get;
    try {
      const { loadSide, createDependencyFetcher } = await import('../diff-sources.js');
      const load = async (which: 'old' | 'new', arg: string, overrides: typeof oldOverrides) => {
        try {
          return await loadSide(arg, overrides, this.context.cwd, lazyClient, this.settings.debug);
        } catch (error) {
          // The side is named; the code and hint of the underlying failure (no pacto.yaml: run pacto init) stay.
          const known = isUserFacing(error) ? { code: error.code, ...(error.hint ? { hint: error.hint } : {}) } : {};
          throw new CliError(`${which} contract: ${(error as Error).message}`, { cause: error, ...known });
        }
      };
      const oldSide = await load('old', oldArg, oldOverrides);
      const newSide = await load('new', newArg, newOverrides);
      const { verifyLockIfPresent } = await import('../lock-check.js');
      await verifyLockIfPresent(oldArg, oldSide.side.contract, this.context.cwd, async () => lazyClient());
      await verifyLockIfPresent(newArg, newSide.side.contract, this.context.cwd, async () => lazyClient());
      const diff = await import('@pacto/diff');
      const [oldGraph, newGraph] = await Promise.all([
        diff.resolveGraph(oldSide.side, createDependencyFetcher({ baseDir: oldSide.baseDir, client: lazyClient, onFetch: this.logFetch('old') })),
        diff.resolveGraph(
          newSide.side,
          createDependencyFetcher({
            baseDir: newSide.baseDir,
            client: lazyClient,
            onFetch: this.logFetch('new'),
            ...(newSide.localDir ? { siblingsOf: (await import('node:path')).dirname(newSide.localDir) } : {}),
          }),
        ),
      ]);
      const report = diff.buildDiffReport({
        oldPath: oldArg,
        newPath: newArg,
        old: oldSide.side,
        new: newSide.side,
        oldGraph,
        newGraph,
        onWarning: (message) => this.debug(message),
      });
      for (const [which, version] of Object.entries(report.migrated ?? {})) {
        this.err(`note: the ${which} contract is pactoVersion ${version}; it was compared through its migration to 2.0 (see pacto migrate)\n`);
      }
      this.out(await this.format(report, newSide, failOn));
      if (diff.isAtLeast(report.classification, failOn)) {
        this.err('breaking changes detected\n');
        return 1;
      }
      return 0;
    } finally {
      await registry.close();
    }
  }

  private logFetch(side: 'old' | 'new'): (ref: string, range: string) => void {
    return (ref, range) => this.debug(`${side}: resolving dependency ${ref} (${range})`);
  }

  private async format(report: DiffReport, newSide: LoadedSide, failOn: Classification): Promise<string> {
    const diff = await import('@pacto/diff');
    switch (this.settings.outputFormat) {
      case 'json':
        return diff.renderDiffJson(report);
      case 'markdown':
        return diff.renderDiffMarkdown(report);
      case 'github':
      case 'sarif':
      case 'codequality': {
        const render = await import('@pacto/render');
        // Annotations need a path relative to the checkout; only a local directory has a file to point at.
        const { isAbsolute, relative } = await import('node:path');
        const file = newSide.localDir
          ? isAbsolute(newSide.fileName) ? relative(this.context.cwd, newSide.fileName) : newSide.fileName
          : undefined;
        const findings = render.diffFindings(report, {
          failOn,
          locate: (path) => newSide.positions.locate(path),
          ...(file ? { file } : {}),
        });
        const { renderCiFindings } = await import('../ci-output.js');
        return renderCiFindings(this.settings.outputFormat, findings, report.newPath);
      }
      default:
        return diff.renderDiffText(report);
    }
  }
}
