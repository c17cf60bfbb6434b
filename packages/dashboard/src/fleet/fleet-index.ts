import { resolve as resolvePath } from 'node:path';
import { isLocalRef, nameFromRef } from '@pacto/diff';
import { parseReference } from '@pacto/oci';
import type { SourceType } from '../api/model.js';
import { asArray, asBoolean, asString } from './contract-fields.js';
import type { ContractEntry } from './contract-entry.js';

// The merged fleet (cli.md §4.14): services merged by name over their sources (local > oci > cache), every
// dependency and reference ref pointed at a service, dependents and blast radius. Rebuilt whenever a source
// changes; everything the API derives from the fleet as a whole comes from here.

export const SOURCE_PRIORITY: readonly SourceType[] = ['local', 'oci', 'cache', 'k8s'];

export interface MergedService {
  readonly name: string;
  /** The entry whose contract the dashboard shows: the highest-priority source's. */
  readonly primary: ContractEntry;
  /** One entry per source that has the service, in priority order. */
  readonly entries: readonly ContractEntry[];
}

export interface FleetEdge {
  readonly source: string;
  readonly target: string;
  readonly type: 'dependency' | 'reference';
  readonly required: boolean;
  readonly compatibility: string;
  readonly ref: string;
  readonly resolved: boolean;
  /** For reference edges: a configuration or a policy. */
  readonly refType?: 'configuration' | 'policy';
}

export interface FleetIndex {
  /** Services by name, sorted by name. */
  readonly services: ReadonlyMap<string, MergedService>;
  readonly edges: readonly FleetEdge[];
  /** Edge targets that no source has, with the ref that named them first. */
  readonly externals: ReadonlyMap<string, string>;
  /** Edges into each service. */
  readonly incoming: ReadonlyMap<string, readonly FleetEdge[]>;
  readonly outgoing: ReadonlyMap<string, readonly FleetEdge[]>;
  /** Services that transitively require each service. */
  readonly blastRadius: ReadonlyMap<string, readonly string[]>;
  /** The service a ref points at from `entry` (by repository, directory or name), and whether a source has it. */
  target(ref: string, entry: ContractEntry): { name: string; resolved: boolean };
}

/** Builds the index over the current entries of every source. */
export function buildFleetIndex(entries: readonly ContractEntry[]): FleetIndex {
  const byName = new Map<string, ContractEntry[]>();
  for (const entry of entries) {
    const list = byName.get(entry.name) ?? [];
    list.push(entry);
    byName.set(entry.name, list);
  }
  const services = new Map<string, MergedService>();
  for (const name of [...byName.keys()].sort()) {
    const list = byName.get(name)!.sort((a, b) => SOURCE_PRIORITY.indexOf(a.source) - SOURCE_PRIORITY.indexOf(b.source));
    services.set(name, { name, primary: list[0]!, entries: list });
  }

  // OCI repository names alias contract names (`ghcr.io/acme/payments-pacto` holds service `payments`).
  const byRepository = new Map<string, string>();
  const byDirectory = new Map<string, string>();
  for (const entry of entries) {
    if (entry.repository) byRepository.set(entry.repository, entry.name);
    if (entry.dir) byDirectory.set(entry.dir, entry.name);
  }

  const target = (ref: string, entry: ContractEntry): { name: string; resolved: boolean } => {
    if (isLocalRef(ref)) {
      if (entry.dir !== undefined) {
        const path = ref.startsWith('file://') ? ref.slice('file://'.length) : ref;
        const named = byDirectory.get(resolvePath(entry.dir, path));
        if (named !== undefined) return { name: named, resolved: true };
      }
    } else if (ref.startsWith('oci://')) {
      const repository = repositoryKey(ref);
      const named = repository === undefined ? undefined : byRepository.get(repository);
      if (named !== undefined) return { name: named, resolved: true };
    }
    const name = nameFromRef(ref);
    if (services.has(name)) return { name, resolved: true };
    const stripped = name.replace(/-pacto$/, '');
    if (services.has(stripped)) return { name: stripped, resolved: true };
    return { name, resolved: false };
  };

  const edges: FleetEdge[] = [];
  const externals = new Map<string, string>();
  const add = (edge: FleetEdge): void => {
    edges.push(edge);
    if (!edge.resolved && !externals.has(edge.target)) externals.set(edge.target, edge.ref);
  };
  for (const service of services.values()) {
    const contract = service.primary.validation.contract as Record<string, unknown> | undefined;
    for (const dep of asArray(contract?.['dependencies'])) {
      const ref = asString(dep['ref']);
      if (ref === undefined || ref === '') continue;
      const to = target(ref, service.primary);
      add({
        source: service.name,
        target: to.name,
        type: 'dependency',
        required: asBoolean(dep['required']) ?? false,
        compatibility: asString(dep['compatibility']) ?? '',
        ref,
        resolved: to.resolved,
      });
    }
    for (const [key, refType] of [['configurations', 'configuration'], ['policies', 'policy']] as const) {
      for (const item of asArray(contract?.[key])) {
        const ref = asString(item['ref']);
        if (ref === undefined || ref === '') continue;
        const to = target(ref, service.primary);
        if (to.name === service.name) continue;
        add({ source: service.name, target: to.name, type: 'reference', required: false, compatibility: '', ref, resolved: to.resolved, refType });
      }
    }
  }

  const incoming = groupBy(edges, (edge) => edge.target);
  const outgoing = groupBy(edges, (edge) => edge.source);
  return { services, edges, externals, incoming, outgoing, blastRadius: blastRadii(services, incoming), target };
}

/** `registry/repository` of an `oci://` ref, or undefined when it does not parse. */
export function repositoryKey(ref: string): string | undefined {
  try {
    const parsed = parseReference(ref);
    return `${parsed.registry}/${parsed.repository}`;
  } catch {
    return undefined;
  }
}

function groupBy(edges: readonly FleetEdge[], key: (edge: FleetEdge) => string): Map<string, FleetEdge[]> {
  const out = new Map<string, FleetEdge[]>();
  for (const edge of edges) {
    const list = out.get(key(edge)) ?? [];
    list.push(edge);
    out.set(key(edge), list);
  }
  return out;
}

/**
 * For each service, the services that would be affected if it broke: those that require it, directly or
 * through a chain of required dependencies (breadth-first, each counted once).
 */
function blastRadii(services: ReadonlyMap<string, MergedService>, incoming: ReadonlyMap<string, readonly FleetEdge[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of services.keys()) {
    const seen = new Set([name]);
    const reached: string[] = [];
    const queue = [name];
    for (let i = 0; i < queue.length; i++) {
      for (const edge of incoming.get(queue[i]!) ?? []) {
        if (edge.type !== 'dependency' || !edge.required || seen.has(edge.source)) continue;
        seen.add(edge.source);
        reached.push(edge.source);
        queue.push(edge.source);
      }
    }
    out.set(name, reached);
  }
  return out;
}
