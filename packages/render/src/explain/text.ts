import type { Contract } from '@pacto/schema';
import { displayOwner } from '../owner.js';
import { weightShare, type ReadinessSummary } from './readiness-summary.js';

/** The `pacto explain` text of cli.md §4.7: sections separated by one blank line, empty ones left out. */
export function renderExplainText(contract: Contract, readiness?: ReadinessSummary): string {
  const sections: string[][] = [identitySection(contract)];
  const runtime = contract.runtime;
  if (runtime?.workload) {
    sections.push([
      'Runtime:',
      `  Workload: ${runtime.workload}`,
      `  State: ${runtime.state?.type ?? ''}`,
      `  Persistence: ${runtime.state?.persistence?.scope ?? ''}/${runtime.state?.persistence?.durability ?? ''}`,
      `  Data Criticality: ${runtime.state?.dataCriticality ?? ''}`,
    ]);
  }
  const interfaces = contract.interfaces ?? [];
  if (interfaces.length > 0) {
    sections.push([
      `Interfaces (${interfaces.length}):`,
      ...interfaces.map((i) => {
        const port = i.port !== undefined ? `, port ${i.port}` : '';
        const visibility = i.visibility ? `, ${i.visibility}` : '';
        return `  - ${i.name} (${i.type}${port}${visibility})`;
      }),
    ]);
  }
  const dependencies = contract.dependencies ?? [];
  if (dependencies.length > 0) {
    sections.push([
      `Dependencies (${dependencies.length}):`,
      ...dependencies.map((d) => {
        const label = d.name ? `${d.name}: ` : '';
        return `  - ${label}${d.ref} (${d.compatibility}, ${d.required ? 'required' : 'optional'})`;
      }),
    ]);
  }
  if (contract.scaling) {
    const s = contract.scaling;
    sections.push([s.replicas !== undefined ? `Scaling: ${s.replicas} replicas` : `Scaling: ${s.min ?? 0}-${s.max ?? 0}`]);
  }
  if (contract.readiness && readiness) sections.push(readinessSection(readiness));
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function identitySection(contract: Contract): string[] {
  const lines = [`Service: ${contract.service.name}@${contract.service.version}`];
  const owner = displayOwner(contract.service.owner);
  if (owner !== undefined) lines.push(`Owner: ${owner}`);
  lines.push(`Pacto Version: ${contract.pactoVersion}`);
  return lines;
}

function readinessSection(r: ReadinessSummary): string[] {
  const invalid = r.invalidCount > 0 ? `, ${r.invalidCount} invalid` : '';
  return [
    'Readiness:',
    `  Score: ${r.score}`,
    `  Gate: ${r.passing ? 'PASS' : 'FAIL'} (score ${r.score} / minScore ${r.minScore})`,
    `  Current Weight: ${r.currentWeight}`,
    `  Total Weight: ${r.totalWeight}`,
    `  Counts: ${r.currentCount} current, ${r.expiredCount} expired${invalid}`,
    '  Checks:',
    ...r.checks.map(
      (c) =>
        `    - ${c.id} ${c.type} ${c.status.toLowerCase()} weight=${c.weight} (${weightShare(c.weight, r.totalWeight)}%) expires=${c.expires}`,
    ),
  ];
}
