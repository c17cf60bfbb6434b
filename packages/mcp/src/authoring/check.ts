import { isContractV20, type Contract } from '@pacto/schema';
import { validateContract } from '@pacto/validate';
import type { ContractReader } from '../reader.js';
import { summarize, type ContractSummary } from './summary.js';
import { findingJson, type FindingJson } from './validation.js';

/** A suggested improvement; `toolCall` is a ready-made pacto_edit call when the edit tool can make it. */
export interface Suggestion {
  readonly message: string;
  readonly toolCall?: { readonly tool: 'pacto_edit'; readonly params: Readonly<Record<string, unknown>> };
}

export interface CheckContractResult {
  readonly path: string;
  readonly valid: boolean;
  /** Absent when the contract does not parse. */
  readonly summary?: ContractSummary;
  readonly errors: readonly FindingJson[];
  readonly warnings: readonly FindingJson[];
  readonly suggestions: readonly Suggestion[];
}

/**
 * Validates a contract with all four layers, as `pacto validate` does (pacto_check, cli.md §4.15), and adds a
 * summary and suggestions. A contract that cannot be parsed is a result (`valid: false`), not a tool error;
 * a path that holds no contract is a tool error.
 */
export async function checkContract(path: string | undefined, reader: ContractReader): Promise<CheckContractResult> {
  const ref = path || '.';
  const { bundle } = await reader.read(ref);
  const result = await validateContract(bundle, reader.policies ? { resolver: reader.policies } : {});
  const contract = result.contract;
  return {
    path: ref,
    valid: result.valid,
    ...(contract ? { summary: summarize(contract) } : {}),
    errors: result.errors.map(findingJson),
    warnings: result.warnings.map(findingJson),
    suggestions: contract ? suggestionsFor(contract, ref, result.warnings.map((w) => w.code)) : [],
  };
}

const edit = (path: string, params: Record<string, unknown>): Suggestion['toolCall'] => ({ tool: 'pacto_edit', params: { path, ...params } });

/** What a reviewer would ask for next, most useful first. Values in tool calls are starting points to adjust. */
export function suggestionsFor(contract: Contract, path: string, warningCodes: readonly string[]): Suggestion[] {
  const out: Suggestion[] = [];
  if (!contract.service.owner) {
    out.push({ message: 'Say which team owns the service (service.owner).', toolCall: edit(path, { owner: 'team/your-team' }) });
  }
  // The edits below write 1.x sections (runtime, scaling, ports); pacto_edit does not write 2.0 ones.
  if (isContractV20(contract)) return [...out, ...commonSuggestions(contract, path, warningCodes)];
  const interfaces = contract.interfaces ?? [];
  const runtime = contract.runtime;
  if (interfaces.length === 0 && runtime?.workload !== 'job') {
    out.push({
      message: 'Declare how other services talk to this one (interfaces).',
      toolCall: edit(path, { add_interfaces: JSON.stringify([{ name: 'api', type: 'http', port: 8080, visibility: 'internal' }]) }),
    });
  }
  if (!runtime) {
    out.push({
      message: 'Describe how the service runs and whether it keeps data (runtime).',
      toolCall: edit(path, { workload: 'service', stores_data: false }),
    });
  }
  const probe = interfaces.find((iface) => iface.type === 'http' || iface.type === 'grpc');
  if (runtime && probe && !runtime.health && runtime.workload === 'service') {
    out.push({
      message: `Declare a health probe on interface "${probe.name}" (runtime.health with interface and path); pacto_edit cannot set it, edit pacto.yaml.`,
    });
  }
  if (runtime?.workload === 'service' && !contract.scaling) {
    out.push({ message: 'Say how many instances run (scaling).', toolCall: edit(path, { min_replicas: 1, max_replicas: 3 }) });
  }
  if (runtime?.state && runtime.state.type !== 'stateless' && runtime.state.dataCriticality === 'low') {
    out.push({
      message: 'The service keeps data but its loss is rated low; confirm the impact of losing it.',
      toolCall: edit(path, { data_loss_impact: 'medium' }),
    });
  }
  return [...out, ...commonSuggestions(contract, path, warningCodes)];
}

/** What every format is asked for. */
function commonSuggestions(contract: Contract, path: string, warningCodes: readonly string[]): Suggestion[] {
  const out: Suggestion[] = [];
  if (warningCodes.includes('TAG_NOT_DIGEST')) {
    out.push({ message: 'Pin dependency references by digest (oci://…@sha256:…) so a moved tag cannot change what is deployed.' });
  }
  if (!contract.metadata) {
    out.push({ message: 'Add metadata people search for (team, tier, domain).', toolCall: edit(path, { set_metadata: JSON.stringify({ tier: 'standard' }) }) });
  }
  return out;
}
