import type { ContractV1Family as Contract, Scaling } from '@pacto/schema';
import type { Change } from '../change.js';
import { makeChange } from '../change-list.js';

const fmtScaling = (s: Scaling) => (s.replicas !== undefined ? `replicas=${s.replicas}` : `min=${s.min ?? 0} max=${s.max ?? 0}`);

/** Scaling block (diff.md §3.2). */
export function diffScaling(oldC: Contract, newC: Contract): Change[] {
  const o = oldC.scaling;
  const n = newC.scaling;
  const location = (field?: string) => ({ side: 'new' as const, path: field ? ['scaling', field] : ['scaling'] });
  if (!o && !n) return [];
  if (!o) return [makeChange('scaling', 'added', { newValue: fmtScaling(n!), location: location() })];
  if (!n) return [makeChange('scaling', 'removed', { oldValue: fmtScaling(o), location: location() })];
  const oldFixed = o.replicas !== undefined;
  const newFixed = n.replicas !== undefined;
  if (oldFixed !== newFixed) return [makeChange('scaling', 'modified', { oldValue: fmtScaling(o), newValue: fmtScaling(n), location: location() })];
  const out: Change[] = [];
  if (oldFixed) {
    if (o.replicas !== n.replicas) out.push(makeChange('scaling.replicas', 'modified', { oldValue: o.replicas, newValue: n.replicas, location: location('replicas') }));
    return out;
  }
  if ((o.min ?? 0) !== (n.min ?? 0)) out.push(makeChange('scaling.min', 'modified', { oldValue: o.min ?? 0, newValue: n.min ?? 0, location: location('min') }));
  if ((o.max ?? 0) !== (n.max ?? 0)) out.push(makeChange('scaling.max', 'modified', { oldValue: o.max ?? 0, newValue: n.max ?? 0, location: location('max') }));
  return out;
}
