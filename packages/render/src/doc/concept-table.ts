import type { Runtime } from '@pacto/schema';
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
export function conceptTable(runtime: Runtime): string {
  const rows: string[][] = [];
  const add = (concept: string, value: string | undefined, description: string | undefined) => {
    if (value === undefined || description === undefined) return;
    rows.push([`**${concept}**`, cellCode(value), cellText(description)]);
  };
  const { state, lifecycle } = runtime;
  add('Workload', runtime.workload, WORKLOAD_DESCRIPTIONS[runtime.workload]);
  add('State', state.type, STATE_DESCRIPTIONS[state.type]);
  add('Persistence scope', state.persistence.scope, SCOPE_DESCRIPTIONS[state.persistence.scope]);
  add('Persistence durability', state.persistence.durability, DURABILITY_DESCRIPTIONS[state.persistence.durability]);
  add('Data criticality', state.dataCriticality, CRITICALITY_DESCRIPTIONS[state.dataCriticality]);
  const upgrade = lifecycle?.upgradeStrategy;
  if (upgrade !== undefined) add('Upgrade strategy', upgrade, UPGRADE_DESCRIPTIONS[upgrade]);
  if (lifecycle?.gracefulShutdownSeconds !== undefined) {
    add('Graceful shutdown', `${lifecycle.gracefulShutdownSeconds}s`, 'Time allowed for in-flight requests to complete before termination');
  }
  return table(['Concept', 'Value', 'Description'], rows);
}
