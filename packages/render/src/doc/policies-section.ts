import type { Contract } from '@pacto/schema';
import { cellCode, table } from './markdown.js';
import { numbered, type DocSection } from './section.js';

/** `## N. Policies` (cli.md §4.8.1 item 9). */
export function policiesSection(contract: Contract): DocSection | undefined {
  const policies = contract.policies ?? [];
  if (policies.length === 0) return undefined;
  return {
    title: 'Policies',
    subsections: [],
    render(n) {
      const rows = policies.map((p) =>
        p.schema !== undefined
          ? [cellCode(p.name), 'Local', cellCode(p.schema)]
          : [cellCode(p.name), 'Remote', cellCode(p.ref ?? '')],
      );
      return `## ${numbered([n], 'Policies')}\n\n${table(['Name', 'Type', 'Source'], rows)}`;
    },
  };
}
