import { isContractV20, type Contract, type Lifecycle, type Scaling, type State } from '@pacto/schema';

// What the renderers read from a contract, the same for every format (contract.md §3, contract-2.0.md §3): a 2.0
// interface's `ref` is its spec file as a 1.x `contract` was, `workload`/`state` sit where `runtime` did, and a bound
// health or metrics capability is a probe. Fields a format lacks are simply absent.

export type Protocol = 'http' | 'grpc' | 'event';

export interface InterfaceView {
  readonly name: string;
  /** The type as written (`http`, `openapi`, …). */
  readonly type: string;
  /** How to read the spec file: OpenAPI for http, a descriptor for grpc, an event schema for event. */
  readonly protocol: Protocol | undefined;
  readonly port?: number;
  readonly visibility?: string;
  /** Bundle path of the spec file (`contract` in 1.x, `ref` in 2.0). */
  readonly spec?: string;
}

export interface ProbeView {
  readonly interface: string;
  readonly path?: string;
  readonly initialDelaySeconds?: number;
}

export interface RuntimeView {
  readonly workload?: string;
  readonly state?: Partial<State>;
  readonly lifecycle?: Lifecycle;
  readonly health?: ProbeView;
  readonly metrics?: ProbeView;
}

const PROTOCOL: Readonly<Record<string, Protocol>> = {
  http: 'http',
  grpc: 'grpc',
  event: 'event',
  openapi: 'http',
  asyncapi: 'event',
};

export function interfaceViews(contract: Contract): InterfaceView[] {
  if (isContractV20(contract)) {
    return (contract.interfaces ?? []).map((i) => ({
      name: i.name,
      type: i.type,
      protocol: PROTOCOL[i.type],
      ...(i.visibility === undefined ? {} : { visibility: i.visibility }),
      ...(i.ref ? { spec: i.ref } : {}),
    }));
  }
  return (contract.interfaces ?? []).map((i) => ({
    name: i.name,
    type: i.type,
    protocol: PROTOCOL[i.type],
    ...(i.port === undefined ? {} : { port: i.port }),
    ...(i.visibility === undefined ? {} : { visibility: i.visibility }),
    ...(i.contract ? { spec: i.contract } : {}),
  }));
}

/** The runtime facts of a contract; undefined when it declares none (no `runtime`, or no workload, state or probe). */
export function runtimeView(contract: Contract): RuntimeView | undefined {
  if (!isContractV20(contract)) return contract.runtime ?? undefined;
  const probe = (type: 'health' | 'metrics'): ProbeView | undefined => {
    const binding = (contract.capabilities ?? []).find((c) => c.type === type)?.binding;
    return binding ? { interface: binding.interface, ...(binding.path ? { path: binding.path } : {}) } : undefined;
  };
  const health = probe('health');
  const metrics = probe('metrics');
  if (contract.workload === undefined && contract.state === undefined && health === undefined && metrics === undefined) return undefined;
  return {
    ...(contract.workload === undefined ? {} : { workload: contract.workload }),
    ...(contract.state === undefined ? {} : { state: contract.state }),
    ...(health === undefined ? {} : { health }),
    ...(metrics === undefined ? {} : { metrics }),
  };
}

export function scalingOf(contract: Contract): Scaling | undefined {
  return isContractV20(contract) ? undefined : (contract.scaling ?? undefined);
}

export function artifactsOf(contract: Contract): {
  readonly image?: { readonly ref: string; readonly private?: boolean | undefined } | undefined;
  readonly chart?: { readonly ref: string; readonly version: string } | undefined;
} {
  return isContractV20(contract) ? {} : { image: contract.service.image, chart: contract.service.chart };
}
