import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, Scalar, YAMLMap, YAMLSeq, type Document, type Node } from 'yaml';
import { BundleError } from './bundle-error.js';

/** CLI overrides (cli.md §3.2): values files (already read) and `--set key=value` expressions, in command-line order. */
export interface OverrideInput {
  readonly values?: readonly { readonly fileName: string; readonly text: string }[];
  readonly sets?: readonly string[];
}

type PathSegment = { readonly key: string } | { readonly index: number };

interface SetExpression {
  readonly expression: string;
  readonly path: readonly PathSegment[];
  readonly value: unknown;
}

interface ParsedOverrides {
  readonly values: readonly Record<string, unknown>[];
  readonly sets: readonly SetExpression[];
}

const YAML_OPTIONS = { version: '1.2', schema: 'core', merge: true } as const;

/**
 * Check every override before anything else happens: `--set` without `=` and malformed keys, values files that
 * do not parse or are not mappings. Throws `BundleError` with code `INVALID_OVERRIDE`.
 */
export function parseOverrides(input: OverrideInput): ParsedOverrides {
  return {
    values: (input.values ?? []).map((file) => parseValuesFile(file.fileName, file.text)),
    sets: (input.sets ?? []).map(parseSetExpression),
  };
}

/**
 * The contract text with overrides applied: values files deep-merged in order (maps merge, scalars and lists are
 * replaced), then each `--set`. Without overrides the text is returned unchanged; otherwise the document is
 * re-serialised, keeping key order and comments. A base that does not parse as a mapping is returned as is so
 * that parsing the contract reports its own error.
 */
export function applyOverrides(text: string, input: OverrideInput): string {
  const overrides = parseOverrides(input);
  if (overrides.values.length === 0 && overrides.sets.length === 0) return text;
  const parsed = parseAllDocuments(text, YAML_OPTIONS)[0];
  if (!parsed || !('contents' in parsed) || parsed.errors.length > 0) return text;
  // Overrides add nodes the parser did not produce; the document is edited as a plain Document from here.
  const doc = parsed as unknown as Document;
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) doc.contents = new YAMLMap();
  const root = doc.contents;
  if (!isMap(root)) return text;
  for (const values of overrides.values) mergeInto(doc, root, values);
  for (const set of overrides.sets) setAt(doc, root, set);
  return doc.toString({ lineWidth: 0 });
}

function parseValuesFile(fileName: string, text: string): Record<string, unknown> {
  const doc = parseAllDocuments(text, YAML_OPTIONS)[0];
  if (!doc) return {};
  const error = 'errors' in doc ? doc.errors[0] : undefined;
  if (error || !('contents' in doc)) {
    const detail = error ? error.message.split('\n')[0] : 'invalid YAML';
    throw new BundleError('INVALID_OVERRIDE', `failed to parse values file ${fileName}: ${detail}`, { cause: error });
  }
  const value: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (value === null || value === undefined) return {};
  if (!isPlainObject(value)) {
    throw new BundleError('INVALID_OVERRIDE', `failed to parse values file ${fileName}: the document must be a mapping`);
  }
  return value;
}

/** `a.b[0].c=v` -> path and typed value (int64, float, bool, else string, cli.md §3.2). */
export function parseSetExpression(expression: string): SetExpression {
  const eq = expression.indexOf('=');
  if (eq < 0) throw new BundleError('INVALID_OVERRIDE', `invalid --set ${JSON.stringify(expression)}: expected key=value`);
  const key = expression.slice(0, eq);
  const path: PathSegment[] = [];
  for (const part of key.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) throw new BundleError('INVALID_OVERRIDE', `invalid --set ${JSON.stringify(expression)}: invalid key ${JSON.stringify(key)}`);
    path.push({ key: match[1] as string });
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) path.push({ index: Number(index[1]) });
  }
  return { expression, path, value: typeSetValue(expression.slice(eq + 1)) };
}

const INT_PATTERN = /^[+-]?\d+$/;
const FLOAT_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function typeSetValue(raw: string): unknown {
  if (INT_PATTERN.test(raw)) {
    const big = BigInt(raw);
    if (big >= INT64_MIN && big <= INT64_MAX) return Number.isSafeInteger(Number(big)) ? Number(big) : big;
  }
  if (FLOAT_PATTERN.test(raw)) {
    const scalar = new Scalar(Number(raw));
    // Keep `1.0` a float in the re-serialised YAML instead of collapsing it to the integer `1`.
    const fraction = /\.(\d*)/.exec(raw)?.[1] ?? '';
    if (Number.isInteger(scalar.value) && !/[eE]/.test(raw)) scalar.minFractionDigits = Math.max(1, fraction.length);
    return scalar;
  }
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return raw;
}

function mergeInto(doc: Document, target: YAMLMap, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = ownChild(doc, target, key);
    if (isPlainObject(value) && isMap(existing)) mergeInto(doc, existing, value);
    else setKey(target, key, doc.createNode(value));
  }
}

function setAt(doc: Document, root: YAMLMap, set: SetExpression): void {
  let container: YAMLMap | YAMLSeq = root;
  const value = set.value instanceof Scalar ? set.value : doc.createNode(set.value);
  set.path.forEach((segment, i) => {
    const next = set.path[i + 1];
    const wantList = next !== undefined && 'index' in next;
    if ('key' in segment) {
      const map = container as YAMLMap;
      if (next === undefined) return setKey(map, segment.key, value);
      let child = ownChild(doc, map, segment.key);
      if (wantList ? !isSeq(child) : !isMap(child)) {
        child = wantList ? new YAMLSeq() : new YAMLMap();
        setKey(map, segment.key, child);
      }
      container = child as YAMLMap | YAMLSeq;
      return;
    }
    if (!isSeq(container)) throw new BundleError('INVALID_OVERRIDE', `invalid --set ${JSON.stringify(set.expression)}: not a list`);
    const seq: YAMLSeq = container;
    if (segment.index > seq.items.length) {
      throw new BundleError(
        'INVALID_OVERRIDE',
        `invalid --set ${JSON.stringify(set.expression)}: index ${segment.index} out of range (list has ${seq.items.length} element(s))`,
      );
    }
    if (next === undefined) {
      seq.items[segment.index] = value;
      return;
    }
    let child = seq.items[segment.index] as Node | undefined;
    if (isAlias(child)) child = (child.resolve(doc) as Node | undefined)?.clone() as Node | undefined;
    if (wantList ? !isSeq(child) : !isMap(child)) child = wantList ? new YAMLSeq() : new YAMLMap();
    seq.items[segment.index] = child;
    container = child as YAMLMap | YAMLSeq;
  });
}

/**
 * The value node under `key`, matched by its text so `200` finds an integer key. An alias is replaced by a copy
 * of its target, so an override changes this place only, as it would in the Go tool's decoded map.
 */
function ownChild(doc: Document, map: YAMLMap, key: string): Node | undefined {
  const pair = map.items.find((p) => keyText(p.key) === key);
  if (!pair) return undefined;
  if (isAlias(pair.value)) pair.value = (pair.value.resolve(doc) as Node | undefined)?.clone() ?? null;
  return (pair.value ?? undefined) as Node | undefined;
}

function setKey(map: YAMLMap, key: string, value: unknown): void {
  const pair = map.items.find((p) => keyText(p.key) === key);
  if (pair) pair.value = value;
  else map.add({ key: new Scalar(key), value });
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map) && !(value instanceof Set);
}
