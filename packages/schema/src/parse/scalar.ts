import type { ScalarNode } from './tree.js';

// Scalar resolution exactly as gopkg.in/yaml.v3 does it (contract.md §2.1):
// YAML 1.2 core words, Go strconv integer syntax (base prefixes, a leading 0
// is octal, `_` removed), a YAML-style float pattern, and no timestamps or
// YAML 1.1 booleans (`yes`/`no` stay strings).

export type ScalarTag = 'null' | 'bool' | 'int' | 'float' | 'str';

export interface ResolvedScalar {
  readonly tag: ScalarTag;
  readonly value: null | boolean | number | string;
}

const NULL: ResolvedScalar = { tag: 'null', value: null };
const TRUE: ResolvedScalar = { tag: 'bool', value: true };
const FALSE: ResolvedScalar = { tag: 'bool', value: false };

const WORDS = new Map<string, ResolvedScalar>([
  ['~', NULL], ['null', NULL], ['Null', NULL], ['NULL', NULL],
  ['true', TRUE], ['True', TRUE], ['TRUE', TRUE],
  ['false', FALSE], ['False', FALSE], ['FALSE', FALSE],
  ['.nan', { tag: 'float', value: Number.NaN }], ['.NaN', { tag: 'float', value: Number.NaN }], ['.NAN', { tag: 'float', value: Number.NaN }],
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((w) => [w, { tag: 'float', value: Number.POSITIVE_INFINITY }] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((w) => [w, { tag: 'float', value: Number.NEGATIVE_INFINITY }] as const),
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DECIMAL = /^[0-9]+$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

const STR_TAG = 'tag:yaml.org,2002:str';
const BINARY_TAG = 'tag:yaml.org,2002:binary';
const CORE_TAG_PREFIX = 'tag:yaml.org,2002:';

/** Go strconv.ParseInt/ParseUint with base 0 (after `_` removal); undefined when the syntax is not an integer. */
function goParseInt(text: string, allowSign: boolean): bigint | undefined {
  let s = text;
  let negative = false;
  if (allowSign && (s[0] === '+' || s[0] === '-')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  let digits: RegExp;
  let prefix = '';
  if (/^0[xX]/.test(s)) { prefix = '0x'; s = s.slice(2); digits = /^[0-9a-fA-F]+$/; }
  else if (/^0[oO]/.test(s)) { prefix = '0o'; s = s.slice(2); digits = /^[0-7]+$/; }
  else if (/^0[bB]/.test(s)) { prefix = '0b'; s = s.slice(2); digits = /^[01]+$/; }
  else if (s.length > 1 && s[0] === '0') { prefix = '0o'; s = s.slice(1); digits = /^[0-7]+$/; }
  else digits = /^[0-9]+$/;
  if (!digits.test(s)) return undefined;
  const magnitude = BigInt(prefix + s);
  return negative ? -magnitude : magnitude;
}

export function resolvePlainScalar(text: string): ResolvedScalar {
  if (text === '') return NULL;
  const word = WORDS.get(text);
  if (word) return word;
  const first = text.charCodeAt(0);
  if (first === 0x2e /* . */) {
    return DOT_FLOAT.test(text) ? { tag: 'float', value: Number(text) } : { tag: 'str', value: text };
  }
  const isDigit = first >= 0x30 && first <= 0x39;
  if (!isDigit && first !== 0x2b && first !== 0x2d) return { tag: 'str', value: text };
  // Common case first: a short decimal without a leading zero (ports, counts, weights).
  if (isDigit && text.length < 16 && (first !== 0x30 || text.length === 1) && DECIMAL.test(text)) {
    return { tag: 'int', value: Number(text) };
  }
  const plain = text.includes('_') ? text.replaceAll('_', '') : text;
  const signed = goParseInt(plain, true);
  if (signed !== undefined && signed >= INT64_MIN && signed <= INT64_MAX) return { tag: 'int', value: Number(signed) };
  const unsigned = goParseInt(plain, false);
  if (unsigned !== undefined && unsigned <= UINT64_MAX) return { tag: 'int', value: Number(unsigned) };
  if (YAML_STYLE_FLOAT.test(plain)) {
    const value = Number(plain);
    if (Number.isFinite(value)) return { tag: 'float', value };
  }
  return { tag: 'str', value: text };
}

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/;

/**
 * Whether yaml.v3 would read this plain scalar as a timestamp (its layouts `2006-1-2`,
 * `2006-1-2T15:4:5.999999999Z07:00`, `2006-1-2 15:4:5.999999999`). We keep such values as text
 * (contract.md §2.1); the tag only shows in decoding messages.
 */
export function isGoTimestamp(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const hour = Number(match[4] ?? match[7] ?? 0);
  const minute = Number(match[5] ?? match[8] ?? 0);
  const second = Number(match[6] ?? match[9] ?? 0);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the scalar resolves to null (cheaper than resolveScalar: no allocation for other text). */
export function isNullScalar(node: ScalarNode): boolean {
  if (!node.plain) return false;
  const text = node.text;
  if (text.length > 4) return false;
  if (node.tag !== undefined) return resolveScalar(node).tag === 'null';
  return text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL';
}

/** The resolved value of a scalar node (memoised on the node: decode and the generic document both ask). */
export function resolveScalar(node: ScalarNode): ResolvedScalar {
  let resolved = node.resolved;
  if (resolved === undefined) {
    if (!node.plain || node.tag === STR_TAG || node.tag === BINARY_TAG) resolved = { tag: 'str', value: node.text };
    else if (node.tag !== undefined && !node.tag.startsWith(CORE_TAG_PREFIX)) resolved = { tag: 'str', value: node.text };
    else resolved = resolvePlainScalar(node.text);
    node.resolved = resolved;
  }
  return resolved;
}
