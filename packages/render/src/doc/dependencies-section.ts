import { isContractV20, type Contract, type Dependency } from '@pacto/schema';
import { interfaceViews, runtimeView } from '../contract-view.js';
import { conceptTable } from './concept-table.js';
import { dependencyEdges, nodesDepthFirst, type DocGraph, type DocGraphNode } from './doc-graph.js';
import { interfaceTable } from './interfaces-section.js';
import { cellCode, note, table } from './markdown.js';
import { numbered, type DocSection } from './section.js';
import { summaryParagraph } from './summary.js';

/**
 * `## N. Dependencies` (cli.md §4.8.1 item 10): the declared dependencies, then — with a resolved
 * graph — one `N.M.` subsection per resolved dependency (depth-first, each once) with its summary,
 * runtime, interfaces and own dependencies, and a note for each dependency that could not be resolved.
 * Plain Markdown subsections stand in for the Go tool's `<details>` blocks so that no raw HTML is needed.
 */
export function dependenciesSection(contract: Contract, graph?: DocGraph): DocSection | undefined {
  const dependencies = contract.dependencies ?? [];
  if (dependencies.length === 0) return undefined;
  const resolved = graph ? nodesDepthFirst(graph.root).filter((node) => node.bundle) : [];
  return {
    title: 'Dependencies',
    subsections: resolved.map(nodeTitle),
    render(n) {
      const parts = [`## ${numbered([n], 'Dependencies')}\n`, dependencyTable(dependencies)];
      if (graph) parts.push(...unresolvedNotes(graph.root));
      resolved.forEach((node, i) => parts.push(`### ${numbered([n, i + 1], nodeTitle(node))}\n`, ...nodeDetails(node)));
      return parts.join('\n');
    },
  };
}

function nodeTitle(node: DocGraphNode): string {
  return `${node.name} v${node.version}`;
}

function dependencyTable(dependencies: readonly Dependency[]): string {
  const rows = dependencies.map((d) => [
    d.name ? cellCode(d.name) : '``',
    cellCode(d.ref),
    cellCode(d.compatibility),
    d.required ? 'Yes' : 'No',
  ]);
  return table(['Name', 'Reference', 'Compatibility', 'Required'], rows);
}

function nodeDetails(node: DocGraphNode): string[] {
  const contract = node.bundle!.contract;
  const parts = [summaryParagraph(contract)];
  const runtime = runtimeView(contract);
  if (runtime) parts.push('**Runtime**\n', conceptTable(runtime));
  const interfaces = interfaceViews(contract);
  if (interfaces.length > 0) parts.push('**Interfaces**\n', interfaceTable(interfaces, isContractV20(contract)));
  if (contract.dependencies?.length) {
    parts.push('**Dependencies**\n', dependencyTable(contract.dependencies), ...unresolvedNotes(node));
  }
  return parts;
}

function unresolvedNotes(node: DocGraphNode): string[] {
  return dependencyEdges(node)
    .filter((edge) => edge.error !== undefined)
    .map((edge) => `${note(`Could not resolve ${edge.ref}: ${edge.error}`)}\n`);
}
