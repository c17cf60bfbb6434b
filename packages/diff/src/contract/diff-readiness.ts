import type { Contract } from '@pacto/schema';
import type { Change } from '../change.js';
import { emptyRuleType, makeChange, optionalIntType } from '../change-list.js';
import { indexBy, walkKeyed } from '../keyed.js';
import { lastIndexOfKey, str } from './diff-side.js';

// YAML 1.1 parsers may hand back a Date for an unquoted `2026-12-31`; print it as written.
const dateText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : str(value));

interface Check {
  readonly id?: string;
  readonly type?: string;
  readonly evidence?: string;
  readonly weight?: number;
  readonly expires?: string;
  readonly description?: string | undefined;
  readonly status?: string;
  readonly category?: string | undefined;
}

/** `type=… weight=… evidence=… expires=…` (diff.md §3.8 [decision]). */
export const fmtCheck = (c: Check) => `type=${str(c.type)} weight=${str(c.weight)} evidence=${str(c.evidence)} expires=${dateText(c.expires)}`;

/** `type=… status=… weight=… evidence=…[ category=…]` (contract-2.0.md §8). */
export const fmtClaim = (c: Check) =>
  `type=${str(c.type)} status=${str(c.status)} weight=${str(c.weight)} evidence=${str(c.evidence)}${c.category ? ` category=${c.category}` : ''}`;

/** Every field a change of a check or claim is about (the description counts, though it is not shown). */
const identity = (c: Check) =>
  [c.type, c.status, c.category, c.evidence, c.weight, dateText(c.expires), c.description].map((v) => str(v)).join('\u0000');

const idOf = (c: Check) => str(c.id);

interface Assessment {
  readonly minScore?: number | undefined;
  readonly expires?: string;
  readonly partialCredit?: number | undefined;
  readonly checks?: readonly Check[];
  readonly claims?: readonly Check[];
}

/** The claims-style formats (1.2, 2.0) have an assessment-level expiry; 1.1 dates each check. */
const isClaimsStyle = (r: Assessment) => r.expires !== undefined;
const itemsOf = (r: Assessment): readonly Check[] | undefined => r.claims ?? r.checks;

/**
 * The readiness block; every change is informational (diff.md §3.8, contract-2.0.md §8). Checks and claims are
 * keyed by id under the list name of the new side (`checks`, or `claims` in 2.0); the history is not compared.
 */
export function diffReadiness(oldC: Contract, newC: Contract): Change[] {
  const o = oldC.readiness as Assessment | undefined;
  const n = newC.readiness as Assessment | undefined;
  const location = (...path: (string | number)[]) => ({ side: 'new' as const, path: ['readiness', ...path] });
  if (!o && !n) return [];
  if (!o) return [makeChange('readiness', 'added', { newValue: 'readiness', location: location() })];
  if (!n) return [makeChange('readiness', 'removed', { oldValue: 'readiness', location: location() })];
  const out: Change[] = [];
  if (isClaimsStyle(o) || isClaimsStyle(n)) {
    const oldExpires = dateText(o.expires);
    const newExpires = dateText(n.expires);
    if (oldExpires !== newExpires) {
      out.push(makeChange('readiness.expires', emptyRuleType(oldExpires, newExpires), { oldValue: oldExpires, newValue: newExpires, location: location('expires') }));
    }
  }
  if (o.minScore !== n.minScore) {
    out.push(makeChange('readiness.minScore', optionalIntType(o.minScore, n.minScore), { oldValue: o.minScore ?? 0, newValue: n.minScore ?? 0, location: location('minScore') }));
  }
  if (o.partialCredit !== n.partialCredit) {
    out.push(
      makeChange('readiness.partialCredit', optionalIntType(o.partialCredit, n.partialCredit), {
        oldValue: o.partialCredit ?? 0,
        newValue: n.partialCredit ?? 0,
        location: location('partialCredit'),
      }),
    );
  }
  const list = n.claims !== undefined ? 'claims' : 'checks';
  const newItems = itemsOf(n);
  const fmtOld = isClaimsStyle(o) ? fmtClaim : fmtCheck;
  const fmtNew = isClaimsStyle(n) ? fmtClaim : fmtCheck;
  const itemAt = (id: string) => {
    const index = lastIndexOfKey(newItems, idOf, id);
    return index < 0 ? location(list) : location(list, index);
  };
  walkKeyed(indexBy(itemsOf(o), idOf), indexBy(newItems, idOf), {
    removed: (id, c) => out.push(makeChange(`readiness.${list}[${id}]`, 'removed', { oldValue: fmtOld(c), location: itemAt(id) })),
    both: (id, a, b) => {
      if (identity(a) !== identity(b)) out.push(makeChange(`readiness.${list}[${id}]`, 'modified', { oldValue: fmtOld(a), newValue: fmtNew(b), location: itemAt(id) }));
    },
    added: (id, c) => out.push(makeChange(`readiness.${list}[${id}]`, 'added', { newValue: fmtNew(c), location: itemAt(id) })),
  });
  return out;
}
