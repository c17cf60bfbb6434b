// The shape of the Go contract model as yaml.v3 sees it: which keys each
// struct knows, what kind each field has, and the Go type names that appear
// in decoding messages (contract.md §2.2). `required` fields get Go's zero
// value when absent so the typed contract always matches its TS type.

export type FieldShape =
  | { readonly kind: 'string' }
  | { readonly kind: 'int' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'owner' }
  | { readonly kind: 'freeMap' }
  | { readonly kind: 'struct'; readonly type: StructShape }
  | { readonly kind: 'list'; readonly goType: string; readonly item: StructShape };

export interface FieldSpec {
  readonly shape: FieldShape;
  readonly required?: boolean;
}

export interface StructShape {
  readonly goType: string;
  readonly fields: Readonly<Record<string, FieldSpec>>;
}

/** A struct shape with its lookups precomputed (the decoder asks once per key). */
export interface IndexedShape extends StructShape {
  readonly byName: ReadonlyMap<string, FieldSpec>;
  readonly required: readonly (readonly [string, FieldSpec])[];
}

const indexed = new Map<StructShape, IndexedShape>();

export function indexShape(shape: StructShape): IndexedShape {
  let found = indexed.get(shape);
  if (found === undefined) {
    const entries = Object.entries(shape.fields);
    found = { ...shape, byName: new Map(entries), required: entries.filter(([, spec]) => spec.required === true) };
    indexed.set(shape, found);
  }
  return found;
}

const str: FieldSpec = { shape: { kind: 'string' } };
const reqStr: FieldSpec = { shape: { kind: 'string' }, required: true };
const int: FieldSpec = { shape: { kind: 'int' } };
const reqInt: FieldSpec = { shape: { kind: 'int' }, required: true };
const bool: FieldSpec = { shape: { kind: 'bool' } };
const freeMap: FieldSpec = { shape: { kind: 'freeMap' } };
const struct = (type: StructShape, required = false): FieldSpec => ({ shape: { kind: 'struct', type }, required });
const list = (item: StructShape, required = false): FieldSpec => ({
  shape: { kind: 'list', goType: `[]${item.goType}`, item },
  required,
});

const ownerContact: StructShape = { goType: 'contract.OwnerContact', fields: { type: reqStr, value: reqStr, purpose: str } };
export const ownerInfoShape: StructShape = {
  goType: 'contract.OwnerInfo',
  fields: { team: str, dri: str, contacts: list(ownerContact) },
};
const image: StructShape = { goType: 'contract.Image', fields: { ref: reqStr, private: bool } };
const chart: StructShape = { goType: 'contract.Chart', fields: { ref: reqStr, version: reqStr } };
const service: StructShape = {
  goType: 'contract.ServiceIdentity',
  fields: { name: reqStr, version: reqStr, owner: { shape: { kind: 'owner' } }, image: struct(image), chart: struct(chart) },
};
const iface: StructShape = {
  goType: 'contract.Interface',
  fields: { name: reqStr, type: reqStr, port: int, visibility: str, contract: str },
};
const configuration: StructShape = {
  goType: 'contract.ConfigurationSource',
  fields: { name: reqStr, schema: str, ref: str, values: freeMap },
};
const policy: StructShape = { goType: 'contract.PolicySource', fields: { name: reqStr, schema: str, ref: str } };
const dependency: StructShape = {
  goType: 'contract.Dependency',
  fields: { name: reqStr, ref: reqStr, required: bool, compatibility: reqStr },
};
const persistence: StructShape = { goType: 'contract.Persistence', fields: { scope: reqStr, durability: reqStr } };
const state: StructShape = {
  goType: 'contract.State',
  fields: { type: reqStr, persistence: struct(persistence, true), dataCriticality: reqStr },
};
const lifecycle: StructShape = { goType: 'contract.Lifecycle', fields: { upgradeStrategy: str, gracefulShutdownSeconds: int } };
const health: StructShape = { goType: 'contract.Health', fields: { interface: reqStr, path: str, initialDelaySeconds: int } };
const metrics: StructShape = { goType: 'contract.Metrics', fields: { interface: reqStr, path: str } };
const runtime: StructShape = {
  goType: 'contract.Runtime',
  fields: { workload: reqStr, state: struct(state, true), lifecycle: struct(lifecycle), health: struct(health), metrics: struct(metrics) },
};
const scaling: StructShape = { goType: 'contract.Scaling', fields: { replicas: int, min: int, max: int } };
const readinessCheck: StructShape = {
  goType: 'contract.ReadinessCheck',
  fields: { id: reqStr, type: reqStr, evidence: reqStr, weight: reqInt, expires: reqStr, description: str },
};
const readiness: StructShape = { goType: 'contract.Readiness', fields: { minScore: int, checks: list(readinessCheck, true) } };

export const contractShape: StructShape = {
  goType: 'contract.Contract',
  fields: {
    pactoVersion: reqStr,
    service: struct(service, true),
    interfaces: list(iface),
    configurations: list(configuration),
    policies: list(policy),
    dependencies: list(dependency),
    runtime: struct(runtime),
    scaling: struct(scaling),
    readiness: struct(readiness),
    metadata: freeMap,
  },
};
