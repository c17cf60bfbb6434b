import { compareCodePoints } from './code-point-order.js';

// Changes whose numbers came from a JSON document: Go decodes those as float64, so they print in %v float form
// (`1e+06`). Numbers from pacto.yaml are integers unless written with a fraction or exponent.
const jsonNumberChanges = new WeakSet<object>();

export function markJsonNumbers<T extends object>(change: T): T {
  jsonNumberChanges.add(change);
  return change;
}

export function hasJsonNumbers(change: object): boolean {
  return jsonNumberChanges.has(change);
}

/** Go's `%v` for a float64: shortest digits, exponent form when the exponent is < -4 or >= 21 → here >= 6. */
export function formatGoFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mantissa, exponentText] = n.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(n);
}

/**
 * Render a change value the way Go's `%v` does (diff.md §8.1).
 * `jsonNumbers`: every number is a float64; otherwise integers print as plain decimals.
 */
export function showValue(value: unknown, jsonNumbers = false): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!jsonNumbers && Number.isInteger(value)) return String(value);
    return formatGoFloat(value);
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `[${value.map((item) => showValue(item, jsonNumbers)).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .sort(compareCodePoints)
      .map((key) => `${key}:${showValue((value as Record<string, unknown>)[key], jsonNumbers)}`);
    return `map[${entries.join(' ')}]`;
  }
  return String(value);
}

/** The ` [...]` suffix of a text line (diff.md §8.1). */
export function changeSuffix(change: {
  readonly type: string;
  readonly oldValue?: unknown;
  readonly newValue?: unknown;
}): string {
  const json = hasJsonNumbers(change);
  const hasOld = change.oldValue !== undefined;
  const hasNew = change.newValue !== undefined;
  if (change.type === 'modified' && hasOld && hasNew) {
    return ` [${showValue(change.oldValue, json)} -> ${showValue(change.newValue, json)}]`;
  }
  if (change.type === 'added' && hasNew) return ` [+ ${showValue(change.newValue, json)}]`;
  if (change.type === 'removed' && hasOld) return ` [- ${showValue(change.oldValue, json)}]`;
  return '';
}
