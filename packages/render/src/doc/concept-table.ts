import type { State } from '@pacto/schema';
import type { RuntimeView } from '../contract-view.js';
import {
  CRITICALITY_DESCRIPTIONS,
  DURABILITY_DESCRIPTIONS,
  SCOPE_DESCRIPTIONS,
  STATE_DESCRIPTIONS,
  UPGRADE_DESCRIPTIONS,
  WORKLOAD_DESCRIPTIONS,
} from './concept-descriptions.js';
import { cellCode, cellText, table } from './markdown.js';

/** The runtime concept table (cli.md §4.8.1 item 3). Unknown enum values (unvalidated input) get no row. */
export function conceptTable(runtime: RuntimeView): string {
  const rows: string[][] = [];
  const add = (concept: string, value: string | undefined, description: string | undefined) => {
    if (value === undefined || description === undefined) return;
    rows.push([`**${concept}**`, cellCode(value), cellText(description)]);
  };
  // Lookups tolerate missing parts: dependencies in the graph are parsed, not validated.
  const { lifecycle } = runtime;
  const state: Partial<State> = runtime.state ?? {};
  const persistence: Partial<State['persistence']> = state.persistence ?? {};
  add('Workload', runtime.workload, lookup(WORKLOAD_DESCRIPTIONS, runtime.workload));
  add('State', state.type, lookup(STATE_DESCRIPTIONS, state.type));
  add('Persistence scope', persistence.scope, lookup(SCOPE_DESCRIPTIONS, persistence.scope));
  add('Persistence durability', persistence.durability, lookup(DURABILITY_DESCRIPTIONS, persistence.durability));
  add('Data criticality', state.dataCriticality, lookup(CRITICALITY_DESCRIPTIONS, state.dataCriticality));
  const upgrade = lifecycle?.upgradeStrategy;
  if (upgrade !== undefined) add('Upgrade strategy', upgrade, lookup(UPGRADE_DESCRIPTIONS, upgrade));
  if (lifecycle?.gracefulShutdownSeconds !== undefined) {
    add('Graceful shutdown', `${lifecycle.gracefulShutdownSeconds}s`, 'Time allowed for in-flight requests to complete before termination');
  }
  return table(['Concept', 'Value', 'Description'], rows);
}

function lookup(descriptions: Record<string, string>, value: string | undefined): string | undefined {
  return value !== undefined && Object.hasOwn(descriptions, value) ? descriptions[value] : undefined;
}
