import { isContractV20, type BundleFS, type Contract } from '@pacto/schema';
import { evaluateContractReadiness } from '@pacto/validate';
import { runtimeView } from '../contract-view.js';
import { CONTRACT_REFERENCE_URL, CONTRACT_REFERENCE_V20_URL } from '../project-links.js';
import type { ExplainReadiness } from '../explain/readiness-summary.js';
import { architectureDiagram } from './architecture.js';
import { conceptTable } from './concept-table.js';
import { configurationSection } from './configuration-section.js';
import { dependenciesSection } from './dependencies-section.js';
import type { DocGraph } from './doc-graph.js';
import { footer } from './footer.js';
import { interfacesSection } from './interfaces-section.js';
import { policiesSection } from './policies-section.js';
import { readinessSection } from './readiness-section.js';
import { numbered, tableOfContents, type DocSection } from './section.js';
import { summaryParagraph } from './summary.js';

export interface DocInput {
  readonly contract: Contract;
  /** The bundle's files, for OpenAPI and configuration schemas; without them those show a "not found" note. */
  readonly files?: BundleFS;
}

export interface RenderDocOptions {
  /** The clock readiness is evaluated against (default: the current time). */
  readonly now?: () => Date;
  /** A readiness evaluation computed by the caller; by default it is computed at `now()`. */
  readonly readiness?: ExplainReadiness;
  /**
   * The resolved dependency graph (e.g. `resolveGraph` of @pacto/diff). With it the architecture
   * diagram shows every service and the Dependencies section describes each resolved dependency.
   */
  readonly graph?: DocGraph;
}

/** The reference of the contract's own format. */
const referenceLine = (contract: Contract): string =>
  `For more information on contract concepts, see the [Contract Reference](${isContractV20(contract) ? CONTRACT_REFERENCE_V20_URL : CONTRACT_REFERENCE_URL}).`;

/** The Markdown document of `pacto doc` (cli.md §4.8.1). Pure: reads only the given bundle files. */
export function renderDoc(input: DocInput, options: RenderDocOptions = {}): string {
  const { contract, files } = input;
  const now = (options.now ?? (() => new Date()))();
  const readiness = options.readiness ?? evaluateContractReadiness(contract, now);
  const sections = [
    architectureSection(contract, options.graph),
    interfacesSection(contract, files),
    configurationSection(contract, files),
    policiesSection(contract),
    dependenciesSection(contract, options.graph),
    readinessSection(contract, readiness, now.toISOString().slice(0, 10)),
  ].filter((s): s is DocSection => s !== undefined);

  const parts = [`# ${contract.service.name}\n`, summaryParagraph(contract)];
  const runtime = runtimeView(contract);
  if (runtime) parts.push(conceptTable(runtime));
  parts.push(`${referenceLine(contract)}\n`, tableOfContents(sections));
  sections.forEach((section, i) => parts.push(section.render(i + 1)));
  parts.push(footer(contract));
  return parts.join('\n');
}

function architectureSection(contract: Contract, graph: DocGraph | undefined): DocSection {
  return {
    title: 'Architecture',
    subsections: [],
    render: (n) => `## ${numbered([n], 'Architecture')}\n\n${architectureDiagram(contract, graph)}`,
  };
}
