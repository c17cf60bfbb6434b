import { isContractV20, type Contract, type ContractV20 } from '@pacto/schema';
import type { ClaimsReadinessEvaluation } from '@pacto/validate';
import { interfaceViews, runtimeView, scalingOf } from '../contract-view.js';
import { displayOwner } from '../owner.js';
import { isClaimsSummary, weightShare, type ExplainReadiness, type ReadinessSummary } from './readiness-summary.js';

/**
 * The `pacto explain` text of cli.md §4.7: sections separated by one blank line, empty ones left out. A 2.0
 * contract gets the layout of the Go tool's 3.x quickstart (Workload, State, Capabilities, Interfaces with their
 * spec files); claims readiness adds the expiry, the claims and the history.
 */
export function renderExplainText(contract: Contract, readiness?: ExplainReadiness): string {
  const sections: string[][] = [identitySection(contract)];
  if (isContractV20(contract)) sections.push(...v20Sections(contract));
  else {
    const runtime = runtimeView(contract);
    if (runtime?.workload) {
      sections.push([
        'Runtime:',
        `  Workload: ${runtime.workload}`,
        `  State: ${runtime.state?.type ?? ''}`,
        `  Persistence: ${runtime.state?.persistence?.scope ?? ''}/${runtime.state?.persistence?.durability ?? ''}`,
        `  Data Criticality: ${runtime.state?.dataCriticality ?? ''}`,
      ]);
    }
    const interfaces = interfaceViews(contract);
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
  const scaling = scalingOf(contract);
  if (scaling) {
    const s = scaling;
    sections.push([s.replicas !== undefined ? `Scaling: ${s.replicas} replicas` : `Scaling: ${s.min ?? 0}-${s.max ?? 0}`]);
  }
  if (contract.readiness && readiness) sections.push(isClaimsSummary(readiness) ? claimsSection(readiness) : readinessSection(readiness));
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function identitySection(contract: Contract): string[] {
  const lines = [`Service: ${contract.service.name}@${contract.service.version}`];
  const owner = displayOwner(contract.service.owner);
  if (owner !== undefined) lines.push(`Owner: ${owner}`);
  lines.push(`Pacto Version: ${contract.pactoVersion}`);
  return lines;
}

function v20Sections(contract: ContractV20): string[][] {
  const sections: string[][] = [];
  if (contract.workload) sections.push([`Workload: ${contract.workload}`]);
  const state = contract.state;
  if (state) {
    sections.push([
      'State:',
      `  Type: ${state.type ?? ''}`,
      `  Persistence: ${state.persistence?.scope ?? ''}/${state.persistence?.durability ?? ''}`,
      `  Data Criticality: ${state.dataCriticality ?? ''}`,
    ]);
  }
  const capabilities = contract.capabilities ?? [];
  if (capabilities.length > 0) {
    sections.push([
      `Capabilities (${capabilities.length}):`,
      ...capabilities.map((c) => {
        if (c.type === 'extension') return `  - extension ${c.ref ?? ''}`;
        const b = c.binding;
        return b ? `  - ${c.type} (${b.type} ${b.interface}${b.path ? ` ${b.path}` : ''})` : `  - ${c.type}`;
      }),
    ]);
  }
  const interfaces = interfaceViews(contract);
  if (interfaces.length > 0) {
    sections.push([
      `Interfaces (${interfaces.length}):`,
      ...interfaces.map((i) => `  - ${i.name} (${i.type}: ${i.spec ?? ''}${i.visibility ? `, ${i.visibility}` : ''})`),
    ]);
  }
  return sections;
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

function claimsSection(r: ClaimsReadinessEvaluation): string[] {
  const expiry = r.expired ? `${r.expires} (expired)` : `${r.expires} (${r.daysRemaining} days left)`;
  const lines = [
    'Readiness:',
    `  Score: ${r.score}`,
    `  Gate: ${r.passing ? 'PASS' : 'FAIL'} (score ${r.score} / minScore ${r.minScore})`,
    `  Expires: ${expiry}`,
    `  Earned Weight: ${r.earnedWeight} of ${r.totalWeight} (partial credit ${r.partialCredit})`,
    `  Counts: ${r.doneCount} done, ${r.partialCount} partial, ${r.notDoneCount} not-done, ${r.deferredCount} deferred`,
    '  Claims:',
    ...r.claims.map((c) => {
      const share = c.excluded ? 'excluded' : `${weightShare(c.weight, r.totalWeight)}%, earned ${c.earnedWeight}`;
      return `    - ${c.id} ${c.type} ${c.status} weight=${c.weight} (${share})`;
    }),
  ];
  if (r.history.length > 0) {
    lines.push('  History:', ...r.history.map((h) => `    - ${h.date} ${h.version} ${h.author}: ${h.description}`));
  }
  return lines;
}
