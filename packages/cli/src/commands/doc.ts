import { Command, Option } from 'clipanion';
import { parsePortFlag, restArgs, stringFlag } from '../flags.js';
import type { OutputFormat } from '../settings.js';
import type { Contract, ContractBundle } from '@pacto/schema';
import { PactoCommand } from '../base-command.js';
import { CliError, UsageError } from '../cli-error.js';
import { setOption, valuesOption } from '../override-options.js';
import { readOverrides } from '../overrides.js';

export class DocCommand extends PactoCommand {
  static override paths = [['doc']];
  // The text output is Markdown already; `markdown` is accepted as its name.
  static override formats: readonly OutputFormat[] = ['text', 'json', 'markdown'];
  static override usage = Command.Usage({
    description: 'Generate Markdown documentation for a contract',
    details: `
      Validates the contract, then prints a Markdown document: summary, runtime concepts, an
      architecture diagram, interfaces with their OpenAPI operations, configuration properties,
      policies, dependencies and (1.1) readiness. An invalid contract prints its findings and
      fails. \`-o\` also writes \`<dir>/<service name>.md\`; \`--serve\` serves the document as an
      HTML page until Ctrl+C.
    `,
    examples: [
      ['Print the documentation of the contract in the current directory', '$0 doc'],
      ['Write examples/postgresql documentation to docs/services/postgresql.md', '$0 doc examples/postgresql -o docs/services'],
      ['Serve the documentation on http://127.0.0.1:8484', '$0 doc examples/postgresql --serve'],
    ],
  });

  args = restArgs('[dir | oci://ref]', 'directory');
  output = stringFlag('-o,--output', { description: 'Also write <dir>/<service name>.md (directory created when missing)', placeholder: '<dir>', kind: 'directory' });
  serve = Option.Boolean('--serve', false, { description: 'Serve the documentation as an HTML page instead of printing it' });
  port = stringFlag('--port', '8484', { description: 'Port for --serve (default 8484; 0 picks a free one)', placeholder: '<port>' });
  host = stringFlag('--host', '127.0.0.1', { description: 'Address for --serve to listen on (default 127.0.0.1)', placeholder: '<address>' });
  values = valuesOption();
  sets = setOption();

  async run(): Promise<number> {
    this.expectArgs(this.args, 0, 1);
    if (this.serve && this.output !== undefined) throw new UsageError('--serve and --output are mutually exclusive', { code: 'CONFLICTING_FLAGS', usage: 'pacto doc' });
    const port = parsePortFlag(this.port, 'pacto doc');
    const ref = this.args[0] || '.';
    const overrides = await readOverrides(this.values, this.sets);
    const { applyOverridesTo, loadContractArgument } = await import('../contract-source.js');
    const bundle = await applyOverridesTo(await loadContractArgument(ref, this.settings), overrides);

    const contract = await this.validContract(bundle);
    if (!contract) return 1;

    const { resolveLocalGraph } = await import('../doc-graph.js');
    const graph = await resolveLocalGraph(contract, bundle, ref, this.context.cwd);
    const render = await import('@pacto/render');
    const markdown = render.renderDoc({ contract, ...(bundle.files ? { files: bundle.files } : {}) }, { graph });

    if (this.serve) return this.serveHtml(render, markdown, contract.service.name, port);

    const path = this.output === undefined ? undefined : await writeDoc(this.output, contract.service.name, markdown);
    if (this.settings.outputFormat === 'json') {
      this.out(render.formatJson({ serviceName: contract.service.name, markdown, ...(path ? { path } : {}) }));
    } else {
      this.out(markdown);
    }
    if (path) this.err(`Wrote ${path}\n`);
    return 0;
  }

  /** The typed contract when it is valid; otherwise prints the findings as `validate` does and returns undefined. */
  private async validContract(bundle: ContractBundle): Promise<Contract | undefined> {
    const { validateContract } = await import('@pacto/validate');
    const { createCliResolver } = await import('../resolver.js');
    const result = await validateContract(bundle, { resolver: await createCliResolver(this.settings) });
    if (result.valid && result.contract) return result.contract;
    const render = await import('@pacto/render');
    const { validationTextOptions } = await import('../finding-frames.js');
    const text = render.renderValidationText(this.args[0] || '.', result, validationTextOptions(bundle, this.context.stderrIsTTY));
    this.err(`${text.stderr}${render.validationFailedLine(result.errors.length)}\n`);
    return undefined;
  }

  private async serveHtml(render: typeof import('@pacto/render'), markdown: string, title: string, port: number): Promise<number> {
    const { startDocServer, waitForStopSignal } = await import('../doc-server.js');
    const { docPage } = await import('../doc-page.js');
    const page = await docPage(render, markdown, title, (message) => this.err(`warning: ${message}\n`));
    const server = await startDocServer(page, this.host, port);
    this.err(`Serving documentation at http://${formatHost(server.host)}:${server.port}\nPress Ctrl+C to stop\n`);
    await waitForStopSignal();
    await server.close();
    return 0;
  }
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

async function writeDoc(dir: string, serviceName: string, markdown: string): Promise<string> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  try {
    await mkdir(dir, { recursive: true, mode: 0o755 });
  } catch (error) {
    throw new CliError(`creating output directory: ${(error as Error).message}`, { cause: error });
  }
  const path = join(dir, `${serviceName}.md`);
  try {
    await writeFile(path, markdown, { mode: 0o644 });
  } catch (error) {
    throw new CliError(`writing documentation file: ${(error as Error).message}`, { cause: error });
  }
  return path;
}
