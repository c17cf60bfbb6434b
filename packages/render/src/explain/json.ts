import { isContractV20, type Contract } from '@pacto/schema';
import type { ClaimsReadinessEvaluation } from '@pacto/validate';
import { interfaceViews, runtimeView, scalingOf } from '../contract-view.js';
import { displayOwner } from '../owner.js';
import { isClaimsSummary, type ExplainReadiness, type ReadinessSummary } from './readiness-summary.js';

/**
 * The `pacto explain --output-format json` object of cli.md §4.7. Key order matters (CI scripts
 * and golden files compare bytes), so objects are built in the documented order and optional keys
 * are added only when set. A 2.0 contract keeps the same keys (`runtime` from its `workload` and `state`) and adds
 * its interfaces' `ref` and `capabilities`; claims readiness follows contract-2.0.md §7.
 */
export function buildExplainJson(contract: Contract, readiness?: ExplainReadiness): Record<string, unknown> {
  const out: Record<string, unknown> = { name: contract.service.name, version: contract.service.version };
  const owner = displayOwner(contract.service.owner);
  if (owner !== undefined) out.owner = owner;
  out.pactoVersion = contract.pactoVersion;
  const runtime = runtimeView(contract);
  out.runtime = {
    workloadType: runtime?.workload ?? '',
    stateType: runtime?.state?.type ?? '',
    scope: runtime?.state?.persistence?.scope ?? '',
    durability: runtime?.state?.persistence?.durability ?? '',
    dataCriticality: runtime?.state?.dataCriticality ?? '',
  };
  const interfaces = interfaceViews(contract);
  const v20 = isContractV20(contract);
  if (interfaces.length > 0) {
    out.interfaces = interfaces.map((i) => ({
      name: i.name,
      type: i.type,
      ...(i.port !== undefined && i.port !== 0 ? { port: i.port } : {}),
      ...(v20 && i.spec ? { ref: i.spec } : {}),
      ...(i.visibility ? { visibility: i.visibility } : {}),
    }));
  }
  if (v20 && contract.capabilities?.length) {
    out.capabilities = contract.capabilities.map((c) => ({
      type: c.type,
      ...(c.ref ? { ref: c.ref } : {}),
      ...(c.binding
        ? { binding: { type: c.binding.type, interface: c.binding.interface, ...(c.binding.path ? { path: c.binding.path } : {}) } }
        : {}),
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
  const scaling = scalingOf(contract);
  if (scaling) {
    const s = scaling;
    out.scaling = {
      ...(s.replicas !== undefined ? { replicas: s.replicas } : {}),
      min: s.min ?? 0,
      max: s.max ?? 0,
    };
  }
  if (contract.metadata && Object.keys(contract.metadata).length > 0) out.metadata = sortKeysDeep(contract.metadata);
  if (contract.readiness && readiness) out.readiness = isClaimsSummary(readiness) ? claimsJson(readiness) : readinessJson(readiness);
  return out;
}

/** The claims readiness keys of contract-2.0.md §7 (the Go tool's, in its order). */
function claimsJson(r: ClaimsReadinessEvaluation): Record<string, unknown> {
  return {
    score: r.score,
    minScore: r.minScore,
    passing: r.passing,
    totalWeight: r.totalWeight,
    earnedWeight: r.earnedWeight,
    partialCredit: r.partialCredit,
    expires: r.expires,
    expired: r.expired,
    ...(r.daysRemaining === null ? {} : { daysRemaining: r.daysRemaining }),
    doneCount: r.doneCount,
    partialCount: r.partialCount,
    notDoneCount: r.notDoneCount,
    deferredCount: r.deferredCount,
    ...(r.history.length > 0
      ? { revisions: r.history.map((h) => ({ date: h.date, version: h.version, author: h.author, description: h.description })) }
      : {}),
    checks: r.claims.map((c) => ({
      id: c.id,
      type: c.type,
      ...(c.category ? { category: c.category } : {}),
      status: c.status,
      weight: c.weight,
      earnedWeight: c.earnedWeight,
      excluded: c.excluded,
      ...(c.evidence ? { evidence: c.evidence } : {}),
    })),
  };
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
