import type { Contract } from '@pacto/schema';
import { displayOwner } from '../owner.js';
import type { ReadinessSummary } from './readiness-summary.js';

/**
 * The `pacto explain --output-format json` object of cli.md §4.7. Key order matters (CI scripts
 * and golden files compare bytes), so objects are built in the documented order and optional keys
 * are added only when set.
 */
export function buildExplainJson(contract: Contract, readiness?: ReadinessSummary): Record<string, unknown> {
  const out: Record<string, unknown> = { name: contract.service.name, version: contract.service.version };
  const owner = displayOwner(contract.service.owner);
  if (owner !== undefined) out.owner = owner;
  out.pactoVersion = contract.pactoVersion;
  const runtime = contract.runtime;
  out.runtime = {
    workloadType: runtime?.workload ?? '',
    stateType: runtime?.state?.type ?? '',
    scope: runtime?.state?.persistence?.scope ?? '',
    durability: runtime?.state?.persistence?.durability ?? '',
    dataCriticality: runtime?.state?.dataCriticality ?? '',
  };
  if (contract.interfaces?.length) {
    out.interfaces = contract.interfaces.map((i) => ({
      name: i.name,
      type: i.type,
      ...(i.port !== undefined && i.port !== 0 ? { port: i.port } : {}),
      ...(i.visibility ? { visibility: i.visibility } : {}),
    }));
  }
  if (contract.dependencies?.length) {
    out.dependencies = contract.dependencies.map((d) => ({
      name: d.name,
      ref: d.ref,
      required: d.required ?? false,
      compatibility: d.compatibility,
    }));
  }
  if (contract.scaling) {
    const s = contract.scaling;
    out.scaling = {
      ...(s.replicas !== undefined ? { replicas: s.replicas } : {}),
      min: s.min ?? 0,
      max: s.max ?? 0,
    };
  }
  if (contract.metadata && Object.keys(contract.metadata).length > 0) out.metadata = sortKeysDeep(contract.metadata);
  if (contract.readiness && readiness) out.readiness = readinessJson(readiness);
  return out;
}

function readinessJson(r: ReadinessSummary): Record<string, unknown> {
  return {
    score: r.score,
    minScore: r.minScore,
    passing: r.passing,
    totalWeight: r.totalWeight,
    currentWeight: r.currentWeight,
    currentCount: r.currentCount,
    expiredCount: r.expiredCount,
    ...(r.invalidCount > 0 ? { invalidCount: r.invalidCount } : {}),
    checks: r.checks.map((c) => ({
      id: c.id,
      type: c.type,
      status: c.status,
      weight: c.weight,
      expires: c.expires,
      ...(c.evidence ? { evidence: c.evidence } : {}),
    })),
  };
}

// Go's encoder writes map keys in sorted order; metadata is a map there.
function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
  return sorted;
}
