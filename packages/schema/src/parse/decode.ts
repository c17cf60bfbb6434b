import type { Contract } from '../contract-types.js';
import { didYouMean } from '../suggest.js';
import { contractShape, contractShapeV20 } from './contract-shapes.js';
import type { FieldSpec, StructShape } from './contract-shapes.js';
import { describeExpected, describeFound, inside, pathText, quoteValue } from './describe.js';
import type { PathSegment } from './describe.js';
import { toGeneric } from './generic.js';
import type { GenericSink } from './generic.js';
import { MAX_DEPTH } from './limits.js';
import { duplicateKeys, isMergeKey, mergedSources, tooDeep } from './map-pairs.js';
import { isNullScalar, resolveScalar } from './scalar.js';
import type { DecodeError, MapNode, YamlNode } from './tree.js';

// Strict typed decoding (contract.md §2.2): the kinds yaml.v3 accepts with KnownFields(true), every problem
// collected as its own one-line error at the node it is about, in document order. A few failures abort at once.

export type { DecodeError } from './tree.js';

const OLD_LAYOUT_HINTS: Readonly<Record<string, string>> = {
  configuration:
    'older layout: write "configurations:", a list of named entries such as "- name: default", instead of "configuration:"',
  policy: 'older layout: write "policies:", a list of named entries such as "- name: default", instead of "policy:"',
};

/** 1.x keys that pactoVersion 2.0 moved (contract-2.0.md §11). */
const V20_LAYOUT_HINTS: Readonly<Record<string, string>> = {
  runtime: '1.x layout: pactoVersion 2.0 has "state:" and "workload:" at the top level instead of "runtime:"; `pacto migrate` rewrites a 1.x contract',
  scaling: '1.x layout: pactoVersion 2.0 has no "scaling:"; `pacto migrate` rewrites a 1.x contract',
};

const BOOL_WORDS = new Map<string, boolean>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((w) => [w, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((w) => [w, false] as const),
]);

const MAX_INT64 = 2 ** 63;

/** The hint for a field of the wrong kind, when the fix is plain (a quoted number, a missing `- `). */
function kindHint(node: YamlNode, spec: FieldSpec): string | undefined {
  if (spec.shape.kind === 'int' && node.kind === 'scalar' && !node.plain && /^[0-9]+$/.test(node.text)) {
    return `write ${node.text} without quotes`;
  }
  if (spec.shape.kind === 'list' && node.kind === 'map') return 'start each entry of a list with "- "';
  return undefined;
}

class Decoder {
  readonly errors: DecodeError[] = [];
  readonly sink: GenericSink = { errors: this.errors, nonFinite: false };
  /** Where the decoder is, for messages (`interfaces`, 0, `port`). */
  private readonly path: PathSegment[] = [];

  private error(node: YamlNode, message: string, hint?: string): void {
    this.errors.push(hint === undefined ? { line: node.line, column: node.column, message } : { line: node.line, column: node.column, message, hint });
  }

  /** `expected an integer port (1–65535) in interfaces[0], got the string "eighty"`, at the value. */
  private kindError(node: YamlNode, spec: FieldSpec): void {
    const key = this.path[this.path.length - 1];
    const parent = this.path.slice(0, -1);
    this.error(node, `expected ${describeExpected(spec.shape, String(key))}${inside(parent)}, got ${describeFound(node)}`, kindHint(node, spec));
  }

  private isNull(node: YamlNode): boolean {
    return node.kind === 'scalar' && isNullScalar(node);
  }

  private duplicates(map: MapNode): boolean {
    const found = duplicateKeys(map, () => pathText(this.path));
    if (found.length === 0) return false;
    this.errors.push(...found);
    return true;
  }

  /** A mapping into `shape`; a null is no value, another kind is an error of `spec` (the field holding it). */
  decodeStruct(node: YamlNode, shape: StructShape, spec: FieldSpec | undefined, depth: number): Record<string, unknown> | undefined {
    if (depth > MAX_DEPTH) throw tooDeep(node);
    if (node.kind !== 'map') {
      if (!this.isNull(node)) {
        if (spec === undefined) this.error(node, `expected the contract to be a mapping of fields, got ${describeFound(node)}`);
        else this.kindError(node, spec);
      }
      return undefined;
    }
    if (this.duplicates(node)) return undefined;
    const out: Record<string, unknown> = {};
    // Only merge keys can bring a key twice (duplicates were refused above), so only they need the set.
    const seen = node.pairs.some((pair) => isMergeKey(pair.key)) ? new Set<string>() : undefined;
    if (this.decodePairs(node, shape, out, seen, depth) && seen) {
      for (const source of mergedSources(node)) this.decodeMerged(source, shape, out, seen, depth + 1);
    }
    return out;
  }

  private decodeMerged(source: MapNode, shape: StructShape, out: Record<string, unknown>, seen: Set<string> | undefined, depth: number): void {
    if (this.duplicates(source)) return;
    if (this.decodePairs(source, shape, out, seen, depth)) {
      for (const inner of mergedSources(source)) this.decodeMerged(inner, shape, out, seen, depth + 1);
    }
  }

  private unknownField(key: YamlNode & { kind: 'scalar' }, shape: StructShape): void {
    const name = key.text;
    const where = this.path.length === 0 ? ' at the top level' : inside(this.path);
    const hint =
      (this.path.length === 0 ? (OLD_LAYOUT_HINTS[name] ?? (shape === contractShapeV20 ? V20_LAYOUT_HINTS[name] : undefined)) : undefined) ??
      didYouMean(name, shape.keys) ??
      `the fields${where} are ${shape.keys.join(', ')}`;
    this.error(key, `unknown field ${quoteValue(name)}${where}`, hint);
  }

  /** Decodes the explicit pairs; true when the mapping also has `<<` merge keys. */
  private decodePairs(node: MapNode, shape: StructShape, out: Record<string, unknown>, seen: Set<string> | undefined, depth: number): boolean {
    let merges = false;
    for (const { key, value } of node.pairs) {
      if (isMergeKey(key)) {
        merges = true;
        continue;
      }
      if (key.kind !== 'scalar') {
        this.error(key, `expected a field name${inside(this.path)}, got ${describeFound(key)} as a key`);
        continue;
      }
      // yaml.v3 cannot decode a null key into a field name and skips the pair without a word.
      if (this.isNull(key)) continue;
      const name = key.text;
      if (seen?.has(name)) continue;
      const spec = shape.byName.get(name);
      if (spec === undefined) {
        this.unknownField(key, shape);
        continue;
      }
      seen?.add(name);
      this.path.push(name);
      const decoded = this.decodeField(value, spec, depth + 1);
      this.path.pop();
      if (decoded !== undefined) out[name] = decoded;
    }
    return merges;
  }

  private decodeField(node: YamlNode, spec: FieldSpec, depth: number): unknown {
    const shape = spec.shape;
    switch (shape.kind) {
      case 'string':
        if (node.kind !== 'scalar') {
          this.kindError(node, spec);
          return undefined;
        }
        return this.isNull(node) ? undefined : node.text;
      case 'int': {
        if (node.kind !== 'scalar') {
          this.kindError(node, spec);
          return undefined;
        }
        const resolved = resolveScalar(node);
        if (resolved.tag === 'null') return undefined;
        const value = resolved.value;
        if ((resolved.tag === 'int' || resolved.tag === 'float') && typeof value === 'number' && Number.isFinite(value) && value < MAX_INT64 && value >= -MAX_INT64) {
          return Math.trunc(value) + 0;
        }
        this.kindError(node, spec);
        return undefined;
      }
      case 'float': {
        if (node.kind !== 'scalar') {
          this.kindError(node, spec);
          return undefined;
        }
        const resolved = resolveScalar(node);
        if (resolved.tag === 'null') return undefined;
        if ((resolved.tag === 'int' || resolved.tag === 'float') && typeof resolved.value === 'number') return resolved.value;
        this.kindError(node, spec);
        return undefined;
      }
      case 'stringList': {
        if (node.kind !== 'seq') {
          if (!this.isNull(node)) this.kindError(node, spec);
          return undefined;
        }
        const items: string[] = [];
        node.items.forEach((item, index) => {
          if (item.kind === 'scalar') {
            items.push(this.isNull(item) ? '' : item.text);
            return;
          }
          this.path.push(index);
          this.error(item, `expected a string${inside(this.path)}, got ${describeFound(item)}`);
          this.path.pop();
        });
        return items;
      }
      case 'bool': {
        if (node.kind !== 'scalar') {
          this.kindError(node, spec);
          return undefined;
        }
        const resolved = resolveScalar(node);
        if (resolved.tag === 'null') return undefined;
        if (resolved.tag === 'bool') return resolved.value;
        const word = resolved.tag === 'str' ? BOOL_WORDS.get(node.text) : undefined;
        if (word !== undefined) return word;
        this.kindError(node, spec);
        return undefined;
      }
      case 'owner':
        if (node.kind === 'seq') {
          this.kindError(node, spec);
          return undefined;
        }
        if (node.kind === 'scalar') return this.isNull(node) ? undefined : node.text;
        return this.withZeros(this.decodeStruct(node, shape.type, spec, depth), shape.type);
      case 'freeMap':
        if (node.kind === 'map') return toGeneric(node, this.sink, depth, () => pathText(this.path)) ?? undefined;
        if (!this.isNull(node)) this.kindError(node, spec);
        return undefined;
      case 'struct': {
        const decoded = this.decodeStruct(node, shape.type, spec, depth);
        if (decoded === undefined && !spec.required) return undefined;
        return this.withZeros(decoded ?? {}, shape.type);
      }
      case 'list': {
        if (node.kind !== 'seq') {
          if (!this.isNull(node)) this.kindError(node, spec);
          return spec.required ? [] : undefined;
        }
        // As in yaml.v3, an item that does not decode (a null, or a mapping with duplicate keys) is left out.
        const items: Record<string, unknown>[] = [];
        const itemSpec: FieldSpec = { shape: { kind: 'struct', type: shape.item }, required: false };
        node.items.forEach((item, index) => {
          this.path.push(index);
          const decoded = this.decodeStruct(item, shape.item, itemSpec, depth + 1);
          this.path.pop();
          if (decoded !== undefined) items.push(this.withZeros(decoded, shape.item) as Record<string, unknown>);
        });
        return items;
      }
    }
  }

  /** Zero values for required fields that were absent or null, so the result matches its TS type. */
  withZeros(value: Record<string, unknown> | undefined, shape: StructShape): Record<string, unknown> | undefined {
    if (value === undefined) return undefined;
    for (const [name, spec] of shape.required) {
      if (value[name] !== undefined) continue;
      const kind = spec.shape.kind;
      if (kind === 'string') value[name] = '';
      else if (kind === 'int' || kind === 'float') value[name] = 0;
      else if (kind === 'bool') value[name] = false;
      else if (kind === 'list') value[name] = [];
      else if (spec.shape.kind === 'struct') value[name] = this.withZeros({}, spec.shape.type);
    }
    return value;
  }
}

export type DecodeResult =
  | { readonly ok: true; readonly contract: Contract }
  | { readonly ok: false; readonly errors: readonly DecodeError[] };

/**
 * Decode the document root into the typed contract, with the model of its format (the 1.0/1.1 model unless given).
 * Throws DecodeAbort for failures that stop decoding.
 */
export function decodeContract(root: YamlNode, shape: StructShape = contractShape): DecodeResult {
  const decoder = new Decoder();
  const decoded = decoder.decodeStruct(root, shape, undefined, 0);
  if (decoder.errors.length > 0) return { ok: false, errors: decoder.errors };
  const contract = decoder.withZeros(decoded ?? {}, shape) as unknown as Contract;
  return { ok: true, contract };
}
