import { displayOwner } from '@pacto/render';
import type { Contract } from '@pacto/schema';

/** A short overview of a contract that an agent can reason about without reading the YAML. */
export interface ContractSummary {
  readonly name: string;
  readonly version: string;
  readonly pactoVersion: string;
  readonly owner?: string;
  readonly workload?: string;
  readonly state?: string;
  /** `api (http, port 8080, internal)`. */
  readonly interfaces: readonly string[];
  /** `db: oci://… (^1.0.0, required)`. */
  readonly dependencies: readonly string[];
  readonly scaling?: string;
  /** Which optional sections the contract has: `present` or `absent`. */
  readonly sections: Readonly<Record<string, 'present' | 'absent'>>;
}

const SECTIONS = ['interfaces', 'configurations', 'policies', 'dependencies', 'runtime', 'scaling', 'readiness', 'metadata'] as const;

export function summarize(contract: Contract): ContractSummary {
  const owner = displayOwner(contract.service.owner);
  const runtime = contract.runtime;
  const state = runtime?.state;
  const scaling = contract.scaling;
  const record = contract as unknown as Record<string, unknown>;
  const sections: Record<string, 'present' | 'absent'> = {};
  for (const section of SECTIONS) sections[section] = record[section] === undefined ? 'absent' : 'present';
  return {
    name: contract.service.name,
    version: contract.service.version,
    pactoVersion: contract.pactoVersion,
    ...(owner ? { owner } : {}),
    ...(runtime?.workload ? { workload: runtime.workload } : {}),
    ...(state ? { state: `${state.type} (${state.persistence.scope}/${state.persistence.durability}, ${state.dataCriticality} criticality)` } : {}),
    interfaces: (contract.interfaces ?? []).map((iface) => {
      const parts = [iface.type, ...(iface.port === undefined ? [] : [`port ${iface.port}`]), ...(iface.visibility ? [iface.visibility] : [])];
      return `${iface.name} (${parts.join(', ')})`;
    }),
    dependencies: (contract.dependencies ?? []).map(
      (dep) => `${dep.name}: ${dep.ref} (${dep.compatibility}, ${dep.required ? 'required' : 'optional'})`,
    ),
    ...(scaling
      ? { scaling: scaling.replicas !== undefined ? `${scaling.replicas} replicas` : `${scaling.min}-${scaling.max} replicas` }
      : {}),
    sections,
  };
}
