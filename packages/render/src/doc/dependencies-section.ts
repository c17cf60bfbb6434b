import type { Contract } from '@pacto/schema';
import { cellCode, table } from './markdown.js';
import { numbered, type DocSection } from './section.js';

/** `## N. Dependencies`: the declared dependencies (cli.md §4.8.1 item 10, without a resolved graph). */
export function dependenciesSection(contract: Contract): DocSection | undefined {
  const dependencies = contract.dependencies ?? [];
  if (dependencies.length === 0) return undefined;
  return {
    title: 'Dependencies',
    subsections: [],
    render(n) {
      const rows = dependencies.map((d) => [
        d.name ? cellCode(d.name) : '``',
        cellCode(d.ref),
        cellCode(d.compatibility),
        d.required ? 'Yes' : 'No',
      ]);
      return `## ${numbered([n], 'Dependencies')}\n\n${table(['Name', 'Reference', 'Compatibility', 'Required'], rows)}`;
    },
  };
}
