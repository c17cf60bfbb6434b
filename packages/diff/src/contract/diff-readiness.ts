import type { Contract, ReadinessCheck } from '@pacto/schema';
import type { Change } from '../change.js';
import { makeChange, optionalIntType } from '../change-list.js';
import { indexBy, walkKeyed } from '../keyed.js';
import { lastIndexOfKey, str } from './diff-side.js';

// YAML 1.1 parsers may hand back a Date for an unquoted `2026-12-31`; print it as written.
const dateText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : str(value));

/** `type=… weight=… evidence=… expires=…` (diff.md §3.8 [decision]). */
export const fmtCheck = (c: ReadinessCheck) =>
  `type=${str(c.type)} weight=${str(c.weight)} evidence=${str(c.evidence)} expires=${dateText(c.expires)}`;

const sameCheck = (a: ReadinessCheck, b: ReadinessCheck) =>
  str(a.type) === str(b.type) &&
  str(a.evidence) === str(b.evidence) &&
  a.weight === b.weight &&
  dateText(a.expires) === dateText(b.expires) &&
  str(a.description) === str(b.description);

const idOf = (c: ReadinessCheck) => str(c.id);

/** Readiness block of 1.1 contracts; every change is informational (diff.md §3.8). */
export function diffReadiness(oldC: Contract, newC: Contract): Change[] {
  const o = oldC.readiness;
  const n = newC.readiness;
  const location = (...path: (string | number)[]) => ({ side: 'new' as const, path: ['readiness', ...path] });
  if (!o && !n) return [];
  if (!o) return [makeChange('readiness', 'added', { newValue: 'readiness', location: location() })];
  if (!n) return [makeChange('readiness', 'removed', { oldValue: 'readiness', location: location() })];
  const out: Change[] = [];
  if (o.minScore !== n.minScore) {
    out.push(makeChange('readiness.minScore', optionalIntType(o.minScore, n.minScore), { oldValue: o.minScore ?? 0, newValue: n.minScore ?? 0, location: location('minScore') }));
  }
  const checkAt = (id: string) => {
    const index = lastIndexOfKey(n.checks, idOf, id);
    return index < 0 ? location('checks') : location('checks', index);
  };
  walkKeyed(indexBy(o.checks, idOf), indexBy(n.checks, idOf), {
    removed: (id, c) => out.push(makeChange(`readiness.checks[${id}]`, 'removed', { oldValue: fmtCheck(c), location: checkAt(id) })),
    both: (id, a, b) => {
      if (!sameCheck(a, b)) out.push(makeChange(`readiness.checks[${id}]`, 'modified', { oldValue: fmtCheck(a), newValue: fmtCheck(b), location: checkAt(id) }));
    },
    added: (id, c) => out.push(makeChange(`readiness.checks[${id}]`, 'added', { newValue: fmtCheck(c), location: checkAt(id) })),
  });
  return out;
}
