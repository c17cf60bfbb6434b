import { Command, Option } from 'clipanion';
import { choiceFlag, restArgs } from '../flags.js';
import { PactoCommand } from '../base-command.js';
import { setOption, valuesOption } from '../override-options.js';
import { readOverrides } from '../overrides.js';

const DIAGRAMS = ['text', 'json', 'dot', 'mermaid'] as const;
type GraphFormat = (typeof DIAGRAMS)[number];

export class GraphCommand extends PactoCommand {
  static override paths = [['graph']];
  static override usage = Command.Usage({
    description: 'Resolve and print the dependency graph',
    details: `
      Follows \`dependencies[].ref\` from a contract: local paths relative to the root contract's
      directory, \`oci://\` references pulled from their registry (a reference without a tag takes
      the highest tag inside the dependency's \`compatibility\` range). A dependency reached twice
      is resolved once and marked shared; cycles, version conflicts and fetch failures are
      reported, and the command still succeeds.

      \`--format dot\` and \`--format mermaid\` draw the graph for Graphviz or Mermaid.
    `,
    examples: [
      ['Print the graph of the contract in the current directory', '$0 graph'],
      ['Print it as JSON', '$0 graph my-service --output-format json'],
      ['Draw it with Graphviz', '$0 graph my-service --format dot | dot -Tsvg > graph.svg'],
    ],
  });

  args = restArgs('[dir | oci://ref]', 'directory');
  withReferences = Option.Boolean('--with-references', false, { description: 'Also show configuration and policy reference edges' });
  onlyReferences = Option.Boolean('--only-references', false, { description: 'Show only configuration and policy reference edges' });
  format = choiceFlag('--format', DIAGRAMS, { description: 'Diagram format: text, json, dot or mermaid (default: --output-format)', placeholder: '<format>' });
  values = valuesOption();
  sets = setOption();

  async run(): Promise<number> {
    this.expectArgs(this.args, 0, 1);
    const format = this.graphFormat();
    const overrides = await readOverrides(this.values, this.sets);
    const { lazyOciClient } = await import('../oci-session.js');
    const registry = lazyOciClient(this.context, this.settings);
    const lazyClient = registry.get;
    try {
      const { loadSide, createDependencyFetcher } = await import('../diff-sources.js');
      const root = await loadSide(this.args[0] || '.', overrides, this.context.cwd, lazyClient, this.settings.debug);
      const { verifyLockIfPresent } = await import('../lock-check.js');
      await verifyLockIfPresent(this.args[0] || '.', root.side.contract, this.context.cwd, async () => lazyClient());
      const diff = await import('@pacto/diff');
      const references = this.onlyReferences ? 'only' : this.withReferences ? 'with' : 'none';
      const graph = await diff.resolveGraph(root.side, createDependencyFetcher({ baseDir: root.baseDir, client: lazyClient, contractOnly: true, onFetch: (ref, range) => this.debug(`resolving dependency ${ref} (${range})`) }), { references });
      const render = { text: diff.renderGraphTree, json: diff.renderGraphJson, dot: diff.renderGraphDot, mermaid: diff.renderGraphMermaid }[format];
      this.out(render(graph));
      return 0;
    } finally {
      await registry.close();
    }
  }

  private graphFormat(): GraphFormat {
    if (this.format !== undefined) return this.format;
    return this.settings.outputFormat === 'json' ? 'json' : 'text';
  }
}
