import type { ContractV1Family as Contract } from '@pacto/schema';
import type { Change } from '../change.js';
import { emptyRuleType, makeChange, optionalIntType } from '../change-list.js';
import { str } from './diff-side.js';

/** Runtime block (diff.md §3.3); a missing runtime on one side compares as an empty one. */
export function diffRuntime(oldC: Contract, newC: Contract): Change[] {
  if (!oldC.runtime && !newC.runtime) return [];
  const o = oldC.runtime;
  const n = newC.runtime;
  const out: Change[] = [];
  const loc = (path: string) => ({ side: 'new' as const, path: path.split('.') });

  const modifiedIfDiffers = (path: string, a: unknown, b: unknown) => {
    if (str(a) !== str(b)) out.push(makeChange(path, 'modified', { oldValue: str(a), newValue: str(b), location: loc(path) }));
  };
  const emptyRule = (path: string, a: unknown, b: unknown) => {
    const oldValue = str(a);
    const newValue = str(b);
    if (oldValue !== newValue) out.push(makeChange(path, emptyRuleType(oldValue, newValue), { oldValue, newValue, location: loc(path) }));
  };
  const optionalInt = (path: string, a: number | undefined, b: number | undefined) => {
    if (a === b) return;
    out.push(makeChange(path, optionalIntType(a, b), { oldValue: a ?? 0, newValue: b ?? 0, location: loc(path) }));
  };

  modifiedIfDiffers('runtime.workload', o?.workload, n?.workload);
  modifiedIfDiffers('runtime.state.type', o?.state?.type, n?.state?.type);
  modifiedIfDiffers('runtime.state.persistence.scope', o?.state?.persistence?.scope, n?.state?.persistence?.scope);
  modifiedIfDiffers('runtime.state.persistence.durability', o?.state?.persistence?.durability, n?.state?.persistence?.durability);
  modifiedIfDiffers('runtime.state.dataCriticality', o?.state?.dataCriticality, n?.state?.dataCriticality);
  emptyRule('runtime.lifecycle.upgradeStrategy', o?.lifecycle?.upgradeStrategy, n?.lifecycle?.upgradeStrategy);
  optionalInt('runtime.lifecycle.gracefulShutdownSeconds', o?.lifecycle?.gracefulShutdownSeconds, n?.lifecycle?.gracefulShutdownSeconds);
  emptyRule('runtime.health.interface', o?.health?.interface, n?.health?.interface);
  emptyRule('runtime.health.path', o?.health?.path, n?.health?.path);
  optionalInt('runtime.health.initialDelaySeconds', o?.health?.initialDelaySeconds, n?.health?.initialDelaySeconds);
  emptyRule('runtime.metrics.interface', o?.metrics?.interface, n?.metrics?.interface);
  emptyRule('runtime.metrics.path', o?.metrics?.path, n?.metrics?.path);
  return out;
}
