import { displayOwner, interfaceViews, runtimeView, scalingOf } from '@pacto/render';
import { isContractV20, type Contract } from '@pacto/schema';

/** A short overview of a contract that an agent can reason about without reading the YAML. */
export interface ContractSummary {
  readonly name: string;
  readonly version: string;
  readonly pactoVersion: string;
  readonly owner?: string;
  readonly workload?: string;
  readonly state?: string;
  /** `api (http, port 8080, internal)`; a 2.0 interface names its spec file instead of a port. */
  readonly interfaces: readonly string[];
  /** `db: oci://… (^1.0.0, required)`. */
  readonly dependencies: readonly string[];
  readonly scaling?: string;
  /** Which optional sections the contract has: `present` or `absent`. */
  readonly sections: Readonly<Record<string, 'present' | 'absent'>>;
}

const SECTIONS = ['interfaces', 'configurations', 'policies', 'dependencies', 'runtime', 'scaling', 'readiness', 'metadata'] as const;
const SECTIONS_V20 = ['interfaces', 'configurations', 'policies', 'dependencies', 'workload', 'state', 'capabilities', 'readiness', 'metadata'] as const;

export function summarize(contract: Contract): ContractSummary {
  const owner = displayOwner(contract.service.owner);
  const runtime = runtimeView(contract);
  const state = runtime?.state;
  const scaling = scalingOf(contract);
  const record = contract as unknown as Record<string, unknown>;
  const sections: Record<string, 'present' | 'absent'> = {};
  for (const section of isContractV20(contract) ? SECTIONS_V20 : SECTIONS) sections[section] = record[section] === undefined ? 'absent' : 'present';
  return {
    name: contract.service.name,
    version: contract.service.version,
    pactoVersion: contract.pactoVersion,
    ...(owner ? { owner } : {}),
    ...(runtime?.workload ? { workload: runtime.workload } : {}),
    ...(state ? { state: `${state.type} (${state.persistence?.scope}/${state.persistence?.durability}, ${state.dataCriticality} criticality)` } : {}),
    interfaces: interfaceViews(contract).map((iface) => {
      const where = iface.port !== undefined ? [`port ${iface.port}`] : isContractV20(contract) && iface.spec ? [iface.spec] : [];
      const parts = [iface.type, ...where, ...(iface.visibility ? [iface.visibility] : [])];
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
