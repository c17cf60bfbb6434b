import type { ChangeType, Classification } from './change.js';

const NB: Classification = 'NON_BREAKING';
const PB: Classification = 'POTENTIAL_BREAKING';
const B: Classification = 'BREAKING';

type Rule = Partial<Record<ChangeType, Classification>>;
const all = (c: Classification): Rule => ({ added: c, removed: c, modified: c });
// The "empty rule" fields of the runtime block: appearing is harmless, changing or vanishing may break callers.
const appearSafe: Rule = { added: NB, modified: PB, removed: PB };

// diff.md §3 and §4.2, contract-2.0.md §8: (path, type) -> classification. Bracketed identities are stripped
// before lookup.
const RULES: Readonly<Record<string, Rule>> = {
  pactoVersion: all(NB),
  'service.name': { modified: B },
  'service.version': { modified: NB },
  'service.owner.team': all(NB),
  'service.owner.dri': all(NB),
  'service.owner.contacts': all(NB),
  'service.image': all(NB),
  'service.chart': all(NB),
  scaling: { added: NB, removed: PB },
  'scaling.replicas': { modified: PB },
  'scaling.min': { modified: PB },
  'scaling.max': { modified: NB },
  'runtime.workload': { modified: B },
  'runtime.state.type': { modified: B },
  'runtime.state.persistence.scope': { modified: B },
  'runtime.state.persistence.durability': { modified: B },
  'runtime.state.dataCriticality': { modified: PB },
  'runtime.lifecycle.upgradeStrategy': appearSafe,
  'runtime.lifecycle.gracefulShutdownSeconds': all(NB),
  'runtime.health.interface': appearSafe,
  'runtime.health.path': appearSafe,
  'runtime.health.initialDelaySeconds': all(NB),
  'runtime.metrics.interface': appearSafe,
  'runtime.metrics.path': appearSafe,
  workload: { added: NB, removed: NB, modified: B },
  state: { added: NB },
  'state.type': { modified: B },
  'state.persistence.scope': { modified: B },
  'state.persistence.durability': { modified: B },
  'state.dataCriticality': { added: NB, removed: NB, modified: PB },
  capabilities: { added: NB, removed: PB },
  interfaces: { added: NB, removed: B },
  'interfaces.ref': { modified: PB },
  'interfaces.type': { modified: B },
  'interfaces.port': { added: PB, removed: B, modified: B },
  'interfaces.visibility': { modified: PB },
  'interfaces.contract': { modified: PB },
  dependencies: { added: NB, removed: B },
  'dependencies.ref': { modified: PB },
  'dependencies.compatibility': { modified: PB },
  'dependencies.required': { modified: PB },
  configurations: { added: NB, removed: B },
  'configurations.schema': { added: NB, removed: B, modified: PB },
  'configurations.ref': { added: NB, removed: B, modified: PB },
  policies: { added: NB, removed: PB },
  'policies.schema': { modified: PB },
  'policies.ref': { added: NB, removed: PB, modified: PB },
  readiness: all(NB),
  'readiness.minScore': all(NB),
  'readiness.checks': all(NB),
  'readiness.claims': all(NB),
  'readiness.expires': all(NB),
  'readiness.partialCredit': all(NB),
  'openapi.paths': { added: NB, removed: B },
  'openapi.paths.methods': { added: NB, removed: B },
  'openapi.paths.methods.parameters': { added: PB, removed: B, modified: PB },
  'openapi.paths.methods.request-body': all(PB),
  'openapi.paths.methods.responses': { added: NB, removed: B, modified: PB },
};

/** Classification of a contract-level or OpenAPI change by rule lookup (diff.md §2.3). */
export function classifyChange(path: string, type: ChangeType): Classification {
  const exact = RULES[path]?.[type];
  if (exact) return exact;
  return RULES[withoutBrackets(path)]?.[type] ?? PB;
}

/**
 * `path` without its `[...]` parts (as `path.replace(/\[.*?\]/g, '')`, which backtracks on many `[` without
 * `]`): each `[` up to the next `]` on the same line is removed. Linear: the next `]` and line break are
 * looked up once each as the scan passes them.
 */
export function withoutBrackets(path: string): string {
  let out = '';
  let copied = 0;
  let close = -2;
  let lineBreak = -2;
  for (let open = path.indexOf('['); open >= 0; open = path.indexOf('[', open + 1)) {
    if (close !== -1 && close < open) close = path.indexOf(']', open + 1);
    if (close === -1) break;
    if (lineBreak !== -1 && lineBreak < open) lineBreak = path.indexOf('\n', open + 1);
    if (lineBreak !== -1 && lineBreak < close) continue;
    out += path.slice(copied, open);
    copied = close + 1;
    open = close;
  }
  return copied === 0 ? path : out + path.slice(copied);
}

/** Classification of a JSON-Schema content change (diff.md §5.2). */
export function classifySchemaChange(classifyingPath: string): Classification {
  return classifyingPath.endsWith('.required') ? B : PB;
}
