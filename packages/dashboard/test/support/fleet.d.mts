import type { OciClient } from '@pacto/oci';

export interface FleetDependency {
  readonly name: string;
  readonly ref: string;
  readonly required: boolean;
  readonly compatibility: string;
}

export interface FleetContractSpec {
  readonly name: string;
  readonly version: string;
  readonly owner: string;
  readonly port: number;
  readonly dependencies: readonly FleetDependency[];
  readonly workload: 'service' | 'job';
  readonly stateful: boolean;
  readonly scaling: readonly [number, number];
  readonly readiness?: { readonly minScore: number; readonly checks: readonly { id: string; weight: number; expires: string }[] };
  readonly revision?: string;
  /** `configurations[].ref` entries (reference edges of the graph). */
  readonly configurationRefs?: readonly string[];
}

export interface PlannedService {
  readonly name: string;
  /** `<registry>/<prefix>/<name>`, without `oci://`. */
  readonly repository: string;
  readonly versions: readonly { readonly version: string; readonly text: string }[];
}

export function fleetContract(spec: FleetContractSpec): string;
export function serviceName(i: number): string;
/** `versions` (1 to 3, default 3): how many of 1.0.0, 1.1.0, 2.0.0 to publish, the latest ones. */
export function planFleet(options: { registry: string; prefix: string; count: number; now?: number; invalidIndex?: number; versions?: number }): PlannedService[];
export function pushFleet(plan: readonly PlannedService[], client: OciClient, options?: { concurrency?: number }): Promise<void>;
